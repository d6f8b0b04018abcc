// Browser benchmarks (issue 7, 1 and 2) in Debian's Chromium, driven by Playwright through the
// built app's real pages. Page-side timings use performance.now(), so Playwright's own
// round trips are not part of any number.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Long tasks and the chosen file, recorded from the first script on every page. */
function recorder() {
	window.__longtasks = [];
	new PerformanceObserver((list) =>
		window.__longtasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))
	).observe({
		type: 'longtask',
		buffered: true
	});
	document.addEventListener(
		'change',
		(event) => {
			const input = event.target;
			if (input instanceof HTMLInputElement && input.type === 'file' && input.files?.[0]) window.__benchFile = input.files[0];
		},
		true
	);
}

export async function prepare(context) {
	await context.addInitScript(recorder);
}

/** The real upload: inspect, map, then "Check every row" until the report is on screen. */
async function realIngest(page, baseURL, file) {
	await openUpload(page, baseURL);
	return ingest(page, file);
}

/** /upload loaded, with Playwright's own script in the page (its first query adds it). */
async function openUpload(page, baseURL) {
	await page.goto(`${baseURL}/upload`, { waitUntil: 'networkidle' });
	await page.getByLabel('Choose a CSV or TSV file').waitFor();
}

/** An ingest on the loaded page, from the file's choice. */
async function ingest(page, file) {
	await page.getByLabel('Choose a CSV or TSV file').setInputFiles(file);
	await page.getByTestId('detected-format').waitFor();
	await page.getByRole('button', { name: 'Check every row' }).waitFor();
	const timing = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Check every row');
				const start = performance.now();
				const observer = new MutationObserver(() => {
					if (!document.querySelector('[data-testid=validation-report]')) return;
					observer.disconnect();
					requestAnimationFrame(() => {
						const ms = performance.now() - start;
						// Long-task entries arrive after the task; give the observer time to report them.
						setTimeout(() => {
							const tasks = window.__longtasks.filter((t) => t.start >= start);
							resolve({ ms, longest: Math.max(0, ...tasks.map((t) => t.duration)), longTasks: tasks.length });
						}, 500);
					});
				});
				observer.observe(document.body, { childList: true, subtree: true });
				button.click();
			})
	);
	const use = await page.getByRole('button', { name: /^Use [\d,]+ valid rows?$/ }).textContent();
	return { ...timing, rows: Number(use.replace(/\D/g, '')) };
}

/** The baseline: papaparse alone over the same File, in a dedicated worker on the same page. */
/**
 * Bare papaparse in a blob worker, reading the File either its own way (`reader`: FileReader
 * slices of 64 KB, each asked for when the one before is parsed) or the way the upload worker
 * does (`stream`: the File's stream decoded ahead, handed over in pieces of 64 K characters or
 * more). The upload is compared with the faster of the two, so reading well is not counted as
 * the upload's own gain over papaparse.
 */
const BARE_READS = {
	reader: `(event) => {
	let rows = 0;
	Papa.parse(event.data, {
		worker: false, chunkSize: 64 * 1024, encoding: 'utf-8', delimiter: ',', skipEmptyLines: 'greedy',
		chunk(results) { rows += results.data.length; },
		complete() { self.postMessage({ rows }); },
		error(error) { self.postMessage({ error: String(error) }); }
	});
}`,
	stream: `async (event) => {
	let rows = 0;
	const on = {};
	Papa.parse({ readable: true, read() {}, on: (n, f) => (on[n] = f), removeListener() {}, pause() {}, resume() {} }, {
		delimiter: ',', skipEmptyLines: 'greedy',
		chunk(results) { rows += results.data.length; },
		complete() { self.postMessage({ rows }); },
		error(error) { self.postMessage({ error: String(error) }); }
	});
	const reader = event.data.stream().getReader();
	const decoder = new TextDecoder('utf-8');
	let text = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		text += decoder.decode(value, { stream: true });
		if (text.length >= 64 * 1024) { on.data(text); text = ''; }
	}
	text += decoder.decode();
	if (text) on.data(text);
	on.end();
}`
};

