import type { Checked, CheckedRow } from './mapping';
import type { UploadedOutlet } from './outlets';

/**
 * Coverage rows in columns, each text column dictionary-encoded: a million rows are six typed
 * arrays plus a few thousand distinct strings, cheap to post from the worker (the buffers are
 * transferred, not copied) and to keep in IndexedDB.
 */
export interface ColumnarCoverage {
	length: number;
	dict: {
		date: string[];
		outlet: string[];
		group: string[];
		event: string[];
		language: string[];
		frames: string[];
		/**
		 * Beside `frames` when the upload mapped a stance column: entry i holds the stances of
		 * frame list i, joined the same way ('' for a frame without one, or for a list without any).
		 */
		stances?: string[];
	};
	date: Uint32Array;
	outlet: Uint32Array;
	group: Uint32Array;
	event: Uint32Array;
	language: Uint32Array;
	/** Index into dict.frames, whose entries are frame lists joined with "\u001f". */
	frames: Uint32Array;
	count: Float64Array;
	/** Article titles and links: nearly every value is distinct, so they are packed, not encoded. */
	title: PackedText;
	url: PackedText;
	/** Article texts or summaries; absent from copies kept before uploads had them. */
	text?: PackedText;
}

/**
 * Strings of a column concatenated as UTF-8, with each row's end offset in bytes. A million
 * small strings cost a quarter of a second per 100,000 to post from the worker, and one long
 * string still has to be copied on the page's thread (over 100 ms for a million titles); a
 * transferred buffer costs nothing. UTF-8, not UTF-16: IndexedDB refuses a value over 128 MB,
 * and a million titles and links in two bytes a character are more. Text decoded from a file
 * has no lone surrogates, so every value comes back exactly. No separator, so no value needs
 * escaping. `ends` is empty while no row has a value, so count files carry no column of blanks.
 */
export interface PackedText {
	bytes: Uint8Array;
	ends: Uint32Array;
}

// ignoreBOM keeps a value's leading U+FEFF instead of taking it for a byte order mark.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** Row `i`'s value, '' for a column without values. */
export function textAt(column: PackedText, i: number): string {
	return i < column.ends.length ? decoder.decode(column.bytes.subarray(i === 0 ? 0 : column.ends[i - 1], column.ends[i])) : '';
}

/** A PackedText filled row by row, so that no row's string stays alive until the end. */
export class TextBuilder {
	private bytes = new Uint8Array(4096);
	private used = 0;
	private ends: number[] = [];

	/** Sets row `length - 1`, padding with blanks only once the column has a value at all. */
	add(value: string, length: number): void {
		if (value === '' && this.ends.length === 0) return;
		while (this.ends.length < length - 1) this.ends.push(this.used);
		const n = value.length;
		if (this.used + n * 3 > this.bytes.length) {
			const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n * 3));
			grown.set(this.bytes.subarray(0, this.used));
			this.bytes = grown;
		}
		// Titles and links are nearly always ASCII: copying their character codes took 200 ns a
		// value in Chromium, joining them into batches for encodeInto 340. The first other
		// character hands the value to the encoder.
		const { bytes } = this;
		let used = this.used;
		for (let i = 0; i < n; i++) {
			const c = value.charCodeAt(i);
			if (c > 0x7f) {
				used = this.used + encoder.encodeInto(value, bytes.subarray(this.used)).written;
				break;
			}
			bytes[used++] = c;
		}
		this.ends.push((this.used = used));
	}

	/**
	 * Whether the last value added equals an earlier one; when it does not, it is remembered.
	 * Values are found by a hash of their bytes and compared byte for byte, so no string is kept
	 * per row. Empty values are never repeats.
	 */
	repeatsEarlier(): boolean {
		const { bytes, ends } = this;
		const row = ends.length - 1;
		const start = row > 0 ? ends[row - 1]! : 0;
		const end = row >= 0 ? ends[row]! : 0;
		if (start === end) return false;
		let hash = 0x811c9dc5;
		for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
		// The slot is the hash's low bits: Murmur3's final mix spreads every byte's effect into them.
		hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
		hash ^= hash >>> 13;
		const seen = (this.seen ??= new SeenRows(1 << 10));
		const { slots } = seen;
		let at = (hash & seen.mask) * 2;
		for (let other = slots[at]!; other !== 0; other = slots[at]!) {
			if (slots[at + 1] === hash && this.equal(other - 1, start, end)) return true;
			at = at + 2 === slots.length ? 0 : at + 2;
		}
		slots[at] = row + 1;
		slots[at + 1] = hash;
		if (++seen.filled * 2 > seen.mask + 1) this.seen = seen.grown();
		return false;
	}

	private seen: SeenRows | null = null;

	private equal(row: number, start: number, end: number): boolean {
		const { bytes, ends } = this;
		const from = row > 0 ? ends[row - 1]! : 0;
		if (ends[row]! - from !== end - start) return false;
		for (let i = start, j = from; i < end; i++, j++) if (bytes[i] !== bytes[j]) return false;
		return true;
	}

	/** A fresh object every time: its buffers are transferred, and shared ones would be detached. */
	build(): PackedText {
		return { bytes: this.bytes.slice(0, this.used), ends: Uint32Array.from(this.ends) };
	}
}

