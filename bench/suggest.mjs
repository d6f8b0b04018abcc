// Frame suggestions in the browser (issue 16): the real suggestion worker and client, trained on
// synthetic coded items and suggesting for synthetic titles (scripts/generate-titles.mjs) on a
// page of the built app, beside a baseline in the same run: a bare worker that receives the same
// texts in the same chunks and only loops over their characters.
import { resolve } from 'node:path';
import { build } from 'vite';
import { syntheticTitles } from '../scripts/generate-titles.mjs';

/** One file of JavaScript for an entry, with $lib resolved as the app resolves it. */
async function bundle(root, entry, name) {
	const out = await build({
		configFile: false,
		logLevel: 'silent',
		root,
		resolve: { alias: { $lib: resolve(root, 'src/lib') } },
		build: { write: false, minify: true, lib: { entry: resolve(root, entry), formats: ['iife'], name, fileName: 'bundle' } }
	});
	const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((o) => o.fileName === 'bundle.iife.js');
	if (!chunk) throw new Error(`no bundle for ${entry}`);
	return chunk.code;
}

// The baseline worker: the same chunked exchange, a loop over every character instead of a model.
const BARE = `self.onmessage = (event) => {
	const { start, texts } = event.data;
	let sum = 0;
	for (const text of texts) for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
	self.postMessage({ start, rows: texts.length, sum });
};`;

export async function suggestBench(page, { root, baseURL, items, titles, runs }) {
	const data = syntheticTitles({ items, titles, seed: 7 });
	const workerCode = await bundle(root, 'src/lib/client/suggest/worker.ts', 'ParallaxSuggestWorker');
	const clientCode = await bundle(root, 'src/lib/client/suggest/client.ts', 'ParallaxSuggest');
	await page.goto(`${baseURL}/method`, { waitUntil: 'networkidle' });
	// Evaluated through the debugger protocol, which the page's CSP does not govern.
	await page.evaluate(clientCode);
	const out = { items, titles, trainMs: [], suggestMs: [], bareMs: [], longestTaskMs: [], longTasks: [], bareLongestTaskMs: [] };
	for (let run = 0; run < runs; run++) {
		const r = await page.evaluate(
			async ({ workerCode, bare, data }) => {
				const blobWorker = (code) => new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
				const settle = () => new Promise((r) => setTimeout(r, 500));
				const { SuggestClient, CHUNK } = window.ParallaxSuggest;

				const client = new SuggestClient(blobWorker(workerCode));
				const start = performance.now();
				const trained = await client.train(data.items, data.frames);
				const trainEnd = performance.now();
				const s = await client.suggest(data.titles);
				const end = performance.now();
				client.terminate();
				await settle();
				const tasks = window.__longtasks.filter((t) => t.start >= start && t.start <= end);
				if (!trained || s.rows !== data.titles.length) throw new Error('the worker did not finish');

				const worker = blobWorker(bare);
				const bareStart = performance.now();
				await new Promise((resolve) => {
					const post = (at) => worker.postMessage({ start: at, texts: data.titles.slice(at, at + CHUNK) });
					worker.onmessage = (event) => {
						const next = event.data.start + event.data.rows;
						if (next < data.titles.length) post(next);
						else resolve();
					};
					post(0);
				});
				const bareEnd = performance.now();
				worker.terminate();
				await settle();
				const bareTasks = window.__longtasks.filter((t) => t.start >= bareStart && t.start <= bareEnd);
				return {
					trainMs: trainEnd - start,
					suggestMs: end - trainEnd,
					bareMs: bareEnd - bareStart,
					longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
					longTasks: tasks.length,
					bareLongestTaskMs: Math.max(0, ...bareTasks.map((t) => t.duration))
				};
			},
			{ workerCode, bare: BARE, data }
		);
		for (const key of Object.keys(r)) out[key].push(r[key]);
	}
	return out;
}
