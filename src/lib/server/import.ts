import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Papa from 'papaparse';
import { DATASET_COLUMNS, DATASET_MAPPING } from '$lib/domain/dataset';
import { RowMapper } from '$lib/domain/import/mapping';
import { formatRowIssue, type RowIssue } from '$lib/domain/import/report';
import type { ImportedCoverageRow } from '$lib/domain/schemas';

export const LIMITS = {
	/** Upload size in bytes; PARALLAX_UPLOAD_MAX_BYTES, default 200 MB. */
	bytes: Number(process.env.PARALLAX_UPLOAD_MAX_BYTES ?? 200 * 1024 * 1024),
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

const BATCH = 10_000;
const MAX_PROBLEMS = 20;

/**
 * Stream a dataset CSV (DATASET_COLUMNS) into validated batches. Every row is checked again
 * with the same mapping and schema the browser used; the first invalid row, an oversize body or
 * too many rows throws, and because the store consumes this inside one transaction, nothing is
 * kept.
 */
export async function* datasetBatches(
	body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array>,
	limits = LIMITS
): AsyncGenerator<ImportedCoverageRow[]> {
	let bytes = 0;
	// Decoding here, with `stream: true`, keeps a character whose bytes straddle two network
	// chunks intact; papaparse would decode each chunk on its own.
	const decoder = new TextDecoder('utf-8');
	const counter = new Transform({
		readableObjectMode: true,
		transform(chunk: Buffer, _encoding, done) {
			bytes += chunk.length;
			if (bytes > limits.bytes) done(new ImportRejected(413, [tooLarge(limits.bytes)]));
			else done(null, decoder.decode(chunk, { stream: true }));
		},
		flush(done) {
			done(null, decoder.decode());
		}
	});
	const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: 'greedy' }) as unknown as NodeJS.ReadWriteStream;
	const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
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
				const missing = DATASET_COLUMNS.filter((c) => !header?.includes(c));
				if (missing.length > 0) {
					throw new ImportRejected(422, [
						`The file's header must have the columns ${DATASET_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.`
					]);
				}
				mapper = new RowMapper(new Map(header.map((c, i) => [c, i])), DATASET_MAPPING);
				continue;
			}
			row += 1;
			if (row - 1 > limits.rows) {
				throw new ImportRejected(413, [`The file has more than ${limits.rows.toLocaleString('en-GB')} rows, the most one dataset may hold.`]);
			}
			if (record.length !== header.length) {
				problems.push({ row, column: '', kind: 'fields', reason: `has ${record.length} fields; the header has ${header.length}` });
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
		throw new ImportRejected(400, [`The upload could not be read: ${error instanceof Error ? error.message : String(error)}`]);
	} finally {
		source.destroy();
	}
	if (!header) throw new ImportRejected(422, ['The file is empty.']);
	if (problems.length > 0) throw new ImportRejected(422, problems.map(formatRowIssue));
	if (row === 1) throw new ImportRejected(422, ['The file has a header but no rows.']);
	if (batch.length > 0) yield batch;
}

export function tooLarge(limit: number): string {
	return `The upload is larger than ${Math.round(limit / 1024 / 1024)} MB, the most this server accepts.`;
}
