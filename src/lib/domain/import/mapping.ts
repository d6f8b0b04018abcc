import { readLanguage, type LanguageReading } from '../languages';
import { articleText, cutText } from '../ledger/article-text';
import {
	controlCharacter,
	ImportedCoverageRowSchema,
	isPlainTitle,
	isWebUrl,
	TITLE_MAX,
	type ImportedCoverageRow
} from '../ledger/schemas';
import { dateFormLabel, parseDate, writtenAs } from './dates';
import { countsPerSeries, type ColumnMapping } from './formats';
import { parseNumber } from './numbers';
import { domainOf } from './outlets';
import type { ImportMessage } from './messages';
import type { IssueKind, RowIssue } from './report';
import { readFrameCodes, splitFrames } from './stances';
import type { FrameStance } from '../charts/aggregate';

/** What is missing before a mapping can run; empty when it is complete. */
export function mappingProblems(mapping: ColumnMapping, columns: string[]): ImportMessage[] {
	const problems: ImportMessage[] = [];
	const { reshape } = mapping;
	if (reshape) {
		// Date, count and series come from the reshape; the date and count choices are not used.
		if (reshape.periods.length === 0) problems.push({ key: 'import.mapping.noPeriods' });
		if (reshape.series.length === 0 && mapping.outletConstant.trim() === '') problems.push({ key: 'import.mapping.series' });
	} else {
		if (!mapping.date) problems.push({ key: 'import.mapping.date' });
		else if (!mapping.dateFormat) problems.push({ key: 'import.mapping.dateFormat' });
		if (!mapping.outlet && !mapping.outletUrl && mapping.outletConstant.trim() === '') {
			problems.push({ key: countsPerSeries(mapping) ? 'import.mapping.seriesColumn' : 'import.mapping.outlet' });
		}
	}
	// A stance says how a frame is used: without frames there is nothing for it to qualify.
	if (mapping.stance && !mapping.frames) problems.push({ key: 'import.mapping.stanceFrames' });
	const fields = reshape
		? (['group', 'event', 'language', 'title', 'url', 'text', 'frames', 'stance'] as const)
		: (['date', 'outlet', 'outletUrl', 'group', 'event', 'language', 'title', 'url', 'text', 'frames', 'stance', 'count'] as const);
	const named = [...fields.map((f) => mapping[f]), ...(reshape ? [...reshape.periods, ...reshape.series] : [])];
	const known = new Set(columns);
	for (const name of named) if (name && !known.has(name)) problems.push({ key: 'import.mapping.noColumn', params: { name } });
	return problems;
}

export interface MappedRow {
	row: ImportedCoverageRow | null;
	issues: RowIssue[];
	/** What `mend` changed to keep the row, when it did. */
	mended?: Mended;
}

/**
 * Cells `mend` kept otherwise than written: a link that was no web address, read with https:// put
 * before it or left out; a title over TITLE_MAX, cut (its length as written).
 */
export interface Mended {
	link?: { cell: string; as: 'https' | 'none' };
	titleLength?: number;
}

export interface MapOptions {
	onLanguage?: LanguageListener;
	/**
	 * Keep a row whose link or title cannot be kept as written, mending the cell, rather than
	 * refuse it, and say so in `mended`. Uploads in the browser do, and report it: a researcher's
	 * own spreadsheet writes links as "www.tass.ru/…" or "n/a", a scrape can put a paragraph in the
	 * title, and the row is still an article to count. The API takes Parallax's own format, which
	 * the upload writes with cells already mended, and refuses such a row instead.
	 */
	mend?: boolean;
}

/**
 * A link written without its scheme ("www.tass.ru/…", "//tass.ru/…", "tass.ru:443/…"), as
 * spreadsheets shorten them, as the https:// address a browser would make of it; null for any
 * other cell. The host must be named (letters, ending in a letter domain), so that a placeholder
 * ("n.a.", "...") or a number ("12.5", read as an IP address) is not taken for a link.
 */
function withScheme(value: string): string | null {
	if (SCHEME.test(value)) return null;
	const url = `https://${value.replace(/^\/\//, '')}`;
	if (!isWebUrl(url)) return null;
	return NAMED_HOST.test(new URL(url).hostname) ? url : null;
}
// A colon after a scheme's letters, not a host's port.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const NAMED_HOST = /^(?:[a-z0-9-]+\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

/**
 * Zero-width spaces and stray BOMs pasted into exports make "TASS" and "TA\u200bSS" two outlets;
 * non-breaking spaces would survive trim(). Both are normalised before anything is compared.
 */
