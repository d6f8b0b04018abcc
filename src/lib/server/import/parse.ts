import { Readable, Transform } from 'node:stream';
import Papa from 'papaparse';
import { DATASET_COLUMNS, DATASET_MAPPING, STANCES_COLUMN } from '$lib/domain/import/dataset';
import { DEFAULT_MAX_BYTES, duplicateNames, fieldCountReason, MAX_COLUMNS, notTextReason, tooLarge } from '$lib/domain/import/limits';
import { checkedOf, RowMapper } from '$lib/domain/import/mapping';
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
	let bytes = 0;
	// Decoding here, with `stream: true`, keeps a character whose bytes straddle two network
	// chunks intact; papaparse would decode each chunk on its own. `fatal` refuses bytes that are
	// not UTF-8 instead of storing U+FFFD in their place.
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const counter = new Transform({
		readableObjectMode: true,
		transform(chunk: Buffer, _encoding, done) {
			const first = bytes === 0;
			bytes += chunk.length;
			if (bytes > limits.bytes) return done(new ImportRejected(413, [tooLarge(limits.bytes)]));
			if (first) {
				const refusal = notTextRefusal(chunk);
				if (refusal) return done(new ImportRejected(415, [refusal]));
			}
			try {
				done(null, decoder.decode(chunk, { stream: true }));
			} catch {
				done(new ImportRejected(415, [NOT_UTF8]));
			}
		},
		flush(done) {
			try {
				done(null, decoder.decode());
			} catch {
				done(new ImportRejected(415, [NOT_UTF8]));
			}
		}
	});
	// The browser always sends commas; guessing would let a semicolon file through half-understood.
	const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
		header: false,
		skipEmptyLines: 'greedy',
		delimiter: ','
	}) as unknown as NodeJS.ReadWriteStream;
	const source = Readable.from(chunks, { objectMode: false });
	source.on('error', (error) => parser.emit('error', error));
	counter.on('error', (error) => parser.emit('error', error));
	source.pipe(counter).pipe(parser);

	let header: string[] | undefined;
	let mapper: RowMapper | undefined;
	let row = 1;
	const part = new PartWriter();
	const problems: RowIssue[] = [];
	try {
		for await (const record of parser as AsyncIterable<string[]>) {
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
			if (problems.length >= MAX_PROBLEMS) break;
			if (part.rows >= PART_ROWS) yield part.take();
		}
	} catch (error) {
		if (error instanceof ImportRejected) throw error;
		throw unreadable(error);
	} finally {
		source.destroy();
	}
	if (!header) throw new ImportRejected(422, [{ key: 'import.refusal.empty' }]);
	if (problems.length > 0) throw new ImportRejected(422, problems);
	if (row === 1) throw new ImportRejected(422, [{ key: 'import.refusal.noRows' }]);
	if (part.rows > 0) yield part.take();
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
