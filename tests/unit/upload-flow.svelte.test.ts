import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Importer, type ImportResult } from '../../src/lib/domain/import/importer';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import { UNGROUPED, type LocalDataset, type LocalDatasetMeta } from '../../src/lib/domain/import/local-dataset';
import { tooLarge } from '../../src/lib/domain/import/limits';
import { FileRefused } from '../../src/lib/client/upload/client';
import { UploadFlow, type DatasetShelf, type ImportWorker, type UploadStep } from '../../src/lib/client/upload/flow.svelte';
import type { Progress } from '../../src/lib/client/upload/protocol';

// Read from the project root: in the client transform import.meta.url is not a file URL.
const fixture = (name: string) => new File([readFileSync(`tests/fixtures/formats/${name}`)], name);

const known = {
	outlets: [{ id: 'tass', name: 'TASS', domain: 'tass.com', group: 'russian-state' }],
	groups: [
		{ id: 'russian-state', label: 'Russian state media' },
		{ id: 'independent', label: 'Independent' }
	],
	codebook: { label: 'Parallax codebook', frames: [{ id: 'nato-threat', label: 'NATO threat' }] },
	maxBytes: 1_000_000
};

type Job = Parameters<ImportWorker['import']>[0];

/**
 * The worker's protocol with the real inspection and import in memory. An import waits until the
 * test settles it, so the steps in between can be seen.
 */
class FakeWorker implements ImportWorker {
	refuse: Error | null = null;
	cancelled = 0;
	destroyed = 0;
	jobs: Job[] = [];
	#pending: {
		job: Job;
		onProgress: (p: Progress) => void;
		resolve: (r: { result: ImportResult; seconds: number } | null) => void;
		reject: (e: Error) => void;
	} | null = null;

	async inspect(file: File) {
		if (this.refuse) throw this.refuse;
		return { type: 'inspected' as const, inspection: inspectSample(await file.text(), file.name, false), encoding: 'utf-8', bom: false };
	}

	import(job: Job, onProgress: (p: Progress) => void) {
		this.jobs.push(job);
		return new Promise<{ result: ImportResult; seconds: number } | null>((resolve, reject) => {
			this.#pending = { job, onProgress, resolve, reject };
		});
	}

	progress(rows: number) {
		this.#pending?.onProgress({ rows, bytes: rows, total: 10, rowsPerSecond: 1 });
	}

	async finish() {
		const { job, resolve } = this.#pending!;
		const text = (await job.file.text()).replace(/^\uFEFF/, '');
		const importer = new Importer(job.columns, job.mapping, job.hasHeader, job.codebook);
		const records = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: job.delimiter }).data;
		for (const record of records.slice(job.hasHeader ? 1 : 0)) importer.push(record);
		resolve({ result: importer.finish(), seconds: 0.5 });
		await settle();
	}

	async stop(error?: Error) {
		if (error) this.#pending!.reject(error);
		else this.#pending!.resolve(null);
		await settle();
	}

	cancel() {
		this.cancelled++;
	}

	destroy() {
		this.destroyed++;
	}
}

class MemoryShelf implements DatasetShelf {
	datasets: LocalDataset[] = [];
	failSave = false;
	async list(): Promise<LocalDatasetMeta[]> {
		return this.datasets.map(({ data: _data, groupOf: _groupOf, groupLabels: _labels, ...meta }) => meta);
	}
	async save(dataset: LocalDataset) {
		if (this.failSave) throw new Error('quota exceeded');
		this.datasets.push(dataset);
	}
	async remove(id: string) {
		this.datasets = this.datasets.filter((d) => d.id !== id);
	}
}

