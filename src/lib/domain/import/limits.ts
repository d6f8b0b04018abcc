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

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** 200 MB, 1.5 MB, 64 KB, 200 bytes: a limit written so a researcher can compare it with a file. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${number.format(bytes / 1024 / 1024)} MB`;
	if (bytes >= 1024) return `${number.format(bytes / 1024)} KB`;
	return `${number.format(bytes)} bytes`;
}

/** `subject` is "The upload" on the server and the file's quoted name in the browser. */
export function tooLarge(limit: number, subject = 'The upload'): string {
	return `${subject} is larger than ${formatBytes(limit)}, the most this server accepts.`;
}

/**
 * Why the first bytes of a file cannot be CSV text, or null when they can. Checked before
 * parsing, because a parser fed an image or a workbook reports thousands of meaningless rows.
 * UTF-16 is text (it is recognised by detectEncoding) and is not refused here.
 */
export function notTextReason(head: Uint8Array): string | null {
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
		return 'it is a ZIP archive or an Excel workbook. Open it in its program and save it as CSV (UTF-8).';
	}
	if (head[0] === 0x1f && head[1] === 0x8b) {
		return 'it is gzip-compressed. Uncompress it first; compressed uploads are not accepted.';
	}
	if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
		return 'it is a PDF document. Export the table as CSV (UTF-8).';
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
		return 'it looks like UTF-16 text without a byte-order mark. Save it as CSV (UTF-8) and upload it again.';
	}
	return 'it holds binary data, perhaps an image, workbook or archive renamed to .csv. Export the table as CSV (UTF-8).';
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
export function fieldCountReason(cells: string[], expected: number): string {
	const reason = `has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${expected}`;
	if (/[\r\n]/.test(cells.at(-1) ?? '')) return `${reason} (a quote (") that is never closed joined the following lines into this row)`;
	// The usual cause: a title with a comma in it, written without quotes around it.
	return cells.length > expected
		? `${reason} (a separator inside a cell that is not in quotes splits it; put that cell in double quotes)`
		: reason;
}
