import Papa from 'papaparse';
import { DATASET_COLUMNS, DATASET_MAPPING, STANCES_COLUMN } from '$lib/domain/import/dataset';
import { DEFAULT_MAX_BYTES, duplicateNames, fieldCountReason, MAX_COLUMNS, notTextReason, tooLarge } from '$lib/domain/import/limits';
import { checkedOf, RowMapper } from '$lib/domain/import/mapping';
import { PapaSource, RowTooLong } from '$lib/domain/import/papa-source';
import type { ImportMessage } from '$lib/domain/import/messages';
import type { ImportProblem, RowIssue } from '$lib/domain/import/report';
import { PartWriter, type DatasetPart } from '$lib/server/storage/part';

export const LIMITS = {
	/** Upload size in bytes; PARALLAX_UPLOAD_MAX_BYTES, default 200 MB. */
	bytes: Number(process.env.PARALLAX_UPLOAD_MAX_BYTES ?? DEFAULT_MAX_BYTES),
	/** Rows per dataset; PARALLAX_UPLOAD_MAX_ROWS, default 2,000,000. */
	rows: Number(process.env.PARALLAX_UPLOAD_MAX_ROWS ?? 2_000_000)
};

/**
 * Why an upload was refused: an HTTP status and problems a researcher can act on, as message
 * keys, so the API can answer in English and the upload page in the reader's language.
 */
export class ImportRejected extends Error {
	constructor(
		readonly status: number,
		readonly problems: ImportProblem[]
	) {
		super('The upload was refused.');
	}
}

/**
 * Rows per part: the store reads one part while the next is parsed, and a part is held in memory
 * (and on disk, for DuckDB) until it is read, so parts bound what an import holds to about two.
 */
const PART_ROWS = 50_000;
/** Or fewer, when rows are long (a whole article in each): a part of 50,000 such rows ran to hundreds of MB. */
const PART_BYTES = 16 << 20;
const MAX_PROBLEMS = 20;

export type ImportLimits = typeof LIMITS;

/** What an import worker says to the thread that feeds it the upload. */
export type WorkerMessage =
	| { type: 'more' }
	| { type: 'part'; part: DatasetPart }
	| { type: 'rejected'; status: number; problems: ImportProblem[] }
	| { type: 'done' };

/** What the feeding thread answers to `more`. */
export type WorkerInput = { type: 'chunk'; chunk: Uint8Array } | { type: 'end' };

/** The parse itself, on whichever thread calls it. */
/** `signed`: the dataset measures a value, which may be below 0; counts of articles may not. */
export async function* parseDataset(chunks: AsyncIterable<Uint8Array>, limits: ImportLimits, signed = false): AsyncGenerator<DatasetPart> {
	let header: string[] | undefined;
	let mapper: RowMapper | undefined;
	let row = 1;
	const part = new PartWriter();
	const problems: RowIssue[] = [];
	try {
		rows: for await (const records of recordPieces(chunks, limits)) {
			for (const record of records) {
				if (!header) {
					header = record.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
					headerProblems(header);
					const mapping = { ...DATASET_MAPPING, signed, ...(header.includes(STANCES_COLUMN) && { stance: STANCES_COLUMN }) };
					mapper = new RowMapper(new Map(header.map((c, i) => [c, i])), mapping);
					continue;
				}
				row += 1;
				if (row - 1 > limits.rows) {
					throw new ImportRejected(413, [{ key: 'import.refusal.tooManyRows', params: { max: limits.rows } }]);
				}
				if (record.length !== header.length) {
					problems.push({ row, column: '', kind: 'fields', reason: fieldCountReason(record, header.length) });
				} else {
					const checked = mapper!.check(record);
					if (checked) part.add(checked);
					else {
						const mapped = mapper!.map(record, row);
						if (mapped.row) part.add(checkedOf(mapped.row));
						else problems.push(...mapped.issues);
					}
				}
				if (problems.length >= MAX_PROBLEMS) break rows;
				if (part.rows >= PART_ROWS || part.size >= PART_BYTES) yield part.take();
			}
		}
	} catch (error) {
		if (error instanceof ImportRejected) throw error;
		if (error instanceof RowTooLong) throw new ImportRejected(422, [error.refusal]);
		throw unreadable(error);
	}
	if (!header) throw new ImportRejected(422, [{ key: 'import.refusal.empty' }]);
	if (problems.length > 0) throw new ImportRejected(422, problems);
	if (row === 1) throw new ImportRejected(422, [{ key: 'import.refusal.noRows' }]);
	if (part.rows > 0) yield part.take();
}

/**
 * The rows of the upload, a piece of its text at a time: checked before the next piece is parsed,
 * a piece's rows die young (the rows of a megabyte at once outlived the young generation and
 * made the parse take twice as long).
 */
