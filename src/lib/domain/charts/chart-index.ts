import {
	countedCodes,
	crosstabColumnIndex,
	dataResolution,
	crosstabColumns,
	finishCrosstab,
	finishTimeSeries,
	defaultFocus,
	mixGranularity,
	periodsBetween,
	periodStart,
	UNCODED,
	type CoverageRecord,
	type Crosstab,
	type FrameStance,
	type Granularity,
	type Resolution,
	type SeriesBy,
	type TimeSeries,
	type DateWindow
} from './aggregate';
import type { Filters } from './filters';
import { columnCodes, columnNumbers, Dictionary, type PackedRecords } from './packed-records';

/**
 * Coverage records as dictionary-encoded typed-array columns, built once per dataset. At a
 * million rows, filtering and summing row objects takes hundreds of milliseconds per filter
 * change; one pass over these arrays, with every string test done once per distinct value,
 * takes a few. The results are the same as applyFilters + timeSeries + framesByGroup.
 */
export interface ChartIndex {
	length: number;
	dates: string[];
	outlets: string[];
	groups: string[];
	events: string[];
	languages: string[];
	/** Distinct (frame list, stance list) pairs: frameSets[k] with frameStances[k]. */
	frameSets: string[][];
	frameStances: FrameStance[][];
	/** Some record says how its outlet uses a frame (see hasStances). */
	stanced: boolean;
	date: Uint32Array;
	outlet: Uint32Array;
	group: Uint32Array;
	event: Uint32Array;
	language: Uint32Array;
	frames: Uint32Array;
	count: Float64Array;
	/**
	 * Every count is an integer and their total a safe one, so sums are exact in any order and
	 * rows can be summed per frame list first (see indexedAggregates).
	 */
	integral: boolean;
	/** Every count is 1 (article rows), so the count column need not be read. */
	ones: boolean;
	/**
	 * Each row's (outlet, group, event, language) as one code: a few thousand combinations, so
	 * a filter change tests each combination once and the scan reads one column instead of four.
	 */
	combo: Uint32Array;
	combos: { outlet: Uint32Array; group: Uint32Array; event: Uint32Array; language: Uint32Array };
	/**
	 * The rows again, ordered by combination (rows of combination k are start[k] to start[k+1]),
	 * so a filter on outlets, events or languages reads only the rows of the combinations it keeps.
	 */
	byCombo: { start: Uint32Array; date: Uint32Array; frames: Uint32Array; count: Float64Array; combo: Uint32Array };
}

/**
 * Counts summed per (day, group, frame) and per (day, group): a million article rows over five
 * years collapse to about a hundred thousand cells. Without outlet, event, language or frame
 * filters and with lines per group or frame, every chart can be summed from these cells, so
 * toggling groups or moving the date range reads the cells instead of the rows. Built only for
 * whole counts, whose sums are exact in any order.
 */
export interface FrameCube {
	/** Every frame name in frame lists, UNCODED for an empty list, in first-seen order. */
	frames: string[];
	/** [day][group][frame], and whether any row fell in the cell (a cell of zero counts still shows). */
	sums: Float64Array;
	present: Uint8Array;
	/** [day][group]: each row once, whatever its frames. */
	rowSums: Float64Array;
	rowPresent: Uint8Array;
}

const MAX_CUBE_CELLS = 4_000_000;

