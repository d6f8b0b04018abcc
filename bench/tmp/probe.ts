import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDbStore } from '$lib/server/storage/duckdb';
import { datasetBatches, LIMITS } from '$lib/server/import';

export async function probe(path: string, db: string) {
	const store = await DuckDbStore.open(db, { memoryLimit: '1GB', threads: 2 });
	const t0 = performance.now();
	await store.createUser({ id: 'u', email: 'u@x.org', name: 'U', passwordHash: 'h' });
	await store.createDataset(
		{
			id: 'd',
			ownerId: 'u',
			shareToken: 's',
			createdAt: new Date().toISOString(),
			meta: { title: 't', description: '', source: 's', licence: 'CC0', citation: '', visibility: 'private' }
		},
		datasetBatches(createReadStream(path), { ...LIMITS, rows: 1e9, bytes: 2 ** 40 })
	);
	console.log('import', (performance.now() - t0).toFixed(0));
	const time = async (label: string, work: () => Promise<unknown>) => {
		const s = performance.now();
		const v = await work();
		console.log(label, (performance.now() - s).toFixed(0), 'ms', typeof v === 'number' ? v : Array.isArray(v) ? v.length : '');
	};
	const f = { outlets: ['outlet-01'] };
	for (const shape of [
		{ period: 'day', outlets: true },
		{ period: 'week', outlets: true },
		{ period: 'month', outlets: true },
		{ period: 'month', outlets: true, languages: false },
		{ period: 'month', outlets: true, languages: false, events: false }
	] as const) {
		await time(`groups ${JSON.stringify(shape)}`, () => store.recordGroups('d', f, shape));
	}
	await time('records month+o-lang-ev', () => store.records('d', f, { period: 'month', outlets: true, languages: false, events: false }));
	await time('records month+o-lang', () => store.records('d', f, { period: 'month', outlets: true, languages: false }));
	await time('groups unfiltered day+o', () => store.recordGroups('d', {}, { period: 'day', outlets: true }));
	await time('groups unfiltered month-lang-ev', () =>
		store.recordGroups('d', {}, { period: 'month', outlets: false, languages: false, events: false })
	);
	await time('records unfiltered month-lang-ev', () =>
		store.records('d', {}, { period: 'month', outlets: false, languages: false, events: false })
	);
	await time('distinct outlet', () => store.distinct('d', 'outlet'));
	await store.close();
}
