import { periodStart, type CoverageRecord, type Granularity } from './aggregate';
import { SUMMED } from './coverage';
import type { ChartInput } from './chart-views';

/**
 * Coverage records as columns, for sending a stored dataset's sums to the charts page. As an
 * array of objects every record repeats its keys and its outlet, group and event names; here
 * each distinct value is written once and records refer to it by number, which gzips to about a
 * third. The numbers of a column travel as one text (see NumberList and CodeList): SvelteKit's serialiser
 * and parser handle one long string about ten times faster than tens of thousands of array
 * items (measured: 43,000 records, 526 → 55 ms to serialise, 172 → 4 ms to parse). Any field of
 * the records travels, so new ones need no change here.
 */
export interface PackedRecords {
	length: number;
	columns: Record<string, PackedColumn>;
}

/** Numbers written as text and joined by commas; an empty item is null. */
type NumberList = string;

/**
 * Record i's index into a column's `values` plus one (0: the record has no such field), in base 36
 * with `width` digits each and nothing between them. A column rarely holds more than 36 or 1,296
 * values, so each record costs it one or two characters: about half the text of decimal numbers
 * and commas, which SvelteKit's serialiser, gzip and the page's parser all walk character by character.
 */
type CodeList = string;

export type PackedColumn =
	| { kind: 'text'; values: string[]; width: number; at: CodeList }
	| { kind: 'list'; values: string[][]; width: number; at: CodeList }
	| { kind: 'number'; values: NumberList };

const writeNumbers = (numbers: readonly (number | null)[]): NumberList => numbers.map((n) => (n === null ? '' : String(n))).join(',');

function readNumbers(list: NumberList, length: number): (number | null)[] {
	if (length === 0) return [];
	return list.split(',').map((item) => (item === '' ? null : Number(item)));
}

/** A ChartInput (and whatever else `T` carries) whose records are packed, as the charts page's server load sends it. */
export type PackedChartInput<T extends ChartInput = ChartInput> = Omit<T, 'records'> & {
	records: PackedRecords;
	/**
	 * Set when the same records come again under the same key, as a stored dataset's sums do
	 * (its rows never change): a page that unpacked them once may reuse what it unpacked.
	 */
	key?: string;
};

export function packRecords(records: readonly CoverageRecord[]): PackedRecords {
	const rows = records as unknown as readonly Record<string, unknown>[];
	const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const columns: Record<string, PackedColumn> = {};
	for (const key of keys) {
		const sample = rows.find((r) => r[key] !== undefined)?.[key];
		if (typeof sample === 'number') {
			columns[key] = numberColumn(rows.map((r) => (typeof r[key] === 'number' ? (r[key] as number) : null)));
		} else if (Array.isArray(sample)) {
			// A list's key is its JSON, which tells [] from [''].
			const lists = rows.map((r) => r[key] as unknown[] | undefined);
			columns[key] = listColumn(
				lists.map((list) => (list === undefined ? undefined : JSON.stringify(list))),
				(_, i) => lists[i]!.map(String)
			);
		} else {
			columns[key] = textColumn(rows.map((r) => (r[key] === undefined ? undefined : String(r[key]))));
		}
	}
	return { length: records.length, columns };
}

export const numberColumn = (numbers: readonly (number | null)[]): PackedColumn => ({ kind: 'number', values: writeNumbers(numbers) });

/** A column of texts, each distinct one written once; undefined where a record has no such field. */
export function textColumn(texts: readonly (string | undefined)[]): PackedColumn {
	return { kind: 'text', ...coded(texts, (text) => text) };
}

/**
 * A column of lists, each written once per distinct key; undefined where a record has none.
 * `list(key, i)` makes the list of the first record with that key.
 */
export function listColumn(keys: readonly (string | undefined)[], list: (key: string, i: number) => string[]): PackedColumn {
	return { kind: 'list', ...coded(keys, list) };
}

function coded<T>(
	keys: readonly (string | undefined)[],
	valueOf: (key: string, i: number) => T
): { values: T[]; width: number; at: CodeList } {
	const dictionary = new Dictionary<string, T>();
	const at = new Array<number>(keys.length);
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i];
		at[i] = key === undefined ? 0 : dictionary.code(key, () => valueOf(key, i)) + 1;
	}
	return { values: dictionary.values, ...codeList(at, dictionary.values.length) };
}

