import { counted, type ImportMessage } from './messages';

/**
 * Limits and refusals shared by the browser import and the server import, so both say the
 * same thing about the same file.
 */

/** Default upload size (PARALLAX_UPLOAD_MAX_BYTES on the server). */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/**
 * More columns than any coverage export has; a file past this is a mistake (a transposed
 * table, a binary file) and would make the preview and the mapping selects unusable.
 */
export const MAX_COLUMNS = 1000;

/** 200 MB, 1.5 MB, 64 KB, 200 bytes: a limit written so a researcher can compare it with a file. */
export function formatBytes(bytes: number): ImportMessage {
	if (bytes >= 1024 * 1024) return { key: 'import.bytes.mb', params: { size: bytes / 1024 / 1024 } };
	if (bytes >= 1024) return { key: 'import.bytes.kb', params: { size: bytes / 1024 } };
	return { key: 'import.bytes.b', params: { size: bytes } };
}

/** Said of "the upload" on the server, and of the file by its quoted name in the browser. */
export function tooLarge(limit: number, file?: string): ImportMessage {
	return file === undefined
		? { key: 'import.refusal.uploadTooLarge', params: { limit: formatBytes(limit) } }
		: { key: 'import.refusal.fileTooLarge', params: { file, limit: formatBytes(limit) } };
}

/**
 * Why the first bytes of a file cannot be CSV text, or null when they can. Checked before
 * parsing, because a parser fed an image or a workbook reports thousands of meaningless rows.
 * UTF-16 is text (it is recognised by detectEncoding) and is not refused here.
 */
export function notTextReason(head: Uint8Array): ImportMessage | null {
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
		return { key: 'import.notText.zip' };
	}
	if (head[0] === 0x1f && head[1] === 0x8b) {
		return { key: 'import.notText.gzip' };
	}
	if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
		return { key: 'import.notText.pdf' };
	}
	// Text in any supported encoding other than UTF-16 has no NUL bytes; binary data nearly always does.
	if (!head.includes(0)) return null;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < head.length; i++) {
		if (head[i] !== 0) continue;
		if (i % 2 === 0) even++;
		else odd++;
	}
	// ASCII in UTF-16 puts a NUL in every other byte; without a BOM the byte order is a guess.
	if (Math.max(even, odd) > head.length / 4 && Math.min(even, odd) < head.length / 50) {
		return { key: 'import.notText.utf16' };
	}
	return { key: 'import.notText.binary' };
}

/** Names a header holds more than once, each listed once. */
export function duplicateNames(names: string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const name of names) {
		if (seen.has(name)) repeated.add(name);
		seen.add(name);
	}
	return [...repeated];
}

/**
 * A row whose field count differs from the header's. When its last cell runs over a line
 * break, a quote that was never closed has most likely swallowed the following lines.
 */
export function fieldCountReason(cells: string[], expected: number): ImportMessage {
	const reason: ImportMessage = { key: 'import.reason.fields', params: { fields: counted('import.n.field', cells.length), expected } };
	if (/[\r\n]/.test(cells.at(-1) ?? '')) return { key: 'import.reason.fieldsUnclosed', params: { reason } };
	// The usual cause: a title with a comma in it, written without quotes around it.
	return cells.length > expected ? { key: 'import.reason.fieldsUnquoted', params: { reason } } : reason;
}
