import Papa from 'papaparse';
import { detectDateFormat, type DateDetection } from './dates';
import { defaultMapping, detectFormat, formatHasHeader, GDELT_EVENT_COLUMNS, type ColumnMapping, type FormatId } from './formats';
import { duplicateNames, MAX_COLUMNS, notTextReason, tooLarge } from './limits';
import type { ImportKey, ImportMessage } from './messages';
import { detectDecimalMark } from './numbers';
import { proposeColumns } from './proposal';
import { quotedPieces, splitDoubts, splitOutlets } from './outlets';
import { defaultReshape, periodColumns } from './wide';

/** What the first part of a file says about all of it; the page pre-fills the mapping from it. */
export interface Inspection {
	format: FormatId;
	delimiter: string;
	lineEnding: 'CRLF' | 'LF' | 'CR';
	hasHeader: boolean;
	/** Unique column names: the header's, or the format's for headerless files, or column_1…. */
	columns: string[];
	/** Up to SAMPLE_ROWS records after the header, for the preview and for re-detecting formats. */
	sample: string[][];
	mapping: ColumnMapping;
	/** Headers that name periods (2014, 2023-01, 2024e) when there are enough for a wide table. */
	periods: string[];
	date: DateDetection;
	/** Things the researcher should check before mapping (repeated columns, a single column). */
	notes: ImportMessage[];
	/** Why the count and series columns were proposed, for a file the format list does not know. */
	proposed: ImportMessage[];
}

export const SAMPLE_ROWS = 200;
/** How much of a file is read to inspect it. */
export const SAMPLE_BYTES = 256 * 1024;

/** Column names that can be told apart: blanks get a position, repeats a number. */
export function uniqueColumns(header: string[]): string[] {
	const seen = new Map<string, number>();
	return header.map((raw, i) => {
		const name = raw.replace(/^\uFEFF/, '').trim() || `column_${i + 1}`;
		const n = (seen.get(name) ?? 0) + 1;
		seen.set(name, n);
		return n === 1 ? name : `${name} (${n})`;
	});
}

export function columnValues(sample: string[][], columns: string[], column: string | null): string[] {
	const i = column === null ? -1 : columns.indexOf(column);
	return i === -1 ? [] : sample.map((r) => r[i] ?? '');
}

/** The decimal mark of the values in a wide table's period columns. */
export function periodDecimal(sample: string[][], columns: string[], periods: string[], delimiter: string) {
	return detectDecimalMark(
		periods.flatMap((p) => columnValues(sample, columns, p)),
		delimiter
	);
}

/**
 * Inspect the start of a file. `truncated` says the text is a prefix of a longer file, so its
 * last record may be cut off and is dropped.
 */
export function inspectSample(text: string, fileName: string, truncated: boolean): Inspection {
	const body = text.replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', preview: SAMPLE_ROWS + 2 });
	const records = parsed.data;
	// A record longer than the sample (a whole article in one cell) is kept when it is the only
	// one after the header: its first cells still tell the date format, and only the preview sees the cut.
	if (truncated && records.length > 2 && parsed.meta.truncated === false) records.pop();
	const delimiter = parsed.meta.delimiter || ',';
	const lineEnding = parsed.meta.linebreak === '\r\n' ? 'CRLF' : parsed.meta.linebreak === '\r' ? 'CR' : 'LF';
	const first = records[0] ?? [];
	const format = detectFormat(first, delimiter);
	const hasHeader = formatHasHeader(format) && !looksLikeData(first);
	const columns =
		format === 'gdelt-events' ? [...GDELT_EVENT_COLUMNS] : uniqueColumns(hasHeader ? first : first.map((_, i) => `column_${i + 1}`));
	const sample = records.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + SAMPLE_ROWS);
	const mapping = defaultMapping(format, columns, fileName);
	const date = detectDateFormat(columnValues(sample, columns, mapping.date));
	if (!mapping.dateFormat) mapping.dateFormat = date.format;
	// An optional count column left blank (Parallax's own files) means one article per row.
	if (mapping.count && columnValues(sample, columns, mapping.count).every((v) => v.trim() === '')) mapping.count = null;
	if (mapping.count) mapping.decimal = detectDecimalMark(columnValues(sample, columns, mapping.count), delimiter);
	const periods = hasHeader ? periodColumns(columns) : [];
	// A wide table without a date column can only be read reshaped; with one, reshaping is offered.
	if (format === 'unknown' && !mapping.date && periods.length > 0) {
		mapping.reshape = defaultReshape(columns);
		mapping.decimal = periodDecimal(sample, columns, periods, delimiter);
	}
	let proposed: ImportMessage[] = [];
	if (format === 'unknown' && !mapping.reshape) {
		const proposal = proposeColumns(columns, sample, mapping, delimiter);
		if (proposal.count && proposal.count !== mapping.count) {
			mapping.count = proposal.count;
			mapping.decimal = detectDecimalMark(columnValues(sample, columns, proposal.count), delimiter);
		}
		mapping.outlet = proposal.series;
		proposed = proposal.reasons;
	}
	const notes = headerNotes(first, hasHeader);
	const split = proposedSplit(mapping, sample, columns);
	if (split) notes.push(split);
	return { format, delimiter, lineEnding, hasHeader, columns, sample, mapping, periods, date, notes, proposed };
}

