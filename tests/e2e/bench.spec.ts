import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { filterBench, ingestBench, prepare } from '../../bench/browser.mjs';
import { routeBundles } from '../../bench/bundle.mjs';
import { importOverHttp } from '../../bench/import-http.mjs';
import { bundleRows, filterRows, ingestRows, ROUTES } from '../../bench/rows.mjs';
import { table } from '../../bench/stats.mjs';
import { generate } from '../../scripts/generate-coverage.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A smoke run of the browser and bundle benchmarks on the built app: they must still drive the
// real pages and produce every row. No timing is asserted; `npm run bench` measures at 1M rows.
test('the browser and bundle benchmarks run end to end (10k rows)', async ({ page, baseURL }) => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-smoke-'));
	try {
		const { path } = await generate({ rows: 10_000, shape: 'upload', out: join(dir, 'coverage.csv') });
		await prepare(page.context());
		const ingest = await ingestBench(page, { baseURL: baseURL ?? '', file: path, runs: 1 });
		expect(ingest.rows).toBe(10_000);
		const filter = await filterBench(page, { changes: 3 });
		expect(filter.rows).toBe(10_000);
		expect(filter.ms).toHaveLength(3);
		expect(filter.outlet.ms).toHaveLength(3);
		// The traces found the page's main thread and its tasks.
		expect(ingest.traced?.longestMs).toBeGreaterThan(0);
		expect(filter.traced?.longestMs).toBeGreaterThan(0);
		const bundles = await routeBundles(root, ROUTES);
		expect(bundles.find((b) => b.route === '/events/[id]')?.chartJs).toBe(false);
		const rows = [...ingestRows(ingest), ...filterRows(filter), ...bundleRows(bundles)];
		expect(rows).toHaveLength(6 + ROUTES.length);
		expect(table(rows).split('\n')).toHaveLength(2 + rows.length);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

// The server import benchmark posts to the built app as an upload does; at 10k rows it must
// store every row of the synthetic file.
test('the server import benchmark imports through the built app (10k rows)', async () => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-import-'));
	try {
		const { path } = await generate({ rows: 10_000, shape: 'dataset', out: join(dir, 'coverage.csv') });
		const result = await importOverHttp(path, join(dir, 'bench.duckdb'), 4497);
		expect(result.rows).toBe(10_000);
		expect(result.id).toMatch(/^\w+$/);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
