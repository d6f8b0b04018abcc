import {
	covered,
	dataResolution,
	defaultGranularity,
	foldSeries,
	MAX_LINES,
	OTHER,
	periodLabel,
	periodsBetween,
	periodStart,
	timeSeries,
	valueTimeSeries,
	type CoverageRecord,
	type DateWindow,
	type FoldedSeries,
	type Granularity,
	type Resolution
} from './aggregate';
import { labelFor, type ChartInput, type ChartSay, type ChartView } from './chart-views';
import { applyFilters, type Filters, type Normalisation } from './filters';
import { ARTICLES, noFloatNoise, type Measure } from './measure';
import { colourFor, FIXED_GROUPS } from './palette';
import { withoutIsolates } from '../bidi';

/** One dataset charted beside others. */
export interface SideInput {
	id: string;
	label: string;
	input: ChartInput;
	/**
	 * Whether each outlet's own first and last dates bound its line, as for a scraped archive
	 * per outlet. The bundled ledger searched every outlet over its whole window, so there an
	 * outlet's quiet months are real zeros.
	 */
	outletWindows: boolean;
}

export interface SideSeries {
	key: string;
	/** The dataset the line belongs to, and the line's own key in it (a group, outlet, frame…). */
	dataset: string;
	series: string;
	/** "Dataset: line", and the line's own label. */
	label: string;
	seriesLabel: string;
	colour: string;
	/** A dash pattern per dataset, so one dataset's lines read as a set without the legend. */
	dash: number[];
	values: (number | null)[];
	/** The counts or values before normalisation, and what each was divided by (null where none). */
	raw: (number | null)[];
	base: (number | null)[];
}

export interface SideBySide {
	categories: ChartView['categories'];
	series: SideSeries[];
	markers: ChartView['markers'];
	granularity: Granularity;
	from: string;
	to: string;
	/** What the raw numbers of every charted dataset are (the first dataset's measure). */
	measure: Measure;
	/** The normalisation applied: a measured value is never divided by a total, so it stays raw. */
	norm: Normalisation;
	/** Each charted dataset: how much of it the filters keep, and its own first and last dates. */
	datasets: { id: string; label: string; n: number; window: DateWindow }[];
	/** Datasets left off the chart because their numbers are not what the first dataset's are. */
	refused: { id: string; label: string; measure: Measure }[];
}

/** Dash patterns by dataset position: solid, dashed, dotted, dash-dot, long dashes. */
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [16, 5]];

/** Two measures share an axis when both count articles, or both measure a value in the same unit. */
export function sameMeasure(a: Measure, b: Measure): boolean {
	if (a.kind === 'articles' || b.kind === 'articles') return a.kind === b.kind;
	return a.unit.trim().toLowerCase() === b.unit.trim().toLowerCase();
}

/** Each outlet's first and last date with records: the window its line is drawn in. */
export function outletWindows(records: readonly CoverageRecord[]): Map<string, DateWindow> {
	const windows = new Map<string, DateWindow>();
	for (const r of records) {
		const w = windows.get(r.outlet);
		if (!w) windows.set(r.outlet, { start: r.date, end: r.date });
		else {
			if (r.date < w.start) w.start = r.date;
			if (r.date > w.end) w.end = r.date;
		}
	}
	return windows;
}

const COARSER: Record<Resolution, number> = { day: 0, month: 1, year: 2 };

/** Every record's count per period, whatever the filters: what a share or a rate is taken of. */
function periodTotals(records: readonly CoverageRecord[], periods: string[], granularity: Granularity, from: string, to: string) {
	const index = new Map(periods.map((p, i) => [p, i]));
	const totals = new Array<number>(periods.length).fill(0);
	for (const r of records) {
		if (r.date < from || r.date > to) continue;
		const i = index.get(periodStart(r.date, granularity));
		if (i !== undefined) totals[i]! += r.count;
	}
	return totals;
}

/**
 * Several datasets' lines on one time axis: per dataset, a line per group, outlet, frame or event
 * as the filters say, each filtered alike. A line has a gap outside its dataset's window (and,
 * for outlet archives, outside its outlet's), and a real zero stays 0 inside it. Datasets whose
 * numbers differ from the first dataset's (articles beside % of GDP) are refused, never drawn on
 * one unitless axis. Normalised, each line is divided by its own dataset's articles: in the same
 * period ('share', 0–1) or over the charted span ('per1000', × 1,000).
 */