export function invisibleToPlain(value: string): string {
	return INVISIBLE.test(value) ? value.replace(/[\u200B\uFEFF]/g, '').replace(/[\u00A0\u202F]/g, ' ') : value;
}
const INVISIBLE = /[\u200B\uFEFF\u00A0\u202F]/;

/** A mapped column's cell, normalised and trimmed; '' for an unmapped column. */
function readCell(cells: string[], index: Map<string, number>, column: string | null): string {
	return column === null ? '' : invisibleToPlain(cells[index.get(column) ?? -1] ?? '').trim();
}

/**
 * The links a cell lists, one after another on lines of their own or after a comma, as
 * EUvsDisinfo's `source` does (a link per outlet that ran the case); any other cell is one value.
 */
export function linksIn(value: string): string[] {
	if (!SEVERAL_LINKS.test(value)) return [value];
	const links = value.split(LINK_BREAK);
	return links.every((link) => ONE_LINK.test(link)) ? links : [value];
}
const SEVERAL_LINKS = /^https?:\/\/\S+?[,;]?\s+https?:\/\//i;
const LINK_BREAK = /[,;]?\s+(?=https?:\/\/)/i;
const ONE_LINK = /^https?:\/\/\S+$/i;

/** A cell that lists several links gives its first as the row's address: a row keeps one. */
export const firstLink = (value: string): string => linksIn(value)[0]!;

