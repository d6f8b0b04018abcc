import { Readable, Transform } from 'node:stream';
import Papa from 'papaparse';
import { DATASET_COLUMNS, DATASET_MAPPING } from '$lib/domain/import/dataset';
import { DEFAULT_MAX_BYTES, duplicateNames, fieldCountReason, MAX_COLUMNS, notTextReason, tooLarge } from '$lib/domain/import/limits';
import { RowMapper } from '$lib/domain/import/mapping';
import { formatRowIssue, type RowIssue } from '$lib/domain/import/report';
import type { ImportedCoverageRow } from '$lib/domain/ledger/schemas';

export const LIMITS = {
	/** Upload size in bytes; PARALLAX_UPLOAD_MAX_BYTES, default 200 MB. */
	bytes: Number(process.env.PARALLAX_UPLOAD_MAX_BYTES ?? DEFAULT_MAX_BYTES),
	/** Rows per dataset; PARALLAX_UPLOAD_MAX_ROWS, default 2,000,000. */
	rows: Number(process.env.PARALLAX_UPLOAD_MAX_ROWS ?? 2_000_000)
};

/** Why an upload was refused: an HTTP status and messages a researcher can act on. */
export class ImportRejected extends Error {
	constructor(
		readonly status: number,
		readonly problems: string[]
	) {
		super(problems[0] ?? 'The upload was refused.');
	}
}

// Each batch is appended on the main thread in one stretch; 2,000 rows keep that to a few ms.
const BATCH = 2_000;
const MAX_PROBLEMS = 20;

export type ImportLimits = typeof LIMITS;

/** What an import worker says to the thread that feeds it the upload. */
export type WorkerMessage =
	| { type: 'more' }
	| { type: 'batch'; rows: ImportedCoverageRow[] }
	| { type: 'rejected'; status: number; problems: string[] }
	| { type: 'done' };

/** What the feeding thread answers to `more`. */
export type WorkerInput = { type: 'chunk'; chunk: Uint8Array } | { type: 'end' };

/** The parse itself, on whichever thread calls it. */
export async function* parseDataset(chunks: AsyncIterable<Uint8Array>, limits: ImportLimits): AsyncGenerator<ImportedCoverageRow[]> {
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
	let batch: ImportedCoverageRow[] = [];
	const problems: RowIssue[] = [];
	try {
		for await (const record of parser as AsyncIterable<string[]>) {
			if (!header) {
				header = record.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
				headerProblems(header);
				mapper = new RowMapper(new Map(header.map((c, i) => [c, i])), DATASET_MAPPING);
				continue;
			}
			row += 1;
			if (row - 1 > limits.rows) {
				throw new ImportRejected(413, [
					`The file has more than ${limits.rows.toLocaleString('en-GB')} rows, the most one dataset may hold.`
				]);
			}
			if (record.length !== header.length) {
				problems.push({ row, column: '', kind: 'fields', reason: fieldCountReason(record, header.length) });
			} else {
				const mapped = mapper!.map(record, row);
				if (mapped.row) batch.push(mapped.row);
				else problems.push(...mapped.issues);
			}
			if (problems.length >= MAX_PROBLEMS) break;
			if (batch.length >= BATCH) {
				yield batch;
				batch = [];
			}
		}
	} catch (error) {
		if (error instanceof ImportRejected) throw error;
		throw unreadable(error);
	} finally {
		source.destroy();
	}
	if (!header) throw new ImportRejected(422, ['The file is empty.']);
	if (problems.length > 0) throw new ImportRejected(422, problems.map(formatRowIssue));
	if (row === 1) throw new ImportRejected(422, ['The file has a header but no rows.']);
	if (batch.length > 0) yield batch;
}

export function unreadable(error: unknown): ImportRejected {
	return new ImportRejected(400, [`The upload could not be read: ${error instanceof Error ? error.message : String(error)}`]);
}

const NOT_UTF8 = 'The upload is not UTF-8 text. Save the file as CSV (UTF-8) and upload it again.';

function notTextRefusal(head: Uint8Array): string | null {
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
		return 'The upload is UTF-16 text; this endpoint reads UTF-8. Save the file as CSV (UTF-8) and upload it again.';
	}
	const reason = notTextReason(head);
	return reason ? `The upload is not a text file: ${reason}` : null;
}

/** A header the rows cannot be read against: say which columns are missing, repeated, or run together. */
function headerProblems(header: string[]): void {
	if (header.length === 1) {
		const separator = [';', '\t', '|'].find((s) => header[0]?.includes(s));
		if (separator) {
			const name = separator === '\t' ? 'tabs' : separator === ';' ? 'semicolons' : 'pipes';
			throw new ImportRejected(422, [
				`The header is one column: the file seems to be separated by ${name}; this endpoint reads comma-separated files.`
			]);
		}
	}
	if (header.length > MAX_COLUMNS) {
		throw new ImportRejected(422, [
			`The header has ${header.length.toLocaleString('en-GB')} columns; at most ${MAX_COLUMNS.toLocaleString('en-GB')} are read. Send only the columns ${DATASET_COLUMNS.join(', ')}.`
		]);
	}
	const missing = DATASET_COLUMNS.filter((c) => !header.includes(c));
	if (missing.length > 0) {
		throw new ImportRejected(422, [
			`The file's header must have the columns ${DATASET_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.`
		]);
	}
	const repeated = duplicateNames(header);
	if (repeated.length > 0) {
		throw new ImportRejected(422, [
			`The header has ${repeated.map((c) => `"${c}"`).join(', ')} more than once; each column may appear only once.`
		]);
	}
}
