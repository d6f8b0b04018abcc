import {
	dataResolution,
	defaultGranularity,
	foldSeries,
	framesByGroup,
	hasStances,
	hasUnspecifiedStances,
	MAX_LINES,
	mixGranularity,
	OTHER,
	partialPeriods,
	periodLabel,
	periodStart,
	rowShares,
	shareSeries,
	defaultFocus,
	STANCE_ORDER,
	timeSeries,
	UNCODED,
	valueSummary,
	valueTimeSeries,
	type CoverageRecord,
	type FrameStance,
	type Resolution,
	type Granularity,
	type SeriesBy,
	type TimeSeries,
	type DateWindow
} from './aggregate';
import { applyFilters, type Filters, type Vocabulary } from './filters';
import { collectionWindow } from './coverage';
import { indexedAggregates, indexResolution, indexUnspecified, type ChartIndex, type IndexedAggregates } from './chart-index';
import { colourFor, FIXED_GROUPS } from './palette';
import { PARALLAX_CODEBOOK, recode, type Codebook } from '../ledger/crosswalk';
import { ARTICLES, sums, type Measure } from './measure';
import type { Message } from '../message';

/** The shape every chart panel draws: categories on x (and table rows) × series. */
export interface ChartView {
	categories: { key: string; label: string }[];
	/** `frame` and `stance` where a frames-by-group series is one frame in one stance. */
	series: {
		key: string;
		label: string;
		colour: string;
		values: (number | null)[];
		frame?: string;
		stance?: FrameStance;
		/** The frame's own label, where `label` adds the stance. */
		frameLabel?: string;
	}[];
	markers: { index: number; label: string }[];
	n: number;
}

export interface ChartLabels {
	events: Record<string, string>;
	eventDates: Record<string, string>;
	groups: Record<string, string>;
	outlets: Record<string, string>;
	frames: Record<string, string>;
}

export interface ChartInput {
	records: CoverageRecord[];
	window: DateWindow;
	vocab: Vocabulary;
	labels: ChartLabels;
	/** What the numbers are; articles when left out (the bundled ledger). */
	measure?: Measure;
}

/** The words a chart view adds to the data's own labels, as catalogue keys. */
export type ChartWord =
	| 'charts.series.uncoded'
	| 'charts.series.notAdopted'
	| 'charts.series.withStance'
	| 'charts.series.other'
	| 'charts.stanceName.adopts'
	| 'charts.stanceName.reports'
	| 'charts.stanceName.contests'
	| 'charts.stanceName.unspecified';
/** Says a chart word in the reader's language: the page's say(), or translateMessage for one language. */
export type ChartSay = (message: Message<ChartWord>) => string;

/** The catalogue key of a stance's name in a series label. */
export const stanceName = (stance: FrameStance): Message<ChartWord> => ({ key: `charts.stanceName.${stance || 'unspecified'}` });

export function labelFor(by: SeriesBy, key: string, labels: ChartLabels, say: ChartSay, adoptedOnly = false): string {
	// Counting adopted codes only, an article whose codes are all reported or contested lands here too.
	if (key === UNCODED) return say({ key: adoptedOnly ? 'charts.series.notAdopted' : 'charts.series.uncoded' });
	const map = { group: labels.groups, outlet: labels.outlets, frame: labels.frames, event: labels.events }[by];
	return map[key] ?? key;
}

/** `order` overrides the vocabulary's order of the keys that take numbered colours (see lineOrder). */
function colourOf(by: SeriesBy, key: string, vocab: Vocabulary, order?: string[]): string {
	if (key === OTHER) return 'var(--chart-uncoded)';
	if (by === 'group') return colourFor(key, order ?? vocab.groups, FIXED_GROUPS);
	return colourFor(key, order ?? { outlet: vocab.outlets, frame: vocab.frames, event: vocab.events }[by]);
}

/**
 * The order whose positions colour lines per outlet, event or group: the lines drawn, in vocabulary
 * order. A dataset has more outlets, events or groups of its own than the palette has colours, so
 * coloured by their place among all of them, two lines on one chart could share a colour
 * (outlet-07 and outlet-21 of sixty did). A chart draws twelve lines at most unless more are
 * picked, and the palette has fourteen colours. Frames, and Parallax's own groups, keep one colour
 * on every chart.
 */
function lineOrder(by: SeriesBy, keys: string[], vocab: Vocabulary): string[] | undefined {
	if (by === 'frame') return undefined;
	const drawn = new Set(keys);
	return vocab[by === 'outlet' ? 'outlets' : by === 'event' ? 'events' : 'groups'].filter((k) => drawn.has(k));
}

