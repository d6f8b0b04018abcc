import { DATASET_EXPORT_COLUMNS } from '$lib/domain/import/dataset';
import { stanceCell } from '$lib/domain/import/dataset';
import { csvLines } from '$lib/domain/ledger/table';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import type { RowFilter, Store } from './storage/types';

/** Rows read per query: a page's CSV is about a megabyte. */
export const CSV_PAGE_ROWS = 10_000;

/**
 * A dataset's rows as one CSV file, read page by page only as fast as the client takes it
 * (`pull`), so an export holds one page in memory whatever the dataset's size. The text is what
 * toCsv gives for all the rows at once.
 */
export function datasetCsvStream(db: Store, datasetId: string, filter: RowFilter, pageRows = CSV_PAGE_ROWS): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const columns = [...DATASET_EXPORT_COLUMNS];
	let offset = 0;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const rows = await db.rows(datasetId, filter, pageRows, offset);
				const first = offset === 0;
				if (first || rows.length > 0) {
					const lines = csvLines(columns, rows.map(csvRow), first);
					controller.enqueue(encoder.encode(first ? lines : `\r\n${lines}`));
				}
				offset += rows.length;
				if (rows.length < pageRows) controller.close();
			}
		},
		{ highWaterMark: 0 }
	);
}

const csvRow = (r: DatasetRow) => ({ ...r, frames: r.frames.join(';'), stances: stanceCell(r.stances) });
