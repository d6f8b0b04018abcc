import type { ParseError } from 'papaparse';
import type { ImportedCoverageRow } from '../ledger/schemas';
import type { LanguageReading } from '../languages';
import { ColumnarBuilder, type ColumnarCoverage } from './columnar';
import { countsPerSeries, type ColumnMapping } from './formats';
import { FrameCodeCheck, type FrameBook, type UnknownFrame } from './frame-codes';
import { fieldCountReason } from './limits';
import { checkedOf, clip, linksIn, mapRow, RowMapper, type CheckedRow, type MapOptions, type Mended } from './mapping';
import type { ImportMessage } from './messages';
import { domainOf, splitOutlets, unlikeOutlet, type UploadedOutlet } from './outlets';
import { LANGUAGE_EXAMPLES, ReportBuilder, type LanguageKind, type RowIssue, type ShapeChanges, type ValidationReport } from './report';
import { reshapePlan, reshapeRecord, wideIssue, type ReshapePlan } from './wide';

export interface ImportResult {
	report: ValidationReport;
	data: ColumnarCoverage;
	outlets: UploadedOutlet[];
	/** Distinct frame values in the valid rows, for the frames step. */
	frames: string[];
	/** Frame codes the codebook does not have, when the import was given one. */
	unknownFrames: UnknownFrame[];
	range: { start: string; end: string } | null;
	changes: ShapeChanges;
}