/** The reference path over record objects; `index` gives the same numbers for large datasets. */
function recordAggregates(
	input: ChartInput,
	filters: Filters,
	granularity: Granularity,
	from: string,
	to: string,
	split: boolean
): IndexedAggregates {
	const { records, window, vocab } = input;
	const filtered = applyFilters(records, filters);
	const overTime = timeSeries(filtered, { granularity, by: filters.by, from, to, window });
	const crosstab = framesByGroup(filtered, vocab.frames, vocab.groups, split);
	const focus = filters.focus ?? defaultFocus(crosstab) ?? vocab.groups[0] ?? '';
	const mix = timeSeries(
		filtered.filter((r) => r.group === focus),
		{ granularity: mixGranularity(granularity), by: 'frame', from, to, window }
	);
	return { overTime, crosstab, mix, focus, n: filtered.reduce((a, r) => a + r.count, 0) };
}

// Read once per dataset: a filter change must not walk a million records again.
const resolutions = new WeakMap<CoverageRecord[], Resolution>();
function resolutionOf(records: CoverageRecord[]) {
	let resolution = resolutions.get(records);
	if (resolution === undefined) resolutions.set(records, (resolution = dataResolution(records)));
	return resolution;
}

/** What a page's chart views were charted for, besides the data: the codebook and the filters. */
export function viewsKey(codebook: string, filters: Filters): string {
	// Lines switched off in a legend change no number.
	return JSON.stringify([codebook, { ...filters, hidden: [] }]);
}

/**
 * Every chart on /charts for one filter state. Pass `index` (chartIndexOf(input.records), built
 * once per dataset) to aggregate over typed arrays instead of record objects: same results.
 * The coverage chart draws at most MAX_LINES lines (and those picked) unless `fold` is false,
 * as for downloads, which carry every series.
 */