export function chartIndexOf(records: CoverageRecord[]): ChartIndex {
	const n = records.length;
	const dicts = {
		date: new Dictionary<string>(),
		outlet: new Dictionary<string>(),
		group: new Dictionary<string>(),
		event: new Dictionary<string>(),
		language: new Dictionary<string>()
	};
	const frameSets = new Dictionary<string>();
	const frameLists: string[][] = [];
	const stanceLists: FrameStance[][] = [];
	// Records read from columns share one frames array per distinct list, so the array itself is
	// a cheap first key for records without stances; the joined string is the fallback.
	const byArray = new Map<string[], number>();
	const index: ChartIndex = {
		...emptyIndex(n),
		dates: dicts.date.values,
		outlets: dicts.outlet.values,
		groups: dicts.group.values,
		events: dicts.event.values,
		languages: dicts.language.values,
		frameSets: frameLists,
		frameStances: stanceLists
	};
	let total = 0;
	for (let i = 0; i < n; i++) {
		const r = records[i]!;
		index.date[i] = dicts.date.code(r.date);
		index.outlet[i] = dicts.outlet.code(r.outlet);
		index.group[i] = dicts.group.code(r.group);
		index.event[i] = dicts.event.code(r.event);
		index.language[i] = dicts.language.code(r.language);
		let fs = r.stances ? undefined : byArray.get(r.frames);
		if (fs === undefined) {
			fs = frameSets.code(`${r.frames.join('\u001f')}\u001e${r.stances?.join('\u001f') ?? ''}`);
			if (fs === frameLists.length) {
				frameLists.push(r.frames);
				stanceLists.push(r.frames.map((_, j) => r.stances?.[j] ?? ''));
				index.stanced ||= r.stances?.some((st) => st !== '') ?? false;
			}
			if (!r.stances) byArray.set(r.frames, fs);
		}
		index.frames[i] = fs;
		total += countAt(index, i, r.count);
	}
	if (total > Number.MAX_SAFE_INTEGER) index.integral = false;
	return withCombos(index);
}

/**
 * chartIndexOf() of packed records, read from their columns: a packed column's codes already are
 * the dictionary codes the index keeps, so no record's strings are looked up. A stored dataset's
 * sums arrive packed, and indexed so they are charted by the typed-array path from the first
 * chart on. Undefined for records some of which lack a field (the store sends none such).
 */
export function chartIndexOfPacked(packed: PackedRecords): ChartIndex | undefined {
	const n = packed.length;
	const { date, outlet, group, event, language, frames, stances, count } = packed.columns;
	const texts = [date, outlet, group, event, language].map((column) =>
		column?.kind === 'text' ? { values: column.values, codes: columnCodes(column, n) } : undefined
	);
	if (frames?.kind !== 'list' || count?.kind !== 'number' || (stances && stances.kind !== 'list')) return undefined;
	const listCodes = columnCodes(frames, n);
	const stanceCodes = stances?.kind === 'list' ? columnCodes(stances, n) : new Int32Array(n).fill(-1);
	const counts = columnNumbers(count, n);
	if (texts.some((t) => t === undefined || t.codes.includes(-1)) || listCodes.includes(-1) || counts.includes(null)) return undefined;
	const [d, o, g, e, l] = texts as { values: string[]; codes: Int32Array }[];
	// Every code is at least 0 here, so the codes are read as they are, unsigned.
	const unsigned = (codes: Int32Array) => new Uint32Array(codes.buffer, codes.byteOffset, codes.length);
	const frameLists: string[][] = [];
	const stanceLists: FrameStance[][] = [];
	const index: ChartIndex = {
		...emptyIndex(n),
		dates: d!.values,
		outlets: o!.values,
		groups: g!.values,
		events: e!.values,
		languages: l!.values,
		frameSets: frameLists,
		frameStances: stanceLists,
		date: unsigned(d!.codes),
		outlet: unsigned(o!.codes),
		group: unsigned(g!.codes),
		event: unsigned(e!.codes),
		language: unsigned(l!.codes)
	};
	// A record's frame list and stance list, as one code: the distinct pairs are few.
	const pairs = new Map<number, number>();
	const stanceValues = stances?.kind === 'list' ? (stances.values as FrameStance[][]) : [];
	let total = 0;
	for (let i = 0; i < n; i++) {
		const key = listCodes[i]! * (stanceValues.length + 1) + stanceCodes[i]! + 1;
		let fs = pairs.get(key);
		if (fs === undefined) {
			pairs.set(key, (fs = frameLists.length));
			const list = frames.values[listCodes[i]!]!;
			const own = stanceValues[stanceCodes[i]!];
			frameLists.push(list);
			stanceLists.push(list.map((_, j) => own?.[j] ?? ''));
			index.stanced ||= own?.some((st) => st !== '') ?? false;
		}
		index.frames[i] = fs;
		total += countAt(index, i, counts[i]!);
	}
	if (total > Number.MAX_SAFE_INTEGER) index.integral = false;
	return withCombos(index);
}