const SPLIT_EXAMPLES = 3;
const NO_ISSUES: readonly RowIssue[] = [];

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
	/** Where accepted rows take their outlet's domain from; -1 for nowhere. */
	private urlAt: number;
	/** Records parsed so far, header included, to place syntax errors of later chunks. */
	private records = 0;
	private plan: ReshapePlan | null;
	/** The column whose cells may name several outlets, when the mapping splits them. */
	private splitColumn: number | undefined;
	private reshaped: NonNullable<ShapeChanges['reshaped']> | null = null;
	private split: NonNullable<ShapeChanges['split']> | null = null;
	private languages: Required<ShapeChanges['languages']> = {
		named: [],
		several: [],
		clipped: [],
		unknown: [],
		totals: { named: 0, several: 0, clipped: 0, unknown: 0 }
	};
	/** Told once per distinct language cell (per row past the mapper's cache, hence the set). */
	private onLanguage = (cell: string, reading: LanguageReading) => {
		if (!(reading.named || reading.several || reading.clipped || reading.unknown) || this.languageCells.has(cell)) return;
		this.languageCells.add(cell);
		const example = { cell: clip(cell), value: reading.value };
		const note = (kind: LanguageKind) => {
			if (this.languages.totals[kind]++ < LANGUAGE_EXAMPLES) this.languages[kind].push(example);
		};
		if (reading.several) note('several');
		else if (reading.named) note('named');
		if (reading.clipped) note('clipped');
		else if (reading.unknown) note('unknown');
	};
	private languageCells = new Set<string>();
	private repeats: NonNullable<ShapeChanges['repeats']> = { rows: 0, example: null };
	private links: NonNullable<ShapeChanges['links']>;
	private titles: NonNullable<ShapeChanges['titles']>;
	/** The file row last told to noteMended: a reshaped row's periods share its link and title. */
	private mendedRow = 0;
	private mapOptions: MapOptions = { onLanguage: this.onLanguage, mend: true };

	private frameCheck: FrameCodeCheck | null;

	constructor(
		private columns: string[],
		private mapping: ColumnMapping,
		private hasHeader: boolean,
		/** The codebook frame codes are checked against; null checks none. */
		codebook: FrameBook | null = null
	) {
		this.frameCheck = codebook && mapping.frames ? new FrameCodeCheck(codebook, mapping.frames) : null;
		this.plan = mapping.reshape ? reshapePlan(columns, mapping, mapping.reshape) : null;
		const read = this.plan ?? { columns, mapping };
		this.index = new Map(read.columns.map((c, i) => [c, i]));
		this.mapper = new RowMapper(this.index, read.mapping, this.mapOptions);
		const urlColumn = mapping.outletUrl ?? mapping.url;
		this.urlAt = urlColumn ? (this.index.get(urlColumn) ?? -1) : -1;
		this.row = hasHeader ? 1 : 0;
		this.links = { column: mapping.url ?? '', https: { rows: 0, example: null }, none: { rows: 0, example: null } };
		this.titles = { column: mapping.title ?? '', rows: 0, example: null };
		if (this.plan) {
			const estimates = this.plan.periods.filter((p) => p.estimate).map((p) => p.column);
			this.reshaped = { periods: this.plan.periods.length, records: 0, values: 0, missing: 0, estimateColumns: estimates, estimateRows: 0 };
		} else if (mapping.outletSeparator && mapping.outlet) {
			this.splitColumn = this.index.get(mapping.outlet);
			this.split = { column: mapping.outlet, rows: 0, becameRows: 0, examples: [], doubts: [] };
		}
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
		const broken = new Map<number, ImportMessage>();
		for (const error of errors) {
			if (error.code === 'UndetectableDelimiter' || error.row === undefined) continue;
			const reason = syntaxReason(error);
			const earlier = broken.get(error.row);
			// A stray quote is usually also never closed; both explain what happened to the row.
			if (earlier === undefined) broken.set(error.row, reason);
			else if (!mentions(earlier, reason)) broken.set(error.row, { key: 'import.reason.both', params: { first: earlier, second: reason } });
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

	push(cells: string[], syntax?: ImportMessage): void {
		const row = ++this.row;
		if (syntax) {
			this.report.addRow([{ row, column: '', kind: 'syntax', reason: syntax }]);
			return;
		}
		if (cells.length !== this.columns.length) {
			this.report.addRow([{ row, column: '', kind: 'fields', reason: fieldCountReason(cells, this.columns.length) }]);
			return;
		}
		if (this.plan) return this.pushWide(cells, row, this.plan);
		const cell = this.splitColumn === undefined ? '' : (cells[this.splitColumn] ?? '');
		const outlets = this.splitColumn === undefined ? null : splitOutlets(cell, this.mapping.outletSeparator);
		if (!outlets || (outlets.length === 1 && outlets[0] === cell)) {
			const checked = this.mapper.check(cells);
			if (checked) {
				this.report.addRow(NO_ISSUES);
				this.accept(checked, cells, row);
				return;
			}
			const mapped = mapRow(cells, this.index, this.mapping, row, this.mapOptions);
			this.report.addRow(this.withOutletHint(mapped.issues));
			if (mapped.row) {
				this.accept(checkedOf(mapped.row), cells, row);
				this.noteMended(mapped.mended, row);
			}
			return;
		}
		this.pushSplit(cells, row, outlets);
	}

	/** Each period cell is a row of its own: valid or reported on its own, against its own column. */
	private pushWide(cells: string[], row: number, plan: ReshapePlan): void {
		const reshaped = this.reshaped!;
		const { records, missing } = reshapeRecord(cells, plan);
		reshaped.records++;
		reshaped.values += records.length;
		reshaped.missing += missing;
		for (const record of records) {
			const mapped = this.mapper.map(record.cells, row);
			this.report.addRow(mapped.issues.map((issue) => wideIssue(issue, record.period, this.mapping.reshape!)));
			if (!mapped.row) continue;
			this.accept(checkedOf(mapped.row), record.cells, row);
			this.noteMended(mapped.mended, row);
			if (record.period.estimate) reshaped.estimateRows++;
		}
	}

	/**
	 * A row naming several outlets is checked once per outlet but reported once: it is one row
	 * of the file, kept as one row per outlet only when every copy is valid.
	 */
	private pushSplit(cells: string[], row: number, outlets: string[]): void {
		const split = this.split!;
		// A link per outlet, in the same order (EUvsDisinfo's `source`), is each outlet's own. Any
		// other link is the story's: kept as its address, but no outlet's web domain, or a Moscow
		// Times copy would be matched by the Sputnik article beside it.
		const urlColumn = this.mapping.outletUrl === null && this.mapping.url !== null ? this.index.get(this.mapping.url) : undefined;
		const links = urlColumn === undefined ? [] : linksIn(cells[urlColumn] ?? '');
		const paired = links.length === outlets.length;
		const rows: ImportedCoverageRow[] = [];
		const rowCells: string[][] = [];
		const issues = new Map<string, RowIssue>();
		let mended: Mended | undefined;
		for (const [i, outlet] of outlets.entries()) {
			const own = cells.slice();
			own[this.splitColumn!] = outlet;
			if (urlColumn !== undefined && paired) own[urlColumn] = links[i]!;
			const mapped = this.mapper.map(own, row);
			for (const issue of mapped.issues) issues.set(`${issue.column}\u0000${JSON.stringify(issue.reason)}`, issue);
			mended ??= mapped.mended;
			// Two spellings that normalise to one outlet ("TASS", "TA\u200bSS") are one appearance.
			if (mapped.row && !rows.some((r) => r.outlet === mapped.row!.outlet)) {
				rows.push(mapped.row);
				if (urlColumn !== undefined && !paired) own[urlColumn] = '';
				rowCells.push(own);
			}
		}
		this.report.addRow(this.withOutletHint([...issues.values()]));
		if (issues.size > 0) return;
		this.noteMended(mended, row);
		if (rows.length > 1) {
			split.rows++;
			split.becameRows += rows.length;
			for (const r of rows) {
				if (split.doubts.length < SPLIT_EXAMPLES && !split.doubts.includes(r.outlet) && unlikeOutlet(r.outlet)) split.doubts.push(r.outlet);
			}
			if (split.examples.length < SPLIT_EXAMPLES)
				split.examples.push({ row, cell: clip(cells[this.splitColumn!] ?? ''), outlets: rows.map((r) => r.outlet) });
		}
		// One file row, however many outlets: its codes are reported once.
		rows.forEach((r, i) => this.accept(checkedOf(r), rowCells[i]!, i === 0 ? row : 0));
	}

	/**
	 * An empty outlet cell drops its row unless the mapping names an outlet for such rows;
	 * the report says where that is set, so the rows can be kept.
	 */
	private withOutletHint(issues: RowIssue[]): RowIssue[] {
		const column = this.mapping.outlet ?? this.mapping.outletUrl;
		if (column === null || this.mapping.outletConstant.trim() !== '') return issues;
		const key = countsPerSeries(this.mapping) ? 'import.reason.emptySeries' : 'import.reason.emptyOutlet';
		return issues.map((issue) =>
			issue.column === column && issue.reason.key === 'import.reason.empty' ? { ...issue, reason: { key } } : issue
		);
	}

	/** `row` is the file row, 0 for a further copy of one already accepted. */
	private accept(row: CheckedRow, cells: string[], fileRow: number): void {
		const outlet = this.data.add(row);
		if (this.frameCheck && fileRow > 0) this.frameCheck.add(row.frames, fileRow);
		// A reshaped row's periods, and the outlets a row was split into, share its link by design.
		if (fileRow > 0 && !this.plan && this.data.repeatsUrl() && this.repeats.rows++ === 0)
			this.repeats.example = { row: fileRow, url: clip(row.url) };
		// Only an outlet's first domain is kept, so the URL is parsed only until one is found.
		if (this.urlAt >= 0 && !this.data.hasDomain(outlet)) this.data.setDomain(outlet, domainOf(cells[this.urlAt] ?? ''));
	}

	/** A kept row with a cell mended, counted once per file row. */
	private noteMended(mended: Mended | undefined, row: number): void {
		if (!mended || row === this.mendedRow) return;
		this.mendedRow = row;
		if (mended.link) {
			const tally = this.links[mended.link.as];
			if (tally.rows++ === 0) tally.example = { row, cell: mended.link.cell };
		}
		if (mended.titleLength !== undefined && this.titles.rows++ === 0) this.titles.example = { row, length: mended.titleLength };
	}

	finish(): ImportResult {
		const outlets = this.data.outlets();
		return {
			report: this.report.build(),
			data: this.data.build(),
			outlets,
			frames: this.data.frames(),
			unknownFrames: this.frameCheck?.result() ?? [],
			range: this.data.range(),
			changes: {
				reshaped: this.reshaped,
				split: this.split,
				total: outlets.find((o) => GDELT_TOTAL.test(o.key))?.key ?? null,
				repeats: this.repeats,
				links: this.links,
				titles: this.titles,
				languages: this.languages
			}
		};
	}
}

/** The series GDELT's raw volume timeline adds: every article it monitored in the period. */
const GDELT_TOTAL = /^total monitored articles$/i;

/** papaparse's terse messages, said so that a researcher knows what to look for in the file. */
function syntaxReason(error: ParseError): ImportMessage {
	switch (error.code) {
		case 'MissingQuotes':
			return { key: 'import.reason.missingQuotes' };
		case 'InvalidQuotes':
			return { key: 'import.reason.invalidQuotes' };
		default:
			return { key: 'import.reason.parser', params: { message: error.message } };
	}
}

/** Whether a row's syntax reason already says `reason`, alone or joined with another. */
function mentions(said: ImportMessage, reason: ImportMessage): boolean {
	if (JSON.stringify(said) === JSON.stringify(reason)) return true;
	const { first, second } = said.key === 'import.reason.both' ? (said.params ?? {}) : {};
	return [first, second].some((part) => typeof part === 'object' && mentions(part, reason));
}
