import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATASET_COLUMNS, DATASET_MAPPING } from '../../src/lib/domain/import/dataset';
import { packText, textAt } from '../../src/lib/domain/import/columnar';
import { coverageRecordsOf, type LocalDataset } from '../../src/lib/domain/import/local-dataset';
import { Importer } from '../../src/lib/domain/import/importer';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import { mapRow, RowMapper } from '../../src/lib/domain/import/mapping';
import { domainOf } from '../../src/lib/domain/import/outlets';
import { ImportedCoverageRowSchema, isPlainTitle, isWebUrl, type ImportedCoverageRow } from '../../src/lib/domain/ledger/schemas';

const { title: titleSchema, url: urlSchema } = ImportedCoverageRowSchema.shape;

/** Strings near every rule of the title and url schemas, and some that are nowhere near. */
function tricky(): string[] {
	const chars = [
		'a',
		' ',
		'\t',
		'\n',
		'\r',
		'\u0000',
		'\u0001',
		'\u001f',
		'\u007f',
		'\u00a0',
		'\u200b',
		'\ufeff',
		'\u202f',
		'é',
		'Д',
		'😀',
		'.',
		'/',
		':',
		'-',
		'@',
		'#',
		'?',
		'%',
		'\\'
	];
	const out = ['', ' ', 'x'.repeat(2000), ` ${'x'.repeat(2000)} `, 'x'.repeat(2001), `${'x'.repeat(1999)}\u0001`];
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	for (let i = 0; i < 3000; i++)
		out.push(Array.from({ length: 1 + Math.floor(random() * 12) }, () => chars[Math.floor(random() * chars.length)]).join(''));
	const hosts = [
		'a.b',
		'example.com',
		'EXAMPLE.COM',
		'a-.b',
		'-a.b',
		'a..b',
		'a.b.',
		'1.2.3.4',
		'1.2.3.256',
		'a.0x1',
		'a.1',
		'xn--a.com',
		'a.xn--zz',
		'xn--nxasmq6b.com',
		'localhost',
		`${'a'.repeat(64)}.com`,
		'a_b.com',
		'ä.com',
		'a.b:80',
		'a.b:99999',
		'user@a.b',
		'a.b\\c'
	];
	const tails = ['', '/', '/x y', '/a?b#c', '?q', '#f', '/%zz', '/\u0001', '/ä', ' /x'];
	for (const scheme of ['https://', 'http://', 'HTTP://', 'ftp://', 'https:/', 'https:', '', ' https://']) {
		for (const host of hosts) for (const tail of tails) out.push(`${scheme}${host}${tail}`);
	}
	return out;
}

describe('per-row fast checks', () => {
	it('isPlainTitle holds exactly when the title schema accepts a value as it is', () => {
		for (const value of tricky()) {
			const result = titleSchema.safeParse(value);
			expect(isPlainTitle(value), JSON.stringify(value)).toBe(result.success && result.data === value);
		}
	});

	it("isWebUrl's plain form never accepts what the URL parser refuses", () => {
		for (const value of tricky()) {
			let parsed = false;
			try {
				const url = new URL(value);
				// Whitespace the parser drops or encodes is refused: two links in one cell are not one link.
				parsed = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(value);
			} catch {
				parsed = false;
			}
			expect(isWebUrl(value), JSON.stringify(value)).toBe(parsed);
			// The row check takes a trimmed cell, which the union keeps as it is when it accepts it.
			const trimmed = value.trim();
			const result = urlSchema.safeParse(trimmed);
			expect(trimmed === '' || isWebUrl(trimmed)).toBe(result.success && result.data === trimmed);
		}
	});

	it.each([false, true])('RowMapper maps tricky titles and links exactly as mapRow does (mend: %s)', (mend) => {
		const index = new Map(DATASET_COLUMNS.map((c, i) => [c, i]));
		const mapper = new RowMapper(index, DATASET_MAPPING, { mend });
		const values = tricky();
		values.forEach((value, i) => {
			const cells = ['2025-06-25', 'A', '', '', 'en', 'x', '1', value, values[(i * 7) % values.length]!];
			expect(mapper.map(cells, i + 2), JSON.stringify(cells)).toEqual(mapRow(cells, index, DATASET_MAPPING, i + 2, { mend }));
		});
	});
});