const resolutions = new WeakMap<ChartIndex, Resolution>();

/** dataResolution() of the indexed records, from their distinct days. */
export function indexResolution(index: ChartIndex): Resolution {
	let resolution = resolutions.get(index);
	if (resolution === undefined) resolutions.set(index, (resolution = dataResolution(index.dates.map((date) => ({ date })))));
	return resolution;
}

/** hasUnspecifiedStances() of the indexed records: each frame list's stances are padded with '' where a record has none. */
export const indexUnspecified = (index: ChartIndex): boolean => index.stanced && index.frameStances.some((stances) => stances.includes(''));

/** Sets record i's count, noting whether counts stay whole and all 1; its size, for the total. */
function countAt(index: ChartIndex, i: number, count: number): number {
	index.count[i] = count;
	if (!Number.isInteger(count)) index.integral = false;
	if (count !== 1) index.ones = false;
	return Math.abs(count);
}

/** An index of `n` records before their values are read. */
function emptyIndex(n: number): ChartIndex {
	return {
		length: n,
		dates: [],
		outlets: [],
		groups: [],
		events: [],
		languages: [],
		frameSets: [],
		frameStances: [],
		stanced: false,
		date: new Uint32Array(n),
		outlet: new Uint32Array(n),
		group: new Uint32Array(n),
		event: new Uint32Array(n),
		language: new Uint32Array(n),
		frames: new Uint32Array(n),
		count: new Float64Array(n),
		integral: true,
		ones: true,
		combo: new Uint32Array(n),
		combos: { outlet: new Uint32Array(0), group: new Uint32Array(0), event: new Uint32Array(0), language: new Uint32Array(0) },
		byCombo: {
			start: new Uint32Array(1),
			date: new Uint32Array(0),
			frames: new Uint32Array(0),
			count: new Float64Array(0),
			combo: new Uint32Array(0)
		}
	};
}

/** The index with its (outlet, group, event, language) combinations, and its rows sorted by them. */
function withCombos(index: ChartIndex): ChartIndex {
	const n = index.length;
	const [nO, nG, nE] = [index.outlets.length, index.groups.length, index.events.length];
	const comboCodes = new Map<number, number>();
	const parts: [number, number, number, number][] = [];
	for (let i = 0; i < n; i++) {
		const key = index.outlet[i]! + nO * (index.group[i]! + nG * (index.event[i]! + nE * index.language[i]!));
		let code = comboCodes.get(key);
		if (code === undefined) {
			comboCodes.set(key, (code = parts.length));
			parts.push([index.outlet[i]!, index.group[i]!, index.event[i]!, index.language[i]!]);
		}
		index.combo[i] = code;
	}
	index.combos = {
		outlet: Uint32Array.from(parts, (p) => p[0]),
		group: Uint32Array.from(parts, (p) => p[1]),
		event: Uint32Array.from(parts, (p) => p[2]),
		language: Uint32Array.from(parts, (p) => p[3])
	};
	index.byCombo = rowsByCombo(index, parts.length);
	return index;
}

/** A counting sort of the rows by combination. */
function rowsByCombo(ix: ChartIndex, combos: number): ChartIndex['byCombo'] {
	const start = new Uint32Array(combos + 1);
	for (let i = 0; i < ix.length; i++) start[ix.combo[i]! + 1]!++;
	for (let k = 0; k < combos; k++) start[k + 1] = start[k + 1]! + start[k]!;
	const next = start.slice(0, combos);
	const sorted = {
		start,
		date: new Uint32Array(ix.length),
		frames: new Uint32Array(ix.length),
		count: new Float64Array(ix.ones ? 0 : ix.length),
		combo: new Uint32Array(ix.length)
	};
	for (let i = 0; i < ix.length; i++) {
		const j = next[ix.combo[i]!]!++;
		sorted.combo[j] = ix.combo[i]!;
		sorted.date[j] = ix.date[i]!;
		sorted.frames[j] = ix.frames[i]!;
		if (!ix.ones) sorted.count[j] = ix.count[i]!;
	}
	return sorted;
}

