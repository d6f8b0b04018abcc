import { describe, expect, it } from 'vitest';
import { formatIssue, neutraliseCell, parseTable, toCsv } from '../../src/lib/domain/ledger/table';
import { EventSchema, isRealIsoDate, wordCount } from '../../src/lib/domain/ledger/schemas';

const HEADER = 'id,title,start_date,end_date,summary,source_urls,narratives';

function issues(text: string) {
	return parseTable('events.csv', text, EventSchema).issues.map(formatIssue);
}

describe('parseTable', () => {
	it('parses a valid file, with a BOM and CRLF line ends', () => {
		const text = `\uFEFF${HEADER}\r\nhague,"The Hague, summit",2025-06-24,2025-06-25,"Line one\r\nline two",https://a.example/x;https://b.example/y,Praise of Russia\r\n`;
		const result = parseTable('events.csv', text, EventSchema);
		expect(result.issues).toEqual([]);
		expect(result.rows[0]).toMatchObject({
			title: 'The Hague, summit',
			summary: 'Line one\r\nline two',
			source_urls: ['https://a.example/x', 'https://b.example/y'],
			narratives: ['Praise of Russia']
		});
	});

	it('reports an empty file', () => {
		expect(issues('')).toEqual(['events.csv:1:* — the file is empty']);
	});

	it('reports missing, unknown and duplicate columns on row 1', () => {
		expect(issues('id,title,title,start_date,end_date,summary,extra\n')).toEqual([
			'events.csv:1:title — duplicate column',
			'events.csv:1:extra — unknown column; expected id, title, start_date, end_date, summary, source_urls, narratives',
			'events.csv:1:source_urls — missing column',
			'events.csv:1:narratives — missing column'
		]);
	});

	it('locates a bad cell by spreadsheet row and column', () => {
		const text = `${HEADER}\nok,Fine,2025-06-24,2025-06-25,S,https://a.example/,\nbad,Bad,2025-02-30,2025-06-25,S,https://a.example/,\n`;
		expect(issues(text)).toEqual(['events.csv:3:start_date — "2025-02-30" is not a real date in the form yyyy-mm-dd']);
	});

	it('rejects non-https URLs, empty required text and reversed ranges', () => {
		const text = `${HEADER}\ne1,,2025-06-25,2025-06-24,S,http://a.example/,\n`;
		expect(issues(text)).toEqual([
			'events.csv:2:title — must not be empty',
			'events.csv:2:source_urls — "http://a.example/" is not a well-formed https URL',
			'events.csv:2:end_date — end_date is before start_date'
		]);
	});

	it('reports ragged rows and unterminated quotes', () => {
		expect(issues(`${HEADER}\ne1,T,2025-06-24\n`)).toEqual(['events.csv:2:* — has 3 fields; the header has 7']);
		expect(issues(`${HEADER}\ne1,"T,2025-06-24,2025-06-25,S,https://a.example/,\n`)[0]).toMatch(/^events\.csv:2:\* — CSV syntax: .*quote/i);
	});
});

describe('dates and words', () => {
	it('accepts only real calendar days', () => {
		expect(isRealIsoDate('2024-02-29')).toBe(true);
		expect(isRealIsoDate('2025-02-29')).toBe(false);
		expect(isRealIsoDate('2025-13-01')).toBe(false);
		expect(isRealIsoDate('25.06.2025')).toBe(false);
	});
	it('counts words on whitespace', () => {
		expect(wordCount('  one two\nthree ')).toBe(3);
		expect(wordCount('')).toBe(0);
		expect(wordCount('one – two … three')).toBe(3);
	});
});

describe('CSV export', () => {
	it('neutralises formula-like cells but keeps numbers', () => {
		expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		expect(neutraliseCell('+1')).toBe(`'+1`);
		expect(neutraliseCell('-1')).toBe(`'-1`);
		expect(neutraliseCell('@sum')).toBe(`'@sum`);
		expect(neutraliseCell('\tx')).toBe(`'\tx`);
		expect(neutraliseCell(-3)).toBe('-3');
		expect(neutraliseCell(['a', 'b'])).toBe('a;b');
	});
	it('quotes commas, quotes and newlines', () => {
		expect(toCsv(['a', 'b'], [{ a: 'x, "y"', b: 2 }])).toBe('a,b\r\n"x, ""y""",2');
	});
});
