import { isRealIsoDate } from '../ledger/schemas';
import type { ColumnMapping, Reshape } from './formats';
import { invisibleToPlain } from './mapping';
import { isMissingMark } from './numbers';
import type { RowIssue } from './report';

/**
 * Wide tables: one row per series and one column per period (`Country;2014;2015;…;2024e`,
 * `outlet,2023-01,2023-02,…`), as statistics offices and spreadsheets publish them. Each cell
 * is reshaped into the long form the rest of the import reads: a count for (series, period).
 */

/** The first day of the period a header names, and whether the file marks it as an estimate. */
export interface Period {
	date: string;
	estimate: boolean;
}

/**
 * A year, year-month or ISO date, optionally followed by an estimate mark: `2024e`, `2024 est.`,
 * `2024 (e)`, `2024*`. An estimate counts as its period (there is nothing else to chart it as)
 * and the report says which columns were estimates.
 */
const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*(e|est\.?|\(e\)|\(est\.?\)|\*)?$/i;
// Headers like "1000" or "9999" are numbers, not years; coverage data lies well within these.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

export function parsePeriod(header: string): Period | null {
	const match = PERIOD.exec(header.trim());
	if (!match) return null;
	const [, year = '', month = '01', day = '01', mark] = match;
	const date = `${year}-${month}-${day}`;
	if (Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR || !isRealIsoDate(date)) return null;
	return { date, estimate: mark !== undefined };
}

/** A table is wide when at least this many of its headers are periods. */
export const MIN_PERIOD_COLUMNS = 2;

/** The headers that name periods, or [] when too few do for the table to be wide. */
export function periodColumns(columns: string[]): string[] {
	const periods = columns.filter((c) => parsePeriod(c) !== null);
	return periods.length >= MIN_PERIOD_COLUMNS ? periods : [];
}

/** The default reshape for a wide header: every period column, named by the first other column. */
export function defaultReshape(columns: string[]): Reshape | null {
	const periods = periodColumns(columns);
	if (periods.length === 0) return null;
	return { periods, series: columns.filter((c) => !periods.includes(c)).slice(0, 1) };
}

// Long-form columns the reshape adds. No header can hold a NUL (binary files are refused), so
// these never clash with the file's own names.
const PERIOD_COLUMN = '\u0000period';
const VALUE_COLUMN = '\u0000value';
const SERIES_COLUMN = '\u0000series';

export interface PeriodColumn extends Period {
	/** The header as the file has it, e.g. "2024e": problems are reported against it. */
	column: string;
	index: number;
}

/** How one wide record becomes long records; built once per import. */
export interface ReshapePlan {
	/** Long-form header: the file's other columns, then period, value and series. */
	columns: string[];
	/** The mapping to read long records with: date, count and outlet come from the added columns. */
	mapping: ColumnMapping;
	periods: PeriodColumn[];
	/** Index of each kept (non-period) column in the file's record. */
	kept: number[];
	/** Index of each series column in the file's record. */
	series: number[];
}

export function reshapePlan(columns: string[], mapping: ColumnMapping, reshape: Reshape): ReshapePlan {
	const periodNames = new Set(reshape.periods);
	const kept = columns.flatMap((c, i) => (periodNames.has(c) ? [] : [i]));
	const periods = reshape.periods.flatMap((column) => {
		const period = parsePeriod(column);
		const index = columns.indexOf(column);
		return period && index !== -1 ? [{ ...period, column, index }] : [];
	});
	return {
		columns: [...kept.map((i) => columns[i]!), PERIOD_COLUMN, VALUE_COLUMN, SERIES_COLUMN],
		mapping: {
			...mapping,
			date: PERIOD_COLUMN,
			dateFormat: 'iso',
			count: VALUE_COLUMN,
			outlet: reshape.series.length > 0 ? SERIES_COLUMN : null,
			outletUrl: null,
			outletSeparator: '',
			reshape: null
		},
		periods,
		kept,
		series: reshape.series.map((c) => columns.indexOf(c)).filter((i) => i !== -1)
	};
}

export interface LongRecord {
	cells: string[];
	period: PeriodColumn;
}

export interface Reshaped {
	/** One record per period cell with a value, to be read with the plan's mapping. */
	records: LongRecord[];
	/** Period cells left empty or marked missing (".."): missing values, not zeros, so they make no row. */
	missing: number;
}

/** Several identifier columns name a series together: "Germany – Print". */
export const SERIES_JOIN = ' – ';

export function reshapeRecord(cells: string[], plan: ReshapePlan): Reshaped {
	const kept = plan.kept.map((i) => cells[i] ?? '');
	const series = plan.series
		.map((i) => invisibleToPlain(cells[i] ?? '').trim())
		.filter((v) => v !== '')
		.join(SERIES_JOIN);
	const records: LongRecord[] = [];
	let missing = 0;
	for (const period of plan.periods) {
		const raw = cells[period.index] ?? '';
		const plain = invisibleToPlain(raw).trim();
		if (plain === '' || isMissingMark(plain)) missing++;
		else records.push({ cells: [...kept, period.date, raw, series], period });
	}
	return { records, missing };
}

/** A long record's problem, said about the file's own row and column: `row 3, column 2015`. */
export function wideIssue(issue: RowIssue, period: PeriodColumn, reshape: Reshape): RowIssue {
	if (issue.column === VALUE_COLUMN || issue.column === PERIOD_COLUMN) return { ...issue, column: period.column };
	if (issue.column === SERIES_COLUMN) return { ...issue, column: reshape.series.join(', ') };
	return issue;
}
