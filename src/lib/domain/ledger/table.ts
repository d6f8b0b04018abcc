import Papa from 'papaparse';
import type { z } from 'zod';

/**
 * A problem in a CSV file, located the way a spreadsheet shows it: the header is row 1,
 * so the first record is row 2. `column` is the header name, or '' for whole-row problems.
 */
export interface TableIssue {
	file: string;
	row: number;
	column: string;
	reason: string;
}

export function formatIssue(issue: TableIssue): string {
	return `${issue.file}:${issue.row}:${issue.column || '*'} — ${issue.reason}`;
}

export class DataError extends Error {
	constructor(readonly issues: TableIssue[]) {
		super(
			`${issues.length} problem${issues.length === 1 ? '' : 's'} in the data:\n` +
				issues.slice(0, 50).map(formatIssue).join('\n') +
				(issues.length > 50 ? `\n… and ${issues.length - 50} more` : '')
		);
		this.name = 'DataError';
	}
}

export interface ParsedTable<T> {
	rows: T[];
	/** The spreadsheet row of each parsed record, parallel to `rows`. */
	rowNumbers: number[];
	/**
	 * The `id` cell of every record, valid or not, so that a reference to a row that failed
	 * validation is not reported a second time as unknown.
	 */
	ids: Set<string>;
	issues: TableIssue[];
}

type ObjectSchema = z.ZodType & { shape: Record<string, z.ZodType> };

/**
 * Parse a whole CSV text against a row schema. Header problems stop the parse (every row
 * would be wrong); row problems are collected so that one run reports all of them.
 */
export function parseTable<S extends ObjectSchema>(file: string, text: string, schema: S): ParsedTable<z.infer<S>> {
	const issues: TableIssue[] = [];
	const rows: z.infer<S>[] = [];
	const rowNumbers: number[] = [];
	const ids = new Set<string>();
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (body.trim() === '') {
		return { rows, rowNumbers, ids, issues: [{ file, row: 1, column: '', reason: 'the file is empty' }] };
	}

	const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy' });
	for (const error of parsed.errors) {
		// papaparse counts records from 0 without the header; a spreadsheet counts from 1 with it.
		issues.push({
			file,
			row: (error.row ?? 0) + 1,
			column: '',
			reason: `CSV syntax: ${error.message}`
		});
	}
	if (issues.length > 0) return { rows, rowNumbers, ids, issues };

	const [header = [], ...records] = parsed.data;
	const columns = header.map((name) => name.trim());
	const expected = Object.keys(schema.shape);
	const seen = new Set<string>();
	for (const name of columns) {
		if (seen.has(name)) issues.push({ file, row: 1, column: name, reason: 'duplicate column' });
		seen.add(name);
		if (!expected.includes(name)) {
			issues.push({
				file,
				row: 1,
				column: name,
				reason: `unknown column; expected ${expected.join(', ')}`
			});
		}
	}
	for (const name of expected) {
		if (!seen.has(name)) issues.push({ file, row: 1, column: name, reason: 'missing column' });
	}
	if (issues.length > 0) return { rows, rowNumbers, ids, issues };

	records.forEach((record, index) => {
		const row = index + 2;
		if (record.length !== columns.length) {
			issues.push({
				file,
				row,
				column: '',
				reason: `has ${record.length} fields; the header has ${columns.length}`
			});
			return;
		}
		const raw: Record<string, string> = {};
		columns.forEach((name, i) => (raw[name] = record[i] ?? ''));
		if (raw.id !== undefined) ids.add(raw.id.trim());
		const result = schema.safeParse(raw);
		if (result.success) {
			rows.push(result.data);
			rowNumbers.push(row);
		} else {
			for (const problem of result.error.issues) {
				issues.push({ file, row, column: String(problem.path[0] ?? ''), reason: problem.message });
			}
		}
	});
	return { rows, rowNumbers, ids, issues };
}

/**
 * Serialise rows back to CSV; every CSV the app writes goes through here, so every cell, the
 * header row included (a chart's series names are outlets from uploads), is neutralised alike.
 */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
	return csvLines(columns, rows, true);
}

/**
 * A CSV made for a spreadsheet: a teacher's results open in Excel, which reads a UTF-8 file without
 * a byte order mark in the system's code page and garbles Cyrillic names. R and pandas take the
 * mark as part of the first column's name, so files meant for analysis go without it.
 */
export function spreadsheetCsv(columns: string[], rows: Record<string, unknown>[]): string {
	return `\uFEFF${toCsv(columns, rows)}`;
}

/**
 * Rows as CSV lines without a trailing newline, with the header line first if asked: a file
 * written in parts joins them with '\r\n' into exactly what toCsv gives for all its rows.
 */
export function csvLines(columns: string[], rows: Record<string, unknown>[], header: boolean): string {
	return Papa.unparse(
		{ fields: columns.map(neutraliseCell), data: rows.map((row) => columns.map((c) => neutraliseCell(row[c]))) },
		{ newline: '\r\n', header }
	);
}

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab/CR) as formulas; prefixing an
 * apostrophe keeps exported text inert. Numbers are left alone so negative counts stay numbers.
 */
export function neutraliseCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const text = Array.isArray(value) ? value.join(';') : String(value);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
