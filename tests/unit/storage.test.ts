import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDbStore } from '../../src/lib/server/storage/duckdb';
import { PostgresStore } from '../../src/lib/server/storage/postgres';
import type { NewDataset, RowFilter, Store } from '../../src/lib/server/storage/types';
import type { ImportedCoverageRow } from '../../src/lib/domain/ledger/schemas';
import type { Dispute } from '../../src/lib/domain/ledger/disputes';
import { STANCE_ORDER, type CoverageRecord, type DateWindow } from '../../src/lib/domain/charts/aggregate';
import { collectionWindow } from '../../src/lib/domain/charts/coverage';
import { chartViews } from '../../src/lib/domain/charts/chart-views';
import { defaultFilters, type Filters } from '../../src/lib/domain/charts/filters';
import { packedRecordValues, recordsChartInput, recordValues } from '../../src/lib/domain/import/local-dataset';
import { sumPackedRecords, unpackRecords, type PackedRecords } from '../../src/lib/domain/charts/packed-records';
import { DATASET_EXPORT_COLUMNS, stanceCell } from '../../src/lib/domain/import/dataset';
import { toCsv } from '../../src/lib/domain/ledger/table';
import { datasetCsvStream } from '../../src/lib/server/dataset-csv';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import type { ChartSay } from '../../src/lib/domain/charts/chart-views';
import { parts } from './dataset-parts';

const say: ChartSay = (message) => translateMessage('en', message);

/** A store's chart records as the charts page unpacks them. */
const recordsOf = async (store: Store, ...args: Parameters<Store['packedRecords']>) => unpackRecords(await store.packedRecords(...args));

/**
 * One suite, every engine: DuckDB always; PostgreSQL when TEST_DATABASE_URL is set
 * (.ci/run starts a local server and sets it).
 */
type Opened = {
	store: Store;
	/** The same database opened again, as a restarted app would. */
	reopen: () => Promise<Store>;
	cleanup: () => Promise<void>;
};
const engines: [string, () => Promise<Opened>][] = [
	[
		'duckdb',
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
			const open = () => DuckDbStore.open(join(dir, 'test.duckdb'), { memoryLimit: '256MB' });
			return { store: await open(), reopen: open, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
		}
	]
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
	engines.push([
		'postgres',
		async () => {
			const open = () => PostgresStore.open(pgUrl);
			return { store: await open(), reopen: open, cleanup: async () => undefined };
		}
	]);
}

function row(date: string, outlet: string, group: string, frames: string[], count = 1): ImportedCoverageRow {
	return { date, outlet, group, event: 'hague', language: 'en', frames, count, title: `${outlet} ${date}`, url: '' };
}

const ROWS = [
	row('2025-06-23', 'tass', 'state', ['nato-threat', 'arms']),
	row('2025-06-25', 'tass', 'state', ['nato-threat']),
	row('2025-06-30', 'reuters', 'intl', []),
	row('2025-07-14', 'reuters', 'intl', ['arms'], 5)
];

/** Synthetic rows from a seeded generator: many rows share a day, outlet, group, event, language and frames. */
function syntheticRows(n: number, seed: number): ImportedCoverageRow[] {
	let state = seed;
	const pick = (k: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state % k;
	};
	const frameLists = [[], ['nato-threat'], ['arms'], ['nato-threat', 'arms']];
	return Array.from({ length: n }, (_, i) => {
		const outlet = pick(5);
		return {
			date: `2025-0${5 + pick(3)}-${String(1 + pick(10)).padStart(2, '0')}`,
			outlet: `Outlet ${outlet}`,
			group: ['state', 'intl', 'independent'][outlet % 3]!,
			event: ['hague', ''][pick(2)]!,
			language: ['en', 'ru'][pick(2)]!,
			frames: frameLists[pick(frameLists.length)]!,
			count: 1 + pick(3),
			title: `Synthetic ${i}`,
			url: ''
		};
	});
}

const FRAME_LISTS = [[], ['nato-threat'], ['arms'], ['nato-threat', 'arms'], ['arms', 'sanctions']];

/**
 * Rows over four months with every frame list in every group, a quarter of them recording no
 * stance and the others one per frame ('' among them).
 */
