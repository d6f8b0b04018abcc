// Turns raw benchmark results into rows of the results table. Pure, so the smoke tests can
// check that every benchmark still produces its row.
import { percentile, spread, summary } from './stats.mjs';

export const ROUTES = ['/', '/events/[id]', '/charts', '/upload'];
/**
 * How long a mouse rests on a choice before clicking it, for the second set of outlet toggles. A
 * person's pointer rests longer (SvelteKit counts on a couple of hundred milliseconds for links);
 * the page starts loading after 20 ms of rest.
 */
export const REST_MS = 150;

export const TARGETS = {
	ingestRatio: 1.3,
	longTaskMs: 50,
	filterP95Ms: 50,
	/** Filter → charts p95 for a stored dataset of 10M rows (50 ms holds up to 1M). */
	storedFilterP95Ms10M: 100,
	pageKb: 200,
	importRatio: 1.3,
	aggregateMs: 100,
	compareKb: 100,
	compareHtmlKb: 60,
	lighthouseScore: 95,
	lcpMs: 2500,
	tbtMs: 150,
	cls: 0.05
};

const s = (values, scale = 1) => summary(values.map((v) => v / scale));

export function serverRows(r) {
	const ratio = summary(r.importMs.map((ms, i) => ms / r.floorMs[i]));
	const agg = summary(r.aggregateMs);
	const aggFiltered = summary(r.aggregateFilteredMs);
	const rows = r.rows.toLocaleString('en-GB');
	return [
		{
			name: `Server import, ${rows} rows into DuckDB (${r.via === 'http' ? 'POST /api/datasets on the built app' : 'datasetBatches + createDataset in-process'}) vs floor`,
			value: `${spread(ratio)}×`,
			detail: `import ${spread(s(r.importMs, 1000), 2, ' s')}; floor = papaparse alone ${spread(s(r.parseMs, 1000), 2, ' s')} + DuckDB read_csv insert ${spread(s(r.insertMs, 1000), 2, ' s')}`,
			target: `≤ ${TARGETS.importRatio}×`,
			met: ratio.median <= TARGETS.importRatio
		},
		{
			name: `Server aggregate, week × group × frame, ${rows} stored rows, no filter`,
			value: spread(agg, 1, ' ms'),
			detail: `${r.aggregateMs.length} queries, ${r.aggregateRows} result rows`,
			target: `≤ ${TARGETS.aggregateMs} ms median`,
			met: agg.median <= TARGETS.aggregateMs
		},
		{
			name: 'Server aggregate, same, date filter (12 months)',
			value: spread(aggFiltered, 1, ' ms'),
			detail: `${r.aggregateFilteredMs.length} queries`,
			target: `≤ ${TARGETS.aggregateMs} ms median`,
			met: aggFiltered.median <= TARGETS.aggregateMs
		}
	];
}

export function ingestRows(ingest) {
	// Against the faster bare read of each run (see BARE_READS in browser.mjs).
	const ratio = summary(ingest.realMs.map((ms, i) => ms / Math.min(ingest.bareMs[i], ingest.bareStreamMs[i] ?? Infinity)));
	const longest = summary(ingest.longestTaskMs);
	return [
		{
			name: `Browser ingest, ${ingest.rows.toLocaleString('en-GB')} rows via /upload (parse + validate + aggregate in the worker) vs bare papaparse in a worker`,
			value: `${spread(ratio)}×`,
			detail: `upload ${spread(s(ingest.realMs, 1000), 2, ' s')}; bare papaparse reading the File its own way ${spread(s(ingest.bareMs, 1000), 2, ' s')}, or streamed as the upload reads it ${spread(s(ingest.bareStreamMs ?? [], 1000), 2, ' s')}; each run's ratio is against the faster`,
			target: `≤ ${TARGETS.ingestRatio}×`,
			met: ratio.median <= TARGETS.ingestRatio
		},
		{
			name: 'Browser ingest: longest main-thread task (longtask observer)',
			value: spread(longest, 0, ' ms'),
			detail: 'from the click on “Check every row” until the report is drawn; max over runs',
			target: `no task > ${TARGETS.longTaskMs} ms`,
			met: longest.max <= TARGETS.longTaskMs
		},
		...(ingest.traced
			? [
					{
						name: 'Browser ingest: longest main-thread task (Chromium trace, with style, layout and paint)',
						value: `${ingest.traced.longestMs.toFixed(0)} ms`,
						detail: `one more run from the loaded /upload page, traced (tracing slows it): ${ingest.traced.over50} tasks over 50 ms on the page's main thread; the longest task's thread time ${cpu(ingest.traced)}`,
						target: `no task > ${TARGETS.longTaskMs} ms`,
						met: ingest.traced.longestMs <= TARGETS.longTaskMs
					}
				]
			: [])
	];
}