export function sideBySide(datasets: SideInput[], filters: Filters, say: ChartSay): SideBySide {
	const first = datasets[0];
	const measure = first?.input.measure ?? ARTICLES;
	const charted = datasets.filter((d) => sameMeasure(measure, d.input.measure ?? ARTICLES));
	const refused = datasets
		.filter((d) => !charted.includes(d))
		.map((d) => ({ id: d.id, label: d.label, measure: d.input.measure ?? ARTICLES }));
	const norm: Normalisation = measure.kind === 'articles' ? filters.norm : 'raw';

	const starts = charted.map((d) => d.input.window.start).sort();
	const ends = charted.map((d) => d.input.window.end).sort();
	const from = filters.from ?? starts[0] ?? '1970-01-01';
	const to = filters.to ?? ends.at(-1) ?? from;
	// Never finer than the coarsest dataset: a yearly table read per day would be mostly gaps.
	const resolution = charted
		.map((d) => dataResolution(d.input.records))
		.reduce<Resolution>((a, b) => (COARSER[b] > COARSER[a] ? b : a), 'day');
	const granularity = filters.granularity ?? defaultGranularity(from, to, resolution);
	const periods = periodsBetween(from, to, granularity);
	// Several datasets share the lines a single one has to itself.
	const max = Math.max(3, Math.floor(MAX_LINES / Math.max(1, charted.length)));

	const series: SideSeries[] = [];
	const summary: SideBySide['datasets'] = [];
	charted.forEach((d, position) => {
		const { input } = d;
		const kept = applyFilters(input.records, filters);
		const options = { granularity, by: filters.by, from, to, window: input.window };
		// Each measured dataset combines its values by its own rule.
		const own = input.measure ?? ARTICLES;
		const lines: FoldedSeries =
			own.kind === 'value' ? valueTimeSeries(kept, { ...options, combine: own.combine }, max) : foldSeries(timeSeries(kept, options), max);
		const outlets = d.outletWindows && filters.by === 'outlet' ? outletWindows(input.records) : null;
		const totals = norm === 'raw' ? null : periodTotals(input.records, periods, granularity, from, to);
		const grand = totals?.reduce((a, b) => a + b, 0) ?? 0;
		summary.push({ id: d.id, label: d.label, n: lines.n, window: input.window });
		for (const line of lines.series) {
			const window = line.key === OTHER ? undefined : outlets?.get(line.key);
			const raw = line.values.map((v, i) => (v === null || (window && !covered(periods[i]!, granularity, window)) ? null : v));
			const base = raw.map((v, i) => (v === null || !totals ? null : norm === 'share' ? (totals[i] ?? 0) : grand));
			const values = raw.map((v, i) => {
				const b = base[i];
				if (v === null || norm === 'raw') return v;
				// No articles at all to take a share of: nothing to say, which is not 0%.
				if (!b) return null;
				return norm === 'share' ? v / b : (v / b) * 1000;
			});
			const seriesLabel =
				line.key === OTHER
					? say({ key: 'charts.series.other', params: { count: lines.folded } })
					: labelFor(filters.by, line.key, input.labels, say);
			const key = `${d.id}\u001f${line.key}`;
			series.push({
				key,
				dataset: d.id,
				series: line.key,
				label: `${d.label}: ${seriesLabel}`,
				seriesLabel,
				colour: '',
				dash: DASHES[position % DASHES.length]!,
				values,
				raw,
				base
			});
		}
	});
	// A line (a group, outlet, frame or event) has one colour in every dataset, a bundled group the
	// one it has on every other chart, so like is read beside like; the dash tells datasets apart.
	const keys = [...new Set(series.map((s) => s.series))];
	const fixed = filters.by === 'group' ? FIXED_GROUPS : [];
	for (const s of series) s.colour = s.series === OTHER ? 'var(--chart-uncoded)' : colourFor(s.series, keys, fixed);

	const periodIndex = new Map(periods.map((p, i) => [p, i]));
	const eventDates = first?.input.labels.eventDates ?? {};
	const markers = Object.entries(eventDates)
		.filter(([id]) => filters.events.length === 0 || filters.events.includes(id))
		.map(([id, date]) => ({ index: periodIndex.get(periodStart(date, granularity)), label: first?.input.labels.events[id] ?? id }))
		.filter((m): m is { index: number; label: string } => m.index !== undefined)
		.sort((a, b) => a.index - b.index);

	return {
		categories: periods.map((p) => ({ key: p, label: periodLabel(p, granularity) })),
		series,
		markers,
		granularity,
		from,
		to,
		measure,
		norm,
		datasets: summary,
		refused
	};
}

export const SIDE_BY_SIDE_COLUMNS = [
	'dataset',
	'dataset_title',
	'period',
	'series',
	'label',
	'value',
	'unit',
	'raw',
	'raw_unit',
	'divided_by'
];

/**
 * The side-by-side chart as one table: a row per dataset, line and period, naming the dataset in
 * every row. `value` is what is drawn (a share as a percentage); `raw` the count or value before
 * normalisation and `divided_by` the dataset's articles it was divided by, so each row can be
 * checked. Gaps are empty cells, never zeros.
 */
export function sideBySideRows(view: SideBySide, units: { raw: string; share: string; per1000: string }): Record<string, unknown>[] {
	const labels = new Map(view.datasets.map((d) => [d.id, d.label]));
	const unit = view.norm === 'raw' ? units.raw : units[view.norm];
	return view.series.flatMap((s) =>
		view.categories.map((c, i) => {
			const value = s.values[i] ?? null;
			return {
				dataset: s.dataset,
				dataset_title: withoutIsolates(labels.get(s.dataset) ?? s.dataset),
				period: c.label,
				series: s.series === OTHER ? 'other' : s.series,
				label: s.seriesLabel,
				value: value === null ? null : view.norm === 'share' ? noFloatNoise(value * 100) : noFloatNoise(value),
				unit,
				raw: s.raw[i] ?? null,
				raw_unit: units.raw,
				divided_by: s.base[i] ?? null
			};
		})
	);
}