/** @param {'reader' | 'stream'} read */
async function bareIngest(page, papaSource, read) {
	return page.evaluate(
		(source) =>
			new Promise((resolve, reject) => {
				// A blob worker is allowed by the app's CSP (worker-src 'self' blob:) and needs no
				// bench-only route in the app. papaparse replaces onmessage in blob workers, so ours goes after it.
				const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
				const worker = new Worker(url);
				const start = performance.now();
				worker.onmessage = (event) => {
					const ms = performance.now() - start;
					worker.terminate();
					URL.revokeObjectURL(url);
					if (event.data.error) reject(new Error(event.data.error));
					else resolve({ ms, rows: event.data.rows - 1 });
				};
				worker.onerror = (event) => reject(new Error(event.message));
				worker.postMessage(window.__benchFile);
			}),
		`${papaSource}\n;self.onmessage = ${BARE_READS[read]};`
	);
}

/**
 * The longest task on the page's main thread while `work` runs, from a Chromium trace: each
 * RunTask event spans one task with everything in it (script, style, layout, paint), which the
 * long-task observer does not always see. Tracing slows the page, so timed runs are never traced.
 */
export async function longestTracedTask(page, work) {
	const browser = page.context().browser();
	await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
	let trace;
	try {
		await work();
	} finally {
		trace = await browser.stopTracing();
	}
	return longestTask(JSON.parse(trace.toString('utf8')).traceEvents);
}

/** The longest RunTask, and how many exceed 50 ms, on the renderer main thread busiest in the trace (the page's). */
export function longestTask(traceEvents) {
	const mains = new Set(
		traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
	);
	const tasks = new Map();
	for (const e of traceEvents) {
		const thread = `${e.pid}:${e.tid}`;
		if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(thread)) continue;
		tasks.set(thread, [...(tasks.get(thread) ?? []), { ms: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000 }]);
	}
	const sum = (list) => list.reduce((a, b) => a + b.ms, 0);
	const busiest = [...tasks.values()].sort((a, b) => sum(b) - sum(a))[0] ?? [];
	// A task's thread time leaves out the time the thread waited for a core, which a shared machine
	// adds to the wall time: it tells the page's own work from the machine's load.
	return {
		longestMs: Math.max(0, ...busiest.map((t) => t.ms)),
		longestCpuMs: Math.max(0, ...busiest.map((t) => t.cpuMs)),
		over50: busiest.filter((t) => t.ms > 50).length
	};
}

export async function ingestBench(page, { baseURL, file, runs }) {
	const papaSource = readFileSync(createRequire(import.meta.url).resolve('papaparse/papaparse.min.js'), 'utf8');
	const out = { realMs: [], bareMs: [], bareStreamMs: [], longestTaskMs: [], rows: 0 };
	for (let run = 0; run < runs; run++) {
		const real = await realIngest(page, baseURL, file);
		const bare = await bareIngest(page, papaSource, 'reader');
		const streamed = await bareIngest(page, papaSource, 'stream');
		for (const { rows } of [bare, streamed]) {
			if (real.rows !== rows) throw new Error(`the upload kept ${real.rows} valid rows, papaparse read ${rows}`);
		}
		out.rows = real.rows;
		out.realMs.push(real.ms);
		out.bareMs.push(bare.ms);
		out.bareStreamMs.push(streamed.ms);
		out.longestTaskMs.push(real.longest);
	}
	// One more run, traced, for the tasks the long-task observer leaves out. The trace starts on the
	// loaded page: leaving the last run's report (SvelteKit reads the scroll position as the page
	// hides, which restyles the whole report) and loading /upload again are not the ingest.
	await openUpload(page, baseURL);
	out.traced = await longestTracedTask(page, () => ingest(page, file));
	return out;
}

/**
 * Keeps the last ingest as a local dataset, opens it on /charts and toggles outlet-group
 * checkboxes, then outlet checkboxes: each click goes through the real FilterBar → URL → load →
 * chartViews → charts. A change ends at the first frame after the summary shows the new count.
 */
