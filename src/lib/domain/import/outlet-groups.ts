import Papa from 'papaparse';
import { toCsv } from '../ledger/table';
import { fieldCountReason } from './limits';
import { invisibleToPlain } from './mapping';
import type { ImportMessage } from './messages';
import { groupId, type GroupSuggestion, type UploadedOutlet } from './outlets';
import type { RowIssue } from './report';
import type { ColumnarCoverage } from './columnar';

/**
 * Reviewing thousands of uploaded outlets and their groups: finding them, and an `outlet,group`
 * mapping file the researcher keeps and reuses across uploads of the same sources.
 */

export interface GroupChoice {
	id: string;
	label: string;
}

/** Outlet key → group id; UNGROUPED for none. */
export type Assignment = Record<string, string>;

export type OutletSort = 'rows' | 'name';
export type OutletShow = 'all' | 'unassigned' | 'assigned' | 'suggested';

export interface OutletQuery {
	/** Text the outlet's name or domain contains, ignoring case. */
	text: string;
	show: OutletShow;
}

/** The outlets in both orders, computed once for an upload; filtering then keeps the order. */
export function outletOrders(outlets: UploadedOutlet[]): Record<OutletSort, UploadedOutlet[]> {
	const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
	return {
		rows: [...outlets].sort((a, b) => b.rows - a.rows || collator.compare(a.key, b.key)),
		name: [...outlets].sort((a, b) => collator.compare(a.key, b.key) || b.rows - a.rows)
	};
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');

/** The outlets a search and a "show" choice leave, in the given order. */
export function findOutlets(
	ordered: UploadedOutlet[],
	query: OutletQuery,
	assignment: Assignment,
	suggestions: Map<string, GroupSuggestion>,
	ungrouped: string
): UploadedOutlet[] {
	const text = fold(query.text.trim());
	return ordered.filter((o) => {
		if (text !== '' && !fold(o.key).includes(text) && !o.domain.includes(text)) return false;
		const group = assignment[o.key] ?? ungrouped;
		switch (query.show) {
			case 'unassigned':
				return group === ungrouped;
			case 'assigned':
				return group !== ungrouped;
			case 'suggested':
				return suggestions.has(o.key);
			default:
				return true;
		}
	});
}

export interface GroupMappingRow {
	/** The file row, as a spreadsheet numbers it (the header is row 1). */
	row: number;
	outlet: string;
	/** A group id or label as written; '' leaves the outlet as it is. */
	group: string;
}

export interface GroupMappingFile {
	/** Why the whole file cannot be read as a mapping; rows and issues are then empty. */
	refused: ImportMessage | null;
	rows: GroupMappingRow[];
	issues: RowIssue[];
}

/** The most rows a mapping file is read for: several times the outlets any export has. */
export const MAX_MAPPING_ROWS = 200_000;

/**
 * A cell as the researcher meant it: the apostrophe Parallax's CSV exports put before a leading
 * = + - @ (so spreadsheets do not run it) is taken off again, invisible characters normalised.
 */
function cellValue(raw: string | undefined): string {
	const value = invisibleToPlain(raw ?? '').trim();
	return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/**
 * Reads an `outlet,group` mapping: a header naming both columns (any order, other columns
 * ignored, comma, semicolon or tab separated), then one outlet per row. Problems are said by
 * row and column; a row with a problem is left out, the others are used.
 */
export function readGroupMapping(text: string): GroupMappingFile {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		skipEmptyLines: 'greedy',
		delimitersToGuess: [',', ';', '\t'],
		preview: MAX_MAPPING_ROWS + 1
	});
	const [header = [], ...records] = parsed.data;
	const names = header.map((h) => cellValue(h).toLowerCase());
	const outletAt = names.indexOf('outlet');
	const groupAt = names.indexOf('group');
	if (outletAt === -1 || groupAt === -1) {
		const columns = header.map((h) => `“${cellValue(h)}”`).join(', ') || '—';
		return { refused: { key: 'import.groupMapping.header', params: { columns } }, rows: [], issues: [] };
	}
	const broken = new Set(parsed.errors.map((e) => e.row));
	const rows: GroupMappingRow[] = [];
	const issues: RowIssue[] = [];
	const firstRow = new Map<string, number>();
	records.forEach((cells, i) => {
		const row = i + 2;
		if (broken.has(i + 1) || cells.length !== header.length) {
			issues.push({ row, column: '', kind: 'fields', reason: fieldCountReason(cells, header.length) });
			return;
		}
		const outlet = cellValue(cells[outletAt]);
		const group = cellValue(cells[groupAt]);
		if (outlet === '') {
			issues.push({ row, column: header[outletAt]!, kind: 'empty', reason: { key: 'import.reason.empty' } });
			return;
		}
		const first = firstRow.get(outlet);
		if (first !== undefined) {
			const reason: ImportMessage = { key: 'import.groupMapping.repeated', params: { outlet: JSON.stringify(outlet), first } };
			issues.push({ row, column: header[outletAt]!, kind: 'other', reason });
			return;
		}
		firstRow.set(outlet, row);
		rows.push({ row, outlet, group });
	});
	return { refused: null, rows, issues };
}

