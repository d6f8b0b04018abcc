import { LANGUAGE_MAX } from '../languages';
import { TITLE_MAX } from '../ledger/schemas';
import { toCsv } from '../ledger/table';
import { counted, type ImportMessage } from './messages';

/**
 * The validation report of an upload: problems grouped by kind with totals, the first few of
 * each kind for the page, and the full list for a CSV download.
 */
export const ISSUE_KINDS = ['fields', 'date', 'number', 'empty', 'url', 'stance', 'syntax', 'other'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** The heading of a kind's group: "Dates that are not dates". */
export const issueKindLabel = (kind: IssueKind): ImportMessage => ({ key: `import.kind.${kind}` as const });

export interface RowIssue {
	/** Spreadsheet row: with a header line, the first record is row 2. */
	row: number;
	/** Source column, '' for whole-row problems. */
	column: string;
	kind: IssueKind;
	/** Starts with the offending value where there is one: `"31/02/2024" is not a date`. */
	reason: ImportMessage;
}

/** `row 1,204, column publish_date: "31/02/2024" is not a date` */
export function rowIssueMessage(issue: RowIssue): ImportMessage {
	return issue.column
		? { key: 'import.where.cell', params: { row: issue.row, column: issue.column, reason: issue.reason } }
		: { key: 'import.where.row', params: { row: issue.row, reason: issue.reason } };
}

/** What a refused server import lists: a refusal of the whole file, or a row's problem. */
export type ImportProblem = ImportMessage | RowIssue;

export const problemMessage = (problem: ImportProblem): ImportMessage => ('kind' in problem ? rowIssueMessage(problem) : problem);

export interface IssueGroup {
	kind: IssueKind;
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
		/** Outlets the split made that read as times, numbers or descriptions (a few). */
		doubts: string[];
	} | null;
	/**
	 * A series that is the total the others are part of (GDELT's "Total Monitored Articles"), if
	 * the file has one: charted as a count beside them, it dwarfs them. Absent from older results.
	 */
	total?: string | null;
	/**
	 * Rows whose link an earlier row of the file already had (the first of them as example):
	 * each is counted as an article, so the same story listed twice is counted twice. Absent
	 * from older results.
	 */
	repeats?: { rows: number; example: { row: number; url: string } | null };
	/**
	 * Rows kept although their link (in `column`) was not a web address: read with https:// put
	 * before it, or kept without a link. Absent from older results.
	 */
	links?: { column: string; https: LinkTally; none: LinkTally };
	/** Rows kept with their title (in `column`) cut at TITLE_MAX characters. Absent from older results. */
	titles?: { column: string; rows: number; example: { row: number; length: number } | null };
	/**
	 * Distinct language cells not kept as written (names read as codes, lists, long text), and the
	 * cells naming no language known (absent from older results). Each kind keeps its first
	 * LANGUAGE_EXAMPLES cells…
	 */
	languages: Record<Exclude<LanguageKind, 'unknown'>, LanguageExample[]> & {
		unknown?: LanguageExample[];
		/** …and how many distinct cells each kind had: a free-text column mapped as language has thousands. Older results listed every cell. */
		totals?: Record<LanguageKind, number>;
	};
}

export type LanguageKind = 'named' | 'several' | 'clipped' | 'unknown';

export interface LinkTally {
	rows: number;
	example: { row: number; cell: string } | null;
}

export interface LanguageExample {
	cell: string;
	value: string;
}

export const LANGUAGE_EXAMPLES = 8;

/** The first few of `total` items, said by `say`, with "…" when there are more. */
function firstFew<T>(items: T[], say: (item: T) => string, total = items.length): string {
	return items.slice(0, LANGUAGE_EXAMPLES).map(say).join(', ') + (total > LANGUAGE_EXAMPLES ? ', …' : '');
}

/** “Russian” → ru, “Ukrainian” → uk, … */
const readings = (examples: LanguageExample[], total: number) => firstFew(examples, (e) => `“${e.cell}” → ${e.value}`, total);