export async function filterBench(page, { changes }) {
	await page.getByRole('button', { name: /^Use [\d,]+ valid rows?$/ }).click();
	await page.getByTestId('saved').waitFor({ timeout: 600_000 });
	await page.getByRole('link', { name: /^Chart / }).click();
	await page.waitForFunction(
		() => document.querySelector('[data-testid=filter-summary] strong')?.textContent !== '0' && document.querySelector('canvas'),
		null,
		{ timeout: 600_000 }
	);
	const rows = await summaryRows(page);
	// Group toggles are summed from the day × group × frame cube; outlet toggles read every row.
	const group = await toggleTimes(page, 'group', changes);
	// Back to every group, so each outlet toggle changes the count.
	await clearFilters(page, rows);
	const outlet = await toggleTimes(page, 'outlet', changes);
	await clearFilters(page, rows);
	const traced = await longestTracedTask(page, async () => {
		await toggleTimes(page, 'group', 10);
		await clearFilters(page, rows);
		await toggleTimes(page, 'outlet', 10);
	});
	return { ...group, outlet, rows, traced };
}

/** The rows the charts page's summary counts, written as the page writes them (1,000,000). */
export async function summaryRows(page) {
	return Number((await page.getByTestId('filter-summary').locator('strong').textContent())?.replace(/\D/g, ''));
}

/** "Clear filters", then wait until the summary counts all `rows` again. */
export async function clearFilters(page, rows) {
	const clear = page.getByRole('link', { name: /^Clear \d+ filters?$/ });
	if ((await clear.count()) > 0) await clear.click();
	await page
		.getByTestId('filter-summary')
		.locator('strong')
		.filter({ hasText: rows.toLocaleString('en-GB') })
		.waitFor({ timeout: 600_000 });
}

/**
 * Clicks `changes` checkboxes named `field` on /charts, cycling through five (the first five, or
 * those with the given `values`): each click a new selection for ten clicks, then the same ten
 * again, each through the real FilterBar → URL → load → chartViews → charts. A change ends at the
 * first frame after the summary shows a new count; `domMs` is until the DOM shows it. A click
 * that changes nothing within a minute stops the run with the checkbox named.
 */
export function toggleTimes(page, field, changes, values = null, restMs = 0) {
	return page.evaluate(
		async ([count, field, values, restMs]) => {
			const times = [];
			const updates = [];
			const summaryText = () => document.querySelector('[data-testid=filter-summary]')?.textContent;
			// A filter list's checkboxes are built when it is first opened.
			const list = document.querySelector(`details[data-list=${field}]`);
			if (list && !list.open) list.open = true;
			// Built on the list's toggle event, which a page busy with a previous step may take a while to reach.
			for (let waited = 0; waited < 10_000 && !document.querySelector(`input[name=${field}]`); waited += 50) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
			const all = [...document.querySelectorAll(`input[name=${field}]`)];
			const boxes = (values ? all.filter((b) => values.includes(b.value)) : all).slice(0, 5);
			if (boxes.length === 0) throw new Error(`no ${field} checkbox to click`);
			for (let i = 0; i < count; i++) {
				const box = boxes[i % boxes.length];
				if (restMs > 0) {
					// A mouse comes to rest on the choice before clicking it.
					box.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
					await new Promise((resolve) => setTimeout(resolve, restMs));
				}
				const before = summaryText();
				const start = performance.now();
				await new Promise((resolve, reject) => {
					const observer = new MutationObserver(() => {
						if (summaryText() === before) return;
						observer.disconnect();
						clearTimeout(stuck);
						updates.push(performance.now() - start);
						requestAnimationFrame(() => resolve());
					});
					const stuck = setTimeout(() => {
						observer.disconnect();
						reject(new Error(`clicking ${field} "${box.value}" left the count at "${before}"`));
					}, 60_000);
					observer.observe(document.body, { childList: true, subtree: true, characterData: true });
					box.click();
				});
				times.push(performance.now() - start);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return { ms: times, domMs: updates };
		},
		[changes, field, values, restMs]
	);
}

async function waitForServer(url, child) {
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the app did not start at ${url}`);
}

/** Starts the built app on a spare port with a throwaway database, and Chromium. */
export async function withApp(root, port, work) {
	const db = mkdtempSync(join(tmpdir(), 'parallax-bench-db-'));
	const baseURL = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			PARALLAX_DB: join(db, 'parallax.duckdb'),
			BODY_SIZE_LIMIT: String(300 * 1024 * 1024)
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	let browser;
	try {
		await waitForServer(baseURL, child);
		browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
		const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
		await prepare(context);
		const page = await context.newPage();
		return await work(page, baseURL, browser.version());
	} finally {
		await browser?.close();
		child.kill('SIGTERM');
		rmSync(db, { recursive: true, force: true });
	}
}
