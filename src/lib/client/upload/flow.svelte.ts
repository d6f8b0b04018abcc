import { detectDateFormat, type DateDetection } from '$lib/domain/import/dates';
import { countsPerSeries, type ColumnMapping } from '$lib/domain/import/formats';
import { resolveFrameLists, type FrameBook, type FrameChoices } from '$lib/domain/import/frame-codes';
import type { ColumnarCoverage } from '$lib/domain/import/columnar';
import type { ImportResult } from '$lib/domain/import/importer';
import type { ImportMessage } from '$lib/domain/import/messages';
import { columnValues, periodDecimal, type Inspection } from '$lib/domain/import/inspect';
import { UNGROUPED, type LocalDataset, type LocalDatasetMeta } from '$lib/domain/import/local-dataset';
import { mappingProblems } from '$lib/domain/import/mapping';
import { groupId, suggestGroups, type GroupSuggestion, type KnownOutlet } from '$lib/domain/import/outlets';
import { applyGroupMapping, fileGroupRows } from '$lib/domain/import/outlet-groups';
import { defaultReshape } from '$lib/domain/import/wide';
import { detectDecimalMark } from '$lib/domain/import/numbers';
import { proposeMeasure, type MeasureProposal } from '$lib/domain/import/proposal';
import type { Measure } from '$lib/domain/charts/measure';
import { OutletGroups } from './outlet-groups.svelte';
import { deleteLocalDataset, listLocalDatasets, newLocalId, saveLocalDataset } from '../local-datasets';
import { FileRefused, type ImportClient } from './client';
import type { Progress } from './protocol';

export interface Group {
	id: string;
	label: string;
}

/** A file that was read and inspected, with the mapping the researcher is adjusting. */
export class Upload {
	mapping: ColumnMapping;
	/** The name the dataset will be kept under. */
	title: string;

	/** What the sample says about the mapped date column. */
	readonly date: DateDetection;
	readonly problems: ImportMessage[];
	readonly counts: boolean;
	/** What the numbers are, as proposed from the mapped columns and their values. */
	readonly proposal: MeasureProposal;
	/** The measure the dataset is kept with: the proposal, unless the researcher changed it. */
	readonly measure: Measure;
	// A change of the count column or the reshape makes a new proposal, replacing an earlier choice.
	#chosen: { basis: string; measure: Measure } | null = $state(null);
	readonly #basis: string;

	constructor(
		readonly file: File,
		readonly inspection: Inspection,
		readonly encoding: string,
		readonly bom: boolean
	) {
		this.mapping = $state(inspection.mapping);
		this.title = $state(file.name.replace(/\.[^.]+$/, ''));
		this.date = $derived(detectDateFormat(columnValues(inspection.sample, inspection.columns, this.mapping.date)));
		this.problems = $derived(mappingProblems(this.mapping, inspection.columns));
		this.counts = $derived(countsPerSeries(this.mapping));
		this.proposal = $derived(
			proposeMeasure({
				format: inspection.format,
				columns: inspection.columns,
				sample: inspection.sample,
				mapping: this.mapping
			})
		);
		this.#basis = $derived(JSON.stringify([this.mapping.count, this.mapping.reshape, this.mapping.outlet, this.mapping.decimal]));
		this.measure = $derived(this.#chosen?.basis === this.#basis ? this.#chosen.measure : this.proposal.measure);
	}

	/** The researcher says what the numbers are. */
	chooseMeasure(measure: Measure) {
		this.#chosen = { basis: this.#basis, measure };
	}

	/** The date column changed: use the format its values are written in. */
	redetect() {
		this.mapping.dateFormat = this.date.format;
	}

	/** The count column changed: its own values say which decimal mark they use ("0,45"). */
	recount() {
		const { sample, columns, delimiter } = this.inspection;
		if (this.mapping.count) this.mapping.decimal = detectDecimalMark(columnValues(sample, columns, this.mapping.count), delimiter);
	}

	reshape(on: boolean) {
		const { sample, columns, periods, delimiter } = this.inspection;
		this.mapping.reshape = on ? defaultReshape(columns) : null;
		if (on) this.mapping.decimal = periodDecimal(sample, columns, periods, delimiter);
	}
}

/** What an import found, with the groups the researcher puts its outlets in. */
export class Report {
	readonly groups: OutletGroups;
	/** Unknown frame code → the codebook frame it means, '' to keep its rows uncoded. */
	frameChoices: FrameChoices;
	readonly suggestions: Map<string, GroupSuggestion>;