const cubes = new WeakMap<ChartIndex, FrameCube | undefined>();

/**
 * Sums per day, group and frame, when they are fewer than the rows (see FrameCube). Only for
 * datasets without stances, where every code counts whatever the stance filter. Built when a
 * chart first can use it: a stored dataset's outlet picks, always filtered by outlet, never do.
 */
export function cubeOf(ix: ChartIndex): FrameCube | undefined {
	if (!ix.integral || ix.stanced) return undefined;
	if (!cubes.has(ix)) cubes.set(ix, frameCube(ix));
	return cubes.get(ix);
}

function frameCube(ix: ChartIndex): FrameCube | undefined {
	const names = new Dictionary<string>();
	const listCodes = ix.frameSets.map((list) => Uint32Array.from(list.length > 0 ? list : [UNCODED], (f) => names.code(f)));
	const nG = ix.groups.length;
	const nF = names.values.length;
	const cells = ix.dates.length * nG * nF;
	if (cells > Math.min(ix.length, MAX_CUBE_CELLS)) return undefined;
	const cube: FrameCube = {
		frames: names.values,
		sums: new Float64Array(cells),
		present: new Uint8Array(cells),
		rowSums: new Float64Array(ix.dates.length * nG),
		rowPresent: new Uint8Array(ix.dates.length * nG)
	};
	const { date, group, frames, count, ones } = ix;
	for (let i = 0; i < ix.length; i++) {
		const dg = date[i]! * nG + group[i]!;
		const c = ones ? 1 : count[i]!;
		cube.rowSums[dg] = cube.rowSums[dg]! + c;
		cube.rowPresent[dg] = 1;
		for (const f of listCodes[frames[i]!]!) {
			const cell = dg * nF + f;
			cube.sums[cell] = cube.sums[cell]! + c;
			cube.present[cell] = 1;
		}
	}
	return cube;
}

export interface IndexedAggregates {
	overTime: TimeSeries;
	crosstab: Crosstab;
	/** Monthly frame series of the focus group, before shares. */
	mix: TimeSeries;
	focus: string;
	/** Sum of counts of the filtered records. */
	n: number;
}

// Each distinct day's period, per index and chart window: group and focus changes reuse them.
const periodIndexes = new WeakMap<ChartIndex, Map<string, Int32Array>>();
function periodIndex(ix: ChartIndex, periods: string[], granularity: Granularity, from: string, to: string): Int32Array {
	let cache = periodIndexes.get(ix);
	if (!cache) periodIndexes.set(ix, (cache = new Map()));
	const key = `${granularity} ${from} ${to}`;
	let index = cache.get(key);
	if (!index) {
		const at = new Map(periods.map((p, i) => [p, i]));
		index = Int32Array.from(ix.dates, (d) => (d < from || d > to ? -1 : (at.get(periodStart(d, granularity)) ?? -1)));
		// Every date range typed in is a new key; a few recent ones are all that is worth keeping.
		if (cache.size >= 16) cache.clear();
		cache.set(key, index);
	}
	return index;
}

function keep(values: string[], selected: string[]): Uint8Array {
	const set = new Set(selected);
	return Uint8Array.from(values, (v) => (set.size === 0 || set.has(v) ? 1 : 0));
}

/**
 * applyFilters, then timeSeries (granularity, by), framesByGroup and the focus group's monthly
 * frame series, in one pass. The focus group is picked after the pass (it may default to the
 * first group in the crosstab), so the monthly frame sums are kept for every group.
 */
