import Papa from 'papaparse';
import { isolate } from '../bidi';
import type { CoverageRecord, DateWindow, FrameStance } from '../charts/aggregate';
import { DATASET_UPLOAD_COLUMNS, stanceCell } from './dataset';
import type { ChartInput } from '../charts/chart-views';
import { collectionWindow } from '../charts/coverage';
import type { PackedRecords } from '../charts/packed-records';
import type { Vocabulary } from '../charts/filters';
import { ARTICLES, type Measure } from '../charts/measure';
import { readMeasure } from '../charts/measure-schema';
import { FRAME_SEP, textAt, type ColumnarCoverage } from './columnar';
import type { FormatId } from './formats';
import { isCustomGroup } from './outlets';

/** An upload kept in the browser. Never part of the bundled, curated data. */
export interface LocalDatasetMeta {
	id: string;
	title: string;
	fileName: string;
	format: FormatId;
	/** Articles (count 1 each) or counts per period and series. */
	kind: 'article' | 'count';
	/** What its numbers are; kept since measures exist, so older uploads have none. */
	measure?: Measure;
	rows: number;
	created: string;
	/** The server dataset this browser copy was saved as, once it has been. */
	savedAs?: SavedAs;
}

export interface SavedAs {
	id: string;
	title: string;
}

export interface LocalDataset extends LocalDatasetMeta {
	data: ColumnarCoverage;
	/** Outlet key → outlet group id, as chosen in the mapping step. */
	groupOf: Record<string, string>;
	/** Labels of every group used: bundled ones and those the researcher defined. */
	groupLabels: Record<string, string>;
}

export { isLocalDatasetId, LOCAL_PREFIX } from './local-dataset-id';
export const NO_EVENT = 'no-event';
export const UNGROUPED = 'ungrouped';

/**
 * A kept dataset's measure. Uploads kept before measures were chosen were charted as sums, so
 * their counts stay sums, of a value whose unit nobody gave.
 */
export function measureOf(meta: Pick<LocalDatasetMeta, 'kind' | 'measure'>): Measure {
	if (meta.measure) return readMeasure(meta.measure);
	return meta.kind === 'count' ? { kind: 'value', unit: '', combine: 'sum', series: '' } : ARTICLES;
}

export function localDatasetLabel(meta: Pick<LocalDatasetMeta, 'title'>): string {
	return `${isolate(meta.title)} (uploaded, in this browser)`;
}

/**
 * Rows in the shape the aggregation reads. An outlet's group is the one the review gave it (which
 * starts from the file's own group column); an outlet left unassigned keeps each row's own.
 */
export function coverageRecordsOf(dataset: LocalDataset): CoverageRecord[] {
	const { data, groupOf } = dataset;
	const frameLists = data.dict.frames.map((f) => (f === '' ? [] : f.split(FRAME_SEP)));
	// Datasets kept before stances were imported have none; a list without any stance has none too.
	const stanceLists = (data.dict.stances ?? []).map((s) => (s === '' ? undefined : (s.split(FRAME_SEP) as FrameStance[])));
	const records: CoverageRecord[] = new Array(data.length);
	for (let i = 0; i < data.length; i++) {
		const outlet = data.dict.outlet[data.outlet[i]!]!;
		const stances = stanceLists[data.frames[i]!];
		records[i] = {
			date: data.dict.date[data.date[i]!]!,
			outlet,
			group: (groupOf[outlet] !== UNGROUPED && groupOf[outlet]) || data.dict.group[data.group[i]!] || UNGROUPED,
			event: data.dict.event[data.event[i]!] || NO_EVENT,
			language: data.dict.language[data.language[i]!]!,
			frames: frameLists[data.frames[i]!]!,
			...(stances && { stances }),
			count: data.count[i]!
		};
	}
	return records;
}

/**
 * Everything chartViews() needs for a local dataset. Bundled frame labels are reused when the
 * upload uses Parallax frame codes; other codes are shown as written.
 */
export function localChartInput(
	dataset: LocalDataset,
	bundled: { frames: string[]; frameLabels: Record<string, string>; groups: string[] }
): ChartInput {
	return recordsChartInput(coverageRecordsOf(dataset), dataset.id, bundled, dataset.groupLabels, measureOf(dataset));
}

/** An uploaded dataset's events are labelled by their own names. */
export function eventLabels(events: string[]): Record<string, string> {
	return Object.fromEntries(events.map((e) => [e, e === NO_EVENT || e === '' ? 'No event given' : e]));
}

/** What chartViews() input is made of besides its records: their distinct values and their first and last days. */
export interface RecordValues {
	groups: string[];
	frames: string[];
	events: string[];
	outlets: string[];
	languages: string[];
	window: DateWindow;
}