const OTHER_SEPARATORS = [';', '|'];

/**
 * A format's usual outlet separator is proposed only when the pieces it makes read as outlets;
 * otherwise no split is proposed, and the note says which pieces did not (and why).
 */
function proposedSplit(mapping: ColumnMapping, sample: string[][], columns: string[]): ImportMessage | null {
	const { outlet, outletSeparator } = mapping;
	if (!outlet || !outletSeparator) return null;
	const cells = columnValues(sample, columns, outlet);
	// An export re-saved from a spreadsheet may join outlets with another mark ("TASS; RT"): split at
	// the usual one, each cell would stay one outlet. Only marks no outlet name uses are tried
	// ("Canal+" has a plus), and only when the pieces they make read as outlets.
	if (!cells.some((cell) => cell.includes(outletSeparator))) {
		const other = OTHER_SEPARATORS.find(
			(mark) => cells.some((cell) => splitOutlets(cell, mark).length > 1) && splitDoubts(cells, mark).length === 0
		);
		if (other) {
			mapping.outletSeparator = other;
			return { key: 'import.note.splitOther', params: { column: outlet, separator: other, usual: outletSeparator } };
		}
	}
	const doubts = splitDoubts(cells, outletSeparator);
	if (doubts.length === 0) return null;
	mapping.outletSeparator = '';
	return { key: 'import.note.noSplit', params: { column: outlet, separator: outletSeparator, pieces: quotedPieces(doubts) } };
}

function headerNotes(header: string[], hasHeader: boolean): ImportMessage[] {
	if (!hasHeader) return [];
	const notes = duplicateNames(header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter((h) => h !== '')).map((name): ImportMessage => ({
		key: 'import.note.duplicate',
		params: { name }
	}));
	if (header.length === 1) {
		const shown = (header[0] ?? '').length > 60 ? `${header[0]?.slice(0, 57)}…` : header[0];
		notes.push({ key: 'import.note.oneColumn', params: { header: JSON.stringify(shown) } });
	}
	return notes;
}

/** A first line made only of numbers and dates is data, not a header. */
function looksLikeData(row: string[]): boolean {
	const cells = row.map((c) => c.trim()).filter((c) => c !== '');
	return cells.length > 0 && cells.every((c) => /^[-+\d.,:/ T]+$/.test(c));
}

/** How the bytes are encoded: a BOM, valid UTF-8, or else a legacy single-byte code page. */
export function detectEncoding(bytes: Uint8Array): { encoding: string; bom: boolean } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
	// Excel's "Unicode text" and many Windows tools write UTF-16 with a BOM.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
	try {
		// stream: true tolerates a character cut in half at the end of the sample.
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return { encoding: 'utf-8', bom: false };
	} catch {
		// Russian-language exports that are not UTF-8 are nearly always Windows-1251; letters
		// in the upper half of the byte range dominate Cyrillic text in that code page.
		let high = 0;
		for (const b of bytes) if (b >= 0xc0) high++;
		return { encoding: high > bytes.length / 20 ? 'windows-1251' : 'windows-1252', bom: false };
	}
}

export const DELIMITER_NAMES: Record<string, ImportKey> = {
	',': 'import.delimiter.comma',
	';': 'import.delimiter.semicolon',
	'\t': 'import.delimiter.tab',
	'|': 'import.delimiter.pipe'
};

export type FileInspection = { refused: ImportMessage } | { refused: null; inspection: Inspection; encoding: string; bom: boolean };

/** A file refused on its size alone, before any of it is read. */
export function sizeRefusal(file: { name: string; size: number }, maxBytes: number): ImportMessage | null {
	if (file.size === 0) return { key: 'import.refusal.fileEmpty', params: { file: JSON.stringify(file.name) } };
	if (file.size > maxBytes) return tooLarge(maxBytes, JSON.stringify(file.name));
	return null;
}

/**
 * Everything the browser decides from a file's size and first bytes (`head`, at most
 * SAMPLE_BYTES): refuse it with a message the researcher can act on, or inspect it.
 */
export function inspectFile(file: { name: string; size: number }, head: Uint8Array, maxBytes: number): FileInspection {
	const name = JSON.stringify(file.name);
	const refused = (key: ImportMessage['key'], params: ImportMessage['params'] = {}): FileInspection => ({
		refused: { key, params: { file: name, ...params } }
	});
	const early = sizeRefusal(file, maxBytes);
	if (early) return { refused: early };
	const { encoding, bom } = detectEncoding(head);
	if (!encoding.startsWith('utf-16')) {
		const reason = notTextReason(head);
		if (reason) return refused('import.refusal.fileNotText', { reason });
	}
	const text = new TextDecoder(encoding).decode(head);
	if (text.trim() === '') return refused('import.refusal.fileEmpty');
	const truncated = file.size > head.length;
	const inspection = inspectSample(text, file.name, truncated);
	if (inspection.columns.length > MAX_COLUMNS) {
		return refused('import.refusal.fileColumns', { count: inspection.columns.length, max: MAX_COLUMNS });
	}
	if (!truncated && inspection.hasHeader && inspection.sample.length === 0) return refused('import.refusal.fileNoRows');
	return { refused: null, inspection, encoding, bom };
}