async function* recordPieces(chunks: AsyncIterable<Uint8Array>, limits: ImportLimits): AsyncGenerator<string[][]> {
	let bytes = 0;
	// Decoding here, with `stream: true`, keeps a character whose bytes straddle two network
	// chunks intact; papaparse would decode each chunk on its own. `fatal` refuses bytes that are
	// not UTF-8 instead of storing U+FFFD in their place.
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const decode = (chunk?: Uint8Array) => {
		try {
			return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
		} catch {
			throw new ImportRejected(415, [NOT_UTF8]);
		}
	};
	const papa = new PapaText();
	for await (const chunk of chunks) {
		const first = bytes === 0;
		bytes += chunk.length;
		if (bytes > limits.bytes) throw new ImportRejected(413, [tooLarge(limits.bytes)]);
		if (first) {
			const refusal = notTextRefusal(chunk);
			if (refusal) throw new ImportRejected(415, [refusal]);
		}
		for (let at = 0; at < chunk.length; at += PIECE_BYTES) yield papa.push(decode(chunk.subarray(at, at + PIECE_BYTES)));
	}
	yield papa.end(decode());
}

/**
 * Bytes of text papaparse reads at once: it parses several times faster in pieces of about 64 KB
 * than in larger ones, and a larger piece's text outlived the young generation.
 */
const PIECE_BYTES = 64 * 1024;

/**
 * Whether papaparse's skipEmptyLines: 'greedy', which the browser asks for, would skip the row:
 * every field is blank. Asked here, a row's first field answers; papaparse joined every row's
 * fields to find out, a twentieth of the import's time.
 */
const blank = (row: string[]) => row.every((field) => field.trim() === '');

/**
 * The upload's text for papaparse, in the shape of the Node stream it accepts (as the browser's
 * FileText gives it a file): each piece pushed is parsed at once, and the rows it completes are
 * returned. papaparse's own stream handed rows on one at a time and paused itself every 16,
 * which cost the worker more than parsing them.
 */
class PapaText extends PapaSource {
	private rows: string[][] = [];
	private failure: unknown;

	constructor() {
		super();
		// The browser always sends commas; guessing would let a semicolon file through half-understood.
		Papa.parse<string[]>(this as unknown as NodeJS.ReadableStream, {
			header: false,
			delimiter: ',',
			chunk: (results) => {
				this.parsed(results.data.length);
				for (const row of results.data) if (!blank(row)) this.rows.push(row);
			},
			// The last rows come through `chunk` too; papaparse's types ask for `complete` regardless.
			complete: () => undefined,
			error: (error) => {
				this.failure = error;
			}
		});
	}

	push(text: string): string[][] {
		if (text !== '') this.emit('data', text);
		return this.taken();
	}

	end(text: string): string[][] {
		this.push(text);
		this.emit('end');
		return this.taken();
	}

	private taken(): string[][] {
		if (this.failure) throw this.failure;
		const rows = this.rows;
		this.rows = [];
		return rows;
	}
}

export function unreadable(error: unknown): ImportRejected {
	return new ImportRejected(400, [
		{ key: 'import.refusal.unreadable', params: { reason: error instanceof Error ? error.message : String(error) } }
	]);
}

const NOT_UTF8: ImportMessage = { key: 'import.refusal.uploadNotUtf8' };

function notTextRefusal(head: Uint8Array): ImportMessage | null {
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { key: 'import.refusal.uploadUtf16' };
	const reason = notTextReason(head);
	return reason ? { key: 'import.refusal.uploadNotText', params: { reason } } : null;
}

/** A header the rows cannot be read against: say which columns are missing, repeated, or run together. */
function headerProblems(header: string[]): void {
	if (header.length === 1) {
		const separator = [';', '\t', '|'].find((s) => header[0]?.includes(s));
		if (separator) {
			const name = separator === '\t' ? 'tabs' : separator === ';' ? 'semicolons' : 'pipes';
			throw new ImportRejected(422, [{ key: 'import.refusal.separator', params: { separator: { key: `import.separator.${name}` } } }]);
		}
	}
	if (header.length > MAX_COLUMNS) {
		throw new ImportRejected(422, [
			{ key: 'import.refusal.headerColumns', params: { count: header.length, max: MAX_COLUMNS, columns: DATASET_COLUMNS.join(', ') } }
		]);
	}
	const missing = DATASET_COLUMNS.filter((c) => !header.includes(c));
	if (missing.length > 0) {
		throw new ImportRejected(422, [
			{ key: 'import.refusal.missingColumns', params: { columns: DATASET_COLUMNS.join(', '), missing: missing.join(', ') } }
		]);
	}
	const repeated = duplicateNames(header);
	if (repeated.length > 0) {
		throw new ImportRejected(422, [{ key: 'import.refusal.repeated', params: { names: repeated.map((c) => `"${c}"`).join(', ') } }]);
	}
}