/** A cell shortened for a message or a table; the full value is still imported. */
export const clip = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 3)}…` : value);
const quote = (value: string) => JSON.stringify(clip(value));

/**
 * Convert one record's cells into a coverage row and check it with the shared schema. Every
 * problem names the source column the researcher knows, not the field it was mapped to.
 */
export function mapRow(
	cells: string[],
	index: Map<string, number>,
	mapping: ColumnMapping,
	row: number,
	{ onLanguage = ignore, mend = false }: MapOptions = {}
): MappedRow {
	const issues: RowIssue[] = [];
	const cell = (column: string | null) => readCell(cells, index, column);
	const problem = (column: string | null, kind: IssueKind, reason: ImportMessage) =>
		issues.push({ row, column: column ?? '', kind, reason });

	let date = '';
	const rawDate = cell(mapping.date);
	if (rawDate === '') problem(mapping.date, 'empty', EMPTY);
	else if (mapping.dateFormat) {
		const parsed = parseDate(rawDate, mapping.dateFormat);
		if (parsed) date = parsed;
		else
			// Saying which form was expected is what lets a researcher fix the column or the format chosen.
			problem(mapping.date, 'date', {
				key: writtenAs(rawDate, mapping.dateFormat) ? 'import.reason.noSuchDay' : 'import.reason.notDate',
				params: { value: quote(rawDate), format: dateFormLabel(mapping.dateFormat) }
			});
	}

	let count = 1;
	if (mapping.count) {
		const raw = cell(mapping.count);
		const n = parseNumber(raw, mapping.decimal);
		if (raw === '') problem(mapping.count, 'empty', EMPTY);
		else if (n === null) problem(mapping.count, 'number', { key: 'import.reason.notNumber', params: { value: quote(raw) } });
		else if (n < 0 && !mapping.signed) problem(mapping.count, 'number', { key: 'import.reason.negative', params: { value: quote(raw) } });
		else count = n;
	}

	const rawUrl = firstLink(cell(mapping.url));
	let url = rawUrl;
	const mended: Mended = {};
	if (mend && url !== '' && !isWebUrl(url)) {
		const repaired = withScheme(url);
		mended.link = { cell: clip(url), as: repaired ? 'https' : 'none' };
		url = repaired ?? '';
	}
	let title = cell(mapping.title);
	if (mend && title.length > TITLE_MAX) {
		mended.titleLength = title.length;
		title = cutText(title, TITLE_MAX);
	}
	const outletName = cell(mapping.outlet);
	const outlet = outletName || domainOf(cell(mapping.outletUrl)) || mapping.outletConstant.trim();
	const framesCell = cell(mapping.frames);
	let codes: { frames: string[]; stances: FrameStance[] } = { frames: splitFrames(framesCell, mapping.framesSeparator), stances: [] };
	if (mapping.stance) {
		const read = readFrameCodes(framesCell, cell(mapping.stance), mapping.framesSeparator, mapping.frames ?? '');
		if ('problem' in read) problem(mapping.stance, 'stance', read.problem);
		else codes = read;
	}
	const languageCell = cell(mapping.language);
	const language = readLanguage(languageCell);
	onLanguage(languageCell, language);
	const text = articleText(cell(mapping.text));
	const candidate = {
		date,
		outlet,
		group: cell(mapping.group),
		event: cell(mapping.event),
		language: language.value,
		title,
		url,
		...(text !== '' && { text }),
		frames: codes.frames,
		...(codes.stances.length > 0 && { stances: codes.stances }),
		count
	};
	const converted = issues.length;
	const result = ImportedCoverageRowSchema.safeParse(candidate);
	if (result.success && converted === 0) return { row: result.data, issues, ...((mended.link || mended.titleLength) && { mended }) };
	if (result.success) return { row: null, issues };
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '');
		// A cell that failed conversion was reported already; the schema would only repeat it.
		if (field === 'date' && (date === '' || rawDate === '')) continue;
		const column = sourceColumn(field, mapping);
		const kind: IssueKind =
			field === 'url' ? 'url' : field === 'date' ? 'date' : issue.code === 'too_small' ? 'empty' : field === 'count' ? 'number' : 'other';
		problem(
			column,
			kind,
			kind === 'url'
				? { key: 'import.reason.notUrl', params: { value: quote(rawUrl) } }
				: schemaReason(
						issue,
						issue.path.reduce<unknown>((value, at) => (value as Record<PropertyKey, unknown>)?.[at], candidate)
					)
		);
	}
	return { row: null, issues };
}

const EMPTY: ImportMessage = { key: 'import.reason.empty' };

/** Told each distinct language cell and how it was read, for the check to say so. */
export type LanguageListener = (cell: string, reading: LanguageReading) => void;
const ignore: LanguageListener = () => {};

/**
 * What the row schema found wrong with a cell, said from the value itself: zod's messages are
 * English, so the schema's few rules (empty, too long, control characters, the count's) are
 * told apart by the issue's code and the value.
 */
function schemaReason(issue: { code: string; maximum?: unknown }, value: unknown): ImportMessage {
	if (issue.code === 'too_small') return EMPTY;
	if (issue.code === 'invalid_type') return { key: 'import.reason.noNumber' };
	if (typeof value === 'number') return { key: 'import.reason.notFinite' };
	if (typeof value !== 'string') return { key: 'import.reason.invalid' };
	if (issue.code === 'too_big') return { key: 'import.reason.tooLong', params: { length: value.length, max: Number(issue.maximum) } };
	const control = controlCharacter(value);
	return control ? { key: 'import.reason.control', params: { code: control } } : { key: 'import.reason.invalid' };
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
 * A distinct cell value, converted and checked once. `code` is the value's index in the
 * upload's dictionary for its column, -1 until a valid row uses it (set by whichever collects
 * the rows: ColumnarBuilder in the browser, the server's PartWriter).
 */
export interface Checked<T> {
	readonly value: T;
	code: number;
}

/** A valid row as RowMapper.check() gives it: the repeating fields as their cached values. */
export interface CheckedRow {
	date: Checked<string>;
	outlet: Checked<string>;
	group: Checked<string>;
	event: Checked<string>;
	language: Checked<string>;
	frames: Checked<string[]>;
	/** Null when no stance column is mapped; else one per frame, or [] for a row that records none. */
	stances: Checked<FrameStance[]> | null;
	count: number;
	title: string;
	url: string;
	/** '' when the upload has no text, or none for this row. */
	text: string;
}

const RECENT_SLOTS = 1024;

/**
 * One field's checked values by raw cell: normalising the cell is part of the conversion.
 * Every cell the parser gives is a new string, and Map.get hashes each one: in Chromium that is
 * about 100 ns, six times a row. A table of recent cells indexed by the length and a few
 * characters answers almost every lookup with one string comparison (a third of the time).
 */
class FieldCache<T> {
	private values = new Map<string, Checked<T> | typeof FAIL>();
	private recentKeys = new Array<string | null>(RECENT_SLOTS).fill(null);
	private recentValues = new Array<Checked<T> | typeof FAIL>(RECENT_SLOTS).fill(FAIL);

	constructor(
		/** The field's position in a record; -1 (never a cell) for an unmapped field. */
		private at: number,
		private convert: (value: string) => T | typeof FAIL
	) {}

	get(cells: string[]): Checked<T> | typeof FAIL {
		const raw = cells[this.at] ?? '';
		const n = raw.length;
		const slot =
			n === 0
				? 0
				: (n +
						raw.charCodeAt(n - 1) * 31 +
						raw.charCodeAt(n >> 1) * 961 +
						raw.charCodeAt((n * 3) >> 2) * 29791 +
						raw.charCodeAt(n >> 2) * 7) &
					(RECENT_SLOTS - 1);
		if (this.recentKeys[slot] === raw) return this.recentValues[slot]!;
		let value = this.values.get(raw);
		if (value === undefined) {
			const converted = this.convert(invisibleToPlain(raw).trim());
			value = converted === FAIL ? FAIL : { value: converted, code: -1 };
			if (this.values.size < MAX_CACHED) this.values.set(raw, value);
		}
		this.recentKeys[slot] = raw;
		this.recentValues[slot] = value;
		return value;
	}
}

/** A row's values as one plain coverage row, with its own frames array. */
export function rowOf(checked: CheckedRow): ImportedCoverageRow {
	const { date, outlet, group, event, language, frames, stances, count, title, url, text } = checked;
	return {
		date: date.value,
		outlet: outlet.value,
		group: group.value,
		event: event.value,
		language: language.value,
		title,
		url,
		...(text !== '' && { text }),
		frames: [...frames.value],
		...(stances && stances.value.length > 0 && { stances: [...stances.value] }),
		count
	};
}

/**
 * mapRow for a whole file, converting and validating each distinct cell value once. Most
 * columns repeat (dates, outlets, groups, frame lists, languages), so a million rows need a few
 * thousand zod checks instead of nine million; titles and links are still checked on every row,
 * without zod unless they hold an unusual character. Fields are independent in the schema (no
 * object-level rules), so checking them one by one accepts exactly the rows the whole-row check
 * accepts. Any row that fails anything goes through mapRow itself, so the issues reported are
 * the same, word for word.
 */
export class RowMapper {
	private date: FieldCache<string>;
	private count: FieldCache<number> | null;
	private outlet: FieldCache<string>;
	private group: FieldCache<string>;
	private event: FieldCache<string>;
	private language: FieldCache<string>;
	private frames: FieldCache<string[]>;
	private codes: CodesCache | null;
	private titleAt: number;
	private urlAt: number;
	private textAt: number;
	/** Reused by every check(): a row's values are read before the next row is checked. */
	private row = {} as CheckedRow;

	constructor(
		private index: Map<string, number>,
		private mapping: ColumnMapping,
		private options: MapOptions = {}
	) {
		const { onLanguage = ignore } = options;
		const at = (column: string | null) => (column === null ? -1 : (index.get(column) ?? -1));
		const cache = <T>(column: string | null, field: keyof typeof FIELDS, convert: (value: string) => unknown = (value) => value) =>
			new FieldCache<T>(at(column), (value) => {
				const converted = convert(value);
				return converted === FAIL ? FAIL : (check(field, converted) as T | typeof FAIL);
			});
		this.date = cache(
			mapping.date,
			'date',
			(value) => (value !== '' && mapping.dateFormat ? parseDate(value, mapping.dateFormat) : null) ?? FAIL
		);
		this.count = mapping.count
			? cache(mapping.count, 'count', (value) => {
					const n = value === '' ? null : parseNumber(value, mapping.decimal);
					return n === null || (n < 0 && !mapping.signed) ? FAIL : n;
				})
			: null;
		// Outlets taken from web addresses or the mapping's constant are rare and per row; mapRow handles them.
		this.outlet = cache(mapping.outlet, 'outlet', (value) => (value === '' ? FAIL : value));
		this.group = cache(mapping.group, 'group');
		this.event = cache(mapping.event, 'event');
		this.language = cache(mapping.language, 'language', (value) => {
			const reading = readLanguage(value);
			onLanguage(value, reading);
			return reading.value;
		});
		this.frames = cache(mapping.frames, 'frames', (value) => splitFrames(value, mapping.framesSeparator));
		this.codes = mapping.stance ? new CodesCache(at(mapping.frames), at(mapping.stance), mapping) : null;
		this.titleAt = at(mapping.title);
		this.urlAt = at(mapping.url);
		this.textAt = at(mapping.text);
	}

	map(cells: string[], row: number): MappedRow {
		const checked = this.check(cells);
		return checked ? { row: rowOf(checked), issues: [] } : mapRow(cells, this.index, this.mapping, row, this.options);
	}

	/**
	 * The row's values when every field is valid, else null: mapRow then says what is wrong (or,
	 * for an outlet taken from elsewhere, makes the row).
	 */
	check(cells: string[]): CheckedRow | null {
		const date = this.date.get(cells);
		const outlet = this.outlet.get(cells);
		const group = this.group.get(cells);
		const event = this.event.get(cells);
		const language = this.language.get(cells);
		const codes = this.codes ? this.codes.get(cells) : null;
		const frames = codes ? (codes === FAIL ? FAIL : codes.frames) : this.frames.get(cells);
		const count = this.count ? this.count.get(cells) : ONE;
		const title = plainText(cells[this.titleAt] ?? '', isPlainTitle) ?? checkCell('title', cells, this.index, this.mapping.title);
		const url = plainText(cells[this.urlAt] ?? '', isPlainUrl) ?? checkCell('url', cells, this.index, this.mapping.url);
		if (
			date === FAIL ||
			outlet === FAIL ||
			group === FAIL ||
			event === FAIL ||
			language === FAIL ||
			frames === FAIL ||
			count === FAIL ||
			title === FAIL ||
			url === FAIL
		) {
			return null;
		}
		const row = this.row;
		row.date = date;
		row.outlet = outlet;
		row.group = group;
		row.event = event;
		row.language = language;
		row.frames = frames;
		row.stances = codes === FAIL ? null : (codes?.stances ?? null);
		row.count = count.value;
		row.title = title as string;
		row.url = url as string;
		// Always valid: articleText makes any cell a text the schema accepts.
		row.text = this.textAt < 0 ? '' : articleText(invisibleToPlain(cells[this.textAt] ?? ''));
		return row;
	}
}

const ONE: Checked<number> = { value: 1, code: -1 };

/** A row mapRow made, in the shape check() gives, for rows that did not come from the caches. */
export function checkedOf(row: ImportedCoverageRow): CheckedRow {
	const fresh = <T>(value: T): Checked<T> => ({ value, code: -1 });
	return {
		...row,
		text: row.text ?? '',
		date: fresh(row.date),
		outlet: fresh(row.outlet),
		group: fresh(row.group),
		event: fresh(row.event),
		language: fresh(row.language),
		frames: fresh(row.frames),
		stances: row.stances ? fresh(row.stances) : null
	};
}

/**
 * A row's frames and stances, converted once per distinct pair of cells. Each pair gets its own
 * frames value, so that the columnar dictionary can key a frame list with its stances.
 */
class CodesCache {
	private values = new Map<string, { frames: Checked<string[]>; stances: Checked<FrameStance[]> } | typeof FAIL>();

	constructor(
		private framesAt: number,
		private stanceAt: number,
		private mapping: ColumnMapping
	) {}

	get(cells: string[]): { frames: Checked<string[]>; stances: Checked<FrameStance[]> } | typeof FAIL {
		const framesCell = cells[this.framesAt] ?? '';
		const stanceCell = cells[this.stanceAt] ?? '';
		const key = `${framesCell}\u0000${stanceCell}`;
		let value = this.values.get(key);
		if (value === undefined) {
			const read = readFrameCodes(
				invisibleToPlain(framesCell).trim(),
				invisibleToPlain(stanceCell).trim(),
				this.mapping.framesSeparator,
				this.mapping.frames ?? ''
			);
			const frames = 'problem' in read ? FAIL : check('frames', read.frames);
			value =
				frames === FAIL || 'problem' in read
					? FAIL
					: { frames: { value: frames as string[], code: -1 }, stances: { value: read.stances, code: -1 } };
			if (this.values.size < MAX_CACHED) this.values.set(key, value);
		}
		return value;
	}
}

function check(field: keyof typeof FIELDS, value: unknown): unknown {
	const result = FIELDS[field].safeParse(value);
	return result.success ? result.data : FAIL;
}

/** The cell through readCell and its field's schema, for the rare cell plainText leaves to zod. */
function checkCell(field: 'title' | 'url', cells: string[], index: Map<string, number>, column: string | null): unknown {
	return check(field, readCell(cells, index, column));
}

/**
 * The value readCell and the schema would make of a cell, when `plain` says the schema keeps it
 * as it is and the cell has no invisible characters to normalise; else null.
 */
function plainText(raw: string, plain: (value: string) => boolean): string | null {
	if (INVISIBLE.test(raw)) return null;
	const value = raw.trim();
	return plain(value) ? value : null;
}

/** The url field's union: nothing, or a web address (which the schema trims, as readCell did). */
const isPlainUrl = (value: string) => value === '' || isWebUrl(value);
