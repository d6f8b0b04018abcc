/**
 * Coverage aggregation: pure functions over coverage records.
 *
 * Time is UTC calendar days. Weeks are ISO weeks (Monday to Sunday) and are labelled by
 * their Monday; months by their first day. A record is either one article (count 1) or a
 * count for one period and series (uploads bring both), so every function sums `count`.
 *
 * A period outside the dataset's collection window, or marked missing, has no value (null,
 * drawn as a gap); a period inside the window with no matching records is a real zero.
 */

import { STANCES, type Stance } from '../ledger/checks';
import { Cell, SeriesCell, type Combine } from './measure';

export type Granularity = 'day' | 'week' | 'month' | 'year';
/** How finely a dataset's dates are given (dataResolution). */
export type Resolution = 'day' | 'month' | 'year';
export type SeriesBy = 'group' | 'outlet' | 'frame' | 'event';
/** How the outlet uses a frame code (see /method), or '' where the source does not say. */
export type FrameStance = Stance | '';
/** Which frame codes the frame charts count: those the outlet adopts, or every one. */
export type StanceFilter = 'adopts' | 'all';

export interface CoverageRecord {
	date: string;
	outlet: string;
	group: string;
	event: string;
	language: string;
	frames: string[];
	/** One stance per frame, in the same order; left out where the source gives no stances. */
	stances?: FrameStance[];
	count: number;
}

/** The order stances are stacked and listed in: the outlet's own voice first. */
export const STANCE_ORDER: readonly FrameStance[] = [...STANCES, ''];

// Read once per dataset: a filter change must not walk a million records again.
const stanceInformation = new WeakMap<readonly CoverageRecord[], boolean>();

/**
 * Does any record say how its outlet uses a frame? A dataset that never does (most uploads)
 * has every code counted as adopted, since nothing tells its adopted codes from the rest.
 */
export function hasStances(records: readonly CoverageRecord[]): boolean {
	let known = stanceInformation.get(records);
	if (known === undefined) {
		known = records.some((r) => r.stances?.some((s) => s !== '') ?? false);
		stanceInformation.set(records, known);
	}
	return known;
}

const unspecifiedCodes = new WeakMap<readonly CoverageRecord[], boolean>();

/**
 * Does a dataset that records stances also have codes without one (rows of an upload whose
 * stance cell was empty)? Those count only when every stance is shown.
 */
export function hasUnspecifiedStances(records: readonly CoverageRecord[]): boolean {
	let known = unspecifiedCodes.get(records);
	if (known === undefined) {
		known = hasStances(records) && records.some((r) => r.frames.some((_, i) => (r.stances?.[i] ?? '') === ''));
		unspecifiedCodes.set(records, known);
	}
	return known;
}

/** The codes a stance filter counts, as [frame, stance] pairs. */
export function countedCodes(
	frames: readonly string[],
	stances: readonly FrameStance[] | undefined,
	stance: StanceFilter,
	stanced: boolean
): [string, FrameStance][] {
	const codes = frames.map((f, i): [string, FrameStance] => [f, stances?.[i] ?? '']);
	return stance === 'all' || !stanced ? codes : codes.filter(([, s]) => s === 'adopts');
}

export interface DateWindow {
	start: string;
	end: string;
	/** Periods known to have no data collected (outages), as yyyy-mm-dd days. */
	missing?: string[];
}

export interface Series {
	key: string;
	values: (number | null)[];
	total: number;
}

export interface TimeSeries {
	granularity: Granularity;
	periods: string[];
	series: Series[];
	/** Sum of counts of the records that were aggregated. */
	n: number;
}

export const UNCODED = 'uncoded';

const SLUG = /^[a-z0-9-]*$/;

/**
 * Orders series keys as localeCompare does. For ids of lower-case letters, digits and hyphens
 * that is the order of their characters, so the ICU collator (tens of milliseconds to start on a
 * phone, during the charts' hydration) is only started for other keys, such as an upload's names.
 */
export function compareKeys(a: string, b: string): number {
	if (SLUG.test(a) && SLUG.test(b)) return a < b ? -1 : a > b ? 1 : 0;
	return a.localeCompare(b);
}
const DAY = 86_400_000;