/** What the import made of a file, row by row through mapRow alone: the slow path, for reference. */
function reference(records: string[][], columns: string[], mapping: Parameters<typeof mapRow>[2]) {
	const index = new Map(columns.map((c, i) => [c, i]));
	const rows: ImportedCoverageRow[] = [];
	const outlets = new Map<string, { key: string; domain: string; rows: number }>();
	const urlColumn = mapping.outletUrl ?? mapping.url;
	records.forEach((cells, i) => {
		if (cells.length !== columns.length) return;
		// The upload keeps a row whose link is no address, as the Importer asks mapRow to.
		const { row } = mapRow(cells, index, mapping, i + 2, { mend: true });
		if (!row) return;
		rows.push(row);
		const outlet = outlets.get(row.outlet) ?? { key: row.outlet, domain: '', rows: 0 };
		outlets.set(row.outlet, outlet);
		outlet.rows++;
		if (!outlet.domain && urlColumn) outlet.domain = domainOf(cells[index.get(urlColumn) ?? -1] ?? '');
	});
	const dates = rows.map((r) => r.date).sort();
	return {
		rows,
		outlets: [...outlets.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)),
		frames: [...new Set(rows.flatMap((r) => r.frames))].sort(),
		range: dates.length ? { start: dates[0], end: dates[dates.length - 1] } : null
	};
}

function expectSameAsReference(text: string, name: string) {
	const inspection = inspectSample(text, name, false);
	const mapping = {
		...inspection.mapping,
		dateFormat: inspection.mapping.dateFormat ?? inspection.date.format,
		outletSeparator: '',
		reshape: null
	};
	const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
		skipEmptyLines: 'greedy',
		delimiter: inspection.delimiter
	}).data.slice(inspection.hasHeader ? 1 : 0);
	const importer = new Importer(inspection.columns, mapping, inspection.hasHeader);
	for (const record of records) importer.push(record);
	const result = importer.finish();
	const expected = reference(records, inspection.columns, mapping);
	const dataset = { data: result.data, groupOf: {} } as unknown as LocalDataset;
	const got = coverageRecordsOf(dataset).map((r, i) => ({
		...r,
		group: result.data.dict.group[result.data.group[i]!],
		event: result.data.dict.event[result.data.event[i]!],
		title: textAt(result.data.title, i),
		url: textAt(result.data.url, i),
		...(result.data.text && textAt(result.data.text, i) !== '' && { text: textAt(result.data.text, i) })
	}));
	expect(got).toEqual(expected.rows.map((r) => ({ ...r })));
	expect(result.outlets).toEqual(expected.outlets);
	expect(result.frames).toEqual(expected.frames);
	expect(result.range).toEqual(expected.range);
}

describe('Importer fast path', () => {
	const dir = new URL('../fixtures/formats/', import.meta.url);
	for (const file of readdirSync(dir)) {
		it(`imports ${file} as mapRow does, row by row`, () => expectSameAsReference(readFileSync(new URL(file, dir), 'utf8'), file));
	}

	it('imports valid, invalid and repeated dataset rows as mapRow does, row by row', () => {
		const header = DATASET_COLUMNS.join(',');
		const lines = [
			'2025-06-25,A,g,e,EN,x;y; x,1,T,https://a.example/1',
			'2025-06-24, A ,g,,en,x,2, T ,https://b.example/2',
			'2025-02-30,A,g,e,en,x,1,T,https://a.example/3',
			'2025-06-23,B,,,,,-1,T,https://a.example/4',
			'2025-06-23,B,,,,,1,T\u200b,https://c.example/4',
			'2025-06-22,A\u200b,g,e,en,,1,T,not a link',
			'2025-06-22,A\u200b,g,e,en,,1,T,',
			'2025-06-21,C,g,e,en,;;,1,,https://www.c.example/x',
			'2025-06-25,A,g,e,EN,x;y; x,1,T,https://a.example/1'
		];
		expectSameAsReference([header, ...lines].join('\n'), 'dataset.csv');
	});
});

describe('packed text', () => {
	it('gives back every value exactly, long ones and surrogate pairs included, and blanks before the first value', () => {
		const values = ['', '', 'a', '😀 Д', 'x'.repeat(20_000) + '😀', '', '\u0000\ufeff', '\ufeffBOM first'];
		const packed = packText(values);
		expect(values.map((_, i) => textAt(packed, i))).toEqual(values);
		expect(packText(['', '']).ends).toHaveLength(0);
		// Thousands of values, ASCII and not, growing the buffer several times.
		const many = Array.from({ length: 5000 }, (_, i) => (i > 2500 && i % 97 === 0 ? `Д${i}😀` : i % 3 === 0 ? '' : `title ${i}`));
		const packedMany = packText(many);
		expect(many.map((_, i) => textAt(packedMany, i))).toEqual(many);
	});
});