const list = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** The shape changes, as the notes the report shows. */
export function shapeNotes(changes: ShapeChanges): ImportMessage[] {
	const notes: ImportMessage[] = [];
	const { reshaped, split, languages } = changes;
	if (reshaped) {
		notes.push({
			key: 'import.note.reshaped',
			params: {
				periods: counted('import.n.periodColumn', reshaped.periods),
				records: counted('import.n.fileRow', reshaped.records),
				values: counted('import.n.row', reshaped.values)
			}
		});
		if (reshaped.missing > 0)
			notes.push({ key: 'import.note.missing', params: { cells: counted('import.n.emptyCell', reshaped.missing) } });
		if (reshaped.estimateColumns.length > 0) {
			notes.push({
				key: 'import.note.estimates',
				params: { values: counted('import.n.value', reshaped.estimateRows), columns: list(reshaped.estimateColumns) }
			});
		}
	}
	if (split && split.rows > 0) {
		notes.push({
			key: 'import.note.split',
			params: { rows: counted('import.n.row', split.rows), column: split.column, became: counted('import.n.row', split.becameRows) }
		});
		for (const e of split.examples)
			notes.push({ key: 'import.note.splitExample', params: { row: e.row, cell: e.cell, outlets: list(e.outlets) } });
		if (split.doubts.length > 0) notes.push({ key: 'import.note.splitDoubt', params: { pieces: list(split.doubts) } });
	}
	if (changes.total) notes.push({ key: 'import.note.gdeltTotal', params: { series: changes.total } });
	const example = changes.repeats?.example;
	if (example) {
		notes.push({
			key: 'import.note.repeats',
			params: { rows: counted('import.n.row', changes.repeats!.rows), row: example.row, url: example.url }
		});
	}
	const links = changes.links;
	for (const [key, tally] of [
		['import.note.linkScheme', links?.https],
		['import.note.linkNone', links?.none]
	] as const) {
		if (!tally?.example) continue;
		const { row, cell } = tally.example;
		notes.push({ key, params: { rows: counted('import.n.row', tally.rows), row, column: links!.column, cell } });
	}
	const titles = changes.titles;
	if (titles?.example) {
		const { row, length } = titles.example;
		notes.push({
			key: 'import.note.titleCut',
			params: {
				rows: counted('import.n.row', titles.rows),
				column: titles.column,
				row,
				length: counted('import.n.character', length),
				max: TITLE_MAX
			}
		});
	}
	const languageNotes = [
		['import.note.languageNames', 'named'],
		['import.note.languageSeveral', 'several'],
		['import.note.languageClipped', 'clipped']
	] as const;
	for (const [key, kind] of languageNotes) {
		const examples = languages[kind];
		if (examples.length === 0) continue;
		const total = languages.totals?.[kind] ?? examples.length;
		notes.push({ key, params: { values: counted('import.n.value', total), readings: readings(examples, total), max: LANGUAGE_MAX } });
	}
	const unknown = languages.unknown ?? [];
	if (unknown.length > 0) {
		const total = languages.totals?.unknown ?? unknown.length;
		notes.push({
			key: 'import.note.languageUnknown',
			params: { values: counted('import.n.value', total), cells: firstFew(unknown, (e) => `“${e.cell}”`, total) }
		});
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
		if (!group) this.groups.set(issue.kind, (group = { kind: issue.kind, total: 0, examples: [] }));
		group.total++;
		if (group.examples.length < EXAMPLES_PER_KIND) group.examples.push(issue);
		if (this.issues.length < MAX_KEPT_ISSUES) this.issues.push(issue);
		else this.dropped++;
	}

	get rowsSeen(): number {
		return this.rows;
	}

	build(): ValidationReport {
		const order: readonly IssueKind[] = ISSUE_KINDS;
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

/**
 * The full error list as CSV, through the one exporter that neutralises formula cells; `say`
 * words the problems in the reader's language.
 */
export function issuesCsv(issues: RowIssue[], say: (message: ImportMessage) => string): string {
	return toCsv(
		['row', 'column', 'kind', 'problem', 'message'],
		issues.map((i) => ({ row: i.row, column: i.column, kind: i.kind, problem: say(i.reason), message: say(rowIssueMessage(i)) }))
	);
}
