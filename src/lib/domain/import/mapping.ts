import { ImportedCoverageRowSchema, type ImportedCoverageRow } from '../schemas';
import { parseDate } from './dates';
import type { ColumnMapping } from './formats';
import { parseNumber } from './numbers';
import { domainOf } from './outlets';
import type { IssueKind, RowIssue } from './report';

/** What is missing before a mapping can run; empty when it is complete. */
export function mappingProblems(mapping: ColumnMapping, columns: string[]): string[] {
	const problems: string[] = [];
	const { reshape } = mapping;
	if (reshape) {
		// Date, count and series come from the reshape; the date and count choices are not used.
		if (reshape.periods.length === 0) problems.push('The file has no period columns to turn into rows.');
		if (reshape.series.length === 0 && mapping.outletConstant.trim() === '') problems.push('Choose the columns that name each series, or name the series.');
	} else {
		if (!mapping.date) problems.push('Choose the column that holds the date.');
		else if (!mapping.dateFormat) problems.push('Choose how the dates are written.');
		if (!mapping.outlet && !mapping.outletUrl && mapping.outletConstant.trim() === '') {
			problems.push(mapping.count ? 'Choose the series column, or name the series.' : 'Choose the outlet column, or a web address column to take outlets from.');
		}
	}
	const fields = reshape
		? (['group', 'event', 'language', 'title', 'url', 'frames'] as const)
		: (['date', 'outlet', 'outletUrl', 'group', 'event', 'language', 'title', 'url', 'frames', 'count'] as const);
	const named = [...fields.map((f) => mapping[f]), ...(reshape ? [...reshape.periods, ...reshape.series] : [])];
	const known = new Set(columns);
	for (const name of named) if (name && !known.has(name)) problems.push(`The file has no column "${name}".`);
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
export function invisibleToPlain(value: string): string {
	return value.replace(/[\u200B\uFEFF]/g, '').replace(/[\u00A0\u202F]/g, ' ');
}

/** A mapped column's cell, normalised and trimmed; '' for an unmapped column. */
function readCell(cells: string[], index: Map<string, number>, column: string | null): string {
	return column === null ? '' : invisibleToPlain(cells[index.get(column) ?? -1] ?? '').trim();
}

/** A cell shortened for a message or a table; the full value is still imported. */
export const clip = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 3)}…` : value);
const quote = (value: string) => JSON.stringify(clip(value));

/**
 * Convert one record's cells into a coverage row and check it with the shared schema. Every
 * problem names the source column the researcher knows, not the field it was mapped to.
 */
export function mapRow(cells: string[], index: Map<string, number>, mapping: ColumnMapping, row: number): MappedRow {
	const issues: RowIssue[] = [];
	const cell = (column: string | null) => readCell(cells, index, column);
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

const FAIL = Symbol('invalid');
// Beyond this many distinct values a column is mostly unique (titles, links): caching would only cost memory.
const MAX_CACHED = 50_000;
const FIELDS = ImportedCoverageRowSchema.shape;

/**
 * mapRow for a whole file, converting and validating each distinct cell value once. Most
 * columns repeat (dates, outlets, groups, frame lists, languages), so a million rows need a few
 * thousand zod checks instead of nine million; titles and links are still checked on every row.
 * Fields are independent in the schema (no object-level rules), so checking them one by one
 * accepts exactly the rows the whole-row check accepts. Any row that fails anything goes
 * through mapRow itself, so the issues reported are the same, word for word.
 */
export class RowMapper {
	private caches = new Map<string, Map<string, unknown>>();

	constructor(
		private index: Map<string, number>,
		private mapping: ColumnMapping
	) {}

	map(cells: string[], row: number): MappedRow {
		const fast = this.fast(cells);
		return fast ? { row: fast, issues: [] } : mapRow(cells, this.index, this.mapping, row);
	}

	private memo(field: string, raw: string, convert: (raw: string) => unknown): unknown {
		let cache = this.caches.get(field);
		if (!cache) this.caches.set(field, (cache = new Map()));
		let value = cache.get(raw);
		if (value === undefined && !cache.has(raw)) {
			value = convert(raw);
			if (cache.size < MAX_CACHED) cache.set(raw, value);
		}
		return value;
	}

	private fast(cells: string[]): ImportedCoverageRow | null {
		const { mapping } = this;
		const cell = (column: string | null) => readCell(cells, this.index, column);
		const check = (field: keyof typeof FIELDS, value: unknown) => {
			const result = FIELDS[field].safeParse(value);
			return result.success ? result.data : FAIL;
		};

		const date = this.memo('date', cell(mapping.date), (raw) => {
			const parsed = raw !== '' && mapping.dateFormat ? parseDate(raw, mapping.dateFormat) : null;
			return parsed === null ? FAIL : check('date', parsed);
		});
		const count = mapping.count
			? this.memo('count', cell(mapping.count), (raw) => {
					const n = raw === '' ? null : parseNumber(raw, mapping.decimal);
					return n === null ? FAIL : check('count', n);
				})
			: 1;
		const outletName = cell(mapping.outlet);
		// Outlets taken from web addresses are rare and per row; mapRow handles them.
		if (outletName === '') return null;
		const outlet = this.memo('outlet', outletName, (raw) => check('outlet', raw));
		const group = this.memo('group', cell(mapping.group), (raw) => check('group', raw));
		const event = this.memo('event', cell(mapping.event), (raw) => check('event', raw));
		const language = this.memo('language', cell(mapping.language), (raw) => check('language', raw.toLowerCase()));
		const frames = this.memo('frames', cell(mapping.frames), (raw) =>
			check('frames', raw === '' ? [] : [...new Set(raw.split(mapping.framesSeparator || ';').map((f) => f.trim()).filter((f) => f !== ''))])
		);
		const title = check('title', cell(mapping.title));
		const url = check('url', cell(mapping.url));
		if (date === FAIL || count === FAIL || outlet === FAIL || group === FAIL || event === FAIL || language === FAIL || frames === FAIL || title === FAIL || url === FAIL) {
			return null;
		}
		return {
			date: date as string,
			outlet: outlet as string,
			group: group as string,
			event: event as string,
			language: language as string,
			title: title as string,
			url: url as string,
			// A copy per row: rows must not share one mutable array.
			frames: [...(frames as string[])],
			count: count as number
		};
	}
}