export function recordValues(records: CoverageRecord[]): RecordValues {
	const distinct = (pick: (r: CoverageRecord) => string[]) => [...new Set(records.flatMap(pick))].sort();
	return {
		groups: distinct((r) => [r.group]),
		frames: distinct((r) => r.frames),
		events: distinct((r) => [r.event]),
		outlets: distinct((r) => [r.outlet]),
		languages: distinct((r) => (r.language ? [r.language] : [])),
		window: collectionWindow(records)
	};
}

/**
 * recordValues() of packed records, read from their columns' distinct values: the server's store
 * sends its sums packed, and tens of thousands of records need not become objects to be described.
 */
export function packedRecordValues(packed: PackedRecords): RecordValues {
	const texts = (key: string) => {
		const column = packed.columns[key];
		return column?.kind === 'text' ? column.values : column?.kind === 'list' ? column.values.flat() : [];
	};
	const distinct = (values: string[]) => [...new Set(values)].sort();
	const dates = distinct(texts('date'));
	return {
		groups: distinct(texts('group')),
		frames: distinct(texts('frames')),
		events: distinct(texts('event')),
		outlets: distinct(texts('outlet')),
		languages: distinct(texts('language').filter((l) => l !== '')),
		window: dates.length > 0 ? { start: dates[0]!, end: dates.at(-1)! } : collectionWindow([])
	};
}

/** chartViews() input for any uploaded records, in the browser or from the server's store. */
export function recordsChartInput(
	records: CoverageRecord[],
	datasetId: string,
	bundled: BundledVocabulary,
	groupLabels: Record<string, string> = {},
	measure: Measure = ARTICLES
): ChartInput {
	return { records, ...chartInputOf(recordValues(records), datasetId, bundled, groupLabels, measure) };
}

type BundledVocabulary = { frames: string[]; frameLabels: Record<string, string>; groups: string[]; groupLabels?: Record<string, string> };

/** recordsChartInput() but the records themselves, from what they hold. */
export function chartInputOf(
	values: RecordValues,
	datasetId: string,
	bundled: BundledVocabulary,
	groupLabels: Record<string, string> = {},
	measure: Measure = ARTICLES
): Omit<ChartInput, 'records'> {
	const { groups, frames } = values;
	const vocab: Vocabulary = {
		datasets: [datasetId],
		events: values.events,
		// Bundled groups first keeps their colours the same as on the bundled charts.
		groups: [...bundled.groups.filter((g) => groups.includes(g)), ...groups.filter((g) => !bundled.groups.includes(g))],
		outlets: values.outlets,
		frames: [...bundled.frames.filter((f) => frames.includes(f)), ...frames.filter((f) => !bundled.frames.includes(f))],
		languages: values.languages
	};
	return {
		measure,
		window: values.window,
		vocab,
		labels: {
			events: eventLabels(vocab.events),
			eventDates: {},
			groups: {
				...Object.fromEntries(groups.map((g) => [g, g])),
				...bundled.groupLabels,
				'': 'Not assigned to a group',
				[UNGROUPED]: 'Not assigned to a group',
				...groupLabels
			},
			outlets: Object.fromEntries(vocab.outlets.map((o) => [o, o])),
			frames: Object.fromEntries(vocab.frames.map((f) => [f, bundled.frameLabels[f] ?? f]))
		}
	};
}

/**
 * The CSV the server's import reads (DATASET_UPLOAD_COLUMNS), built in slices so a million rows never
 * become one giant string. A group the researcher named is sent by that name: the server keeps
 * no labels for it, and its charts would otherwise show the generated id.
 */
export function datasetCsvParts(dataset: LocalDataset, rowsPerPart = 20_000): string[] {
	const records = coverageRecordsOf(dataset);
	const groupName = (group: string) => (group === UNGROUPED ? '' : isCustomGroup(group) ? (dataset.groupLabels[group] ?? group) : group);
	const parts = [`${DATASET_UPLOAD_COLUMNS.join(',')}\r\n`];
	const { text } = dataset.data;
	for (let start = 0; start < records.length; start += rowsPerPart) {
		const slice = records
			.slice(start, start + rowsPerPart)
			.map((r, i) => [
				r.date,
				r.outlet,
				groupName(r.group),
				r.event === NO_EVENT ? '' : r.event,
				r.language,
				r.frames.join(';'),
				stanceCell(r.stances),
				r.count,
				textAt(dataset.data.title, start + i),
				textAt(dataset.data.url, start + i),
				text ? textAt(text, start + i) : ''
			]);
		parts.push(`${Papa.unparse(slice, { newline: '\r\n' })}\r\n`);
	}
	return parts;
}
