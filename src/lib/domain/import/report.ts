import { toCsv } from '../ledger/table';

/**
 * The validation report of an upload: problems grouped by kind with totals, the first few of
 * each kind for the page, and the full list for a CSV download.
 */
export const ISSUE_KINDS = {
	fields: 'Rows with the wrong number of fields',
	date: 'Dates that are not dates',
	number: 'Counts that are not numbers',
	empty: 'Required cells that are empty',
	url: 'Malformed web addresses',
	syntax: 'CSV syntax errors',
	other: 'Other problems'
} as const;
export type IssueKind = keyof typeof ISSUE_KINDS;

export interface RowIssue {
	/** Spreadsheet row: with a header line, the first record is row 2. */
	row: number;
	/** Source column, '' for whole-row problems. */
	column: string;
	kind: IssueKind;
	/** Starts with the offending value where there is one: `"31/02/2024" is not a date`. */
	reason: string;
}

const ROW_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** `row 1,204, column publish_date: "31/02/2024" is not a date` */
export function formatRowIssue(issue: RowIssue): string {
	const where = `row ${ROW_NUMBER.format(issue.row)}`;
	return issue.column ? `${where}, column ${issue.column}: ${issue.reason}` : `${where}: ${issue.reason}`;
}

export interface IssueGroup {
	kind: IssueKind;
	label: string;
	total: number;
	examples: RowIssue[];
}

export interface ValidationReport {
	rows: number;
	validRows: number;
	invalidRows: number;
	groups: IssueGroup[];
	/** Every issue, up to `MAX_KEPT_ISSUES`; `issuesDropped` says how many more there were. */
	issues: RowIssue[];
	issuesDropped: number;
}

/** How the import changed the file's shape, so the report can say where rows came from. */
export interface ShapeChanges {
	reshaped: {
		periods: number;
		/** File rows read; each gave up to `periods` values. */
		records: number;
		/** Period cells that held a value and became rows (valid or not). */
		values: number;
		/** Empty period cells: missing, not zero, so no row. */
		missing: number;
		/** Period columns marked as estimates ("2024e") and how many valid rows they gave. */
		estimateColumns: string[];
		estimateRows: number;
	} | null;
	split: {
		column: string;
		/** File rows whose outlet cell named several outlets, and the rows they became. */
		rows: number;
		becameRows: number;
		examples: { row: number; cell: string; outlets: string[] }[];
	} | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${ROW_NUMBER.format(n)} ${n === 1 ? one : many}`;
const list = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** The shape changes in the words the report shows. */
export function shapeNotes(changes: ShapeChanges): string[] {
	const notes: string[] = [];
	const { reshaped, split } = changes;
	if (reshaped) {
		notes.push(
			`Reshaped: ${plural(reshaped.periods, 'period column')} turned ${plural(reshaped.records, 'file row')} into ${plural(reshaped.values, 'row')}, one per series and period; the counts below are of these rows.`
		);
		if (reshaped.missing > 0) notes.push(`${plural(reshaped.missing, 'empty cell')} left out as missing values, not zeros.`);
		if (reshaped.estimateColumns.length > 0) {
			notes.push(
				`Estimates: ${plural(reshaped.estimateRows, 'value')} come from ${list(reshaped.estimateColumns)}, which the file marks as estimates; they are charted as the periods they name, like measured values.`
			);
		}
	}
	if (split && split.rows > 0) {
		notes.push(
			`Several outlets in one cell: ${plural(split.rows, 'row')} of column “${split.column}” named more than one outlet and became ${plural(split.becameRows, 'row')}, one per outlet, each an appearance of the story.`
		);
		for (const e of split.examples) notes.push(`row ${ROW_NUMBER.format(e.row)}: “${e.cell}” → ${list(e.outlets)}`);
	}
	return notes;
}

export const EXAMPLES_PER_KIND = 5;
/** A file with a systematic problem can have an issue on every row; keep the download bounded. */
export const MAX_KEPT_ISSUES = 100_000;

export class ReportBuilder {
	private rows = 0;
	private invalid = 0;
	private groups = new Map<IssueKind, IssueGroup>();
	private issues: RowIssue[] = [];
	private dropped = 0;

	/** Record one row's outcome; a row with any issue is invalid and is not imported. */
	addRow(issues: readonly RowIssue[]): void {
		this.rows++;
		if (issues.length === 0) return;
		this.invalid++;
		for (const issue of issues) this.add(issue);
	}

	/** A problem outside any row's mapping (e.g. CSV syntax) that does not decide a row's fate. */
	add(issue: RowIssue): void {
		let group = this.groups.get(issue.kind);
		if (!group) this.groups.set(issue.kind, (group = { kind: issue.kind, label: ISSUE_KINDS[issue.kind], total: 0, examples: [] }));
		group.total++;
		if (group.examples.length < EXAMPLES_PER_KIND) group.examples.push(issue);
		if (this.issues.length < MAX_KEPT_ISSUES) this.issues.push(issue);
		else this.dropped++;
	}

	get rowsSeen(): number {
		return this.rows;
	}

	build(): ValidationReport {
		const order = Object.keys(ISSUE_KINDS) as IssueKind[];
		return {
			rows: this.rows,
			validRows: this.rows - this.invalid,
			invalidRows: this.invalid,
			groups: [...this.groups.values()].sort((a, b) => b.total - a.total || order.indexOf(a.kind) - order.indexOf(b.kind)),
			issues: this.issues,
			issuesDropped: this.dropped
		};
	}
}

/** The full error list as CSV, through the one exporter that neutralises formula cells. */
export function issuesCsv(issues: RowIssue[]): string {
	return toCsv(
		['row', 'column', 'kind', 'problem', 'message'],
		issues.map((i) => ({ row: i.row, column: i.column, kind: i.kind, problem: i.reason, message: formatRowIssue(i) }))
	);
}
