import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/lib/domain/import/importer';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import { packChartInput } from '../../src/lib/domain/charts/packed-records';
import { chartViews, type ChartSay } from '../../src/lib/domain/charts/chart-views';
import { defaultFilters } from '../../src/lib/domain/charts/filters';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import { localChartInput, type LocalDataset, type LocalDatasetMeta } from '../../src/lib/domain/import/local-dataset';
import { DatasetSource, type LocalShelf, type ServedCharts } from '../../src/routes/charts/dataset-source.svelte';

/** A dataset as the upload page keeps it, from a fixture. */
function kept(id: string, file: string): LocalDataset {
	const text = readFileSync(`tests/fixtures/formats/${file}`, 'utf8').replace(/^\uFEFF/, '');
	const inspection = inspectSample(text, file, false);
	const importer = new Importer(inspection.columns, inspection.mapping, inspection.hasHeader);
	for (const record of Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: inspection.delimiter }).data.slice(1))
		importer.push(record);
	const { data } = importer.finish();
	return {
		id,
		title: file,
		fileName: file,
		format: inspection.format,
		kind: 'article',
		rows: data.length,
		created: '2026-01-01T00:00:00Z',
		data,
		groupOf: {},
		groupLabels: {}
	};
}

const say: ChartSay = (message) => translateMessage('en', message);
const bundledFrames = { frames: [], frameLabels: {}, groups: [] };
const bundled = localChartInput(kept('bundled', 'parallax.csv'), bundledFrames);
const served: ServedCharts = { ...packChartInput(bundled), stored: null, compared: {} };
const mine = kept('local-abc12345', 'mediacloud-legacy.csv');

