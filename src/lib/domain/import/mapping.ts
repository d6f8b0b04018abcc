import { ImportedCoverageRowSchema, type ImportedCoverageRow } from '../schemas';
import { parseDate } from './dates';
import type { ColumnMapping } from './formats';
import { parseNumber } from './numbers';
import { domainOf } from './outlets';
import type { IssueKind, RowIssue } from './report';

/** What is missing before a mapping can run; empty when it is complete. */
export function mappingProblems(mapping: ColumnMapping, columns: string[]): string[] {
	const problems: string[] = [];
	const known = new Set(columns);
	if (!mapping.date) problems.push('Choose the column that holds the date.');
	else if (!mapping.dateFormat) problems.push('Choose how the dates are written.');
	if (!mapping.outlet && !mapping.outletUrl && mapping.outletConstant.trim() === '') {
		problems.push(mapping.count ? 'Choose the series column, or name the series.' : 'Choose the outlet column, or a web address column to take outlets from.');
	}
	for (const field of ['date', 'outlet', 'outletUrl', 'group', 'event', 'language', 'title', 'url', 'frames', 'count'] as const) {
		const name = mapping[field];
		if (name && !known.has(name)) problems.push(`The file has no column "${name}".`);
	}
	return problems;
}

export interface MappedRow {
	row: ImportedCoverageRow | null;
	issues: RowIssue[];
}

/**
 * Zero-width spaces and stray BOMs pasted into exports make "TASS" and "TA\u200bSS" two outlets;
 * non-breaking spaces would survive trim(). Both are normalised before anything is compared.
 */
function invisibleToPlain(value: string): string {
	return value.replace(/[\u200B\uFEFF]/g, '').replace(/[\u00A0\u202F]/g, ' ');
}

const quote = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);

/**
 * Convert one record's cells into a coverage row and check it with the shared schema. Every
 * problem names the source column the researcher knows, not the field it was mapped to.
 */
export function mapRow(cells: string[], index: Map<string, number>, mapping: ColumnMapping, row: number): MappedRow {
	const issues: RowIssue[] = [];
	const cell = (column: string | null) => (column === null ? '' : invisibleToPlain(cells[index.get(column) ?? -1] ?? '').trim());
	const problem = (column: string | null, kind: IssueKind, reason: string) => issues.push({ row, column: column ?? '', kind, reason });

	let date = '';
	const rawDate = cell(mapping.date);
	if (rawDate === '') problem(mapping.date, 'empty', 'is empty');
	else if (mapping.dateFormat) {
		const parsed = parseDate(rawDate, mapping.dateFormat);
		if (parsed) date = parsed;
		else problem(mapping.date, 'date', `${quote(rawDate)} is not a date`);
	}

	let count = 1;
	if (mapping.count) {
		const raw = cell(mapping.count);
		const n = parseNumber(raw, mapping.decimal);
		if (raw === '') problem(mapping.count, 'empty', 'is empty');
		else if (n === null) problem(mapping.count, 'number', `${quote(raw)} is not a number`);
		else count = n;
	}

	const rawUrl = cell(mapping.url);
	const outletName = cell(mapping.outlet);
	const outlet = outletName || domainOf(cell(mapping.outletUrl)) || mapping.outletConstant.trim();
	const framesCell = cell(mapping.frames);
	const candidate = {
		date,
		outlet,
		group: cell(mapping.group),
		event: cell(mapping.event),
		language: cell(mapping.language).toLowerCase(),
		title: cell(mapping.title),
		url: rawUrl,
		frames: framesCell === '' ? [] : [...new Set(framesCell.split(mapping.framesSeparator || ';').map((f) => f.trim()).filter((f) => f !== ''))],
		count
	};
	const converted = issues.length;
	const result = ImportedCoverageRowSchema.safeParse(candidate);
	if (result.success && converted === 0) return { row: result.data, issues };
	if (result.success) return { row: null, issues };
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '');
		// A cell that failed conversion was reported already; the schema would only repeat it.
		if ((field === 'date' && (date === '' || rawDate === ''))) continue;
		const column = sourceColumn(field, mapping);
		const kind: IssueKind =
			field === 'url' ? 'url' : field === 'date' ? 'date' : issue.code === 'too_small' ? 'empty' : field === 'count' ? 'number' : 'other';
		problem(column, kind, kind === 'url' ? `${quote(rawUrl)} is not a web address` : issue.message === 'must not be empty' ? 'is empty' : issue.message);
	}
	return { row: null, issues };
}

function sourceColumn(field: string, mapping: ColumnMapping): string | null {
	if (field === 'outlet') return mapping.outlet ?? mapping.outletUrl;
	if (field === 'frames') return mapping.frames;
	const value = (mapping as unknown as Record<string, unknown>)[field];
	return typeof value === 'string' ? value : null;
}
