import { ColumnarBuilder, type ColumnarCoverage } from './dataset';
import type { ColumnMapping } from './formats';
import { RowMapper } from './mapping';
import { domainOf, type UploadedOutlet } from './outlets';
import { ReportBuilder, type ValidationReport } from './report';

export interface ImportResult {
	report: ValidationReport;
	data: ColumnarCoverage;
	outlets: UploadedOutlet[];
	/** Distinct frame values in the valid rows, for the frames step. */
	frames: string[];
	range: { start: string; end: string } | null;
}

/**
 * Turns parsed records into valid coverage rows and a report, one record at a time, so a
 * streaming parser can feed it chunk by chunk without holding the file.
 */
export class Importer {
	private report = new ReportBuilder();
	private data = new ColumnarBuilder();
	private index: Map<string, number>;
	private mapper: RowMapper;
	private row: number;
	private frames = new Set<string>();
	private start = '';
	private end = '';

	constructor(
		private columns: string[],
		private mapping: ColumnMapping,
		hasHeader: boolean
	) {
		this.index = new Map(columns.map((c, i) => [c, i]));
		this.mapper = new RowMapper(this.index, mapping);
		this.row = hasHeader ? 1 : 0;
	}

	/** Records seen so far (valid or not). */
	get rows(): number {
		return this.report.rowsSeen;
	}

	push(cells: string[]): void {
		const row = ++this.row;
		if (cells.length !== this.columns.length) {
			this.report.addRow([
				{ row, column: '', kind: 'fields', reason: `has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${this.columns.length}` }
			]);
			return;
		}
		const mapped = this.mapper.map(cells, row);
		this.report.addRow(mapped.issues);
		if (!mapped.row) return;
		const urlColumn = this.mapping.outletUrl ?? this.mapping.url;
		// Only an outlet's first domain is kept, so the URL is parsed only until one is found.
		const domain = urlColumn && !this.data.hasDomain(mapped.row.outlet) ? domainOf(cells[this.index.get(urlColumn) ?? -1] ?? '') : '';
		this.data.add(mapped.row, domain);
		for (const f of mapped.row.frames) this.frames.add(f);
		if (this.start === '' || mapped.row.date < this.start) this.start = mapped.row.date;
		if (mapped.row.date > this.end) this.end = mapped.row.date;
	}

	/** A CSV syntax problem at a 0-based record index counted over the whole file, header included. */
	syntaxError(record: number, message: string): void {
		this.report.add({ row: record + 1, column: '', kind: 'syntax', reason: message });
	}

	finish(): ImportResult {
		return {
			report: this.report.build(),
			data: this.data.build(),
			outlets: [...this.data.outlets.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)),
			frames: [...this.frames].sort(),
			range: this.start ? { start: this.start, end: this.end } : null
		};
	}
}