/**
 * `TextBuilder.repeatsEarlier`'s table, probed linearly: each slot is a row + 1 (0 for a free
 * slot) beside its hash, so that a probe reads one cache line and growing rehashes nothing.
 */
class SeenRows {
	readonly slots: Int32Array;
	readonly mask: number;
	filled = 0;

	constructor(size: number) {
		this.slots = new Int32Array(size * 2);
		this.mask = size - 1;
	}

	/** Twice the size, every entry moved by the hash it keeps. */
	grown(): SeenRows {
		const next = new SeenRows((this.mask + 1) * 2);
		const { slots } = this;
		const to = next.slots;
		for (let i = 0; i < slots.length; i += 2) {
			if (slots[i] === 0) continue;
			let at = (slots[i + 1]! & next.mask) * 2;
			while (to[at] !== 0) at = at + 2 === to.length ? 0 : at + 2;
			to[at] = slots[i]!;
			to[at + 1] = slots[i + 1]!;
		}
		next.filled = this.filled;
		return next;
	}
}

export function packText(values: string[]): PackedText {
	const builder = new TextBuilder();
	values.forEach((v, i) => builder.add(v, i + 1));
	return builder.build();
}

type TextColumn = Exclude<keyof ColumnarCoverage['dict'], 'stances'>;
export const FRAME_SEP = '\u001f';
/** Between a frame list and its stances in the builder's dictionary key. */
const STANCE_SEP = '\u001e';

/** One dictionary-encoded column: each distinct value once, and one code per row. */
class EncodedColumn {
	readonly values: string[] = [];
	readonly codes: number[] = [];
	private index = new Map<string, number>();

	/** Appends the row's code; a value's code is kept on it, so a repeated value is not looked up again. */
	push<T>(checked: Checked<T>, key: (value: T) => string): number {
		if (checked.code < 0) {
			const k = key(checked.value);
			let code = this.index.get(k);
			if (code === undefined) {
				this.index.set(k, (code = this.values.length));
				this.values.push(k);
			}
			checked.code = code;
		}
		this.codes.push(checked.code);
		return checked.code;
	}
}

const same = (value: string) => value;
const joinFrames = (frames: string[]) => frames.join(FRAME_SEP);
const frameListOf = (key: string) => key.split(STANCE_SEP)[0]!;

/**
 * The columns of an upload's valid rows, filled row by row. Outlets are counted, and their
 * first domain kept, per code, for the group mapping step.
 */
export class ColumnarBuilder {
	private columns: Record<TextColumn, EncodedColumn> = {
		date: new EncodedColumn(),
		outlet: new EncodedColumn(),
		group: new EncodedColumn(),
		event: new EncodedColumn(),
		language: new EncodedColumn(),
		frames: new EncodedColumn()
	};
	private counts: number[] = [];
	private titles = new TextBuilder();
	private urls = new TextBuilder();
	private texts = new TextBuilder();
	private outletRows: number[] = [];
	private outletDomains: string[] = [];
	/** Whether rows come with stances: frame lists are then keyed with them. */
	private stanced = false;