function toTime(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`);
}

function toIso(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** The first day of the period that contains `iso`. */
export function periodStart(iso: string, granularity: Granularity): string {
	if (granularity === 'day') return iso;
	if (granularity === 'month') return `${iso.slice(0, 7)}-01`;
	if (granularity === 'year') return `${iso.slice(0, 4)}-01-01`;
	const time = toTime(iso);
	const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday = 0
	return toIso(time - weekday * DAY);
}

export function nextPeriod(start: string, granularity: Granularity): string {
	if (granularity === 'day') return toIso(toTime(start) + DAY);
	if (granularity === 'week') return toIso(toTime(start) + 7 * DAY);
	if (granularity === 'year') return `${Number(start.slice(0, 4)) + 1}-01-01`;
	const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** ISO week label, e.g. "2025-W26", for tables and CSV. */
export function isoWeekLabel(monday: string): string {
	const time = toTime(monday);
	const thursday = new Date(time + 3 * DAY);
	const year = thursday.getUTCFullYear();
	const jan4 = Date.UTC(year, 0, 4);
	const jan4Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
	const week = Math.round((time - jan4Monday) / (7 * DAY)) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodLabel(start: string, granularity: Granularity): string {
	if (granularity === 'day') return start;
	if (granularity === 'week') return isoWeekLabel(start);
	if (granularity === 'year') return start.slice(0, 4);
	return start.slice(0, 7);
}

/** Every period from the one containing `from` to the one containing `to`. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
	const periods: string[] = [];
	const last = periodStart(to, granularity);
	for (let p = periodStart(from, granularity); p <= last; p = nextPeriod(p, granularity)) periods.push(p);
	return periods;
}

/**
 * Daily for up to ~3 months, weekly up to ~2 years, monthly beyond; never finer than the data
 * (see dataResolution): yearly counts drawn per month would put each year in January and draw
 * the other eleven months as zeros.
 */
export function defaultGranularity(from: string, to: string, resolution: Resolution = 'day'): Granularity {
	if (resolution === 'year') return 'year';
	const days = (toTime(to) - toTime(from)) / DAY;
	if (days <= 730 && resolution === 'month') return 'month';
	if (days <= 92) return 'day';
	if (days <= 730) return 'week';
	return 'month';
}

/**
 * How finely the dates are given: 'year' when every date is a 1 January (one count per year, as
 * wide yearly tables reshape to), 'month' when every date is a first of the month, else 'day'.
 * One date alone says nothing about the others, so it takes two different dates to be coarser.
 */
export function dataResolution(records: Iterable<{ date: string }>): Resolution {
	let resolution: Exclude<Resolution, 'day'> = 'year';
	let first: string | undefined;
	let several = false;
	for (const { date } of records) {
		if (date.slice(8) !== '01') return 'day';
		if (date.slice(5, 7) !== '01') resolution = 'month';
		first ??= date;
		several ||= date !== first;
	}
	return several ? resolution : 'day';
}

export function seriesKeys(record: CoverageRecord, by: SeriesBy): string[] {
	switch (by) {
		case 'group':
			return [record.group];
		case 'outlet':
			return [record.outlet];
		case 'event':
			return [record.event];
		case 'frame':
			return record.frames.length > 0 ? record.frames : [UNCODED];
	}
}

/**
 * The frame mix's periods: months, or years when the charts are yearly. Weeks and days hold too
 * few codings for their shares to mean much.
 */
export const mixGranularity = (granularity: Granularity): Granularity => (granularity === 'year' ? 'year' : 'month');

/** The first and last periods charted, where the data cover only some of their days. */
export interface PartialPeriods {
	first: { period: string; from: string } | null;
	last: { period: string; to: string } | null;
}

/**
 * The charted span's first and last periods where the data cover only some of their days, so that
 * a month whose data end on its 2nd is not read as a collapse. Data dated per month or year cover
 * their own periods whole (a year of monthly data from March does not): their window's edges fall
 * on period starts, where a stored dataset summed per week or month keeps its data's own days.
 */
export function partialPeriods(
	from: string,
	to: string,
	granularity: Granularity,
	window: DateWindow,
	resolution: Resolution
): PartialPeriods | null {
	const daily =
		resolution === 'day' || periodStart(window.start, resolution) !== window.start || periodStart(window.end, resolution) !== window.end;
	const dataEnd = daily ? window.end : lastDayOf(window.end, resolution);
	const start = from > window.start ? from : window.start;
	// A chart to the window's last day charts the whole of its last period's data.
	const end = to >= window.end ? dataEnd : to;
	if (granularity === 'day' || start > end) return null;
	const first =
		start > periodStart(start, granularity) ? { period: periodLabel(periodStart(start, granularity), granularity), from: start } : null;
	const last = end < lastDayOf(end, granularity) ? { period: periodLabel(periodStart(end, granularity), granularity), to: end } : null;
	return first || last ? { first, last } : null;
}

/** The last day of the period that contains `iso`. */
const lastDayOf = (iso: string, granularity: Granularity) => toIso(toTime(nextPeriod(periodStart(iso, granularity), granularity)) - DAY);

/**
 * Is the period [start, next) covered by the window? A period that only partly overlaps the
 * window still counts: its collected days are real data.
 */
export function covered(start: string, granularity: Granularity, window: DateWindow, missing: ReadonlySet<string> = new Set()): boolean {
	const end = lastDayOf(start, granularity);
	if (end < window.start || start > window.end) return false;
	if (missing.size === 0) return true;
	for (let t = toTime(start); t <= toTime(end); t += DAY) {
		const day = toIso(t);
		if (day >= window.start && day <= window.end && !missing.has(day)) return true;
	}
	return false;
}

export function timeSeries(
	records: CoverageRecord[],
	options: { granularity: Granularity; by: SeriesBy; from: string; to: string; window: DateWindow }
): TimeSeries {
	const { granularity, by, from, to, window } = options;
	const periods = periodsBetween(from, to, granularity);
	const index = new Map(periods.map((p, i) => [p, i]));

	// Records share few dates (a stored dataset's sums have one per period): each is placed once.
	const placed = new Map<string, number | undefined>();
	const sums = new Map<string, number[]>();
	let n = 0;
	for (const record of records) {
		if (record.date < from || record.date > to) continue;
		let i = placed.get(record.date);
		if (i === undefined && !placed.has(record.date)) placed.set(record.date, (i = index.get(periodStart(record.date, granularity))));
		if (i === undefined) continue;
		n += record.count;
		for (const key of seriesKeys(record, by)) {
			let values = sums.get(key);
			if (!values) sums.set(key, (values = new Array<number>(periods.length).fill(0)));
			values[i] = (values[i] ?? 0) + record.count;
		}
	}
	return finishTimeSeries(granularity, periods, window, sums, n);
}

/**
 * Gaps, totals and order for summed series. Shared with the typed-array path (chart-index.ts),
 * so both give the same series in the same order.
 */
export function finishTimeSeries(
	granularity: Granularity,
	periods: string[],
	window: DateWindow,
	sums: Iterable<[string, ArrayLike<number>]>,
	n: number
): TimeSeries {
	const missing = new Set(window.missing ?? []);
	const isCovered = periods.map((p) => covered(p, granularity, window, missing));
	const series = [...sums]
		.map(([key, values]) => ({
			key,
			values: Array.from(values, (v, i) => (isCovered[i] ? v : null)),
			total: Array.from(values).reduce((a, b) => a + b, 0)
		}))
		.sort((a, b) => b.total - a.total || compareKeys(a.key, b.key));
	return { granularity, periods, series, n };
}

export interface Crosstab {
	rows: string[];
	columns: string[];
	/** counts[row][column] */
	counts: number[][];
	rowTotals: number[];
	n: number;
	/** When split by stance: each column's stance (columns then repeat a frame once per stance). */
	stances?: FrameStance[];
}

/**
 * The crosstab's columns: each frame, then "uncoded"; split by stance, each frame once per
 * stance, stance-major, so stacked bars show the adopted frames together beneath the rest.
 */
export function crosstabColumns(frameOrder: string[], split: boolean): { frames: string[]; stances?: FrameStance[] } {
	if (!split) return { frames: [...frameOrder, UNCODED] };
	const pairs = STANCE_ORDER.flatMap((s) => frameOrder.map((f): [string, FrameStance] => [f, s]));
	pairs.push([UNCODED, '']);
	return { frames: pairs.map(([f]) => f), stances: pairs.map(([, s]) => s) };
}

/** The column of a frame (with its stance, when split) in crosstabColumns' order. */
export function crosstabColumnIndex(frameOrder: string[], split: boolean): (frame: string, stance: FrameStance) => number {
	const { frames, stances } = crosstabColumns(frameOrder, split);
	const key = (frame: string, stance: FrameStance | undefined) => (split ? `${frame === UNCODED ? '' : stance}\u001f${frame}` : frame);
	const index = new Map(frames.map((f, i) => [key(f, stances?.[i]), i]));
	return (frame, stance) => index.get(key(frame, stance)) ?? -1;
}

/**
 * Frame codings per outlet group. An article with two frames counts once under each, so a
 * group's shares are shares of its frame codings; uncoded articles count under "uncoded".
 * With `split`, each code counts under its frame and stance.
 */
export function framesByGroup(records: CoverageRecord[], frameOrder: string[], groupOrder: string[], split = false): Crosstab {
	const columns = crosstabColumns(frameOrder, split);
	const column = crosstabColumnIndex(frameOrder, split);
	const table = new Map<string, number[]>();
	let n = 0;
	for (const record of records) {
		n += record.count;
		let row = table.get(record.group);
		if (!row) table.set(record.group, (row = new Array<number>(columns.frames.length).fill(0)));
		const { frames, stances } = record;
		if (frames.length === 0) {
			const i = column(UNCODED, '');
			if (i >= 0) row[i] = (row[i] ?? 0) + record.count;
		}
		for (let f = 0; f < frames.length; f++) {
			const i = column(frames[f]!, stances?.[f] ?? '');
			if (i >= 0) row[i] = (row[i] ?? 0) + record.count;
		}
	}
	return finishCrosstab(columns, table, groupOrder, n);
}

/**
 * The group whose frame mix is shown until the reader picks one: the one with the most frame
 * codes counted, articles without one aside. The first in group order may hold a couple of
 * articles (two thin bars over a decade), and the largest group may adopt hardly any frame.
 */
export function defaultFocus(crosstab: Crosstab): string | undefined {
	const coded = crosstab.columns.map((column) => column !== UNCODED);
	let focus: string | undefined;
	let most = -1;
	crosstab.rows.forEach((row, i) => {
		const codes = crosstab.counts[i]!.reduce((sum, count, c) => sum + (coded[c] ? count : 0), 0);
		if (codes > most) [focus, most] = [row, codes];
	});
	return focus;
}

/** Rows in group order and only the columns in use; shared with the typed-array path. */
export function finishCrosstab(
	columns: { frames: string[]; stances?: FrameStance[] },
	table: Map<string, ArrayLike<number>>,
	groupOrder: string[],
	n: number
): Crosstab {
	const rows = groupOrder.filter((g) => table.has(g));
	const counts = rows.map((g) => Array.from(table.get(g) ?? []));
	const usedIndex = columns.frames.flatMap((_, i) => (counts.some((row) => (row[i] ?? 0) > 0) ? [i] : []));
	const trimmed = counts.map((row) => usedIndex.map((i) => row[i] ?? 0));
	return {
		rows,
		columns: usedIndex.map((i) => columns.frames[i] ?? ''),
		counts: trimmed,
		rowTotals: trimmed.map((row) => row.reduce((a, b) => a + b, 0)),
		n,
		...(columns.stances ? { stances: usedIndex.map((i) => columns.stances?.[i] ?? '') } : {})
	};
}

/** Share (0–1) of each cell in its row; rows with no codings stay at 0. */
export function rowShares(counts: number[][]): number[][] {
	return counts.map((row) => {
		const total = row.reduce((a, b) => a + b, 0);
		return row.map((v) => (total === 0 ? 0 : v / total));
	});
}

/** Per period, each series' share of that period's total; gaps and empty periods stay null. */
export function shareSeries(ts: TimeSeries): TimeSeries {
	const totals = ts.periods.map((_, i) => ts.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
	return {
		...ts,
		series: ts.series.map((s) => ({
			...s,
			values: s.values.map((v, i) => (v === null || totals[i] === 0 ? null : v / (totals[i] ?? 1)))
		}))
	};
}

/** Past this many lines, a chart shows the largest and gathers the rest in one "other" line. */
export const MAX_LINES = 12;
/** The key of the "other" line; no record's key can hold a NUL. */
export const OTHER = '\u0000other';

export interface FoldedSeries extends TimeSeries {
	/** How many series the "other" line gathers; 0 when every series has its own line. */
	folded: number;
	/** Every series' key before folding, largest first. */
	keys: string[];
}

/** The series kept as lines: the `max` largest by total, and those the reader picked. */
function keptKeys(series: Series[], max: number, picked: readonly string[]): Set<string> | null {
	if (series.length <= max) return null;
	return new Set([...series.slice(0, max).map((s) => s.key), ...picked]);
}

/**
 * Summed series past `max` lines: the largest stay, the rest are added into "other". Gaps are
 * the same in every series (the collection window's), so "other" keeps them.
 */
export function foldSeries(ts: TimeSeries, max: number, picked: readonly string[] = []): FoldedSeries {
	const keep = keptKeys(ts.series, max, picked);
	const keys = ts.series.map((s) => s.key);
	if (!keep) return { ...ts, folded: 0, keys };
	const kept = ts.series.filter((s) => keep.has(s.key));
	const rest = ts.series.filter((s) => !keep.has(s.key));
	const values = ts.periods.map((_, i) =>
		rest.reduce<number | null>((sum, s) => (s.values[i] === null ? sum : (sum ?? 0) + (s.values[i] ?? 0)), null)
	);
	const other = { key: OTHER, values, total: rest.reduce((a, s) => a + s.total, 0) };
	return { ...ts, series: [...kept, other], folded: rest.length, keys };
}

/**
 * Measured values over time, combined by the measure's rule: each series' values within a period
 * (its sum, mean or latest), then the series that share a line (a group, a frame, "other").
 * A line with no value in a period has a gap there, never a zero: no reading is not a reading
 * of 0. `n` is the number of values read. Past `max` lines the rest are gathered in "other",
 * combined by the same rule.
 */
export function valueTimeSeries(
	records: CoverageRecord[],
	options: { granularity: Granularity; by: SeriesBy; from: string; to: string; window: DateWindow; combine: Combine },
	max = Infinity,
	picked: readonly string[] = []
): FoldedSeries {
	const all = combinedSeries(records, options, (key) => key);
	const keep = keptKeys(all.series, max, picked);
	const keys = all.series.map((s) => s.key);
	if (!keep) return { ...all, folded: 0, keys };
	const folded = combinedSeries(records, options, (key) => (keep.has(key) ? key : OTHER));
	// "other" is drawn last, whatever its total.
	const series = [...folded.series.filter((s) => s.key !== OTHER), ...folded.series.filter((s) => s.key === OTHER)];
	return { ...folded, series, folded: all.series.length - keep.size, keys };
}

function combinedSeries(
	records: CoverageRecord[],
	options: { granularity: Granularity; by: SeriesBy; from: string; to: string; window: DateWindow; combine: Combine },
	line: (key: string) => string
): TimeSeries {
	const { granularity, by, from, to, window, combine } = options;
	const periods = periodsBetween(from, to, granularity);
	const index = new Map(periods.map((p, i) => [p, i]));
	// line → period → series (outlet) → its values in the period
	const cells = new Map<string, (Map<string, SeriesCell> | undefined)[]>();
	let n = 0;
	for (const record of records) {
		if (record.date < from || record.date > to) continue;
		const i = index.get(periodStart(record.date, granularity));
		if (i === undefined) continue;
		n++;
		for (const key of new Set(seriesKeys(record, by).map(line))) {
			let row = cells.get(key);
			if (!row) cells.set(key, (row = new Array(periods.length)));
			const bySeries = (row[i] ??= new Map());
			let cell = bySeries.get(record.outlet);
			if (!cell) bySeries.set(record.outlet, (cell = new SeriesCell()));
			cell.add(record.date, record.count);
		}
	}
	const missing = new Set(window.missing ?? []);
	const isCovered = periods.map((p) => covered(p, granularity, window, missing));
	const series = [...cells]
		.map(([key, row]) => {
			const values = periods.map((_, i) => {
				const bySeries = row[i];
				if (!bySeries || !isCovered[i]) return null;
				const cell = new Cell();
				for (const s of bySeries.values()) cell.add(s.value(combine));
				return cell.value(combine);
			});
			return { key, values, total: values.reduce<number>((a, v) => a + (v ?? 0), 0) };
		})
		.sort((a, b) => b.total - a.total || compareKeys(a.key, b.key));
	return { granularity, periods, series, n };
}

/** One number for everything the filters keep: each series over the whole span, then combined. */
export function valueSummary(records: CoverageRecord[], combine: Combine): { value: number | null; series: number } {
	const bySeries = new Map<string, SeriesCell>();
	for (const record of records) {
		let cell = bySeries.get(record.outlet);
		if (!cell) bySeries.set(record.outlet, (cell = new SeriesCell()));
		cell.add(record.date, record.count);
	}
	if (bySeries.size === 0) return { value: null, series: 0 };
	const cell = new Cell();
	for (const s of bySeries.values()) cell.add(s.value(combine));
	return { value: cell.value(combine), series: bySeries.size };
}
