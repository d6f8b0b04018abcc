#!/usr/bin/env node
// npm run bench: the issue 7 suite. Builds the app, generates the synthetic files if missing,
// runs every benchmark against a baseline measured in the same run, prints one table and
// writes docs/benchmarks.md.
//
//   node bench/run.mjs [--rows 1000000] [--runs 3] [--changes 30] [--port 4491] [--no-build] [--no-write] [--only server,browser,bundle]
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/generate-coverage.mjs';
import { filterBench, ingestBench, withApp } from './browser.mjs';
import { routeBundles } from './bundle.mjs';
import { withVite } from './load.mjs';
import { percentile, spread, summary, table } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROUTES = ['/', '/events/[id]', '/charts', '/upload'];
export const TARGETS = { ingestRatio: 1.3, longTaskMs: 50, filterP95Ms: 50, importRatio: 1.3, aggregateMs: 100, compareKb: 100 };

async function dataFile(rows, shape) {
	const path = join(ROOT, 'bench/out', `coverage-${shape}-${rows}.csv`);
	if (!existsSync(path) || !existsSync(`${path}.manifest.json`)) await generate({ rows, shape, out: path });
	return path;
}

export async function serverRows(rows, runs) {
	const path = await dataFile(rows, 'dataset');
	process.chdir(ROOT);
	const r = await withVite(async (load) => (await load('/bench/server.ts')).serverBenches(path, runs));
	const ratios = r.importMs.map((ms, i) => ms / r.floorMs[i]);
	const ratio = summary(ratios);
	const agg = summary(r.aggregateMs);
	const aggFiltered = summary(r.aggregateFilteredMs);
	return {
		raw: r,
		rows: [
			{
				name: `Server import, ${r.rows.toLocaleString('en-GB')} rows into DuckDB (datasetBatches + createDataset) vs floor`,
				value: `${spread(ratio)}×`,
				detail: `import ${spread(summary(r.importMs.map((v) => v / 1000)), 2, ' s')}; floor = papaparse alone ${spread(summary(r.parseMs.map((v) => v / 1000)), 2, ' s')} + DuckDB read_csv insert ${spread(summary(r.insertMs.map((v) => v / 1000)), 2, ' s')}`,
				target: `≤ ${TARGETS.importRatio}×`,
				met: ratio.median <= TARGETS.importRatio
			},
			{
				name: `Server aggregate, week × group × frame, ${r.rows.toLocaleString('en-GB')} stored rows, no filter`,
				value: spread(agg, 1, ' ms'),
				detail: `${r.aggregateMs.length} queries, ${r.aggregateRows} result rows`,
				target: `≤ ${TARGETS.aggregateMs} ms median`,
				met: agg.median <= TARGETS.aggregateMs
			},
			{
				name: `Server aggregate, same, date filter (12 months)`,
				value: spread(aggFiltered, 1, ' ms'),
				detail: `${r.aggregateFilteredMs.length} queries`,
				target: `≤ ${TARGETS.aggregateMs} ms median`,
				met: aggFiltered.median <= TARGETS.aggregateMs
			}
		]
	};
}

export async function browserRows(rows, runs, changes, port) {
	const path = await dataFile(rows, 'upload');
	const r = await withApp(ROOT, port, async (page, baseURL, version) => {
		const ingest = await ingestBench(page, { baseURL, file: path, runs });
		const filter = await filterBench(page, { changes });
		return { version, ingest, filter };
	});
	const ratio = summary(r.ingest.realMs.map((ms, i) => ms / r.ingest.bareMs[i]));
	const longest = summary(r.ingest.longestTaskMs);
	const p50 = percentile(r.filter.ms, 50);
	const p95 = percentile(r.filter.ms, 95);
	return {
		raw: r,
		chromium: r.version,
		rows: [
			{
				name: `Browser ingest, ${r.ingest.rows.toLocaleString('en-GB')} rows via /upload (parse + validate + aggregate in the worker) vs bare papaparse in a worker`,
				value: `${spread(ratio)}×`,
				detail: `upload ${spread(summary(r.ingest.realMs.map((v) => v / 1000)), 2, ' s')}; bare papaparse ${spread(summary(r.ingest.bareMs.map((v) => v / 1000)), 2, ' s')}`,
				target: `≤ ${TARGETS.ingestRatio}×`,
				met: ratio.median <= TARGETS.ingestRatio
			},
			{
				name: 'Browser ingest: longest main-thread task (longtask observer)',
				value: spread(longest, 0, ' ms'),
				detail: 'from the click on “Check every row” until the report is drawn',
				target: `no task > ${TARGETS.longTaskMs} ms`,
				met: longest.max <= TARGETS.longTaskMs
			},
			{
				name: `Filter → charts updated on /charts, ${r.filter.rows.toLocaleString('en-GB')}-row local dataset`,
				value: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
				detail: `${r.filter.ms.length} group-filter changes; min–max ${Math.min(...r.filter.ms).toFixed(1)}–${Math.max(...r.filter.ms).toFixed(1)} ms; includes the URL navigation and server load`,
				target: `p95 ≤ ${TARGETS.filterP95Ms} ms`,
				met: p95 <= TARGETS.filterP95Ms
			}
		]
	};
}