export function chartViews(
	input: ChartInput,
	filters: Filters,
	say: ChartSay,
	index?: ChartIndex,
	{ fold = true }: { fold?: boolean } = {}
) {
	const { window, vocab, labels } = input;
	const measure = input.measure ?? ARTICLES;
	const from = filters.from ?? window.start;
	const to = filters.to ?? window.end;
	// Charted from an index, the records themselves are not read: a stored dataset's are then never unpacked.
	const resolution = index ? indexResolution(index) : resolutionOf(input.records);
	const granularity: Granularity = filters.granularity ?? defaultGranularity(from, to, resolution);
	// Without any stance in the dataset every code counts as adopted, and there is nothing to split by.
	const stanced = index ? index.stanced : hasStances(input.records);
	const split = stanced && filters.stance === 'all';
	const adoptedOnly = stanced && filters.stance === 'adopts';

	const {
		overTime: summed,
		crosstab,
		mix: mixCounts,
		focus,
		n
	} = index && measure.kind === 'articles'
		? indexedAggregates(index, filters, {
				granularity,
				by: filters.by,
				from,
				to,
				window,
				frameOrder: vocab.frames,
				groupOrder: vocab.groups,
				split
			})
		: recordAggregates(input, filters, granularity, from, to, split);
	const max = fold ? MAX_LINES : Infinity;
	// Measured values are combined by their own rule, and only read where the dataset has them.
	const measured = measure.kind === 'value' ? applyFilters(input.records, filters) : null;
	const overTime =
		measure.kind === 'value' && measured
			? valueTimeSeries(measured, { granularity, by: filters.by, from, to, window, combine: measure.combine }, max, filters.lines)
			: foldSeries(summed, max, filters.lines);
	const summary = measure.kind === 'value' && measured ? valueSummary(measured, measure.combine) : null;
	const periodIndex = new Map(overTime.periods.map((p, i) => [p, i]));
	const markers = Object.entries(labels.eventDates)
		.filter(([id]) => filters.events.length === 0 || filters.events.includes(id))
		.map(([id, date]) => ({ index: periodIndex.get(periodStart(date, granularity)), label: labels.events[id] ?? id }))
		.filter((m): m is { index: number; label: string } => m.index !== undefined)
		.sort((a, b) => a.index - b.index);

	const lines = lineOrder(
		filters.by,
		overTime.series.map((s) => s.key),
		vocab
	);
	const coverage: ChartView = {
		categories: overTime.periods.map((p) => ({ key: p, label: periodLabel(p, granularity) })),
		series: overTime.series.map((s) => ({
			key: s.key,
			label:
				s.key === OTHER
					? say({ key: 'charts.series.other', params: { count: overTime.folded } })
					: labelFor(filters.by, s.key, labels, say, adoptedOnly),
			colour: colourOf(filters.by, s.key, vocab, lines),
			values: s.values
		})),
		markers,
		n: overTime.n
	};
	// A mean or a latest value of part of a period is no lower for it; only sums are.
	const partial = sums(measure) ? partialPeriods(from, to, granularity, window, resolution) : null;

	const crosstabView = (cells: number[][]): ChartView => ({
		categories: crosstab.rows.map((g) => ({ key: g, label: labels.groups[g] ?? g })),
		series: crosstab.columns.map((frame, j) => {
			const stance = crosstab.stances?.[j];
			const label = labelFor('frame', frame, labels, say, adoptedOnly);
			const values = cells.map((row) => row[j] ?? 0);
			if (stance === undefined) return { key: frame, label, colour: colourOf('frame', frame, vocab), values };
			// Every stance keeps its frame's colour; the canvas and the legend tell stances apart by pattern.
			return {
				key: frame === UNCODED ? frame : `${frame}:${stance}`,
				label: frame === UNCODED ? label : say({ key: 'charts.series.withStance', params: { frame: label, stance: stanceName(stance) } }),
				colour: colourOf('frame', frame, vocab),
				values,
				frame,
				stance,
				frameLabel: label
			};
		}),
		markers: [],
		n: crosstab.n
	});
	// Downloads always carry counts, whichever way the chart is drawn.
	const frameCounts = crosstabView(crosstab.counts);
	const frames = filters.mode === 'share' ? crosstabView(rowShares(crosstab.counts)) : frameCounts;

	const mixView = (mix: TimeSeries): ChartView => ({
		categories: mix.periods.map((p) => ({ key: p, label: periodLabel(p, mixGranularity(granularity)) })),
		series: mix.series.map((s) => ({
			key: s.key,
			label: labelFor('frame', s.key, labels, say, adoptedOnly),
			colour: colourOf('frame', s.key, vocab),
			values: s.values
		})),
		markers: [],
		n: mix.n
	});
	const frameMix = mixView(shareSeries(mixCounts));
	const frameMixCounts = mixView(mixCounts);

	/** Which frame codes the frame charts count, for their captions. */
	const stance: 'adopts' | 'all' | 'unknown' = stanced ? filters.stance : 'unknown';
	/** Whether some codes record no stance, which the captions then say. */
	const unspecified = index ? indexUnspecified(index) : hasUnspecifiedStances(input.records);
	// Every series the coverage chart could draw, largest first, for the picker of lines.
	const lineChoices = overTime.folded > 0 ? overTime.keys : [];
	return {
		coverage,
		frames,
		frameMix,
		frameCounts,
		frameMixCounts,
		granularity,
		partial,
		from,
		to,
		focus,
		n,
		stance,
		unspecified,
		measure,
		summary,
		folded: overTime.folded,
		lineChoices: lineChoices.map((key) => ({ key, label: labelFor(filters.by, key, labels, say, adoptedOnly) }))
	};
}

export type ChartViews = ReturnType<typeof chartViews>;

export const CHART_DATA_COLUMNS = ['chart', 'period', 'group', 'series', 'stance', 'label', 'matching', 'total', 'unit'];

/**
 * An event page's chart input: the records of the days its coverage spans. Its panel and the
 * panel's download (matching and total counts over the same days) come out the same as from
 * every record, and the page carries a fraction of them. Other events' records only feed the
 * download's totals, which count by day, outlet group and frames, so they are summed over
 * outlets, languages and events; outlets are listed only as far as the event's own records name
 * them.
 */
export function eventChartInput<T extends ChartInput>(input: T, eventId: string): T {
	const own = input.records.filter((r) => r.event === eventId);
	if (own.length === 0) return { ...input, records: [] };
	const span = collectionWindow(own);
	const others = new Map<string, CoverageRecord>();
	for (const r of input.records) {
		if (r.event === eventId || r.date < span.start || r.date > span.end) continue;
		const key = JSON.stringify([r.date, r.group, r.frames, r.stances ?? null]);
		const summed = others.get(key);
		if (summed) summed.count += r.count;
		else others.set(key, { ...r, frames: [...r.frames], outlet: '', event: '', language: '' });
	}
	const outlets = new Set(own.map((r) => r.outlet));
	return {
		...input,
		records: [...own, ...others.values()],
		vocab: { ...input.vocab, outlets: input.vocab.outlets.filter((o) => outlets.has(o)) },
		labels: { ...input.labels, outlets: Object.fromEntries(Object.entries(input.labels.outlets).filter(([o]) => outlets.has(o))) }
	};
}