/** A traced task's time on its thread (without waiting for a core), as the rows write it. */
const cpu = (traced) => (traced.longestCpuMs === undefined ? 'not recorded' : `${traced.longestCpuMs.toFixed(0)} ms`);

export function filterRows(filter) {
	const row = (label, path, { ms, domMs }) => {
		const p95 = percentile(ms, 95);
		return {
			name: `Filter → charts updated on /charts, ${filter.rows.toLocaleString('en-GB')}-row local dataset: ${label}`,
			value: `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
			detail: `${ms.length} changes (${path}); min–max ${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} ms; FilterBar → URL → chartViews → Chart.js; until the DOM shows the new count (before the frame is drawn): p50 ${percentile(domMs, 50).toFixed(1)} ms, p95 ${percentile(domMs, 95).toFixed(1)} ms`,
			target: `p95 ≤ ${TARGETS.filterP95Ms} ms`,
			met: p95 <= TARGETS.filterP95Ms
		};
	};
	return [
		row('outlet-group toggles', 'summed from the day × group × frame cube', filter),
		...(filter.outlet ? [row('outlet toggles', 'every row read', filter.outlet)] : []),
		...(filter.traced
			? [
					{
						name: 'Filter changes: longest main-thread task (Chromium trace, with style, layout and paint)',
						value: `${filter.traced.longestMs.toFixed(0)} ms`,
						detail: `ten more group toggles and ten outlet toggles, traced (tracing slows them): ${filter.traced.over50} tasks over 50 ms on the page's main thread; the longest task's thread time ${cpu(filter.traced)}`,
						target: `no task > ${TARGETS.longTaskMs} ms`,
						met: filter.traced.longestMs <= TARGETS.longTaskMs
					}
				]
			: [])
	];
}

export function storedRows(r) {
	const rows = r.rows.toLocaleString('en-GB');
	const target = r.rows > 1_000_000 ? TARGETS.storedFilterP95Ms10M : TARGETS.filterP95Ms;
	const row = (label, times, how) => {
		const p95 = percentile(times.ms, 95);
		return {
			name: `Filter → charts updated on /charts, ${rows}-row stored dataset: ${label}`,
			value: `p50 ${percentile(times.ms, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
			detail: `${times.ms.length} changes, ${times.requests} of them asked the server (${how}); min–max ${Math.min(...times.ms).toFixed(1)}–${Math.max(...times.ms).toFixed(1)} ms`,
			target: `p95 ≤ ${target} ms`,
			met: p95 <= target
		};
	};
	// The first ten outlet selections are new; the next twenty repeat them.
	const cold = { ...r.outlet, ms: r.outlet.ms.slice(0, 10) };
	const repeated = { ...r.outlet, ms: r.outlet.ms.slice(10) };
	return [
		{
			name: `Charts page of a ${rows}-row stored dataset: HTML with its data`,
			value: `${(r.pageGzip / 1024).toFixed(1)} KB gzip`,
			detail: `first read after saving ${r.firstMs.toFixed(0)} ms, again ${r.againMs.toFixed(0)} ms; ${r.coarsened ?? 'records per day and outlet'}`,
			target: `≤ ${TARGETS.pageKb} KB gzip`,
			met: r.pageGzip / 1024 <= TARGETS.pageKb
		},
		row('outlet-group toggles', r.group, 'the records on the page are filtered in the browser'),
		row('frame toggles', r.frame, 'the records on the page are filtered in the browser'),
		row(
			'outlet toggles',
			r.outlet,
			`outlets summed on the page are read from the database, each outlet once per shape (from the first pick, the others in the background ahead of the next, up to 500,000 records) and each selection put together from them once; p95 of the first ten (new selections) ${percentile(cold.ms, 95).toFixed(1)} ms, of the twenty repeats ${repeated.ms.length ? percentile(repeated.ms, 95).toFixed(1) : '–'} ms`
		),
		row(
			`outlet toggles, the pointer resting ${REST_MS} ms on each before its click`,
			r.outletRested,
			`five other outlets, none picked before; the page starts reading a choice's charts once the pointer rests on it, so the click finds them read or on their way`
		)
	];
}

export function bundleRows(bundles) {
	return bundles.map((b) => ({
		name: `JS on first load of ${b.route}${b.route === '/events/[id]' ? ' (compare page)' : ''}`,
		value: `${(b.gzip / 1024).toFixed(1)} KB gzip`,
		detail: `${(b.raw / 1024).toFixed(1)} KB raw in ${b.files} files; Chart.js in initial JS: ${b.chartJs ? 'yes' : 'no'}`,
		target:
			b.route === '/events/[id]'
				? `≤ ${TARGETS.compareKb} KB gzip, no Chart.js`
				: b.route === '/charts'
					? 'Chart.js loaded on demand'
					: '–',
		met: b.route === '/events/[id]' ? b.gzip / 1024 <= TARGETS.compareKb && !b.chartJs : null
	}));
}

export function htmlRows(html) {
	return [
		{
			name: `HTML of the largest event page, ${html.route} (compare page)`,
			value: `${(html.gzip / 1024).toFixed(1)} KB gzip`,
			detail: `${(html.raw / 1024).toFixed(1)} KB raw; largest of ${html.pages} event pages, from the built app`,
			target: `≤ ${TARGETS.compareHtmlKb} KB gzip`,
			met: html.gzip / 1024 <= TARGETS.compareHtmlKb
		}
	];
}

export function suggestRows(r) {
	const ratio = summary(r.trainMs.map((ms, i) => (ms + r.suggestMs[i]) / r.bareMs[i]));
	const longest = summary(r.longestTaskMs);
	const n = (v) => v.toLocaleString('en-GB');
	return [
		{
			name: `Frame suggestions in the browser worker: train on ${n(r.items)} coded items, suggest for ${n(r.titles)} titles (synthetic) vs a bare loop over the same texts in a worker`,
			value: `${spread(ratio, 1)}×`,
			detail: `train ${spread(s(r.trainMs, 1000), 2, ' s')}; suggest ${spread(s(r.suggestMs, 1000), 2, ' s')}; bare loop ${spread(s(r.bareMs, 1000), 2, ' s')}`,
			target: '–',
			met: null
		},
		{
			name: 'Frame suggestions: longest main-thread task (longtask observer)',
			value: spread(longest, 0, ' ms'),
			detail: `from posting the training items until every probability is back; max over runs; ${r.longTasks.join(', ')} long tasks per run; while the bare loop ran, longest ${spread(summary(r.bareLongestTaskMs), 0, ' ms')}`,
			target: `no task > ${TARGETS.longTaskMs} ms`,
			met: longest.max <= TARGETS.longTaskMs
		}
	];
}

export function lighthouseRows(result) {
	return result.pages.map((page) => {
		const score = summary(page.score);
		const lcp = summary(page.lcpMs);
		const tbt = summary(page.tbtMs);
		const cls = summary(page.cls);
		return {
			name: `Lighthouse ${result.version}, mobile profile, ${page.path}`,
			value: `score ${spread(score, 0)}`,
			detail: `LCP ${spread(s(page.lcpMs, 1000), 2, ' s')}; TBT ${spread(tbt, 0, ' ms')}; CLS ${spread(cls, 3)}; ${page.score.length} runs; host benchmark index ${spread(summary(page.benchmarkIndex), 0)}`,
			target: `score ≥ ${TARGETS.lighthouseScore}, LCP ≤ ${TARGETS.lcpMs / 1000} s, TBT ≤ ${TARGETS.tbtMs} ms, CLS ≤ ${TARGETS.cls}`,
			met:
				score.median >= TARGETS.lighthouseScore && lcp.median <= TARGETS.lcpMs && tbt.median <= TARGETS.tbtMs && cls.median <= TARGETS.cls
		};
	});
}
