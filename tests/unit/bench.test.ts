import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlRows, ingestRows, lighthouseRows, serverRows, storedRows, suggestRows } from '../../bench/rows.mjs';
import { serverBenches } from '../../bench/server';
import { table } from '../../bench/stats.mjs';
import { longestTask } from '../../bench/browser.mjs';
import { generate } from '../../scripts/generate-coverage.mjs';
import { syntheticTitles } from '../../scripts/generate-titles.mjs';

// A smoke run: proves the server benchmarks still work end to end. Timings are not checked;
// `npm run bench` measures them on a million rows.
describe('server benchmarks (smoke, 10k rows)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-smoke-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('imports, measures the floor and aggregates, and reports every row', async () => {
		const { path } = await generate({ rows: 10_000, shape: 'dataset', out: join(dir, 'coverage.csv') });
		const results = await serverBenches(path, 1, 1, 'in-process');
		expect(results.rows).toBe(10_000);
		expect(results.aggregateRows).toBeGreaterThan(0);
		const rows = serverRows(results);
		expect(rows.map((r) => r.name)).toEqual([
			'Server import, 10,000 rows into DuckDB (datasetBatches + createDataset in-process) vs floor',
			'Server aggregate, week × group × frame, 10,000 stored rows, no filter',
			'Server aggregate, same, date filter (12 months)'
		]);
		expect(table(rows).split('\n')).toHaveLength(2 + rows.length);
	}, 120_000);
});

describe('the event page HTML row', () => {
	it('names the largest page and holds it to 60 KB gzip', () => {
		const [row] = htmlRows({ route: '/events/bucha-2022', raw: 360_000, gzip: 59 * 1024, pages: 20 });
		expect(row).toMatchObject({
			name: 'HTML of the largest event page, /events/bucha-2022 (compare page)',
			value: '59.0 KB gzip',
			met: true
		});
		expect(htmlRows({ route: '/events/x', raw: 1, gzip: 61 * 1024, pages: 1 })[0]!.met).toBe(false);
	});
});

describe('the browser ingest rows', () => {
	it('compares each upload with the faster way bare papaparse read the same file', () => {
		const [ratio] = ingestRows({
			realMs: [1300, 3000],
			bareMs: [1000, 1500],
			bareStreamMs: [1300, 2000],
			longestTaskMs: [40, 45],
			rows: 10
		});
		expect(ratio).toMatchObject({ value: '1.65 (1.30–2.00)×', met: false });
		expect(ratio!.detail).toContain('streamed as the upload reads it 1.65 s (1.30–2.00)');
	});
});

describe('the frame suggestion rows', () => {
	it('reports the ratio to the bare loop and holds the longest main-thread task to 50 ms', () => {
		const [speed, task] = suggestRows({
			items: 5000,
			titles: 100_000,
			trainMs: [2000],
			suggestMs: [8000],
			bareMs: [100],
			longestTaskMs: [51],
			longTasks: [1],
			bareLongestTaskMs: [0]
		});
		expect(speed).toMatchObject({ value: '100.0 (100.0–100.0)×', met: null });
		expect(speed!.name).toContain('5,000 coded items, suggest for 100,000 titles (synthetic)');
		expect(task).toMatchObject({ value: '51 ms (51–51)', met: false });
	});

	it('generates the same synthetic titles from a seed, each coded item built from its frames’ words', () => {
		const a = syntheticTitles({ items: 50, titles: 20, seed: 3 });
		expect(a).toEqual(syntheticTitles({ items: 50, titles: 20, seed: 3 }));
		expect(a.titles).toHaveLength(20);
		expect(a.items.some((i) => i.frames.length > 0)).toBe(true);
		expect(a.items.every((i) => i.frames.every((f) => a.frames.includes(f)))).toBe(true);
	});
});

