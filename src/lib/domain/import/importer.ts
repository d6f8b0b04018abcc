import type { ParseError } from 'papaparse';
import { ColumnarBuilder, type ColumnarCoverage } from './dataset';
import type { ColumnMapping } from './formats';
import { fieldCountReason } from './limits';
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
	/** Records parsed so far, header included, to place syntax errors of later chunks. */
	private records = 0;

	constructor(
		private columns: string[],
		private mapping: ColumnMapping,
		private hasHeader: boolean
	) {
		this.index = new Map(columns.map((c, i) => [c, i]));
		this.mapper = new RowMapper(this.index, mapping);
		this.row = hasHeader ? 1 : 0;
	}

	/** Records seen so far (valid or not). */
	get rows(): number {
		return this.report.rowsSeen;
	}

	/**
	 * One parsed chunk: its records (the header too, if the file has one) and papaparse's errors,
	 * whose `row` counts records within the chunk. A record with a syntax error is not imported:
	 * its cells are whatever the parser made of the broken quoting.
	 */
	pushChunk(records: string[][], errors: ParseError[] = []): void {
		const broken = new Map<number, string>();
		for (const error of errors) {
			if (error.code === 'UndetectableDelimiter' || error.row === undefined) continue;
			const reason = syntaxReason(error);
			const earlier = broken.get(error.row);
			// A stray quote is usually also never closed; both explain what happened to the row.
			if (earlier === undefined) broken.set(error.row, reason);
			else if (!earlier.includes(reason)) broken.set(error.row, `${earlier}; ${reason}`);
		}
		const first = this.records;
		this.records += records.length;
		records.forEach((record, i) => {
			const reason = broken.get(i);
			if (first + i === 0 && this.hasHeader) {
				if (reason) this.report.add({ row: 1, column: '', kind: 'syntax', reason });
				return;
			}
			this.push(record, reason);
		});
	}

	push(cells: string[], syntax?: string): void {
		const row = ++this.row;
		if (syntax) {
			this.report.addRow([{ row, column: '', kind: 'syntax', reason: syntax }]);
			return;
		}
		if (cells.length !== this.columns.length) {
			this.report.addRow([{ row, column: '', kind: 'fields', reason: fieldCountReason(cells, this.columns.length) }]);
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

/** papaparse's terse messages, said so that a researcher knows what to look for in the file. */
function syntaxReason(error: ParseError): string {
	switch (error.code) {
		case 'MissingQuotes':
			return 'a quote (") opens a cell that is never closed, so the rest of the file was read as one cell';
		case 'InvalidQuotes':
			return 'a quoted cell has more text after its closing quote (") — a quote inside a cell must be doubled ("")';
		default:
			return error.message;
	}
}