	/** Appends a valid row; returns its outlet's code. */
	add(row: CheckedRow): number {
		const { columns } = this;
		columns.date.push(row.date, same);
		const outlet = columns.outlet.push(row.outlet, same);
		columns.group.push(row.group, same);
		columns.event.push(row.event, same);
		columns.language.push(row.language, same);
		if (row.stances) {
			// Each frames-and-stances pair has its own stances value, which carries the code.
			this.stanced = true;
			const frames = row.frames.value;
			columns.frames.push(row.stances, (stances) => `${joinFrames(frames)}${STANCE_SEP}${stances.join(FRAME_SEP)}`);
		} else columns.frames.push(row.frames, joinFrames);
		const length = this.counts.push(row.count);
		this.titles.add(row.title, length);
		this.urls.add(row.url, length);
		this.texts.add(row.text, length);
		if (outlet === this.outletRows.length) {
			this.outletRows.push(1);
			this.outletDomains.push('');
		} else this.outletRows[outlet]!++;
		return outlet;
	}

	/** Whether the last row added has the link of an earlier one; see `TextBuilder.repeatsEarlier`. */
	repeatsUrl(): boolean {
		return this.urls.repeatsEarlier();
	}

	/** Whether an outlet already has its domain: only the first one found is kept. */
	hasDomain(outlet: number): boolean {
		return this.outletDomains[outlet] !== '';
	}

	setDomain(outlet: number, domain: string): void {
		if (!this.hasDomain(outlet)) this.outletDomains[outlet] = domain;
	}

	/** Outlets with their rows and first domain, most rows first. */
	outlets(): UploadedOutlet[] {
		return this.columns.outlet.values
			.map((key, i) => ({ key, domain: this.outletDomains[i]!, rows: this.outletRows[i]! }))
			.sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key));
	}

	/** Distinct frames and the date range of the rows so far, from the dictionaries alone. */
	frames(): string[] {
		const lists = this.columns.frames.values.map(frameListOf);
		return [...new Set(lists.flatMap((f) => (f === '' ? [] : f.split(FRAME_SEP))))].sort();
	}

	range(): { start: string; end: string } | null {
		const dates = this.columns.date.values;
		if (dates.length === 0) return null;
		let start = dates[0]!;
		let end = start;
		for (const d of dates) {
			if (d < start) start = d;
			if (d > end) end = d;
		}
		return { start, end };
	}

	build(): ColumnarCoverage {
		const { columns } = this;
		const codes = (c: TextColumn) => Uint32Array.from(columns[c].codes);
		return {
			length: this.counts.length,
			dict: {
				date: columns.date.values,
				outlet: columns.outlet.values,
				group: columns.group.values,
				event: columns.event.values,
				language: columns.language.values,
				frames: columns.frames.values.map(frameListOf),
				...(this.stanced && { stances: columns.frames.values.map((key) => key.split(STANCE_SEP)[1] ?? '') })
			},
			date: codes('date'),
			outlet: codes('outlet'),
			group: codes('group'),
			event: codes('event'),
			language: codes('language'),
			frames: codes('frames'),
			count: Float64Array.from(this.counts),
			title: this.titles.build(),
			url: this.urls.build(),
			text: this.texts.build()
		};
	}
}

/** The buffers to transfer with postMessage, so a big upload is not copied between threads. */
export function transferables(c: ColumnarCoverage): ArrayBuffer[] {
	const text = c.text ? [c.text.bytes, c.text.ends] : [];
	return [
		c.date,
		c.outlet,
		c.group,
		c.event,
		c.language,
		c.frames,
		c.count,
		c.title.bytes,
		c.title.ends,
		c.url.bytes,
		c.url.ends,
		...text
	].map((a) => a.buffer as ArrayBuffer);
}