	constructor(
		readonly result: ImportResult,
		readonly seconds: number,
		known: { outlets: KnownOutlet[]; groups: Group[] },
		counts: boolean
	) {
		this.suggestions = suggestGroups(result.outlets, known.outlets);
		// Count files usually hold a few named series (queries, countries) that are the comparison
		// itself, so each gets its own group; otherwise an outlet takes the suggested group if any.
		const groups: Group[] = [];
		const assignment: Record<string, string> = {};
		for (const outlet of result.outlets) {
			const suggestion = this.suggestions.get(outlet.key);
			if (suggestion) assignment[outlet.key] = suggestion.group;
			else if (counts && result.outlets.length <= 20) {
				const id = groupId(
					outlet.key,
					[...known.groups, ...groups].map((g) => g.id)
				);
				groups.push({ id, label: outlet.key });
				assignment[outlet.key] = id;
			} else assignment[outlet.key] = UNGROUPED;
		}
		// The file's own group column comes first: an outlet it groups is shown in that group, by id or
		// label, or in a group of the researcher's named as the file names it.
		const fromFile = applyGroupMapping(fileGroupRows(result.data), result.outlets, [...known.groups, ...groups], assignment);
		this.groups = new OutletGroups(known.groups, fromFile.assignment, [...groups, ...fromFile.added]);
		this.frameChoices = $state(Object.fromEntries(result.unknownFrames.map((f) => [f.code, ''])));
	}
}

/** What the page knows before any file: bundled outlets and groups, the codebook, the size limit. */
export interface Known {
	outlets: KnownOutlet[];
	groups: Group[];
	codebook: FrameBook;
	maxBytes: number;
}

/** The rows with each unknown frame code as the researcher chose: a codebook frame, or none. */
function withFrameChoices(data: ColumnarCoverage, choices: FrameChoices): ColumnarCoverage {
	if (Object.keys(choices).length === 0) return data;
	return { ...data, dict: { ...data.dict, ...resolveFrameLists(data.dict.frames, choices, data.dict.stances) } };
}

export type UploadStep =
	| { step: 'choose' }
	| { step: 'inspecting'; file: File }
	| { step: 'mapping'; upload: Upload }
	| { step: 'importing'; upload: Upload; progress: Progress }
	| { step: 'report'; upload: Upload; report: Report }
	| { step: 'saved'; dataset: LocalDataset };

/** Something to tell the researcher, kept until the next file or a fresh start. */
export type UploadNotice =
	| { kind: 'refused'; reason: ImportMessage }
	| { kind: 'unreadable' | 'failed' | 'notStored'; reason: string }
	| { kind: 'cancelled'; rows: number };

export type ImportWorker = Pick<ImportClient, 'inspect' | 'import' | 'cancel' | 'destroy'>;

export interface DatasetShelf {
	list(): Promise<LocalDatasetMeta[]>;
	save(dataset: LocalDataset): Promise<void>;
	remove(id: string): Promise<void>;
}

const browserShelf: DatasetShelf = { list: listLocalDatasets, save: saveLocalDataset, remove: deleteLocalDataset };

/**
 * The upload page's flow: choose a file, map its columns, import it, check the report and keep
 * the rows in this browser. Each step carries exactly what it needs, so a step without a file or
 * a result cannot be represented.
 */
export class UploadFlow {
	state: UploadStep = $state.raw({ step: 'choose' });
	notice: UploadNotice | null = $state.raw(null);
	/** Datasets kept in this browser, newest first. */
	stored: LocalDatasetMeta[] = $state.raw([]);

	readonly #known: Known;
	readonly #connect: () => ImportWorker;
	readonly #shelf: DatasetShelf;
	#worker: ImportWorker | undefined;

	constructor(
		known: Known,
		/** Starts the parsing worker; called the first time a file is chosen. */
		connect: () => ImportWorker,
		shelf: DatasetShelf = browserShelf
	) {
		this.#known = known;
		this.#connect = connect;
		this.#shelf = shelf;
	}

