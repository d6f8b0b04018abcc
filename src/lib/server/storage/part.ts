import { stanceCell } from '$lib/domain/import/dataset';
import type { Checked, CheckedRow } from '$lib/domain/import/mapping';

/**
 * Checked rows as both stores take them: CSV lines of PART_COLUMNS, read by DuckDB's read_csv and
 * PostgreSQL's COPY, with what the datasets row needs to know of them. The import worker writes parts itself, so that only text crosses to
 * the thread that stores them: posting a million row objects cost more than checking them.
 */
export interface DatasetPart {
	/** The lines as UTF-8, which the import worker hands over without a copy. */
	csv: Uint8Array;
	rows: number;
	/** The rows' counts summed. */
	articles: number;
	start: string | null;
	end: string | null;
}

/**
 * A part's columns in the order PartWriter writes them, with their SQL types: both stores read parts
 * by this list. Text cells are never NULL in the table, so an empty one is read as ''.
 */
export const PART_COLUMNS = {
	date: 'DATE',
	outlet: 'VARCHAR',
	outlet_group: 'VARCHAR',
	event: 'VARCHAR',
	language: 'VARCHAR',
	frame_codes: 'VARCHAR',
	count: 'DOUBLE',
	title: 'VARCHAR',
	url: 'VARCHAR',
	frame_stances: 'VARCHAR',
	text: 'VARCHAR'
} as const;

/** The part's text columns, which an empty cell leaves ''. */
export const PART_TEXT_COLUMNS = Object.keys(PART_COLUMNS).filter(
	(column) => PART_COLUMNS[column as keyof typeof PART_COLUMNS] === 'VARCHAR'
);

/** Every cell is quoted only when it must be; an empty cell is read as '' by both stores. */
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const framesCell = (frames: readonly string[]) => cell(frames.join(';'));

/** Enough for 50,000 lines of a typical upload, so that a part is rarely copied to grow. */
const FIRST_BYTES = 8 << 20;

/** Cells of repeating values kept as written: as many as the mapper keeps distinct values of, and more. */
const MAX_CELLS = 100_000;

/** Lines are written out as bytes every this many characters: one call per line cost 0.6 µs a row. */
const PENDING_CHARS = 64 * 1024;

/**
 * Collects checked rows into a part; `take` hands it over and starts the next. Lines become bytes
 * as they come: kept as strings until the part is sent, 50,000 lines outlived the young
 * generation, and collecting them cost the worker more than parsing.
 */
export class PartWriter {
	private bytes = Buffer.allocUnsafe(FIRST_BYTES);
	private used = 0;
	private pending = '';
	private part = PartWriter.empty();
	/**
	 * The cells of repeating values as written, by the code this writer gives each checked value:
	 * the mapper hands the same few thousand values again and again, so a row's dates, outlets,
	 * groups and frame lists are looked up rather than joined and quoted again.
	 */
	private cells: string[] = [];

	private static empty(): Omit<DatasetPart, 'csv'> {
		return { rows: 0, articles: 0, start: null, end: null };
	}

	get rows() {
		return this.part.rows;
	}

	/** About how many bytes the part holds so far (text not yet written counted a byte a character). */
	get size() {
		return this.used + this.pending.length;
	}

	add(r: CheckedRow) {
		const part = this.part;
		const date = r.date.value;
		const stances = r.stances ? this.cellOf(r.stances, stanceCell) : '';
		this.pending += `${date},${this.cellOf(r.outlet, cell)},${this.cellOf(r.group, cell)},${this.cellOf(r.event, cell)},${this.cellOf(r.language, cell)},${this.cellOf(r.frames, framesCell)},${r.count},${cell(r.title)},${cell(r.url)},${stances},${cell(r.text)}\n`;
		if (this.pending.length >= PENDING_CHARS) this.flush();
		part.rows += 1;
		part.articles += r.count;
		if (part.start === null || date < part.start) part.start = date;
		if (part.end === null || date > part.end) part.end = date;
	}

	private cellOf<T>(checked: Checked<T>, write: (value: T) => string): string {
		if (checked.code < 0) {
			// Past the values the mapper keeps, each row's value is new: kept here, they would only grow.
			if (this.cells.length >= MAX_CELLS) return write(checked.value);
			checked.code = this.cells.push(write(checked.value)) - 1;
		}
		return this.cells[checked.code]!;
	}

	private flush() {
		const text = this.pending;
		this.pending = '';
		// Three bytes of UTF-8 at most per UTF-16 unit.
		if (this.used + text.length * 3 > this.bytes.length) {
			const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + text.length * 3));
			this.bytes.copy(grown, 0, 0, this.used);
			this.bytes = grown;
		}
		this.used += this.bytes.write(text, this.used);
	}

	take(): DatasetPart {
		this.flush();
		const part = { ...this.part, csv: this.bytes.subarray(0, this.used) };
		this.bytes = Buffer.allocUnsafe(FIRST_BYTES);
		this.used = 0;
		this.part = PartWriter.empty();
		return part;
	}
}