function codedRows(n: number): ImportedCoverageRow[] {
	return Array.from({ length: n }, (_, i) => {
		const frames = FRAME_LISTS[i % FRAME_LISTS.length]!;
		const date = new Date(Date.UTC(2025, 4, 1) + ((i * 37) % 120) * 86_400_000).toISOString().slice(0, 10);
		return {
			...row(date, `Outlet ${i % 7}`, ['state', 'intl', 'independent'][i % 3]!, frames, 1 + (i % 4)),
			...(i % 4 !== 0 && { stances: frames.map((_, f) => STANCE_ORDER[(i + f) % STANCE_ORDER.length]!) })
		};
	});
}

const asRecord = (r: ImportedCoverageRow): CoverageRecord => ({
	date: r.date,
	outlet: r.outlet,
	group: r.group,
	event: r.event,
	language: r.language,
	frames: r.frames,
	count: r.count
});

function newDataset(id: string, owner: string): NewDataset {
	return {
		id,
		ownerId: owner,
		shareToken: `share-${id}`,
		createdAt: new Date().toISOString(),
		meta: { title: `Dataset ${id}`, description: 'd', source: 's', licence: 'CC0', citation: '', visibility: 'private' }
	};
}

for (const [engine, open] of engines) {
	describe(`${engine} store`, () => {
		let store: Store;
		let cleanup: () => Promise<void>;
		const prefix = `${engine}-${Date.now().toString(36)}`;

		beforeAll(async () => {
			({ store, cleanup } = await open());
			await store.createUser({ id: `${prefix}-u1`, email: `${prefix}@example.org`, name: 'Ada', passwordHash: 'h' });
		});
		afterAll(async () => {
			await store.close();
			await cleanup();
		});

		it('stores users and sessions, and expires sessions', async () => {
			expect((await store.userByEmail(`${prefix}@example.org`))?.name).toBe('Ada');
			await store.createSession(`${prefix}-t`, `${prefix}-u1`, new Date(Date.now() + 60_000));
			expect((await store.sessionUser(`${prefix}-t`, new Date()))?.id).toBe(`${prefix}-u1`);
			expect(await store.sessionUser(`${prefix}-t`, new Date(Date.now() + 120_000))).toBeUndefined();
			await store.deleteSession(`${prefix}-t`);
			expect(await store.sessionUser(`${prefix}-t`, new Date())).toBeUndefined();
		});

		it('charts summed records exactly as the rows they sum', async () => {
			const id = `${prefix}-summed`;
			const rows = syntheticRows(6000, 7);
			await store.createDataset(newDataset(id, `${prefix}-u1`), parts(rows.slice(0, 2500), rows.slice(2500)));
			const bundled = { frames: ['nato-threat', 'arms'], frameLabels: {}, groups: ['state', 'intl'] };
			const views = (records: CoverageRecord[], filters: Partial<Filters>, window?: DateWindow) =>
				chartViews({ ...recordsChartInput(records, id, bundled), ...(window && { window }) }, { ...defaultFilters(id), ...filters }, say);
			const summed = await recordsOf(store, id);
			expect(summed.length).toBeLessThan(rows.length / 2);
			// The page's vocabulary and window are read from the packed columns, without unpacking them.
			const packed = await store.packedRecords(id, { outlets: ['Outlet 1', 'Outlet 4'] }, { period: 'week', outlets: true });
			expect(packedRecordValues(packed)).toEqual(recordValues(unpackRecords(packed)));
			// These rows record no stance: the page is not sent a column of nothing.
			expect(Object.keys(packed.columns)).not.toContain('stances');
			expect(await store.recordGroups(id, {}, { period: 'day', outlets: true })).toBe(summed.length);
			const raw = rows.map(asRecord);
			for (const filters of [
				{},
				{ by: 'outlet' as const },
				{ by: 'frame' as const, granularity: 'week' as const, mode: 'share' as const },
				{ by: 'event' as const, outlets: ['Outlet 3'], languages: ['ru'], from: '2025-06-01' },
				{ frames: ['arms'], groups: ['intl'] }
			]) {
				expect(views(summed, filters)).toEqual(views(raw, filters));
			}
			// Coarser shapes keep every total: by month over all outlets, the monthly charts are the same.
			const monthly = await recordsOf(store, id, {}, { period: 'month', outlets: false });
			expect(monthly.every((r) => r.outlet === '' && r.date.endsWith('-01'))).toBe(true);
			expect(await store.recordGroups(id, {}, { period: 'month', outlets: false })).toBe(monthly.length);
			const byMonth = { granularity: 'month' as const, from: '2025-05-01', to: '2025-07-31' };
			// As on the charts page, monthly sums keep the dataset's own first and last days as their window.
			expect(views(monthly, byMonth, collectionWindow(raw))).toEqual(views(raw, byMonth));
			const weekly = await recordsOf(store, id, { outlets: ['Outlet 2'] }, { period: 'week', outlets: true });
			expect(weekly.reduce((a, r) => a + r.count, 0)).toBe(rows.filter((r) => r.outlet === 'Outlet 2').reduce((a, r) => a + r.count, 0));
			expect(await store.distinct(id, 'outlet')).toEqual(Array.from({ length: 5 }, (_, i) => `Outlet ${i}`));
			// Counted per outlet once, a selection's count is the sum of its outlets'.
			for (const shape of [
				{ period: 'day', outlets: true },
				{ period: 'week', outlets: true },
				{ period: 'month', outlets: true, languages: false, events: false }
			] as const) {
				const byOutlet = await store.recordGroupsByOutlet(id, shape);
				expect([...byOutlet.keys()].sort()).toEqual(Array.from({ length: 5 }, (_, i) => `Outlet ${i}`));
				const picked = ['Outlet 1', 'Outlet 3'];
				expect(byOutlet.get('Outlet 1')! + byOutlet.get('Outlet 3')!).toBe(await store.recordGroups(id, { outlets: picked }, shape));
				expect((await recordsOf(store, id, { outlets: picked }, shape)).length).toBe(
					await store.recordGroups(id, { outlets: picked }, shape)
				);
				// Read per outlet, each outlet's records are those a filter of it alone gives; one without rows has none.
				const perOutlet = await store.packedRecordsByOutlet(id, [...picked, 'nobody'], shape);
				expect([...perOutlet.keys()]).toEqual([...picked, 'nobody']);
				const own = (packed: PackedRecords) => unpackRecords(packed).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
				for (const outlet of picked) {
					expect(own(perOutlet.get(outlet)!)).toEqual(own(await store.packedRecords(id, { outlets: [outlet] }, shape)));
				}
				expect(perOutlet.get('nobody')!.length).toBe(0);
				// An outlet's records by day, summed here into this shape, are the shape's own.
				if (shape.period !== 'day') {
					const byDay = await store.packedRecords(id, { outlets: ['Outlet 1'] }, { period: 'day', outlets: true });
					const keep = { events: shape.events !== false, languages: shape.languages !== false };
					expect(own(sumPackedRecords(byDay, shape.period, keep))).toEqual(own(perOutlet.get('Outlet 1')!));
				}
			}
		});

		it('streams a CSV export page by page that is the file toCsv makes of all its rows', async () => {
			const id = `${prefix}-csv`;
			const tricky = (i: number): ImportedCoverageRow => ({
				...row(`2025-06-2${i % 3}`, `=Outlet ${i % 2}`, i % 2 ? 'state' : 'intl', i % 4 ? ['arms'] : []),
				title: `Title ${i}, "quoted"\nsecond line`,
				url: `https://example.org/${i}`
			});
			const rows = Array.from({ length: 7 }, (_, i) => tricky(i));
			// Two identical rows: OFFSET pages must give both.
			await store.createDataset(newDataset(id, `${prefix}-u1`), parts([...rows, tricky(6)]));
			const whole = async (filter: RowFilter) =>
				toCsv(
					[...DATASET_EXPORT_COLUMNS],
					(await store.rows(id, filter, 1000, 0)).map((r) => ({ ...r, frames: r.frames.join(';'), stances: stanceCell(r.stances) }))
				);
			for (const [filter, pageRows] of [
				[{}, 3],
				[{}, 4],
				[{}, 100],
				[{ groups: ['state'] }, 2],
				[{ outlets: ['nobody'] }, 3]
			] as [RowFilter, number][]) {
				const text = await new Response(datasetCsvStream(store, id, filter, pageRows)).text();
				expect(text).toBe(await whole(filter));
			}
			expect((await new Response(datasetCsvStream(store, id, {}, 3)).text()).match(/Title 6/g)).toHaveLength(2);
		});

		it('exports a dataset larger than a database chunk and a written piece as the file toCsv makes of all its rows', async () => {
			const id = `${prefix}-csv-large`;
			const rows = syntheticRows(5000, 11);
			// Identical rows tie in the order: each must still be written once per copy.
			await store.createDataset(newDataset(id, `${prefix}-u1`), parts([...rows, ...rows.slice(0, 300)]));
			const all = await store.rows(id, {}, 10_000, 0);
			expect(all).toHaveLength(5300);
			const whole = toCsv(
				[...DATASET_EXPORT_COLUMNS],
				all.map((r) => ({ ...r, frames: r.frames.join(';'), stances: stanceCell(r.stances) }))
			);
			for (const batchRows of [undefined, 100, 3000, 4999]) {
				expect(await new Response(datasetCsvStream(store, id, {}, batchRows)).text()).toBe(whole);
			}
		});

		it('keeps what a dataset measures, and averages readings of one day for a mean', async () => {
			const id = `${prefix}-measure`;
			const measure = { kind: 'value', unit: '% of GDP', combine: 'mean', series: 'countries' } as const;
			const readings = [
				{ ...row('2021-01-01', 'Estonia', '', []), count: 2 },
				{ ...row('2021-01-01', 'Estonia', '', []), count: 3 },
				{ ...row('2022-01-01', 'Estonia', '', []), count: 2.5 }
			];
			const stored = await store.createDataset({ ...newDataset(id, `${prefix}-u1`), measure }, parts(readings));
			expect(stored.measure).toEqual(measure);
			expect((await store.dataset(id))?.measure).toEqual(measure);
			const records = await recordsOf(store, id, {}, { period: 'day', outlets: true, mean: true });
			expect(records.map((r) => [r.date, r.count])).toEqual([
				['2021-01-01', 2.5],
				['2022-01-01', 2.5]
			]);
			// Saved before measures were kept: its numbers were charted as articles, and still are.
			await store.execute([{ sql: 'UPDATE datasets SET measure = NULL WHERE id = $1', params: [id] }]);
			expect((await store.dataset(id))?.measure).toEqual({ kind: 'articles' });
		});

		it('stores a dataset with its metadata, counts and window', async () => {
			const stored = await store.createDataset(newDataset(`${prefix}-d1`, `${prefix}-u1`), parts(ROWS.slice(0, 2), ROWS.slice(2)));
			expect(stored).toMatchObject({
				title: `Dataset ${prefix}-d1`,
				ownerName: 'Ada',
				rowCount: 4,
				articleCount: 8,
				windowStart: '2025-06-23',
				windowEnd: '2025-07-14',
				visibility: 'private'
			});
			const records = await recordsOf(store, `${prefix}-d1`);
			expect(records).toHaveLength(4);
			expect(records.find((r) => r.count === 5)).toEqual({
				date: '2025-07-14',
				outlet: 'reuters',
				group: 'intl',
				event: 'hague',
				language: 'en',
				frames: ['arms'],
				count: 5
			});
		});

		it('filters rows and aggregates by ISO week × group × frame', async () => {
			const id = `${prefix}-d1`;
			expect((await recordsOf(store, id, { groups: ['state'] })).length).toBe(2);
			expect((await recordsOf(store, id, { from: '2025-06-24', to: '2025-06-30' })).length).toBe(2);
			expect((await recordsOf(store, id, { frames: ['arms'] })).length).toBe(2);
			expect((await store.rows(id, {}, 2, 1)).map((r) => r.date)).toEqual(['2025-06-25', '2025-06-30']);
			// A dataset that records no stance has '' for every frame.
			expect(await store.aggregate(id, 'week', {})).toEqual([
				{ period: '2025-06-23', group: 'state', frame: 'arms', stance: '', count: 1 },
				{ period: '2025-06-23', group: 'state', frame: 'nato-threat', stance: '', count: 2 },
				{ period: '2025-06-30', group: 'intl', frame: '', stance: '', count: 1 },
				{ period: '2025-07-14', group: 'intl', frame: 'arms', stance: '', count: 5 }
			]);
			expect(await store.aggregate(id, 'month', { frames: ['arms'] })).toEqual([
				{ period: '2025-06-01', group: 'state', frame: 'arms', stance: '', count: 1 },
				{ period: '2025-07-01', group: 'intl', frame: 'arms', stance: '', count: 5 }
			]);
		});

		it('aggregates the same whether a filter narrows by date, group and frame or by outlet, event and language', async () => {
			const id = `${prefix}-d1`;
			const state = [{ period: '2025-06-23', group: 'state', frame: 'nato-threat', stance: '', count: 1 }];
			expect(
				await store.aggregate(id, 'week', { from: '2025-06-24', to: '2025-06-30', groups: ['state'], frames: ['nato-threat'] })
			).toEqual(state);
			expect(
				await store.aggregate(id, 'week', { from: '2025-06-24', to: '2025-06-30', outlets: ['tass'], frames: ['nato-threat'] })
			).toEqual(state);
			expect(await store.aggregate(id, 'week', { languages: ['en'], events: ['hague'], groups: ['intl'] })).toEqual([
				{ period: '2025-06-30', group: 'intl', frame: '', stance: '', count: 1 },
				{ period: '2025-07-14', group: 'intl', frame: 'arms', stance: '', count: 5 }
			]);
			expect(await store.aggregate(id, 'week', { languages: ['de'] })).toEqual([]);
			expect(await store.aggregate(id, 'week', { groups: ['nobody'] })).toEqual([]);
		});

		it('aggregates from the pre-summed counts exactly as from the stored articles, whatever the date, group and frame filter', async () => {
			const id = `${prefix}-cube`;
			await store.createDataset(newDataset(id, `${prefix}-u1`), parts(codedRows(3000)));
			// Naming every outlet keeps every row but makes the store sum the articles themselves.
			const everyOutlet = await store.distinct(id, 'outlet');
			for (const filter of [
				{},
				{ from: '2025-05-07', to: '2025-06-09' },
				{ groups: ['state', 'independent'] },
				{ frames: ['arms'] },
				{ from: '2025-06-03', groups: ['intl'], frames: ['nato-threat', 'arms'] }
			] satisfies RowFilter[]) {
				for (const granularity of ['week', 'month'] as const) {
					const summed = await store.aggregate(id, granularity, filter);
					expect(summed.length).toBeGreaterThan(0);
					expect(summed).toEqual(await store.aggregate(id, granularity, { ...filter, outlets: everyOutlet }));
				}
			}
		});

		it('keeps each frame with its stance in rows, chart records, aggregates and the CSV export', async () => {
			const id = `${prefix}-stances`;
			const stanced: ImportedCoverageRow[] = [
				{ ...row('2025-06-23', 'tass', 'state', ['nato-threat', 'arms']), stances: ['adopts', 'reports'] },
				{ ...row('2025-06-24', 'kyiv', 'ua', ['nato-threat']), stances: ['contests'] },
				// Stance recorded for one frame only, and a row recording none, in a dataset that has stances.
				{ ...row('2025-06-25', 'kyiv', 'ua', ['nato-threat', 'arms']), stances: ['', 'reports'] },
				row('2025-06-26', 'kyiv', 'ua', ['arms']),
				row('2025-06-27', 'kyiv', 'ua', [])
			];
			await store.createDataset(newDataset(id, `${prefix}-u1`), parts(stanced));
			expect(await store.rows(id, {}, 10, 0)).toEqual(stanced);
			const records = await recordsOf(store, id);
			expect(records.map((r) => r.stances)).toEqual(stanced.map((r) => r.stances));
			const expected = [
				{ period: '2025-06-23', group: 'state', frame: 'arms', stance: 'reports', count: 1 },
				{ period: '2025-06-23', group: 'state', frame: 'nato-threat', stance: 'adopts', count: 1 },
				{ period: '2025-06-23', group: 'ua', frame: '', stance: '', count: 1 },
				{ period: '2025-06-23', group: 'ua', frame: 'arms', stance: '', count: 1 },
				{ period: '2025-06-23', group: 'ua', frame: 'arms', stance: 'reports', count: 1 },
				{ period: '2025-06-23', group: 'ua', frame: 'nato-threat', stance: '', count: 1 },
				{ period: '2025-06-23', group: 'ua', frame: 'nato-threat', stance: 'contests', count: 1 }
			];
			// Summed from the pre-summed cube and from the stored articles (an outlet filter): the same.
			expect(await store.aggregate(id, 'week', {})).toEqual(expected);
			expect(await store.aggregate(id, 'week', { outlets: ['tass', 'kyiv'] })).toEqual(expected);
			const csv = (await new Response(datasetCsvStream(store, id, {})).text()).split('\r\n');
			expect(csv[0]).toBe('date,outlet,group,event,language,frames,stances,count,title,url');
			expect(csv.slice(1, 4).map((line) => line.split(',').slice(5, 7))).toEqual([
				['nato-threat;arms', 'adopts;reports'],
				['nato-threat', 'contests'],
				['nato-threat;arms', ';reports']
			]);
			// Charted by stance: adopted frames by default, every code split by stance on request.
			const input = recordsChartInput(records, id, { frames: ['nato-threat', 'arms'], frameLabels: {}, groups: [] });
			const adopted = chartViews(input, defaultFilters(id), say).frameCounts;
			expect(adopted.series.map((s) => [s.key, s.values])).toEqual([
				['nato-threat', [1, 0]],
				['uncoded', [0, 4]]
			]);
		});

		it('stores every character of every row, however many parts an import has', async () => {
			const id = `${prefix}-d3`;
			const odd: ImportedCoverageRow[] = [
				{
					...row('2024-02-29', 'odd', '', []),
					event: '',
					language: '',
					title: 'He said, "no"\r\nand "yes"',
					url: 'https://a.example/?q="x",y'
				},
				{ ...row('2024-03-01', 'odd', 'state', ['a', 'b']), title: ' padded\tinner  tab ', url: '', count: 0.25 },
				{ ...row('2024-03-02', 'odd', 'NULL', ['c']), event: '""', title: 'Україна — «війна» 🇺🇦\n', count: 1_000_000.5 },
				{ ...row('2024-03-03', 'odd', ',', ['d']), title: '"', count: -3 }
			];
			const many = Array.from({ length: 60_000 }, (_, i) => row('2024-01-01', `o${i % 7}`, 'g', i % 2 ? ['a'] : []));
			const stored = await store.createDataset(
				newDataset(id, `${prefix}-u1`),
				parts(...Array.from({ length: 30 }, (_, i) => many.slice(i * 2_000, (i + 1) * 2_000)), odd)
			);
			expect(stored.rowCount).toBe(60_004);
			expect(await store.rows(id, { outlets: ['odd'] }, 10, 0)).toEqual(odd);
			expect((await store.aggregate(id, 'month', { from: '2024-01-01', to: '2024-01-31' })).map((r) => [r.frame, r.count])).toEqual([
				['', 30_000],
				['a', 30_000]
			]);
		});

		it('stores nothing when an import fails midway', async () => {
			async function* failing() {
				yield* parts(ROWS);
				throw new Error('the upload was cut off');
			}
			await expect(store.createDataset(newDataset(`${prefix}-d2`, `${prefix}-u1`), failing())).rejects.toThrow('the upload was cut off');
			expect(await store.dataset(`${prefix}-d2`)).toBeUndefined();
			expect(await recordsOf(store, `${prefix}-d2`)).toEqual([]);
			expect(await store.aggregate(`${prefix}-d2`, 'week', {})).toEqual([]);
		});

		it('keeps coding sessions with their students and answers, and forgets expired ones', async () => {
			const id = `${prefix}-cs1`;
			const now = Date.now();
			await store.createCodingSession({
				id,
				joinCode: 'ABC234',
				teacherHash: 'teacher-hash',
				title: 'Hague',
				claimIds: ['c01', 'c02'],
				origin: '/events/hague',
				revealed: false,
				createdAt: now,
				expiresAt: now + 60_000
			});
			expect(await store.codingSession(id)).toMatchObject({ claimIds: ['c01', 'c02'], revealed: false, expiresAt: now + 60_000 });
			expect((await store.codingSessionByJoinCode('ABC234', now))?.id).toBe(id);
			expect(await store.codingSessionByJoinCode('ABC234', now + 120_000)).toBeUndefined();

			await store.addCodingStudent(id, { id: 's1', nickname: 'Ada', tokenHash: 'h1' });
			await store.addCodingStudent(id, { id: 's2', nickname: 'Bo', tokenHash: 'h2' });
			await expect(store.addCodingStudent(id, { id: 's3', nickname: 'Ada', tokenHash: 'h3' })).rejects.toThrow();
			expect((await store.codingStudents(id)).map((s) => s.nickname)).toEqual(['Ada', 'Bo']);
			await store.setCodingStudentToken(id, 's1', 'h1-moved');
			expect((await store.codingStudents(id)).map((s) => s.tokenHash)).toEqual(['h1-moved', 'h2']);

			await store.saveCodingAnswer(id, { studentId: 's1', claimId: 'c01', frames: ['nato-threat'] });
			await store.saveCodingAnswer(id, { studentId: 's1', claimId: 'c01', frames: ['nato-threat', 'blame-west'] });
			await store.saveCodingAnswer(id, { studentId: 's2', claimId: 'c01', frames: [] });
			const answers = await store.codingAnswers(id);
			expect(answers.sort((a, b) => a.studentId.localeCompare(b.studentId))).toEqual([
				{ studentId: 's1', claimId: 'c01', frames: ['nato-threat', 'blame-west'] },
				{ studentId: 's2', claimId: 'c01', frames: [] }
			]);

			await store.touchCodingSession(id, now + 90_000, true);
			await store.touchCodingSession(id, now + 100_000);
			expect(await store.codingSession(id)).toMatchObject({ revealed: true, expiresAt: now + 100_000 });

			await store.deleteCodingSessionsBefore(now + 200_000);
			expect(await store.codingSession(id)).toBeUndefined();
			expect(await store.codingStudents(id)).toEqual([]);
			expect(await store.codingAnswers(id)).toEqual([]);
		});

		it('updates metadata and deletes a dataset with its rows', async () => {
			const id = `${prefix}-d1`;
			await store.updateDataset(id, {
				title: 'Renamed',
				description: '',
				source: '',
				licence: '',
				citation: 'Cite me',
				visibility: 'public'
			});
			expect(await store.dataset(id)).toMatchObject({ title: 'Renamed', visibility: 'public', citation: 'Cite me' });
			expect((await store.datasets()).some((d) => d.id === id)).toBe(true);
			await store.deleteDataset(id);
			expect(await store.dataset(id)).toBeUndefined();
			expect(await recordsOf(store, id)).toEqual([]);
			expect(await store.aggregate(id, 'week', {})).toEqual([]);
		});

		it('records disputes open, lists them by status, and resolves each only once', async () => {
			const dispute = (id: string, createdAt: string): Dispute => ({
				id: `${prefix}-${id}`,
				kind: 'outlet-group',
				subject: `${prefix}-tass-com`,
				label: 'russian-state-media',
				reason: 'Its ownership changed; see the filing.',
				sourceUrl: 'https://example.org/filing',
				contactEmail: 'reader@example.org',
				createdAt,
				status: 'open',
				resolutionNote: '',
				resolvedAt: null
			});
			await store.createDispute(dispute('x2', '2026-11-25T10:00:01.000Z'));
			await store.createDispute({
				...dispute('x1', '2026-11-25T10:00:00.000Z'),
				kind: 'claim-frame',
				subject: 'c01',
				label: 'nato-threat',
				sourceUrl: '',
				contactEmail: ''
			});
			const mine = (list: Dispute[]) => list.filter((d) => d.id.startsWith(prefix));
			const open = mine(await store.disputes('open'));
			expect(open.map((d) => d.id)).toEqual([`${prefix}-x1`, `${prefix}-x2`]);
			expect(open[1]).toEqual(dispute('x2', '2026-11-25T10:00:01.000Z'));
			expect(open[0]).toMatchObject({ kind: 'claim-frame', subject: 'c01', label: 'nato-threat', sourceUrl: '', contactEmail: '' });

			const resolution = { status: 'accepted' as const, note: 'Moved to the right group.', resolvedAt: '2026-11-26T09:00:00.000Z' };
			expect(await store.resolveDispute(`${prefix}-x2`, resolution)).toBe(true);
			expect(await store.resolveDispute(`${prefix}-x2`, { ...resolution, status: 'rejected' })).toBe(false);
			expect(await store.resolveDispute(`${prefix}-nope`, resolution)).toBe(false);
			expect(mine(await store.disputes('open')).map((d) => d.id)).toEqual([`${prefix}-x1`]);
			expect(mine(await store.disputes('resolved'))).toEqual([
				{
					...dispute('x2', '2026-11-25T10:00:01.000Z'),
					status: 'accepted',
					resolutionNote: 'Moved to the right group.',
					resolvedAt: '2026-11-26T09:00:00.000Z'
				}
			]);
			expect(mine(await store.disputes())).toHaveLength(2);
		});
	});
}