export interface AppliedMapping {
	assignment: Assignment;
	/** Groups the file named that did not exist yet, now the researcher's own. */
	added: GroupChoice[];
	/** Outlets of the upload the file gave a group. */
	assigned: number;
	/** File rows naming outlets this upload does not have (the file may cover other uploads too). */
	elsewhere: number;
	/** Rows with an empty group cell: their outlets are left as they were. */
	blank: number;
}

/**
 * The group each outlet has in the file's own group column, where all its rows give the same one,
 * as mapping rows: the review starts from the file's grouping, not from "not assigned".
 */
export function fileGroupRows(data: ColumnarCoverage): GroupMappingRow[] {
	// -1: no row yet; -2: rows that disagree.
	const seen = new Int32Array(data.dict.outlet.length).fill(-1);
	for (let i = 0; i < data.length; i++) {
		const outlet = data.outlet[i]!;
		const group = data.group[i]!;
		const before = seen[outlet]!;
		if (before === -1) seen[outlet] = group;
		else if (before !== group) seen[outlet] = -2;
	}
	const rows: GroupMappingRow[] = [];
	seen.forEach((group, outlet) => {
		const name = group >= 0 ? data.dict.group[group]! : '';
		if (name !== '') rows.push({ row: 0, outlet: data.dict.outlet[outlet]!, group: name });
	});
	return rows;
}

/**
 * Puts the upload's outlets in the groups a mapping file names. A group is found by its id, then
 * by its label ignoring case; a label no group has becomes a new group of the researcher's.
 */
export function applyGroupMapping(
	rows: GroupMappingRow[],
	outlets: UploadedOutlet[],
	groups: GroupChoice[],
	assignment: Assignment
): AppliedMapping {
	const byId = new Map(groups.map((g) => [g.id, g.id]));
	const byLabel = new Map(groups.map((g) => [fold(g.label.trim()), g.id]));
	const present = new Set(outlets.map((o) => o.key));
	const added: GroupChoice[] = [];
	const next = { ...assignment };
	let assigned = 0;
	let elsewhere = 0;
	let blank = 0;
	for (const { outlet, group } of rows) {
		if (!present.has(outlet)) {
			elsewhere++;
			continue;
		}
		if (group === '') {
			blank++;
			continue;
		}
		let id = byId.get(group) ?? byLabel.get(fold(group));
		if (id === undefined) {
			id = groupId(group, [...byId.keys()]);
			added.push({ id, label: group });
			byId.set(id, id);
			byLabel.set(fold(group), id);
		}
		next[outlet] = id;
		assigned++;
	}
	return { assignment: next, added, assigned, elsewhere, blank };
}

/**
 * Every outlet of the upload with its group's label ('' when it has none), to edit in a
 * spreadsheet and read back here or into the next upload of the same sources.
 */
export function groupMappingCsv(outlets: UploadedOutlet[], assignment: Assignment, groups: GroupChoice[]): string {
	const label = new Map(groups.map((g) => [g.id, g.label]));
	return toCsv(
		['outlet', 'group'],
		outlets.map((o) => ({ outlet: o.key, group: label.get(assignment[o.key] ?? '') ?? '' }))
	);
}