/** The flow's state, which must be at the given step. */
function at<S extends UploadStep['step']>(flow: UploadFlow, step: S): Extract<UploadStep, { step: S }> {
	const state = flow.state;
	if (state.step !== step) throw new Error(`at ${state.step}, not ${step}`);
	return state as Extract<UploadStep, { step: S }>;
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

function setup() {
	const worker = new FakeWorker();
	const shelf = new MemoryShelf();
	let connected = 0;
	const flow = new UploadFlow(
		known,
		() => {
			connected++;
			return worker;
		},
		shelf
	);
	return { flow, worker, shelf, connections: () => connected };
}

async function reportFor(name: string) {
	const parts = setup();
	await parts.flow.choose(fixture(name));
	const checking = parts.flow.check();
	await parts.worker.finish();
	await checking;
	return parts;
}

describe('UploadFlow', () => {
	it('inspects a chosen file and offers its mapping, named after the file', async () => {
		const { flow, connections } = setup();
		expect(flow.state.step).toBe('choose');
		const choosing = flow.choose(fixture('mediacloud-legacy.csv'));
		expect(flow.state).toMatchObject({ step: 'inspecting' });
		await choosing;
		const { upload } = at(flow, 'mapping');
		expect(upload.file.name).toBe('mediacloud-legacy.csv');
		expect(upload.title).toBe('mediacloud-legacy');
		expect(upload.mapping.date).toBe('publish_date');
		expect(upload.problems).toEqual([]);
		expect(upload.counts).toBe(false);
		expect(connections()).toBe(1);
	});

	it('shows a refusal as it is and any other failure as unreadable, back at the start', async () => {
		const { flow, worker } = setup();
		const reason = tooLarge(1024 * 1024, 'huge.csv');
		worker.refuse = new FileRefused(reason);
		await flow.choose(fixture('mediacloud-legacy.csv'));
		expect(flow.state).toEqual({ step: 'choose' });
		expect(flow.notice).toEqual({ kind: 'refused', reason });

		worker.refuse = new Error('not text');
		await flow.choose(fixture('mediacloud-legacy.csv'));
		expect(flow.notice).toEqual({ kind: 'unreadable', reason: 'not text' });

		worker.refuse = null;
		await flow.choose(fixture('mediacloud-legacy.csv'));
		expect(flow.notice).toBeNull();
		expect(flow.state.step).toBe('mapping');
	});

	it('reacts to mapping changes: problems, the detected date format and the reshape of a wide table', async () => {
		const { flow } = setup();
		await flow.choose(fixture('wide-years.csv'));
		const { upload } = at(flow, 'mapping');
		upload.reshape(true);
		expect(upload.mapping.reshape?.series).toEqual(['Country']);
		expect(upload.mapping.decimal).toBe(',');
		expect(upload.counts).toBe(true);
		upload.reshape(false);
		expect(upload.mapping.reshape).toBeNull();

		await flow.choose(fixture('mediacloud-legacy.csv'));
		const legacy = at(flow, 'mapping').upload;
		legacy.mapping.date = null;
		expect(legacy.problems.length).toBeGreaterThan(0);
		legacy.mapping.date = 'publish_date';
		expect(legacy.problems).toEqual([]);
		legacy.mapping.dateFormat = null;
		legacy.redetect();
		expect(legacy.mapping.dateFormat).toBe(legacy.date.format);
		expect(legacy.mapping.dateFormat).not.toBeNull();
	});

	it('imports with progress and reports, suggesting groups for outlets it knows', async () => {
		const { flow, worker } = setup();
		await flow.choose(fixture('mediacloud-legacy.csv'));
		const checking = flow.check();
		expect(flow.state).toMatchObject({ step: 'importing', progress: { rows: 0 } });
		worker.progress(3);
		expect(flow.state).toMatchObject({ step: 'importing', progress: { rows: 3 } });
		expect(worker.jobs[0]?.mapping.date).toBe('publish_date');
		await worker.finish();
		await checking;
		const { report } = at(flow, 'report');
		expect(report.seconds).toBe(0.5);
		expect(report.result.data.length).toBeGreaterThan(0);
		expect(report.groups.assignment['tass.com']).toBe('russian-state');
		expect(report.suggestions.get('tass.com')?.group).toBe('russian-state');
		expect(report.groups.assignment['Reuters']).toBe(UNGROUPED);
		expect(report.groups.customGroups).toEqual([]);
	});

	it('gives each of a few count series its own group', async () => {
		const { flow } = await reportFor('gdelt-timeline.csv');
		const { report } = at(flow, 'report');
		expect(report.groups.customGroups).toEqual([{ id: 'custom-article-count', label: 'Article Count' }]);
		expect(report.groups.assignment).toEqual({ 'Article Count': 'custom-article-count' });
	});

	it('returns to the mapping when an import is cancelled or fails, saying so', async () => {
		const { flow, worker } = setup();
		await flow.choose(fixture('mediacloud-legacy.csv'));
		let checking = flow.check();
		worker.progress(2);
		flow.cancel();
		expect(worker.cancelled).toBe(1);
		await worker.stop();
		await checking;
		expect(flow.state.step).toBe('mapping');
		expect(flow.notice).toEqual({ kind: 'cancelled', rows: 2 });

		checking = flow.check();
		await worker.stop(new Error('worker crashed'));
		await checking;
		expect(flow.state.step).toBe('mapping');
		expect(flow.notice).toEqual({ kind: 'failed', reason: 'worker crashed' });
	});

	it('checks again from a report', async () => {
		const { flow, worker } = await reportFor('mediacloud-legacy.csv');
		const checking = flow.check();
		expect(flow.state.step).toBe('importing');
		await worker.finish();
		await checking;
		expect(flow.state.step).toBe('report');
		expect(worker.jobs).toHaveLength(2);
	});

	it('starting over stops a running import and ignores its late answer', async () => {
		const { flow, worker } = setup();
		await flow.choose(fixture('mediacloud-legacy.csv'));
		const checking = flow.check();
		flow.reset();
		expect(worker.cancelled).toBe(1);
		expect(flow.state).toEqual({ step: 'choose' });
		await worker.finish();
		await checking;
		expect(flow.state).toEqual({ step: 'choose' });
		expect(flow.notice).toBeNull();
	});

	it('keeps the valid rows in the browser under the chosen title and groups', async () => {
		const { flow, shelf } = await reportFor('mediacloud-legacy.csv');
		const { upload, report } = at(flow, 'report');
		upload.title = '  Summit week  ';
		report.groups.assign(['Reuters'], report.groups.addGroup('Wires'));
		await flow.keep();
		const { dataset } = at(flow, 'saved');
		expect(shelf.datasets).toEqual([dataset]);
		expect(dataset).toMatchObject({
			title: 'Summit week',
			fileName: 'mediacloud-legacy.csv',
			kind: 'article',
			rows: report.result.data.length
		});
		expect(dataset.id).toMatch(/^local-/);
		expect(dataset.groupOf).toMatchObject({ 'tass.com': 'russian-state', Reuters: 'custom-wires' });
		expect(dataset.groupLabels).toEqual({ 'russian-state': 'Russian state media', independent: 'Independent', 'custom-wires': 'Wires' });
		expect(flow.stored.map((m) => m.id)).toEqual([dataset.id]);
	});

	it('stays on the report when the browser will not store the rows', async () => {
		const { flow, shelf } = await reportFor('mediacloud-legacy.csv');
		shelf.failSave = true;
		await flow.keep();
		expect(flow.state.step).toBe('report');
		expect(flow.notice).toEqual({ kind: 'notStored', reason: 'quota exceeded' });
	});

	it('lists and removes kept datasets, and starts one worker for the page', async () => {
		const { flow, shelf, worker, connections } = await reportFor('mediacloud-legacy.csv');
		await flow.keep();
		await flow.choose(fixture('gdelt-timeline.csv'));
		expect(connections()).toBe(1);
		await flow.refreshStored();
		expect(flow.stored).toHaveLength(1);
		await flow.remove(shelf.datasets[0]!.id);
		expect(flow.stored).toEqual([]);
		flow.destroy();
		expect(worker.destroyed).toBe(1);
	});
});