for (const [engine, open] of engines) {
	describe(`${engine} store opened on a dataset stored before its pre-summed counts`, () => {
		it('sums its counts on start, so its aggregates are unchanged', async () => {
			const { store, reopen, cleanup } = await open();
			const prefix = `${engine}-old-${Date.now().toString(36)}`;
			let reopened: Store | undefined;
			try {
				await store.createUser({ id: `${prefix}-u`, email: `${prefix}@example.org`, name: 'U', passwordHash: 'h' });
				await store.createDataset(newDataset(`${prefix}-kept`, `${prefix}-u`), parts(ROWS));
				await store.createDataset(newDataset(`${prefix}-old`, `${prefix}-u`), parts(codedRows(500)));
				const before = await store.aggregate(`${prefix}-old`, 'week', {});
				const kept = await store.aggregate(`${prefix}-kept`, 'month', {});
				const cubeRows = async (s: Store, id: string) =>
					Number((await s.query('SELECT COUNT(*) AS n FROM coverage_cube WHERE dataset_id = $1', [id]))[0]?.n);
				const stored = await cubeRows(store, `${prefix}-old`);
				await store.execute([{ sql: 'DELETE FROM coverage_cube WHERE dataset_id = $1', params: [`${prefix}-old`] }]);
				await store.close();

				reopened = await reopen();
				expect(await cubeRows(reopened, `${prefix}-old`)).toBe(stored);
				expect(await reopened.aggregate(`${prefix}-old`, 'week', {})).toEqual(before);
				expect(before.length).toBeGreaterThan(4);
				// A dataset that had its counts keeps them once, not twice.
				expect(await reopened.aggregate(`${prefix}-kept`, 'month', {})).toEqual(kept);
			} finally {
				await (reopened ?? store).close();
				await cleanup();
			}
		});
	});
}

describe('duckdb store opened on a file from before the pre-summed cube', () => {
	it('fills the cube for its datasets on start, so aggregates are unchanged', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'parallax-cube-'));
		const path = join(dir, 'old.duckdb');
		try {
			let store = await DuckDbStore.open(path, { memoryLimit: '256MB' });
			await store.createUser({ id: 'u', email: 'u@example.org', name: 'U', passwordHash: 'h' });
			await store.createDataset(newDataset('old', 'u'), parts(ROWS));
			const before = await store.aggregate('old', 'week', {});
			await store.close();

			const instance = await DuckDBInstance.create(path);
			const connection = await instance.connect();
			await connection.run('DROP TABLE coverage_cube');
			connection.closeSync();
			instance.closeSync();

			store = await DuckDbStore.open(path, { memoryLimit: '256MB' });
			expect(await store.aggregate('old', 'week', {})).toEqual(before);
			expect(before).toHaveLength(4);
			await store.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