/**
 * Every chart of a view in one table: one row per series per period (for frames by outlet
 * group, per group over the whole span, written as an ISO 8601 interval). `matching` counts
 * what the filters keep; `total` is the same cell with only the dataset, dates and
 * granularity applied, so shares can be recomputed. Periods outside the collection window
 * have neither (empty cells), never zero. Built from chartViews() so it equals the charts.
 */
export function chartDataRows(input: ChartInput, filters: Filters, say: ChartSay): Record<string, unknown>[] {
	const matching = chartViews(input, filters, say, undefined, { fold: false });
	const all = chartViews(
		input,
		{
			...filters,
			events: [],
			groups: [],
			outlets: [],
			frames: [],
			languages: [],
			from: matching.from,
			to: matching.to,
			granularity: matching.granularity,
			focus: matching.focus
		},
		say,
		undefined,
		{ fold: false }
	);
	const rows: Record<string, unknown>[] = [];
	// Frame series count the codes of the stance shown: adopted, every one ('all'), or '' where
	// the dataset records no stance; split series say their own.
	const counted = matching.stance === 'unknown' ? '' : matching.stance;
	const emit = (chart: string, view: ChartView, totals: ChartView, cell: (category: string) => { period: string; group: string }) => {
		const totalOf = new Map(totals.series.map((s) => [s.key, s.values]));
		const frameSeries = chart !== 'coverage' || filters.by === 'frame';
		for (const s of view.series) {
			const total = totalOf.get(s.key);
			view.categories.forEach((category, i) => {
				const value = s.values[i] ?? null;
				rows.push({
					chart,
					...cell(category.key),
					series: s.frame ?? s.key,
					stance: s.stance ?? (frameSeries ? counted : ''),
					label: s.label,
					matching: value,
					total: value === null ? null : (total?.[totals.categories.findIndex((c) => c.key === category.key)] ?? 0),
					unit
				});
			});
		}
	};
	const { measure } = matching;
	const unit = measure.kind === 'articles' ? 'articles' : measure.unit;
	emit('coverage', matching.coverage, all.coverage, (period) => ({ period, group: '' }));
	// Frame charts count articles' frame codings: a measured value has none to count.
	if (measure.kind === 'value') return rows;
	emit('frames', matching.frameCounts, all.frameCounts, (group) => ({ period: `${matching.from}/${matching.to}`, group }));
	emit('frame-mix', matching.frameMixCounts, all.frameMixCounts, (period) => ({ period, group: matching.focus }));
	return rows;
}

/**
 * Chart input in another codebook's terms: every record's frames are translated through the
 * codebook's crosswalk, so frame filters, series, labels and colours use that codebook.
 */
export function inCodebook(input: ChartInput, codebook: Codebook): ChartInput {
	if (codebook.id === PARALLAX_CODEBOOK) return input;
	const records = input.records.map((r) => (r.frames.length === 0 ? r : recodeRecord(r, codebook)));
	const used = new Set(records.flatMap((r) => r.frames));
	const known = codebook.frames.map((f) => f.id);
	return {
		...input,
		records,
		vocab: { ...input.vocab, frames: [...known, ...[...used].filter((f) => !known.includes(f)).sort()] },
		labels: { ...input.labels, frames: Object.fromEntries(codebook.frames.map((f) => [f.id, f.label])) }
	};
}

/**
 * A record's codes through a crosswalk. Codes that meet in one target frame give it the
 * strongest of their stances: adopted if the outlet adopts any of them.
 */
function recodeRecord(record: CoverageRecord, codebook: Codebook): CoverageRecord {
	if (!record.stances) return { ...record, frames: recode(record.frames, codebook) };
	const stanceOf = new Map<string, FrameStance>();
	record.frames.forEach((code, i) => {
		const stance = record.stances?.[i] ?? '';
		for (const target of recode([code], codebook)) {
			const before = stanceOf.get(target);
			if (before === undefined || STANCE_ORDER.indexOf(stance) < STANCE_ORDER.indexOf(before)) stanceOf.set(target, stance);
		}
	});
	return { ...record, frames: [...stanceOf.keys()], stances: [...stanceOf.values()] };
}