/** Numbers each distinct key in the order first met, from 0, and keeps a value for each: the key itself unless made by code()'s `value`. */
export class Dictionary<K, V = K> {
	readonly #codes = new Map<K, number>();
	readonly values: V[] = [];
	code(key: K, value?: () => V): number {
		let code = this.#codes.get(key);
		if (code === undefined) {
			code = this.values.push(value ? value() : (key as unknown as V)) - 1;
			this.#codes.set(key, code);
		}
		return code;
	}
}

/** Codes (a value's index + 1, 0 for none) of a column of `count` values, written as a CodeList. */
function codeList(codes: ArrayLike<number>, count: number): { width: number; at: CodeList } {
	const width = count.toString(36).length;
	const digits = Array.from({ length: count + 1 }, (_, n) => n.toString(36).padStart(width, '0'));
	const at = new Array<string>(codes.length);
	for (let i = 0; i < codes.length; i++) at[i] = digits[codes[i]!]!;
	return { width, at: at.join('') };
}

/**
 * Packed records one after another, as packRecords() would pack all their records: each distinct
 * value is written once, in the order first met. Only codes are rewritten, never values read back,
 * so a selection of outlets is put together from their kept answers for about a millisecond per
 * 10,000 records.
 */
export function concatPackedRecords(parts: readonly PackedRecords[]): PackedRecords {
	const filled = parts.filter((part) => part.length > 0);
	if (filled.length === 1) return filled[0]!;
	const columns: Record<string, PackedColumn> = {};
	for (const key of new Set(filled.flatMap((part) => Object.keys(part.columns)))) {
		const own = filled.map((part) => part.columns[key]);
		const kind = own.find((column) => column)!.kind;
		if (own.some((column) => column && column.kind !== kind)) throw new Error(`column ${key} is not of one kind in every part`);
		// A part without the column has no value there: empty numbers, code 0.
		columns[key] =
			kind === 'number'
				? {
						kind,
						values: filled
							.map((part, i) => (own[i] as Extract<PackedColumn, { kind: 'number' }> | undefined)?.values ?? ','.repeat(part.length - 1))
							.join(',')
					}
				: concatCoded(kind, filled, own as (Extract<PackedColumn, { at: CodeList }> | undefined)[]);
	}
	return { length: filled.reduce((sum, part) => sum + part.length, 0), columns };
}

function concatCoded(
	kind: 'text' | 'list',
	parts: readonly PackedRecords[],
	own: readonly (Extract<PackedColumn, { at: CodeList }> | undefined)[]
): PackedColumn {
	const joined = new Dictionary<string, string | string[]>();
	// Each part's codes (its index + 1, 0 for none) as codes into the joined values.
	const renumbered = own.map((column) => {
		const to = new Int32Array((column?.values.length ?? 0) + 1);
		column?.values.forEach((value: string | string[], i: number) => {
			to[i + 1] = joined.code(typeof value === 'string' ? value : JSON.stringify(value), () => value) + 1;
		});
		return to;
	});
	const at = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
	let i = 0;
	parts.forEach((part, p) => {
		const column = own[p];
		const codes = column ? columnCodes(column, part.length) : new Int32Array(part.length).fill(-1);
		for (const code of codes) at[i++] = renumbered[p]![code + 1]!;
	});
	return { kind, values: joined.values, ...codeList(at, joined.values.length) } as PackedColumn;
}

/**
 * Packed records summed as the store sums rows into a coarser shape (see ChartShape): each date to
 * the first day of its week or month, and every event or language to SUMMED unless kept. Counts are
 * added up, so this is for sums only, from records of a finer shape: days, or weeks into weeks. An
 * outlet's records kept at one shape then serve a pick read at a coarser one without reading the
 * rows again.
 */
