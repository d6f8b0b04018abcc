// Writes the bad-input fixtures that cannot be typed in an editor: other encodings, binary
// files, and (only when asked, at test time) files too large to commit. Deterministic: the same
// bytes on every run, so a changed fixture shows up in `git diff`.
//
//   node scripts/make-bad-fixtures.mjs            small generated fixtures into tests/fixtures/bad/
//   node scripts/make-bad-fixtures.mjs --huge DIR  also the large ones, into DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEADER = 'date,outlet,group,event,language,frames,count,title,url';

/** @param {string} text */
function utf16le(text) {
	return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** @param {Buffer} le little-endian UTF-16 without BOM */
function swapBytes(le) {
	const be = Buffer.from(le);
	be.swap16();
	return be;
}

const UTF16_TEXT = `${HEADER}\r\n2025-06-24,Süddeutsche Zeitung,,,de,,1,Gipfel in Den Haag,\r\n2025-06-25,ТАСС,,,ru,,1,Саммит НАТО,\r\n`;

/** Small generated fixtures, committed. @returns {Record<string, Buffer>} */
export function smallFixtures() {
	const le = Buffer.from(UTF16_TEXT, 'utf16le');
	// PNG signature and an IHDR chunk: what a screenshot renamed to .csv starts with.
	const png = Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
		Buffer.from(Array.from({ length: 240 }, (_, i) => (i * 37) % 256))
	]);
	// Local file header of a ZIP (what an .xlsx is), naming a worksheet.
	const zip = Buffer.concat([
		Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
		Buffer.from('xl/worksheets/sheet1.xml'),
		Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 91) % 256))
	]);
	// gzip header and a body that would inflate enormously: compressed uploads are refused unread.
	const gzip = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]), Buffer.alloc(120, 0xed)]);
	return {
		'utf16le-bom.csv': utf16le(UTF16_TEXT),
		'utf16be-bom.csv': Buffer.concat([Buffer.from([0xfe, 0xff]), swapBytes(le)]),
		'utf16le-no-bom.csv': le,
		'latin1.csv': Buffer.from(
			`${HEADER}\n2025-06-24,Le Monde diplomatique,,,fr,,1,Sommet de l'OTAN à La Haye,\n2025-06-25,Süddeutsche Zeitung,,,de,,1,Gipfel für Europa,\n`,
			'latin1'
		),
		'control-characters.csv': Buffer.from(
			`${HEADER}\n2025-06-24,Bell\u0007News,,,en,,1,A headline,\n2025-06-25,Clean Outlet,,,en,,1,Escape\u001b[31m red,\n2025-06-26,Tabbed Outlet,,,en,,1,"Line one\nline two",\n`
		),
		'nul-byte.csv': Buffer.from(`${HEADER}\n2025-06-24,Nul\u0000Outlet,,,en,,1,A headline,\n`),
		'binary.csv': png,
		'xlsx-renamed.csv': zip,
		'gzip-compressed.csv': gzip
	};
}

/** Fixtures over 1 MB, written at test time only. @returns {Record<string, Buffer>} */
export function hugeFixtures() {
	const mega = 'x'.repeat(1024 * 1024);
	const columns = Array.from({ length: 5000 }, (_, i) => (i < 9 ? HEADER.split(',')[i] : `extra_${i + 1}`));
	const values = Array.from({ length: 5000 }, (_, i) => ['2025-06-24', 'Wide Outlet', '', '', 'en', '', '1', 'Wide', ''][i] ?? String(i));
	return {
		// A scraped archive's `text` column may hold a long article; a title may not.
		'long-field.csv': Buffer.from(
			`${HEADER},text\n2025-06-24,Long Text Daily,,,en,,1,Short title,,"${mega}"\n2025-06-25,Long Text Daily,,,en,,1,${mega},,short\n`
		),
		'many-columns.csv': Buffer.from(`${columns.join(',')}\n${values.join(',')}\n`)
	};
}

/** @param {string} dir @param {Record<string, Buffer>} files */
export function writeFixtures(dir, files) {
	mkdirSync(dir, { recursive: true });
	for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	writeFixtures(fileURLToPath(new URL('../tests/fixtures/bad/', import.meta.url)), smallFixtures());
	const target = process.argv[process.argv.indexOf('--huge') + 1];
	if (process.argv.includes('--huge') && target) writeFixtures(target, hugeFixtures());
}
