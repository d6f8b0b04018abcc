import Papa from 'papaparse';
import { detectDateFormat, type DateDetection } from './dates';
import { defaultMapping, detectFormat, formatHasHeader, GDELT_EVENT_COLUMNS, type ColumnMapping, type FormatId } from './formats';
import { detectDecimalMark } from './numbers';

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
	date: DateDetection;
}

export const SAMPLE_ROWS = 200;

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

/**
 * Inspect the start of a file. `truncated` says the text is a prefix of a longer file, so its
 * last record may be cut off and is dropped.
 */
export function inspectSample(text: string, fileName: string, truncated: boolean): Inspection {
	const body = text.replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', preview: SAMPLE_ROWS + 2 });
	const records = parsed.data;
	if (truncated && records.length > 1 && parsed.meta.truncated === false) records.pop();
	const delimiter = parsed.meta.delimiter || ',';
	const lineEnding = parsed.meta.linebreak === '\r\n' ? 'CRLF' : parsed.meta.linebreak === '\r' ? 'CR' : 'LF';
	const first = records[0] ?? [];
	const format = detectFormat(first, delimiter);
	const hasHeader = formatHasHeader(format) && !looksLikeData(first);
	const columns =
		format === 'gdelt-events'
			? [...GDELT_EVENT_COLUMNS]
			: uniqueColumns(hasHeader ? first : first.map((_, i) => `column_${i + 1}`));
	const sample = records.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + SAMPLE_ROWS);
	const mapping = defaultMapping(format, columns, fileName);
	const date = detectDateFormat(columnValues(sample, columns, mapping.date));
	if (!mapping.dateFormat) mapping.dateFormat = date.format;
	// An optional count column left blank (Parallax's own files) means one article per row.
	if (mapping.count && columnValues(sample, columns, mapping.count).every((v) => v.trim() === '')) mapping.count = null;
	if (mapping.count) mapping.decimal = detectDecimalMark(columnValues(sample, columns, mapping.count), delimiter);
	return { format, delimiter, lineEnding, hasHeader, columns, sample, mapping, date };
}

/** A first line made only of numbers and dates is data, not a header. */
function looksLikeData(row: string[]): boolean {
	const cells = row.map((c) => c.trim()).filter((c) => c !== '');
	return cells.length > 0 && cells.every((c) => /^[-+\d.,:/ T]+$/.test(c));
}

/** How the bytes are encoded: a BOM, valid UTF-8, or else a legacy single-byte code page. */
export function detectEncoding(bytes: Uint8Array): { encoding: string; bom: boolean } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
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

export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