export async function bundleRows() {
	const bundles = await routeBundles(ROOT, ROUTES);
	return {
		raw: bundles,
		rows: bundles.map((b) => ({
			name: `JS on first load of ${b.route}${b.route === '/events/[id]' ? ' (compare page)' : ''}`,
			value: `${(b.gzip / 1024).toFixed(1)} KB gzip`,
			detail: `${(b.raw / 1024).toFixed(1)} KB raw in ${b.files} files; Chart.js in initial JS: ${b.chartJs ? 'yes' : 'no'}`,
			target: b.route === '/events/[id]' ? `≤ ${TARGETS.compareKb} KB gzip, no Chart.js` : b.route === '/charts' ? 'Chart.js loaded on demand' : '–',
			met: b.route === '/events/[id]' ? b.gzip / 1024 <= TARGETS.compareKb && !b.chartJs : null
		}))
	};
}

function machine(chromium) {
	const cpu = cpus();
	const chromiumVersion = chromium ?? (() => {
		try {
			return execSync('/usr/bin/chromium --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		} catch {
			return 'unknown';
		}
	})();
	return {
		cpu: cpu[0]?.model ?? 'unknown',
		cores: cpu.length,
		ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
		node: process.version,
		chromium: chromiumVersion,
		date: new Date().toISOString()
	};
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const rows = Number(option('rows', 1_000_000));
	const runs = Math.max(1, Number(option('runs', 3)));
	const changes = Number(option('changes', 30));
	const port = Number(option('port', 4491));
	const only = option('only', 'bundle,server,browser').split(',');
	if (!args.includes('--no-build')) execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

	const results = [];
	let chromium;
	const raw = {};
	if (only.includes('bundle')) results.push(...(raw.bundle = await bundleRows()).rows);
	if (only.includes('server')) results.push(...(raw.server = await serverRows(rows, runs)).rows);
	if (only.includes('browser')) {
		raw.browser = await browserRows(rows, runs, changes, port);
		chromium = raw.browser.chromium;
		results.push(...raw.browser.rows);
	}
	const m = machine(chromium);
	const text = table(results);
	console.log(`\n${text}\n`);
	if (args.includes('--no-write')) return;
	const doc = `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs) on ${m.date.slice(0, 10)}; see issue 7 for the targets. Each
ratio is against a baseline measured in the same run, over ${runs} runs (median, min–max). The data is
synthetic, made by scripts/generate-coverage.mjs (${rows.toLocaleString('en-GB')} rows, seed 7): it is not real coverage.

## Machine

| | |
|---|---|
| CPU | ${m.cpu} |
| Cores | ${m.cores} |
| RAM | ${m.ram} |
| Node | ${m.node} |
| Chromium | ${m.chromium} |
| Date | ${m.date} |

## Results

${text}

## How each number is measured

- **Browser ingest**: the built app (\`node build/index.js\`) in Chromium via Playwright. The synthetic
  Parallax-format file goes through the real /upload page; the time runs from the click on “Check every
  row” to the first frame after the validation report is on screen. The baseline is papaparse alone (same
  64 KB chunks, same File) in a dedicated blob worker on the same page, from postMessage to its answer.
  Long tasks come from a \`PerformanceObserver('longtask')\` installed before the app's scripts.
- **Filter → charts**: the ingested rows are kept as a local dataset and opened on /charts; each change
  clicks one outlet-group checkbox (FilterBar → URL → load → chartViews → Chart.js, animations off as
  for reduced motion) and ends at the first animation frame after the summary shows the new count.
- **Server import**: \`datasetBatches\` over a file stream into \`DuckDbStore.createDataset\`, as the
  import endpoint does. The floor is papaparse alone over the same file plus DuckDB's own \`read_csv\`
  inserting the same rows into the same table.
- **Server aggregate**: \`store.aggregate(id, 'week', filter)\` over the last imported dataset.
- **JavaScript per route**: the client entry, app entry, layout and page nodes and their static imports
  from \`.svelte-kit/output/client\`, gzip level 9. Chart.js is a dynamic import of ChartPanel.

Raw numbers (ms):

\`\`\`json
${JSON.stringify({ server: raw.server?.raw, browser: raw.browser?.raw }, null, 1)}
\`\`\`
`;
	writeFileSync(join(ROOT, 'docs/benchmarks.md'), doc);
	console.log('wrote docs/benchmarks.md');
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		}
	);
}
