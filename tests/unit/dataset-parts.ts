import { checkedOf } from '../../src/lib/domain/import/mapping';
import type { ImportedCoverageRow } from '../../src/lib/domain/ledger/schemas';
import { PartWriter, type DatasetPart } from '../../src/lib/server/storage/part';

/** Rows as the import hands them to a store: one part per group. */
export async function* parts(...groups: ImportedCoverageRow[][]): AsyncGenerator<DatasetPart> {
	const writer = new PartWriter();
	for (const group of groups) {
		for (const row of group) writer.add(checkedOf(row));
		yield writer.take();
	}
}

/** Every part's lines, as one text. */
export async function partsText(source: AsyncIterable<DatasetPart>): Promise<{ csv: string; rows: number }> {
	const decoder = new TextDecoder();
	let csv = '';
	let rows = 0;
	for await (const part of source) {
		csv += decoder.decode(part.csv);
		rows += part.rows;
	}
	return { csv, rows };
}
