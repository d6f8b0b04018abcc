import { DATASET_EXPORT_COLUMNS } from '$lib/domain/import/dataset';
import { stanceCell } from '$lib/domain/import/dataset';
import { csvLines } from '$lib/domain/ledger/table';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import type { RowFilter, Store } from './storage/types';

/**
 * Rows written per piece of the file: a few milliseconds of this thread, after which the export
 * waits a turn of the event loop, so page requests that arrived meanwhile are answered first
 * and a busy server gives the export only the time its pages leave over.
 */
const PIECE_ROWS = 256;

/**
 * A dataset's rows as one CSV file, read batch by batch only as fast as the client takes it
 * (`pull`), so an export holds one batch in memory whatever the dataset's size. The text is what
 * toCsv gives for all the rows at once. `batchRows` is how many rows the store reads at a time,
 * by default what suits its engine.
 */
export function datasetCsvStream(db: Store, datasetId: string, filter: RowFilter, batchRows?: number): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const columns = [...DATASET_EXPORT_COLUMNS];
	const batches = db.rowBatches(datasetId, filter, batchRows)[Symbol.asyncIterator]();
	let batch: DatasetRow[] = [];
	let written = 0;
	let first = true;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				await new Promise((resolve) => setImmediate(resolve));
				if (written === batch.length) {
					const next = await batches.next();
					batch = next.done ? [] : next.value;
					written = 0;
				}
				const piece = batch.slice(written, written + PIECE_ROWS);
				written += piece.length;
				if (first || piece.length > 0) {
					const lines = csvLines(columns, piece.map(csvRow), first);
					controller.enqueue(encoder.encode(first ? lines : `\r\n${lines}`));
					first = false;
				}
				if (piece.length === 0) controller.close();
			},
			async cancel() {
				await batches.return?.();
			}
		},
		{ highWaterMark: 0 }
	);
}

const csvRow = (r: DatasetRow) => ({ ...r, frames: r.frames.join(';'), stances: stanceCell(r.stances) });