/** A shelf whose reads wait until the test lets them through. */
class SlowShelf implements LocalShelf {
	loads: string[] = [];
	#release: (() => void)[] = [];
	constructor(readonly datasets: LocalDataset[]) {}
	list(): Promise<LocalDatasetMeta[]> {
		return this.#later(() => this.datasets.map(({ data: _d, groupOf: _g, groupLabels: _l, ...meta }) => meta));
	}
	load(id: string): Promise<LocalDataset | null> {
		this.loads.push(id);
		return this.#later(() => this.datasets.find((d) => d.id === id) ?? null);
	}
	/** Lets every waiting read finish, and the effects that follow run. */
	async release() {
		const waiting = this.#release.splice(0);
		for (const go of waiting) go();
		await new Promise((resolve) => setTimeout(resolve));
		flushSync();
	}
	#later<T>(value: () => T): Promise<T> {
		return new Promise((resolve) => this.#release.push(() => resolve(value())));
	}
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function open(shelf: LocalShelf, initial: { requested: string | null; data?: ServedCharts }) {
	let requested = $state(initial.requested);
	let data = $state.raw(initial.data ?? served);
	let source!: DatasetSource;
	stop = $effect.root(() => {
		source = new DatasetSource(() => ({ requested, data }), shelf);
	});
	flushSync();
	return { source, ask: (id: string | null) => (requested = id), serve: (next: ServedCharts) => (data = next) };
}

describe('DatasetSource', () => {
	it('charts the served data when no local dataset is asked for, and lists the browser datasets once read', async () => {
		const shelf = new SlowShelf([mine]);
		const { source } = open(shelf, { requested: null });
		const first = source.input;
		expect(first.records).toEqual(bundled.records);
		expect(first.vocab).toEqual(bundled.vocab);
		expect(source.metas).toBeNull();
		expect(source.ids).toEqual([]);
		await shelf.release();
		expect(source.ids).toEqual([mine.id]);
		expect(source.labels[mine.id]).toContain('mediacloud-legacy.csv');
		expect(shelf.loads).toEqual([]);
		// Unpacked once per served data, not per read.
		expect(source.input).toBe(first);
	});

	it('changes nothing downstream when this browser keeps no datasets', async () => {
		const shelf = new SlowShelf([]);
		const { source } = open(shelf, { requested: null });
		const [ids, labels, input] = [source.ids, source.labels, source.input];
		await shelf.release();
		expect(source.metas).toEqual([]);
		// The same lists, not equal new ones: a new list would chart every view again.
		expect(source.ids).toBe(ids);
		expect(source.labels).toBe(labels);
		expect(source.input).toBe(input);
	});

	it('charts nothing while a local dataset is read, then the dataset itself', async () => {
		const shelf = new SlowShelf([mine]);
		const { source } = open(shelf, { requested: mine.id });
		expect(source.pending).toBe(true);
		expect(source.input.records).toEqual([]);
		expect(source.ids).toEqual([mine.id]);
		await shelf.release();
		expect(shelf.loads).toEqual([mine.id]);
		expect(source.pending).toBe(true);
		await shelf.release();
		expect(source.pending).toBe(false);
		expect(source.local).toBe(mine);
		expect(source.input).toEqual(
			localChartInput(mine, { frames: served.vocab.frames, frameLabels: served.labels.frames, groups: served.vocab.groups })
		);
		expect(source.input.records).toHaveLength(mine.rows);
	});

	it('falls back to the served data when the asked-for dataset is not in this browser', async () => {
		const shelf = new SlowShelf([mine]);
		const { source } = open(shelf, { requested: 'local-gone0000' });
		expect(source.pending).toBe(true);
		await shelf.release();
		expect(source.requestedLocal).toBeNull();
		expect(source.pending).toBe(false);
		expect(source.input.records).toEqual(bundled.records);
		expect(shelf.loads).toEqual([]);
	});

	it('drops a dataset that arrives after another one was asked for', async () => {
		const shelf = new SlowShelf([mine]);
		const { source, ask } = open(shelf, { requested: mine.id });
		await shelf.release();
		ask(null);
		flushSync();
		await shelf.release();
		expect(source.local).toBeNull();
		expect(source.input.records).toEqual(bundled.records);
	});

	it('prefers a stored dataset the server sent, unpacked once', async () => {
		const stored = localChartInput(mine, bundledFrames);
		const shelf = new SlowShelf([mine]);
		const { source } = open(shelf, { requested: 'stored-1', data: { ...served, stored: packChartInput(stored) } });
		await shelf.release();
		expect(source.input).toEqual(stored);
		expect(source.input).toBe(source.input);
	});

	it('reuses the records it unpacked when the server sends the same key again, and not another key', async () => {
		const stored = localChartInput(mine, bundledFrames);
		const fewer = { ...stored, records: stored.records.slice(0, 3) };
		const answer = (input: typeof stored, key: string) => ({ ...served, stored: { ...packChartInput(input), key } });
		const { source, serve } = open(new SlowShelf([]), { requested: 'stored-1', data: answer(stored, 'all') });
		const first = source.input;
		serve(answer(fewer, 'three'));
		flushSync();
		expect(source.input.records).toEqual(fewer.records);
		// Parsed anew from the server's answer, yet the same records as before: the same input, so charts keep its index.
		serve(answer(stored, 'all'));
		flushSync();
		expect(source.input).toBe(first);
	});

	it('indexes a stored answer from its packed records, once, and no other records', async () => {
		const stored = localChartInput(mine, bundledFrames);
		const { source } = open(new SlowShelf([]), {
			requested: 'stored-1',
			data: { ...served, stored: { ...packChartInput(stored), key: 'k' } }
		});
		const index = source.indexOf(source.input);
		expect(index?.length).toBe(stored.records.length);
		expect(source.indexOf(source.input)).toBe(index);
		const filters = { ...defaultFilters('stored-1'), by: 'outlet' as const };
		expect(chartViews(source.input, filters, say, index)).toEqual(chartViews(source.input, filters, say));
		expect(source.indexOf(stored)).toBeUndefined();
	});
});
