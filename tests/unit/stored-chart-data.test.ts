import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Store } from '../../src/lib/server/storage/types';
import { unpackChartInput } from '../../src/lib/domain/charts/packed-records';
import type { ImportedCoverageRow } from '../../src/lib/domain/ledger/schemas';
import { parts } from './dataset-parts';

// The process-wide store opens PARALLAX_DB on first use: a throwaway file for this test file.
const dir = mkdtempSync(join(tmpdir(), 'parallax-stored-charts-'));
process.env.PARALLAX_DB = join(dir, 'parallax.duckdb');
const { store } = await import('../../src/lib/server/storage');
const { chartData, firstChartViews, storedChartData } = await import('../../src/lib/server/charts');

const OWNER = { id: 'u-owner', email: 'owner@example.org', name: 'Owner', verified: true } as App.Locals['user'];

/** 40 rows: 4 outlets over 10 days, two languages, one event, each row counting 1 to 3 articles. */
const ROWS: ImportedCoverageRow[] = Array.from({ length: 40 }, (_, i) => ({
	date: `2025-06-${String(1 + (i % 10)).padStart(2, '0')}`,
	outlet: `Outlet ${i % 4}`,
	group: i % 4 < 2 ? 'state' : 'independent',
	event: 'hague',
	language: i % 3 === 0 ? 'ru' : 'en',
	frames: i % 5 === 0 ? [] : ['nato-threat'],
	count: 1 + (i % 3),
	title: `Row ${i}`,
	url: ''
}));
const articles = (keep: (r: ImportedCoverageRow) => boolean) => ROWS.filter(keep).reduce((sum, r) => sum + r.count, 0);

