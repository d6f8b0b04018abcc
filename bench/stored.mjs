// Filter → charts for a dataset stored on the server (issue 19, 1), in Debian's Chromium through
// the built app's real /charts page: the synthetic file is saved over HTTP as a researcher would,
// then outlet-group, frame and outlet checkboxes are toggled. Records the page's size and which
// changes asked the server (a __data.json request) and which were answered in the browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { FRAMES } from '../scripts/generate-coverage.mjs';
import { saveDatasetFile, signUp, startServer } from '../tests/e2e/servers.mjs';
import { CHROMIUM_ARGS, clearFilters, prepare, summaryRows, toggleTimes } from './browser.mjs';
import { REST_MS } from './rows.mjs';

/** @param {{ file: string, port: number, changes: number }} options */
export async function storedFilterBench({ file, port, changes }) {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-stored-'));
	const server = await startServer(port, {
		PARALLAX_DB: join(dir, 'parallax.duckdb'),
		PARALLAX_UPLOAD_MAX_BYTES: String(2 ** 40),
		PARALLAX_UPLOAD_MAX_ROWS: String(1e9)
	});
	let browser;
	try {
		const cookie = await signUp(server.url, 'Bench');
		const saved = await saveDatasetFile(server.url, cookie, 'Synthetic benchmark data', file);
		if (saved.status !== 201) throw new Error(`saving the dataset answered ${saved.status}: ${JSON.stringify(saved.body)}`);
		const { id, rowCount } = saved.body.dataset;
		const url = `${server.url}/charts?dataset=${id}`;
		// The first read may still wait for the sums begun when the dataset was saved.
		const firstStart = performance.now();
		const html = await (await fetch(url, { headers: { cookie } })).text();
		const firstMs = performance.now() - firstStart;
		const againStart = performance.now();
		await (await fetch(url, { headers: { cookie } })).text();
		const againMs = performance.now() - againStart;

		browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
		const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
		const [name = '', value = ''] = cookie.split('=');
		await context.addCookies([{ name, value, url: server.url }]);
		await prepare(context);
		const page = await context.newPage();
		let requests = 0;
		page.on('request', (request) => {
			if (request.url().includes('__data.json')) requests++;
		});
		await page.goto(url);
		await page.waitForFunction(
			() => document.querySelector('[data-testid=filter-summary] strong')?.textContent !== '0' && document.querySelector('canvas'),
			null,
			{ timeout: 600_000 }
		);
		const rows = await summaryRows(page);
		const coarsened = (await page.getByTestId('coarsened').count()) > 0 ? await page.getByTestId('coarsened').textContent() : null;
		const toggles = async (field, values, restMs = 0) => {
			const before = requests;
			const times = await toggleTimes(page, field, changes, values, restMs);
			const asked = requests - before;
			await clearFilters(page, rows);
			return { ...times, requests: asked };
		};
		const group = await toggles('group');
		// The synthetic file's own frames: the codebook's others would leave the count unchanged.
		const frame = await toggles('frame', FRAMES);
		const outlet = await toggles('outlet');
		// Five other outlets, so that none of these selections was picked before.
		const others = Array.from({ length: 5 }, (_, i) => `outlet-${String(i + 6).padStart(2, '0')}`);
		const outletRested = await toggles('outlet', others, REST_MS);
		return {
			rows: rowCount,
			shown: rows,
			pageGzip: gzipSync(html).length,
			firstMs,
			againMs,
			coarsened,
			group,
			frame,
			outlet,
			outletRested
		};
	} finally {
		await browser?.close();
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