export function indexedAggregates(
	ix: ChartIndex,
	filters: Filters,
	options: {
		granularity: Granularity;
		by: SeriesBy;
		from: string;
		to: string;
		window: DateWindow;
		frameOrder: string[];
		groupOrder: string[];
		/** Crosstab columns per frame and stance (see crosstabColumns). */
		split: boolean;
	}
): IndexedAggregates {
	const { granularity, by, from, to, window, split } = options;
	const dateOk = Uint8Array.from(ix.dates, (d) => ((filters.from && d < filters.from) || (filters.to && d > filters.to) ? 0 : 1));
	const groupOk = keep(ix.groups, filters.groups);
	const outletOk = keep(ix.outlets, filters.outlets);
	const eventOk = keep(ix.events, filters.events);
	const languageOk = keep(ix.languages, filters.languages);

	// Frame keys are strings, as in seriesKeys: a frame literally called "uncoded" shares a key with UNCODED.
	const frameKeys = new Map<string, number>();
	const frameKey = (f: string) => {
		let k = frameKeys.get(f);
		if (k === undefined) frameKeys.set(f, (k = frameKeys.size));
		return k;
	};
	const columns = crosstabColumns(options.frameOrder, split);
	const column = crosstabColumnIndex(options.frameOrder, split);
	const selectedFrames = new Set(filters.frames);
	const fsOk = new Uint8Array(ix.frameSets.length);
	const fsKeys: Uint32Array[] = [];
	const fsCols: Int32Array[] = [];
	ix.frameSets.forEach((list, fs) => {
		const counted = countedCodes(list, ix.frameStances[fs], filters.stance, ix.stanced);
		const kept = selectedFrames.size ? counted.filter(([f]) => selectedFrames.has(f)) : counted;
		fsOk[fs] = selectedFrames.size && kept.length === 0 ? 0 : 1;
		const codes: [string, FrameStance][] = kept.length > 0 ? kept : [[UNCODED, '']];
		fsKeys[fs] = Uint32Array.from(codes, ([f]) => frameKey(f));
		fsCols[fs] = Int32Array.from(codes, ([f, st]) => column(f, st));
	});
	const frameKeyNames = [...frameKeys.keys()];
	const nFrameKeys = frameKeyNames.length;

	const periods = periodsBetween(from, to, granularity);
	const mixBy = mixGranularity(granularity);
	const mixPeriods = periodsBetween(from, to, mixBy);
	const P = periods.length;
	const M = mixPeriods.length;
	const pIdx = periodIndex(ix, periods, granularity, from, to);
	const mIdx = periodIndex(ix, mixPeriods, mixBy, from, to);

	const keyColumn = by === 'group' ? ix.group : by === 'outlet' ? ix.outlet : by === 'event' ? ix.event : null;
	const keyNames = by === 'group' ? ix.groups : by === 'outlet' ? ix.outlets : by === 'event' ? ix.events : frameKeyNames;
	const nKeys = keyNames.length;
	const sums = new Float64Array(nKeys * P);
	const seen = new Uint8Array(nKeys);
	const nGroups = ix.groups.length;
	const nCols = columns.frames.length;
	const table = new Float64Array(nGroups * nCols);
	const groupSeen = new Uint8Array(nGroups);
	const mix = new Float64Array(nGroups * nFrameKeys * M);
	const mixSeen = new Uint8Array(nGroups * nFrameKeys);
	const mixN = new Float64Array(nGroups);
	let n = 0;
	let seriesN = 0;

	const { date, group, outlet, event, language, frames, count } = ix;
	const nFS = ix.frameSets.length;
	// With exact (integer) sums, one add per row into per-frame-list cells and a small
	// expansion afterwards replaces a loop over each row's frames for every chart.
	const cube =
		(by === 'group' || by === 'frame') &&
		filters.outlets.length === 0 &&
		filters.events.length === 0 &&
		filters.languages.length === 0 &&
		filters.frames.length === 0
			? cubeOf(ix)
			: undefined;
	const cubed = cube !== undefined;
	if (cubed) {
		const nF = cube.frames.length;
		const fKey = Int32Array.from(cube.frames, (f) => frameKeys.get(f) ?? -1);
		const fCol = Int32Array.from(cube.frames, (f) => column(f, ''));
		for (let d = 0; d < ix.dates.length; d++) {
			if (!dateOk[d]) continue;
			const p = pIdx[d]!;
			const m = mIdx[d]!;
			for (let g = 0; g < nGroups; g++) {
				const dg = d * nGroups + g;
				if (!groupOk[g] || !cube.rowPresent[dg]) continue;
				const c = cube.rowSums[dg]!;
				n += c;
				groupSeen[g] = 1;
				if (p >= 0) {
					seriesN += c;
					if (by === 'group') {
						sums[g * P + p] = sums[g * P + p]! + c;
						seen[g] = 1;
					}
				}
				if (m >= 0) mixN[g] = mixN[g]! + c;
				for (let f = 0; f < nF; f++) {
					const cell = dg * nF + f;
					if (!cube.present[cell]) continue;
					const v = cube.sums[cell]!;
					const col = fCol[f]!;
					if (col >= 0) table[g * nCols + col] = table[g * nCols + col]! + v;
					const k = fKey[f]!;
					if (p >= 0 && by === 'frame') {
						sums[k * P + p] = sums[k * P + p]! + v;
						seen[k] = 1;
					}
					if (m >= 0) {
						const gk = g * nFrameKeys + k;
						mix[gk * M + m] = mix[gk * M + m]! + v;
						mixSeen[gk] = 1;
					}
				}
			}
		}
	}
	const grouped = !cubed && ix.integral && nGroups * nFS * Math.max(M, P) <= 4_000_000;
	const gfs = grouped ? new Float64Array(nGroups * nFS) : new Float64Array(0);
	const fsP = grouped && !keyColumn ? new Float64Array(nFS * P) : new Float64Array(0);
	const fsSeen = new Uint8Array(grouped ? nFS : 0);
	const gfsM = grouped ? new Float64Array(nGroups * nFS * M) : new Float64Array(0);
	const gfsMSeen = new Uint8Array(grouped ? nGroups * nFS : 0);
	if (grouped) {
		const { combos, ones } = ix;
		const comboOk = Uint8Array.from(combos.group, (g, k) =>
			groupOk[g] && outletOk[combos.outlet[k]!] && eventOk[combos.event[k]!] && languageOk[combos.language[k]!] ? 1 : 0
		);
		const comboKey = by === 'group' ? combos.group : by === 'outlet' ? combos.outlet : by === 'event' ? combos.event : null;
		// With some combinations filtered out, only the kept combinations' rows are read.
		const narrowed = comboOk.includes(0);
		const rows = narrowed ? ix.byCombo : ix;
		const ranges: number[] = [];
		if (!narrowed) ranges.push(0, ix.length);
		else
			for (let cb = 0; cb < comboOk.length; cb++) {
				if (!comboOk[cb]) continue;
				const [from, to] = [ix.byCombo.start[cb]!, ix.byCombo.start[cb + 1]!];
				if (ranges.length > 0 && ranges[ranges.length - 1] === from) ranges[ranges.length - 1] = to;
				else ranges.push(from, to);
			}
		const { date: rDate, frames: rFrames, count: rCount, combo: rCombo } = rows;
		for (let r = 0; r < ranges.length; r += 2) {
			for (let i = ranges[r]!; i < ranges[r + 1]!; i++) {
				const d = rDate[i]!;
				if (!dateOk[d]) continue;
				const cb = rCombo[i]!;
				if (!comboOk[cb]) continue;
				const fs = rFrames[i]!;
				if (!fsOk[fs]) continue;
				const g = combos.group[cb]!;
				const c = ones ? 1 : rCount[i]!;
				n += c;
				groupSeen[g] = 1;
				const gf = g * nFS + fs;
				gfs[gf] = gfs[gf]! + c;
				const p = pIdx[d]!;
				if (p >= 0) {
					seriesN += c;
					if (comboKey) {
						const k = comboKey[cb]!;
						sums[k * P + p] = sums[k * P + p]! + c;
						seen[k] = 1;
					} else {
						fsP[fs * P + p] = fsP[fs * P + p]! + c;
						fsSeen[fs] = 1;
					}
				}
				const m = mIdx[d]!;
				if (m >= 0) {
					mixN[g] = mixN[g]! + c;
					gfsM[gf * M + m] = gfsM[gf * M + m]! + c;
					gfsMSeen[gf] = 1;
				}
			}
		}
		for (let g = 0; g < nGroups; g++) {
			if (!groupSeen[g]) continue;
			for (let fs = 0; fs < nFS; fs++) {
				const v = gfs[g * nFS + fs]!;
				for (const col of fsCols[fs]!) if (col >= 0) table[g * nCols + col] = table[g * nCols + col]! + v;
			}
		}
		if (!keyColumn) {
			for (let fs = 0; fs < nFS; fs++) {
				if (!fsSeen[fs]) continue;
				for (const k of fsKeys[fs]!) {
					seen[k] = 1;
					for (let p = 0; p < P; p++) sums[k * P + p] = sums[k * P + p]! + fsP[fs * P + p]!;
				}
			}
		}
	}
	for (let i = 0; i < (grouped || cubed ? 0 : ix.length); i++) {
		const d = date[i]!;
		const g = group[i]!;
		const fs = frames[i]!;
		if (!dateOk[d] || !groupOk[g] || !outletOk[outlet[i]!] || !eventOk[event[i]!] || !languageOk[language[i]!] || !fsOk[fs]) continue;
		const c = count[i]!;
		n += c;
		groupSeen[g] = 1;
		const keys = fsKeys[fs]!;
		const cols = fsCols[fs]!;
		for (let j = 0; j < cols.length; j++) {
			const col = cols[j]!;
			if (col >= 0) table[g * nCols + col] = table[g * nCols + col]! + c;
		}
		const p = pIdx[d]!;
		if (p >= 0) {
			seriesN += c;
			if (keyColumn) {
				const k = keyColumn[i]!;
				sums[k * P + p] = sums[k * P + p]! + c;
				seen[k] = 1;
			} else {
				for (let j = 0; j < keys.length; j++) {
					const k = keys[j]!;
					sums[k * P + p] = sums[k * P + p]! + c;
					seen[k] = 1;
				}
			}
		}
		const m = mIdx[d]!;
		if (m >= 0) {
			mixN[g] = mixN[g]! + c;
			for (let j = 0; j < keys.length; j++) {
				const gk = g * nFrameKeys + keys[j]!;
				mix[gk * M + m] = mix[gk * M + m]! + c;
				mixSeen[gk] = 1;
			}
		}
	}

	const rowsOf = (names: string[], used: Uint8Array, values: Float64Array, width: number, offset = 0) => {
		const out: [string, Float64Array][] = [];
		names.forEach((name, k) => {
			if (used[offset + k]) out.push([name, values.subarray((offset + k) * width, (offset + k + 1) * width)]);
		});
		return out;
	};
	const overTime = finishTimeSeries(granularity, periods, window, rowsOf(keyNames, seen, sums, P), seriesN);
	const groupRows = new Map(rowsOf(ix.groups, groupSeen, table, nCols));
	const crosstab = finishCrosstab(columns, groupRows, options.groupOrder, n);
	const focus = filters.focus ?? defaultFocus(crosstab) ?? options.groupOrder[0] ?? '';
	const fg = ix.groups.indexOf(focus);
	if (grouped && fg >= 0) {
		for (let fs = 0; fs < nFS; fs++) {
			const gf = fg * nFS + fs;
			if (!gfsMSeen[gf]) continue;
			for (const k of fsKeys[fs]!) {
				const gk = fg * nFrameKeys + k;
				mixSeen[gk] = 1;
				for (let m = 0; m < M; m++) mix[gk * M + m] = mix[gk * M + m]! + gfsM[gf * M + m]!;
			}
		}
	}
	const mixSeries =
		fg < 0
			? finishTimeSeries(mixBy, mixPeriods, window, [], 0)
			: finishTimeSeries(mixBy, mixPeriods, window, rowsOf(frameKeyNames, mixSeen, mix, M, fg * nFrameKeys), mixN[fg]!);
	return { overTime, crosstab, mix: mixSeries, focus, n };
}