	async choose(file: File) {
		this.state = { step: 'inspecting', file };
		this.notice = null;
		try {
			const inspected = await this.#client().inspect(file, this.#known.maxBytes);
			this.state = { step: 'mapping', upload: new Upload(file, inspected.inspection, inspected.encoding, inspected.bom) };
		} catch (error) {
			this.notice =
				error instanceof FileRefused ? { kind: 'refused', reason: error.reason } : { kind: 'unreadable', reason: (error as Error).message };
			this.state = { step: 'choose' };
		}
	}

	/** Imports the whole file with the current mapping, from the mapping form or to check again after a report. */
	async check() {
		if (this.state.step !== 'mapping' && this.state.step !== 'report') return;
		const { upload } = this.state;
		const { file, inspection, encoding } = upload;
		this.state = { step: 'importing', upload, progress: { rows: 0, bytes: 0, total: file.size, rowsPerSecond: 0 } };
		const current = (step: UploadStep): step is Extract<UploadStep, { step: 'importing' }> =>
			step.step === 'importing' && step.upload === upload;
		try {
			const outcome = await this.#client().import(
				{
					file,
					encoding,
					delimiter: inspection.delimiter,
					hasHeader: inspection.hasHeader,
					columns: inspection.columns,
					// Only a measured value may be below 0; the measure is chosen before the check.
					mapping: { ...$state.snapshot(upload.mapping), signed: upload.measure.kind === 'value' },
					codebook: this.#known.codebook
				},
				(progress) => {
					if (current(this.state)) this.state = { ...this.state, progress };
				}
			);
			// Started over while the worker was busy: its answer is about a file no longer shown.
			if (!current(this.state)) return;
			if (!outcome) {
				this.notice = { kind: 'cancelled', rows: this.state.progress.rows };
				this.state = { step: 'mapping', upload };
				return;
			}
			const report = new Report(outcome.result, outcome.seconds, this.#known, upload.counts);
			// Reading the result and matching its outlets already took a task of its own; the report
			// is drawn in the next one, so that neither holds the page for long.
			await new Promise((resolve) => setTimeout(resolve));
			if (!current(this.state)) return;
			this.state = { step: 'report', upload, report };
		} catch (error) {
			if (!current(this.state)) return;
			this.notice =
				error instanceof FileRefused ? { kind: 'refused', reason: error.reason } : { kind: 'failed', reason: (error as Error).message };
			this.state = { step: 'mapping', upload };
		}
	}

	cancel() {
		if (this.state.step === 'importing') this.#worker?.cancel();
	}

	/** Keeps the valid rows in this browser under the chosen groups. */
	async keep() {
		if (this.state.step !== 'report') return;
		const { upload, report } = this.state;
		const { file, inspection } = upload;
		const groupLabels = Object.fromEntries(report.groups.all.map((g) => [g.id, g.label]));
		const dataset: LocalDataset = {
			id: newLocalId(),
			title: upload.title.trim() || file.name,
			fileName: file.name,
			format: inspection.format,
			kind: upload.counts ? 'count' : 'article',
			measure: $state.snapshot(upload.measure),
			rows: report.result.data.length,
			created: new Date().toISOString(),
			data: withFrameChoices(report.result.data, $state.snapshot(report.frameChoices)),
			groupOf: { ...report.groups.assignment },
			groupLabels
		};
		try {
			await this.#shelf.save(dataset);
		} catch (error) {
			this.notice = { kind: 'notStored', reason: (error as Error).message };
			return;
		}
		this.state = { step: 'saved', dataset };
		await this.refreshStored();
	}

	/** Drops the file and any report, to choose another. */
	reset() {
		// An import still running would only be thrown away.
		this.cancel();
		this.state = { step: 'choose' };
		this.notice = null;
	}

	async refreshStored() {
		try {
			this.stored = await this.#shelf.list();
		} catch {
			this.stored = [];
		}
	}

	async remove(id: string) {
		await this.#shelf.remove(id);
		await this.refreshStored();
	}

	destroy() {
		this.#worker?.destroy();
		this.#worker = undefined;
	}

	#client(): ImportWorker {
		this.#worker ??= this.#connect();
		return this.#worker;
	}
}