export function sumPackedRecords(packed: PackedRecords, period: Granularity, keep: { events: boolean; languages: boolean }): PackedRecords {
	const n = packed.length;
	const coded = Object.entries(packed.columns).flatMap(([key, column]) => {
		if (column.kind === 'number') return [];
		const codes = columnCodes(column, n);
		// Each old value's index + 1 in the new values (0 for none), as the CodeList writes it.
		const merge = (valueOf: (value: string) => string) => {
			const merged = new Dictionary<string>();
			const to = Int32Array.from(column.values as string[], (value) => merged.code(valueOf(value)) + 1);
			return { key, kind: column.kind, values: merged.values, codes: codes.map((c) => (c < 0 ? 0 : to[c]!)) };
		};
		if (key === 'date') return [merge((date) => periodStart(date, period))];
		if ((key === 'event' && !keep.events) || (key === 'language' && !keep.languages)) return [merge(() => SUMMED)];
		return [{ key, kind: column.kind, values: column.values, codes: codes.map((c) => c + 1) }];
	});
	const counts = packed.columns.count?.kind === 'number' ? columnNumbers(packed.columns.count, n) : [];
	const groups = new Map<string, number>();
	const first: number[] = [];
	const sums: number[] = [];
	for (let i = 0; i < n; i++) {
		const key = coded.map((column) => column.codes[i]).join(',');
		let g = groups.get(key);
		if (g === undefined) {
			groups.set(key, (g = first.length));
			first.push(i);
			sums.push(0);
		}
		sums[g] = sums[g]! + (counts[i] ?? 0);
	}
	const columns: Record<string, PackedColumn> = {};
	for (const { key, kind, values, codes } of coded) {
		columns[key] = {
			kind,
			values,
			...codeList(
				Int32Array.from(first, (i) => codes[i]!),
				values.length
			)
		} as PackedColumn;
	}
	return { length: first.length, columns: { ...columns, count: numberColumn(sums) } };
}

/** Each record's index into its column's values, or -1 where it has none. */
function readCodes(list: CodeList, width: number, length: number): Int32Array {
	const out = new Int32Array(length);
	for (let i = 0, p = 0; i < length; i++) {
		let n = 0;
		for (let d = 0; d < width; d++, p++) {
			const c = list.charCodeAt(p);
			// '0'–'9' are 48–57 and 'a'–'z' 97–122.
			n = n * 36 + (c <= 57 ? c - 48 : c - 87);
		}
		out[i] = n - 1;
	}
	return out;
}

/** A text or list column's record i's index into its values, or -1 where record i has none. */
export const columnCodes = (column: Extract<PackedColumn, { at: CodeList }>, length: number) => readCodes(column.at, column.width, length);

/** A number column's values; null where a record has none. */
export const columnNumbers = (column: Extract<PackedColumn, { kind: 'number' }>, length: number) => readNumbers(column.values, length);

export function unpackRecords(packed: PackedRecords): CoverageRecord[] {
	const records: Record<string, unknown>[] = Array.from({ length: packed.length }, () => ({}));
	for (const [key, column] of Object.entries(packed.columns)) {
		if (column.kind === 'number') {
			columnNumbers(column, packed.length).forEach((value, i) => {
				if (value !== null) records[i]![key] = value;
			});
			continue;
		}
		const at = columnCodes(column, packed.length);
		for (let i = 0; i < at.length; i++) {
			const value = at[i]!;
			if (value < 0) continue;
			// Each record gets its own copy of a list, as records read from rows would.
			records[i]![key] = column.kind === 'list' ? [...column.values[value]!] : column.values[value];
		}
	}
	return records as unknown as CoverageRecord[];
}

/** `input` with its records packed; any other fields it carries travel as they are. */
export function packChartInput<T extends ChartInput>(input: T): PackedChartInput<T> {
	return { ...input, records: packRecords(input.records) };
}

export function unpackChartInput<T extends PackedChartInput>(input: T): Omit<T, 'records'> & ChartInput {
	return { ...input, records: unpackRecords(input.records) };
}

/**
 * unpackChartInput(), but the records are unpacked when first read: a page that charts them from an
 * index (chartIndexOfPacked) never reads them, and 20,000 record objects cost a new outlet pick
 * about a fifth of its time in the browser, collecting the garbage included.
 */
export function lazyChartInput<T extends PackedChartInput>(input: T): Omit<T, 'records'> & ChartInput {
	const { records: packed, ...rest } = input;
	let records: CoverageRecord[] | undefined;
	return Object.defineProperty(rest, 'records', { get: () => (records ??= unpackRecords(packed)), enumerable: true }) as Omit<
		T,
		'records'
	> &
		ChartInput;
}

/** `{ ...input, ...fields }`, except that a lazily read field of `input` (see lazyChartInput) is copied unread. */
export function withFields<T extends object>(input: T, fields: Partial<T>): T {
	return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(input), ...Object.getOwnPropertyDescriptors(fields) }) as T;
}
