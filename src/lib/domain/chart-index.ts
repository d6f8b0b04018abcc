import {
	finishCrosstab,
	finishTimeSeries,
	periodsBetween,
	periodStart,
	UNCODED,
	type CoverageRecord,
	type Crosstab,
	type Granularity,
	type SeriesBy,
	type TimeSeries,
	type Window
} from './aggregate';
import type { Filters } from './filters';

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
	frameSets: string[][];
	date: Uint32Array;
	outlet: Uint32Array;
	group: Uint32Array;
	event: Uint32Array;
	language: Uint32Array;
	frames: Uint32Array;
	count: Float64Array;
}

class Dictionary<K> {
	readonly codes = new Map<K, number>();
	readonly values: K[] = [];
	code(value: K): number {
		let code = this.codes.get(value);
		if (code === undefined) {
			code = this.values.length;
			this.codes.set(value, code);
			this.values.push(value);
		}
		return code;
	}
}

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
	// Records read from columns share one frames array per distinct list, so the array itself is
	// a cheap first key; the joined string is the fallback for records built one by one.
	const byArray = new Map<string[], number>();
	const index: ChartIndex = {
		length: n,
		dates: dicts.date.values,
		outlets: dicts.outlet.values,
		groups: dicts.group.values,
		events: dicts.event.values,
		languages: dicts.language.values,
		frameSets: frameLists,
		date: new Uint32Array(n),
		outlet: new Uint32Array(n),
		group: new Uint32Array(n),
		event: new Uint32Array(n),
		language: new Uint32Array(n),
		frames: new Uint32Array(n),
		count: new Float64Array(n)
	};
	for (let i = 0; i < n; i++) {
		const r = records[i]!;
		index.date[i] = dicts.date.code(r.date);
		index.outlet[i] = dicts.outlet.code(r.outlet);
		index.group[i] = dicts.group.code(r.group);
		index.event[i] = dicts.event.code(r.event);
		index.language[i] = dicts.language.code(r.language);
		let fs = byArray.get(r.frames);
		if (fs === undefined) {
			fs = frameSets.code(r.frames.join('\u001f'));
			if (fs === frameLists.length) frameLists.push(r.frames);
			byArray.set(r.frames, fs);
		}
		index.frames[i] = fs;
		index.count[i] = r.count;
	}
	return index;
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
	options: { granularity: Granularity; by: SeriesBy; from: string; to: string; window: Window; frameOrder: string[]; groupOrder: string[] }
): IndexedAggregates {
	const { granularity, by, from, to, window } = options;
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
	const columns = [...options.frameOrder, UNCODED];
	const colIndex = new Map(columns.map((c, i) => [c, i]));
	const selectedFrames = new Set(filters.frames);
	const fsOk = new Uint8Array(ix.frameSets.length);
	const fsKeys: Uint32Array[] = [];
	const fsCols: Int32Array[] = [];
	ix.frameSets.forEach((list, fs) => {
		const kept = selectedFrames.size ? list.filter((f) => selectedFrames.has(f)) : list;
		fsOk[fs] = selectedFrames.size && kept.length === 0 ? 0 : 1;
		const keys = kept.length > 0 ? kept : [UNCODED];
		fsKeys[fs] = Uint32Array.from(keys, frameKey);
		fsCols[fs] = Int32Array.from(keys, (k) => colIndex.get(k) ?? -1);
	});
	const frameKeyNames = [...frameKeys.keys()];
	const nFrameKeys = frameKeyNames.length;

	const periods = periodsBetween(from, to, granularity);
	const months = periodsBetween(from, to, 'month');
	const P = periods.length;
	const M = months.length;
	const periodOf = (list: string[], g: Granularity) => {
		const at = new Map(list.map((p, i) => [p, i]));
		return Int32Array.from(ix.dates, (d) => (d < from || d > to ? -1 : (at.get(periodStart(d, g)) ?? -1)));
	};
	const pIdx = periodOf(periods, granularity);
	const mIdx = periodOf(months, 'month');

	const keyColumn = by === 'group' ? ix.group : by === 'outlet' ? ix.outlet : by === 'event' ? ix.event : null;
	const keyNames = by === 'group' ? ix.groups : by === 'outlet' ? ix.outlets : by === 'event' ? ix.events : frameKeyNames;
	const nKeys = keyNames.length;
	const sums = new Float64Array(nKeys * P);
	const seen = new Uint8Array(nKeys);
	const nGroups = ix.groups.length;
	const nCols = columns.length;
	const table = new Float64Array(nGroups * nCols);
	const groupSeen = new Uint8Array(nGroups);
	const mix = new Float64Array(nGroups * nFrameKeys * M);
	const mixSeen = new Uint8Array(nGroups * nFrameKeys);
	const mixN = new Float64Array(nGroups);
	let n = 0;
	let seriesN = 0;

	const { date, group, outlet, event, language, frames, count } = ix;
	for (let i = 0; i < ix.length; i++) {
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
	const focus = filters.focus ?? crosstab.rows[0] ?? options.groupOrder[0] ?? '';
	const fg = ix.groups.indexOf(focus);
	const mixSeries =
		fg < 0
			? finishTimeSeries('month', months, window, [], 0)
			: finishTimeSeries('month', months, window, rowsOf(frameKeyNames, mixSeen, mix, M, fg * nFrameKeys), mixN[fg]!);
	return { overTime, crosstab, mix: mixSeries, focus, n };
}