/** A query whose reads are recorded: SvelteKit reruns the page's load only for parameters it read. */
function trackedQuery(search: string) {
	const params = new URLSearchParams(search);
	const read = new Set<string>();
	const query = new Proxy(params, {
		get(target, key) {
			if (key === 'get' || key === 'getAll' || key === 'has') {
				return (name: string) => {
					read.add(name);
					return target[key](name);
				};
			}
			const value = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
	return { query, read };
}

/** ROWS saved as the owner's private dataset. */
async function saveDataset(id: string, title: string) {
	const meta = { title, description: '', source: 's', licence: 'CC0', citation: '', visibility: 'private' } as const;
	await (
		await store()
	).createDataset({ id, ownerId: OWNER!.id, shareToken: `share-${id}`, createdAt: new Date().toISOString(), meta }, parts(ROWS));
}

/** A stored dataset's page data with these outlets picked, unpacked, and how it was summed. */
async function picked(id: string, budget: number, outlets: string[]) {
	const query = new URLSearchParams(outlets.map((outlet) => ['outlet', outlet]));
	const served = (await storedChartData(id, OWNER, null, chartData(), query, budget))!;
	return { records: unpackChartInput(served.packed).records, coarsened: served.coarsened };
}

/** The outlets each call of a packedRecordsByOutlet spy read of one dataset: other tests' datasets may still be read ahead. */
const readsOf = (read: MockInstance<Store['packedRecordsByOutlet']>, id: string) =>
	read.mock.calls.filter(([dataset]) => dataset === id).map(([, outlets]) => outlets);

/**
 * Picks `outlets` of a dataset saved from ROWS with a budget of 25 records, which keeps one or two
 * outlets by day, and checks each outlet's articles: the file's for a picked one, none for another.
 */
async function pickedByDay(id: string, outlets: string[]) {
	const { records, coarsened } = await picked(id, 25, outlets);
	expect(coarsened).toBeNull();
	for (const outlet of ['Outlet 0', 'Outlet 1', 'Outlet 2', 'Outlet 3']) {
		const own = records.filter((r) => r.outlet === outlet).reduce((sum, r) => sum + r.count, 0);
		expect(own).toBe(outlets.includes(outlet) ? articles((r) => r.outlet === outlet) : 0);
	}
}

/** Saves ROWS as dataset `id` and runs `test` with a spy on the store's per-outlet reads, removed afterwards. */
async function withOutletReads(id: string, title: string, test: (read: MockInstance<Store['packedRecordsByOutlet']>) => Promise<void>) {
	const db = await store();
	await saveDataset(id, title);
	const read = vi.spyOn(db, 'packedRecordsByOutlet');
	try {
		await test(read);
	} finally {
		read.mockRestore();
	}
}

/** Once the four outlets' reads (`reads()` lists them) have begun and every read has ended. */
async function readsDone(read: MockInstance<Store['packedRecordsByOutlet']>, reads: () => unknown[]) {
	await vi.waitFor(() => expect(reads()).toHaveLength(4));
	await Promise.all(read.mock.results.map((r) => r.value));
}

/** Once every per-outlet count the page began is done: each shape is counted when the one before it is, so until no new count starts. */
async function countedAll(counted: MockInstance<Store['recordGroupsByOutlet']>) {
	await vi.waitFor(() => expect(counted).toHaveBeenCalled());
	for (let seen = -1; seen !== counted.mock.calls.length;) {
		seen = counted.mock.calls.length;
		await Promise.all(counted.mock.results.map((r) => r.value));
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

describe('a stored dataset on the charts page', () => {
	beforeAll(async () => {
		const db = await store();
		await db.createUser({ id: OWNER!.id, email: OWNER!.email, name: OWNER!.name, passwordHash: 'h' });
		await saveDataset('d-small', 'Small');
	});

	afterAll(async () => {
		await (await store()).close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('sends records per day and outlet when they fit, and reads no filter: the page filters them itself', async () => {
		const { query, read } = trackedQuery('outlet=Outlet 1&lang=ru&by=outlet&group=state');
		const served = await storedChartData('d-small', OWNER, null, chartData(), query);
		expect(served?.coarsened).toBeNull();
		const { records } = unpackChartInput(served!.packed);
		expect(new Set(records.map((r) => r.outlet))).toEqual(new Set(['Outlet 0', 'Outlet 1', 'Outlet 2', 'Outlet 3']));
		expect(records.reduce((sum, r) => sum + r.count, 0)).toBe(articles(() => true));
		expect([...read]).toEqual([]);
		// The same answer is kept: the second read is the same packed data, not a new query.
		expect((await storedChartData('d-small', OWNER, null, chartData(), query))!.packed).toBe(served!.packed);
	});

	it('reads the picked outlets and languages only when the page has them summed together, and then sums just those', async () => {
		// A budget of 5 records sums outlets, days, events and languages together.
		const unfiltered = await storedChartData('d-small', OWNER, null, chartData(), new URLSearchParams(), 5);
		expect(unfiltered?.coarsened).toMatchObject({ outlets: false, languages: false });
		expect(unpackChartInput(unfiltered!.packed).records.every((r) => r.outlet === '')).toBe(true);

		const { query, read } = trackedQuery('outlet=Outlet 1&lang=ru&event=hague&group=state&frame=nato-threat');
		const served = await storedChartData('d-small', OWNER, null, chartData(), query, 5);
		// Events were kept, so the page filters them: not read.
		expect(read).toEqual(new Set(['outlet', 'lang', 'by']));
		const { records } = unpackChartInput(served!.packed);
		expect(records.reduce((sum, r) => sum + r.count, 0)).toBe(articles((r) => r.outlet === 'Outlet 1' && r.language === 'ru'));
		expect(new Set(records.map((r) => r.outlet))).toEqual(new Set(['Outlet 1']));
	});

	it('keeps picked outlets apart however coarsely it has to sum them', async () => {
		const served = await storedChartData('d-small', OWNER, null, chartData(), new URLSearchParams('outlet=Outlet 2&outlet=Outlet 3'), 1);
		expect(served?.coarsened).toMatchObject({ period: 'month', outlets: true, languages: false, events: false });
		const { records } = unpackChartInput(served!.packed);
		for (const outlet of ['Outlet 2', 'Outlet 3']) {
			const own = records.filter((r) => r.outlet === outlet).reduce((sum, r) => sum + r.count, 0);
			expect(own).toBe(articles((r) => r.outlet === outlet));
		}
	});

	it('counts records per outlet from the first page that sums outlets together, so a first pick counts nothing', async () => {
		const db = await store();
		await saveDataset('d-picks', 'Picks');
		const counted = vi.spyOn(db, 'recordGroupsByOutlet');
		try {
			await storedChartData('d-picks', OWNER, null, chartData(), new URLSearchParams(), 5);
			await countedAll(counted);
			counted.mockClear();
			const own = vi.spyOn(db, 'recordGroups');
			const picked = await storedChartData('d-picks', OWNER, null, chartData(), new URLSearchParams('outlet=Outlet 1'), 5);
			expect(new Set(unpackChartInput(picked!.packed).records.map((r) => r.outlet))).toEqual(new Set(['Outlet 1']));
			expect(counted).not.toHaveBeenCalled();
			expect(own).not.toHaveBeenCalled();
		} finally {
			vi.restoreAllMocks();
		}
	});

	it('does not make a pick wait for every outlet to be counted: until then it counts its own records', async () => {
		const db = await store();
		await saveDataset('d-early', 'Early');
		// Counting every outlet never ends here, as on a large dataset just after the server started.
		const counted = vi.spyOn(db, 'recordGroupsByOutlet').mockReturnValue(new Promise(() => {}));
		try {
			await storedChartData('d-early', OWNER, null, chartData(), new URLSearchParams(), 5);
			expect(counted).toHaveBeenCalled();
			const { records } = await picked('d-early', 5, ['Outlet 2']);
			expect(records.reduce((sum, r) => sum + r.count, 0)).toBe(articles((r) => r.outlet === 'Outlet 2'));
		} finally {
			counted.mockRestore();
		}
	});

	it('reads each picked outlet once: a new selection reads only outlets not read before', async () => {
		await withOutletReads('d-outlets', 'Outlets', async (read) => {
			// 25 records: the page sums its four outlets' 40 together, one or two outlets are read by day.
			await pickedByDay('d-outlets', ['Outlet 1']);
			await pickedByDay('d-outlets', ['Outlet 1', 'Outlet 2', 'Outlet 2']);
			await pickedByDay('d-outlets', ['Outlet 2']);
			// The first pick also reads the other outlets ahead (see below), racing the next picks: whoever
			// reads an outlet first, none is read twice.
			await readsDone(read, () => readsOf(read, 'd-outlets').flat());
			expect(readsOf(read, 'd-outlets')[0]).toEqual(['Outlet 1']);
			expect(readsOf(read, 'd-outlets').flat().sort()).toEqual(['Outlet 0', 'Outlet 1', 'Outlet 2', 'Outlet 3']);
		});
	});

	it('reads the other outlets ahead from the first pick, one at a time, so that a first pick of another reads nothing', async () => {
		const db = await store();
		await saveDataset('d-ahead', 'Ahead');
		const counted = vi.spyOn(db, 'recordGroupsByOutlet');
		const read = vi.spyOn(db, 'packedRecordsByOutlet');
		try {
			// 25 records: the page sums its four outlets' 40 together; each outlet's ten fit by day.
			await storedChartData('d-ahead', OWNER, null, chartData(), new URLSearchParams(), 25);
			await countedAll(counted);
			// The page alone reads no outlet: a viewer who never picks one is not slowed by reading them.
			expect(readsOf(read, 'd-ahead')).toEqual([]);
			await picked('d-ahead', 25, ['Outlet 2']);
			await readsDone(read, () => readsOf(read, 'd-ahead'));
			expect(readsOf(read, 'd-ahead')).toEqual([['Outlet 2'], ['Outlet 0'], ['Outlet 1'], ['Outlet 3']]);
			read.mockClear();
			await pickedByDay('d-ahead', ['Outlet 3']);
			await pickedByDay('d-ahead', ['Outlet 1', 'Outlet 3']);
			expect(readsOf(read, 'd-ahead')).toEqual([]);
		} finally {
			vi.restoreAllMocks();
		}
	});

	it('sums an outlet read by day into the weeks of a selection that outgrew its budget, without reading it again', async () => {
		await withOutletReads('d-weeks', 'Weeks', async (read) => {
			const pick = async (...outlets: string[]) => {
				const { records, coarsened } = await picked('d-weeks', 15, outlets);
				for (const outlet of outlets) {
					const own = records.filter((r) => r.outlet === outlet);
					expect(own.reduce((sum, r) => sum + r.count, 0)).toBe(articles((r) => r.outlet === outlet));
					// Russian rows are every third: summing by week must keep them apart from English ones.
					expect(own.filter((r) => r.language === 'ru').reduce((sum, r) => sum + r.count, 0)).toBe(
						articles((r) => r.outlet === outlet && r.language === 'ru')
					);
				}
				return coarsened;
			};
			// 15 records: one outlet's ten days fit, two outlets' twenty are summed by week.
			expect(await pick('Outlet 1')).toBeNull();
			// The other outlets are read ahead by day, as a pick of each alone would read them.
			await readsDone(read, () => readsOf(read, 'd-weeks'));
			read.mockClear();
			expect(await pick('Outlet 1', 'Outlet 2')).toMatchObject({ period: 'week', outlets: true });
			expect(readsOf(read, 'd-weeks')).toEqual([]);
		});
	});

	it('drops picks of outlets the dataset lacks: a link naming made-up ones gets the page itself, and nothing new is kept or read', async () => {
		await withOutletReads('d-made-up', 'Made up', async (read) => {
			// A budget of 5 records sums the outlets together, so picks are read on the server.
			const page = await storedChartData('d-made-up', OWNER, null, chartData(), new URLSearchParams(), 5);
			const madeUp = await storedChartData('d-made-up', OWNER, null, chartData(), new URLSearchParams('outlet=Nobody&outlet=Outlet 9'), 5);
			expect(madeUp!.packed).toBe(page!.packed);
			expect(readsOf(read, 'd-made-up')).toEqual([]);
			const { records } = await picked('d-made-up', 5, ['Nobody', 'Outlet 1']);
			expect(new Set(records.map((r) => r.outlet))).toEqual(new Set(['Outlet 1']));
			expect(readsOf(read, 'd-made-up')[0]).toEqual(['Outlet 1']);
		});
	});

	it('keeps every group and frame of the dataset in the vocabulary of a pick whose records lack some', async () => {
		const served = await storedChartData('d-small', OWNER, null, chartData(), new URLSearchParams('outlet=Outlet 0'), 25);
		const input = unpackChartInput(served!.packed);
		expect(new Set(input.records.map((r) => r.group))).toEqual(new Set(['state']));
		expect(input.vocab.groups).toEqual(['independent', 'state']);
		expect(input.vocab.frames).toEqual(['nato-threat']);
	});

	it("sends the bundled data's first charts with a rendered page only, not with a navigation's data request", async () => {
		const { load } = await import('../../src/routes/charts/+page.server');
		const event = (isDataRequest: boolean) =>
			({
				url: new URL('http://localhost/charts?gran=month'),
				locals: { user: null, locale: 'en' },
				untrack: <T>(read: () => T) => read(),
				isDataRequest
			}) as unknown as Parameters<typeof load>[0];
		expect((await load(event(false))).first?.key).toBe(firstChartViews(new URL('http://localhost/charts?gran=month'), 'en', []).key);
		expect((await load(event(true))).first).toBeNull();
	});

	it('checks access before every answer, kept or not', async () => {
		await storedChartData('d-small', OWNER, null, chartData(), new URLSearchParams());
		expect(await storedChartData('d-small', null, null, chartData(), new URLSearchParams())).toBeNull();
		expect(await storedChartData('d-small', null, 'share-d-small', chartData(), new URLSearchParams())).toBeNull();
	});
});