describe('the Lighthouse rows', () => {
	const page = {
		path: '/',
		score: [96, 97, 98],
		lcpMs: [1800, 1900, 2000],
		tbtMs: [90, 100, 400],
		cls: [0, 0.01, 0.02],
		benchmarkIndex: [1500, 1600, 1700]
	};

	it('give each page its median score, LCP, TBT and CLS, met only when all four meet their targets', () => {
		const [row] = lighthouseRows({ version: '12.2.3', pages: [page] });
		expect(row).toMatchObject({
			name: 'Lighthouse 12.2.3, mobile profile, /',
			value: 'score 97 (96–98)',
			detail: 'LCP 1.90 s (1.80–2.00); TBT 100 ms (90–400); CLS 0.010 (0.000–0.020); 3 runs; host benchmark index 1600 (1500–1700)',
			met: true
		});
		const missed = [{ score: [94, 94, 94] }, { lcpMs: [2600, 2600, 2600] }, { tbtMs: [151, 151, 151] }, { cls: [0.06, 0.06, 0.06] }];
		for (const miss of missed) expect(lighthouseRows({ version: '12.2.3', pages: [{ ...page, ...miss }] })[0]!.met).toBe(false);
	});
});

describe('the stored-dataset filter rows', () => {
	const times = (ms: number[], requests: number) => ({ ms, domMs: ms, requests });
	const raw = {
		rows: 1_000_000,
		shown: 1_000_000,
		pageGzip: 100 * 1024,
		firstMs: 900,
		againMs: 40,
		coarsened: null,
		group: times([10, 20, 30], 0),
		frame: times([10, 20, 60], 0),
		outlet: times([...Array(10).fill(400), ...Array(20).fill(30)], 10),
		outletRested: times([...Array(10).fill(45), ...Array(20).fill(30)], 10)
	};

	it('hold the page to 200 KB and each kind of toggle to a p95 of 50 ms at a million rows, 100 ms above', () => {
		const [page, group, frame, outlet, rested] = storedRows(raw);
		expect(page).toMatchObject({ value: '100.0 KB gzip', met: true });
		expect(group).toMatchObject({ value: 'p50 20.0 ms, p95 30.0 ms', target: 'p95 ≤ 50 ms', met: true });
		expect(frame!.met).toBe(false);
		// New outlet selections go to the database; their p95 is reported apart from the repeats.
		expect(outlet!.detail).toContain('10 of them asked the server');
		expect(outlet!.detail).toContain('first ten (new selections) 400.0 ms, of the twenty repeats 30.0 ms');
		expect(outlet!.met).toBe(false);
		// Clicks after the pointer rested on the choice are a row of their own, against the same target.
		expect(rested).toMatchObject({ value: 'p50 30.0 ms, p95 45.0 ms', target: 'p95 ≤ 50 ms', met: true });
		expect(rested!.name).toContain('resting 150 ms');
		expect(storedRows({ ...raw, rows: 10_000_000, frame: times([60, 60, 60], 0) })[2]).toMatchObject({ target: 'p95 ≤ 100 ms', met: true });
	});
});

describe('the longest task in a Chromium trace', () => {
	it('is the longest RunTask on the busiest renderer main thread, ignoring workers and other pages', () => {
		const meta = (pid: number, tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
		const task = (pid: number, tid: number, ms: number, cpuMs = ms) => ({
			ph: 'X',
			name: 'RunTask',
			pid,
			tid,
			dur: ms * 1000,
			tdur: cpuMs * 1000
		});
		const events = [
			meta(1, 1, 'CrRendererMain'),
			meta(1, 2, 'DedicatedWorker thread'),
			meta(2, 1, 'CrRendererMain'),
			task(1, 1, 30),
			task(1, 1, 70, 12),
			task(1, 1, 55, 40),
			{ ph: 'X', name: 'Layout', pid: 1, tid: 1, dur: 90_000 },
			task(1, 2, 900),
			task(2, 1, 80)
		];
		// Thread time leaves out waiting for a core: the 70 ms task ran 12 ms, the 55 ms one 40.
		expect(longestTask(events)).toEqual({ longestMs: 70, longestCpuMs: 40, over50: 2 });
	});
});
