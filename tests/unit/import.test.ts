import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dateFormLabel, detectDateFormat, parseDate } from '../../src/lib/domain/import/dates';
import { detectFormat, defaultMapping, emptyMapping } from '../../src/lib/domain/import/formats';
import { textAt } from '../../src/lib/domain/import/columnar';
import { coverageRecordsOf, datasetCsvParts, type LocalDataset } from '../../src/lib/domain/import/local-dataset';
import { Importer } from '../../src/lib/domain/import/importer';
import { detectEncoding, inspectSample } from '../../src/lib/domain/import/inspect';
import { mapRow, mappingProblems, RowMapper } from '../../src/lib/domain/import/mapping';
import { detectDecimalMark, parseNumber } from '../../src/lib/domain/import/numbers';
import { domainOf, groupId, splitOutlets, suggestGroups } from '../../src/lib/domain/import/outlets';
import { issuesCsv, ReportBuilder, rowIssueMessage, shapeNotes, type RowIssue } from '../../src/lib/domain/import/report';
import { english } from '../fixtures/bad/harness';
import { parsePeriod, periodColumns, reshapePlan, reshapeRecord } from '../../src/lib/domain/import/wide';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url), 'utf8');

/** The whole import path the worker runs, on a fixture held in memory. */
function importFixture(name: string, text = fixture(name)) {
	const inspection = inspectSample(text, name, false);
	const importer = new Importer(inspection.columns, inspection.mapping, inspection.hasHeader);
	const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: inspection.delimiter }).data;
	for (const record of records.slice(inspection.hasHeader ? 1 : 0)) importer.push(record);
	return { inspection, result: importer.finish() };
}

const formatRowIssue = (issue: RowIssue) => english(rowIssueMessage(issue));

describe('format detection', () => {
	it.each([
		['mediacloud-legacy.csv', 'mediacloud-legacy', ','],
		['mediacloud-current.csv', 'mediacloud-current', ','],
		['mediacloud-attention.csv', 'mediacloud-attention', ','],
		['gdelt-timeline.csv', 'gdelt-timeline', ','],
		['gdelt-events.tsv', 'gdelt-events', '\t'],
		['euvsdisinfo-database.csv', 'euvsdisinfo-database', ';'],
		['euvsdisinfo-cases.csv', 'euvsdisinfo-cases', ','],
		['parallax.csv', 'parallax', ','],
		['bad-rows.csv', 'unknown', ','],
		['wide-years.csv', 'unknown', ';']
	])('recognises %s', (file, format, delimiter) => {
		const inspection = inspectSample(fixture(file), file, false);
		expect(inspection.format).toBe(format);
		expect(inspection.delimiter).toBe(delimiter);
	});

	it('reads the GDELT timeline header through a BOM', () => {
		expect(fixture('gdelt-timeline.csv').charCodeAt(0)).toBe(0xfeff);
		expect(detectFormat(['\uFEFFDate', 'Series', 'Value'], ',')).toBe('gdelt-timeline');
	});

	it('names the 61 GDELT event columns and takes the date and URL from SQLDATE and SOURCEURL', () => {
		const { inspection } = importFixture('gdelt-events.tsv');
		expect(inspection.hasHeader).toBe(false);
		expect(inspection.columns).toHaveLength(61);
		expect(inspection.columns[1]).toBe('SQLDATE');
		expect(inspection.columns[60]).toBe('SOURCEURL');
		expect(inspection.mapping).toMatchObject({ date: 'SQLDATE', dateFormat: 'ymd-compact', url: 'SOURCEURL' });
	});

	it('does not take a 61-column file with a header, or a comma file, for GDELT events', () => {
		const header = Array.from({ length: 61 }, (_, i) => `c${i}`);
		expect(detectFormat(header, '\t')).toBe('unknown');
		expect(detectFormat(['1', '20240101', ...Array(59).fill('')], ',')).toBe('unknown');
	});

	it('reports CRLF line ends and keeps line breaks inside quoted fields', () => {
		const { inspection } = importFixture('euvsdisinfo-database.csv');
		expect(inspection.lineEnding).toBe('CRLF');
		expect(inspection.sample[0]?.[9]).toBe('A made-up summary\r\nover two lines.');
		expect(inspection.sample[0]?.[10]).toBe('A made-up disproof\nwith a bare LF.');
	});

	it('drops a record cut off at the end of a truncated sample', () => {
		const text = 'date,count,total_count,ratio\n2024-01-01,1,2,0.5\n2024-01-02,3,4,0.7';
		expect(inspectSample(text, 'x.csv', true).sample).toHaveLength(1);
		expect(inspectSample(text, 'x.csv', false).sample).toHaveLength(2);
	});

	it('detects UTF-8 with and without BOM, and a legacy code page', () => {
		expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bom: true });
		expect(detectEncoding(new TextEncoder().encode('ТАСС'))).toEqual({ encoding: 'utf-8', bom: false });
		// "ТАСС" in Windows-1251
		expect(detectEncoding(new Uint8Array([0xd2, 0xc0, 0xd1, 0xd1])).encoding).toBe('windows-1251');
	});
});

describe('dates', () => {
	it.each([
		['2024-03-01', 'iso', '2024-03-01'],
		['2020-10-15 00:00:00', 'iso-datetime', '2020-10-15'],
		['2020-10-15 13:02:11.123456', 'iso-datetime', '2020-10-15'],
		['2020-10-15T13:02:11Z', 'iso-datetime', '2020-10-15'],
		// A story without a time of day, as Media Cloud writes it in the same column.
		['2020-10-15', 'iso-datetime', '2020-10-15'],
		['05.03.2022', 'dmy-dot', '2022-03-05'],
		['5.3.2022', 'dmy-dot', '2022-03-05'],
		['20240105', 'ymd-compact', '2024-01-05'],
		['202401', 'ym-compact', '2024-01-01'],
		['03/02/2024', 'dmy-slash', '2024-02-03'],
		['03/02/2024', 'mdy-slash', '2024-03-02']
	] as const)('parses %s as %s', (value, format, expected) => {
		expect(parseDate(value, format)).toBe(expected);
	});

	it('rejects impossible and malformed dates', () => {
		expect(parseDate('2025-02-30', 'iso')).toBeNull();
		expect(parseDate('31.02.2024', 'dmy-dot')).toBeNull();
		expect(parseDate('20241301', 'ymd-compact')).toBeNull();
		expect(parseDate('202413', 'ym-compact')).toBeNull();
		expect(parseDate('2024-03-01', 'dmy-dot')).toBeNull();
		expect(parseDate('', 'iso')).toBeNull();
	});

	it('detects formats from a column, leap days included', () => {
		expect(detectDateFormat(['2024-02-29', '2024-03-01'])).toMatchObject({ format: 'iso', ambiguous: [] });
		expect(detectDateFormat(['2020-10-15 00:00:00', '2020-10-15 13:02:11.123456']).format).toBe('iso-datetime');
		expect(detectDateFormat(['05.03.2022', '31.12.2022']).format).toBe('dmy-dot');
		expect(detectDateFormat(['20240105']).format).toBe('ymd-compact');
		expect(detectDateFormat(['202401', '202402']).format).toBe('ym-compact');
	});

	it('settles slashed dates only when a value says which part is the day', () => {
		expect(detectDateFormat(['01/02/2024', '25/02/2024'])).toMatchObject({ format: 'dmy-slash', ambiguous: [] });
		expect(detectDateFormat(['01/02/2024', '02/25/2024'])).toMatchObject({ format: 'mdy-slash', ambiguous: [] });
		expect(detectDateFormat(['01/02/2024', '02/03/2024'])).toEqual({ format: null, ambiguous: ['dmy-slash', 'mdy-slash'], fit: 1 });
		// Both readings are contradicted somewhere: still a question, not a guess.
		expect(detectDateFormat(['25/02/2024', '02/25/2024']).ambiguous).toEqual(['dmy-slash', 'mdy-slash']);
	});

	it('asks about the ambiguous fixture instead of guessing', () => {
		const inspection = inspectSample(fixture('ambiguous-dates.csv'), 'ambiguous-dates.csv', false);
		expect(inspection.date.ambiguous).toEqual(['dmy-slash', 'mdy-slash']);
		expect(inspection.mapping.dateFormat).toBeNull();
		expect(mappingProblems(inspection.mapping, inspection.columns).map(english)).toContain('Choose how the dates are written.');
	});

	it('gives up on a column that is mostly not dates', () => {
		expect(detectDateFormat(['hello', 'world', '2024-01-01'])).toMatchObject({ format: null, ambiguous: [] });
		expect(detectDateFormat(['', ' '])).toMatchObject({ format: null });
	});
});

describe('numbers', () => {
	it.each([
		['12', '.', 12],
		['-1,701.20', '.', -1701.2],
		['1,234,567', '.', 1234567],
		['-0.300000012', '.', -0.300000012],
		['1,34652', ',', 1.34652],
		['1.234,5', ',', 1234.5],
		['1 234,5', ',', 1234.5],
		['1\u00a0234', '.', 1234],
		['1e3', '.', 1000]
	] as const)('parses %s with decimal mark %s', (value, mark, expected) => {
		expect(parseNumber(value, mark)).toBeCloseTo(expected, 9);
	});

	it('rejects what is not a number', () => {
		for (const v of ['', 'x', '1,2,3.4.5', '12abc', '1,34652']) expect(parseNumber(v, '.')).toBeNull();
	});

	it('detects the decimal mark of a column', () => {
		expect(detectDecimalMark(['1,34652', '2,5'], ';')).toBe(',');
		expect(detectDecimalMark(['0.003', '"-1,701.20"'.replace(/"/g, '')], ',')).toBe('.');
		// "1,234" alone could be either: the file's delimiter decides.
		expect(detectDecimalMark(['1,234'], ',')).toBe('.');
		expect(detectDecimalMark(['1,234'], ';')).toBe(',');
		expect(inspectSample(fixture('ambiguous-dates.csv'), 'a.csv', false).mapping.decimal).toBe(',');
	});
});

describe('mapping', () => {
	it('maps a Media Cloud story export to article rows with outlet domains', () => {
		const { result } = importFixture('mediacloud-legacy.csv');
		expect(result.report).toMatchObject({ rows: 4, validRows: 4, invalidRows: 0, groups: [] });
		expect(result.outlets.map((o) => [o.key, o.domain])).toEqual([
			['Example News', 'example-news.org'],
			['Meduza', 'meduza.io'],
			['Reuters', 'reuters.com'],
			['tass.com', 'tass.com']
		]);
		expect(result.range).toEqual({ start: '2022-02-21', end: '2022-02-22' });
		expect([...result.data.count]).toEqual([1, 1, 1, 1]);
	});

	it('says when rows repeat the link of an earlier row, compared byte for byte however many rows there are', () => {
		const header = 'id,indexed_date,language,media_name,media_url,publish_date,title,url\n';
		const story = (i: number, url: string) => `s${i},2024-03-02 10:00:00,ru,ria.ru,https://ria.ru,2024-03-01,Заголовок ${i},${url}\n`;
		// Enough distinct links to grow the table several times; the repeats come after, one of them non-ASCII.
		const links = Array.from({ length: 5000 }, (_, i) => `https://ria.ru/2024/${i}/новость.html`);
		const text =
			header +
			links.map((url, i) => story(i, url)).join('') +
			story(5000, links[17]!) +
			story(5001, 'https://ria.ru/2024/17/новость.html?') +
			story(5002, links[4321]!) +
			story(5003, '');
		const { result } = importFixture('mediacloud-current.csv', text);
		expect(result.report.validRows).toBe(5004);
		expect(result.changes.repeats).toEqual({ rows: 2, example: { row: 5002, url: links[17] } });
		expect(shapeNotes(result.changes).map(english)).toEqual([
			`Repeated links: 2 rows with the same link as an earlier row (the first repeat: row 5,002, ${links[17]}). Each row is counted as an article. If the file lists the same article more than once, as an export of several searches can, remove the repeats and check again; if it lists an article once per event or search on purpose, the counts are of those.`
		]);
		expect(importFixture('mediacloud-current.csv').result.changes.repeats).toEqual({ rows: 0, example: null });
	});

	it('keeps rows whose link has no scheme or is no address, reads the first as https, and says so once per file row', () => {
		const header = 'id,indexed_date,language,media_name,media_url,publish_date,title,url\n';
		const story = (i: number, url: string) => `s${i},2024-03-02 10:00:00,ru,ТАСС,tass.ru,2024-03-01,Заголовок ${i},${url}\n`;
		const text =
			header +
			story(1, 'https://tass.ru/politika/1') +
			story(2, 'www.tass.ru/politika/2') +
			story(3, '//tass.ru/politika/3') +
			story(4, 'n/a') +
			story(5, 'tass.ru/politika/5') +
			story(6, 'javascript:alert(1)') +
			story(7, 'ftp://tass.ru/6');
		const { result } = importFixture('mediacloud-current.csv', text);
		expect(result.report.validRows).toBe(7);
		expect(result.report.groups).toEqual([]);
		expect(Array.from({ length: 7 }, (_, i) => textAt(result.data.url, i))).toEqual([
			'https://tass.ru/politika/1',
			'https://www.tass.ru/politika/2',
			'https://tass.ru/politika/3',
			'',
			'https://tass.ru/politika/5',
			'',
			''
		]);
		expect(result.changes.links).toEqual({
			column: 'url',
			https: { rows: 3, example: { row: 3, cell: 'www.tass.ru/politika/2' } },
			none: { rows: 3, example: { row: 5, cell: 'n/a' } }
		});
		expect(shapeNotes(result.changes).map(english)).toEqual([
			'Links without https://: 3 rows with an address in column “url” written without http:// or https:// (the first: row 3, “www.tass.ru/politika/2”). Each is read as an https:// address, as a browser would open it.',
			'Not web addresses: 3 rows with something other than a web address in column “url” (the first: row 5, “n/a”). Each such row is counted as an article, without a link. If “url” does not hold the articles’ addresses, choose another column for “Article address”, or none.'
		]);
		// A row refused for another cell is not counted as one whose link was kept.
		const refused = importFixture('mediacloud-current.csv', header + story(1, 'www.tass.ru/1').replace('2024-03-01', '2024-02-30'));
		expect(refused.result.report.validRows).toBe(0);
		expect(refused.result.changes.links?.https).toEqual({ rows: 0, example: null });
	});

	it('keeps a row whose title runs past 2,000 characters, cut there with an ellipsis, and says so', () => {
		const header = 'id,indexed_date,language,media_name,media_url,publish_date,title,url\n';
		const long = `Первый абзац статьи, попавший в заголовок: ${'слово '.repeat(400)}`.trim();
		const text = `${header}s1,2024-03-02,ru,ТАСС,tass.ru,2024-03-01,Короткий заголовок,https://tass.ru/1\ns2,2024-03-02,ru,ТАСС,tass.ru,2024-03-01,"${long}",https://tass.ru/2\n`;
		const { result } = importFixture('mediacloud-current.csv', text);
		expect(result.report.validRows).toBe(2);
		const title = textAt(result.data.title, 1);
		expect(title).toHaveLength(2000);
		expect(title).toBe(`${long.slice(0, 1999)}…`);
		expect(shapeNotes(result.changes).map(english)).toContain(
			`Long titles: 1 row with a title in column “title” longer than 2,000 characters (the first: row 3, ${long.length.toLocaleString('en-GB')} characters), each cut there and marked with “…”. A title this long is often an article’s text: if “title” holds texts, choose it as “Article text or summary” instead.`
		);
	});

	it('lets the API refuse a row whose link is no address, naming row and column', () => {
		const index = new Map([
			['date', 0],
			['outlet', 1],
			['url', 2]
		]);
		const mapping = { ...emptyMapping(), date: 'date', dateFormat: 'iso' as const, outlet: 'outlet', url: 'url' };
		expect(mapRow(['2024-01-02', 'TASS', 'www.tass.ru/1'], index, mapping, 4).issues.map(formatRowIssue)).toEqual([
			'row 4, column url: "www.tass.ru/1" is not a web address'
		]);
		// A placeholder or a number is no link, though each has a dot; a host's port is no scheme.
		const mended = (cell: string) => mapRow(['2024-01-02', 'TASS', cell], index, mapping, 4, { mend: true });
		for (const placeholder of ['n.a.', 'N.A.', '...', 'e.g', '12.5', '10.03.2022', 'localhost/x', 'mailto:desk@tass.ru'])
			expect(mended(placeholder).mended?.link, placeholder).toEqual({ cell: placeholder, as: 'none' });
		expect(mended('www.tass.ru:8080/x').row?.url).toBe('https://www.tass.ru:8080/x');
		expect(mended('xn--80ak6aa92e.com/x').row?.url).toBe('https://xn--80ak6aa92e.com/x');
		expect(mapRow(['2024-01-02', 'TASS', 'www.tass.ru/1'], index, mapping, 4, { mend: true })).toMatchObject({
			row: { url: 'https://www.tass.ru/1' },
			issues: [],
			mended: { link: { cell: 'www.tass.ru/1', as: 'https' } }
		});
	});

	it('maps count files: the GDELT timeline and an attention file with a named series', () => {
		const timeline = importFixture('gdelt-timeline.csv').result;
		expect(timeline.report.validRows).toBe(3);
		expect([...timeline.data.count]).toEqual([5, 9, 7]);
		expect(timeline.data.dict.outlet).toEqual(['Article Count']);
		expect(shapeNotes(timeline.changes)).toEqual([]);
		// The raw volume timeline adds the total GDELT monitored as a series, which the report points out.
		const withTotal = importFixture(
			'gdelt-timeline.csv',
			'\uFEFFDate,Series,Value\r\n2024-01-01,Article Count,5\r\n2024-01-01,Total Monitored Articles,512000\r\n'
		).result;
		expect(shapeNotes(withTotal.changes).map(english)).toEqual([
			'The series “Total Monitored Articles” is GDELT’s count of every article it monitored, the total the other series are part of. Charted beside them as a count, it dwarfs them: leave it out with the outlet-group filter on the charts page.'
		]);

		const attention = importFixture('mediacloud-attention.csv').result;
		expect([...attention.data.count]).toEqual([12, 30, 0]);
		expect(attention.data.dict.outlet).toEqual(['mediacloud-attention']);
	});

	it('maps GDELT events by source domain and EUvsDisinfo dd.mm.yyyy dates', () => {
		const gdelt = importFixture('gdelt-events.tsv').result;
		expect(gdelt.report.validRows).toBe(3);
		expect(gdelt.outlets.map((o) => o.key)).toEqual(['tass.com', 'kyivindependent.com']);

		const eu = importFixture('euvsdisinfo-database.csv');
		expect(eu.result.report.validRows).toBe(1);
		expect(eu.result.report.issues.map(formatRowIssue)).toEqual([
			'row 3, column date: "31.02.2022" read as dd.mm.yyyy is a day that does not exist'
		]);

		// Its `source` is the article's address; a cell listing several links gives the first.
		expect(eu.inspection.mapping).toMatchObject({ url: 'source', text: 'summary' });
		expect(textAt(eu.result.data.url, 0)).toBe('https://fixture.example/a');
		expect(textAt(eu.result.data.text!, 0)).toBe('A made-up summary over two lines.');

		const cases = importFixture('euvsdisinfo-cases.csv').result;
		expect(cases.report.validRows).toBe(2);
		expect(cases.outlets.map((o) => o.key).sort()).toEqual(['Fixture TV - English', 'RT - Russian', 'TASS - Russian']);
	});

	it('splits EUvsDisinfo cells naming several outlets into one row per outlet, and says so', () => {
		const { inspection, result } = importFixture('euvsdisinfo-cases.csv');
		expect(inspection.mapping.outletSeparator).toBe('+');
		// Two file rows, both valid; the first names two outlets, so the dataset has three rows.
		expect(result.report).toMatchObject({ rows: 2, validRows: 2, invalidRows: 0 });
		expect(result.data.length).toBe(3);
		const dataset: LocalDataset = {
			id: 'local-x',
			title: 't',
			fileName: 'cases.csv',
			format: 'euvsdisinfo-cases',
			kind: 'article',
			rows: 3,
			created: '',
			data: result.data,
			groupOf: {},
			groupLabels: {}
		};
		expect(coverageRecordsOf(dataset).map((r) => [r.date, r.outlet, r.count])).toEqual([
			['2023-05-04', 'TASS - Russian', 1],
			['2023-05-04', 'RT - Russian', 1],
			['2023-05-06', 'Fixture TV - English', 1]
		]);
		// Each outlet's row keeps the case's title and link.
		expect([0, 1].map((i) => textAt(result.data.title, i))).toEqual(['Fixture case one', 'Fixture case one']);
		expect(textAt(result.data.url, 1)).toBe('https://euvsdisinfo.eu/report/fixture-case-one/');
		expect(shapeNotes(result.changes).map(english)).toEqual([
			'Several outlets in one cell: 1 row of column “outlets” named more than one outlet and became 2 rows, one per outlet, each an appearance of the story.',
			'row 2: “TASS - Russian+RT - Russian” → “TASS - Russian”, “RT - Russian”',
			'Language names read as codes (2 values): “Russian” → ru, “English” → en.'
		]);
	});

	it('splits an EUvsDisinfo export whose outlets are joined with semicolons, and says so', () => {
		const resaved = fixture('euvsdisinfo-cases.csv').replace('TASS - Russian+RT - Russian', 'TASS - Russian; RT - Russian');
		const { inspection, result } = importFixture('euvsdisinfo-cases.csv', resaved);
		expect(inspection.mapping.outletSeparator).toBe(';');
		expect(inspection.notes.map(english)).toContain(
			'Outlets in column “outlets” are joined with “;”, not with this export’s usual “+”: each cell is split at “;”, one row per outlet. Choose another separator below if that is wrong.'
		);
		expect(result.data.length).toBe(3);
		// A cell with the export's own mark keeps it: no other is tried.
		const canal = fixture('euvsdisinfo-cases.csv').replace('TASS - Russian+RT - Russian', 'Canal+');
		expect(importFixture('euvsdisinfo-cases.csv', canal).inspection.mapping.outletSeparator).toBe('+');
	});

	it('keeps the first of several links in a cell, and refuses a cell that is no link', () => {
		const mapping = { ...emptyMapping(), date: 'date', dateFormat: 'iso' as const, outlet: 'outlet', url: 'url' };
		const index = new Map([
			['date', 0],
			['outlet', 1],
			['url', 2]
		]);
		const urlOf = (cell: string) => mapRow(['2024-01-02', 'TASS', cell], index, mapping, 2).row?.url ?? null;
		expect(urlOf('https://a.example/1, https://b.example/2')).toBe('https://a.example/1');
		expect(urlOf('https://a.example/1\nhttps://b.example/2\nhttps://c.example/3')).toBe('https://a.example/1');
		expect(urlOf('https://a.example/search?q=a,b')).toBe('https://a.example/search?q=a,b');
		expect(urlOf('see https://a.example/1')).toBe(null);
	});

	it('gives each split outlet its own link when the cell lists one per outlet, and no outlet another’s domain', () => {
		const header = '"issue";"date";"outlet";"language";"origin";"reported by";"keywords";"source";"title";"summary";"disproof"';
		const row = (issue: string, outlets: string, source: string) =>
			[issue, '06.06.2023', outlets, 'Russian', 'Russia', 'Desk', 'Dam', source, `Case ${issue}`, 'Summary.', 'Disproof.']
				.map((c) => `"${c}"`)
				.join(';');
		const text = [
			header,
			row('1', 'Sputnik, The Moscow Times', 'https://sputniknews.com/a\r\nhttps://www.themoscowtimes.com/b'),
			row('2', 'RT Deutsch, Example Daily', 'https://tass.com/c')
		].join('\r\n');
		const { result } = importFixture('euvs.csv', text);
		expect(result.report.validRows).toBe(2);
		expect(Array.from({ length: result.data.length }, (_, i) => textAt(result.data.url, i))).toEqual([
			'https://sputniknews.com/a',
			'https://www.themoscowtimes.com/b',
			'https://tass.com/c',
			'https://tass.com/c'
		]);
		// One link for two outlets is the case's, not either outlet's web address.
		expect(Object.fromEntries(result.outlets.map((o) => [o.key, o.domain]))).toEqual({
			Sputnik: 'sputniknews.com',
			'The Moscow Times': 'themoscowtimes.com',
			'RT Deutsch': '',
			'Example Daily': ''
		});
	});

	it('reports a row naming several outlets once, however many outlets it names', () => {
		const text =
			'date,id,title,countries,keywords,languages,outlets\n31.02.2023,https://e.example/1,T,RU,K,Russian,A+B+C\n2023-01-02,https://e.example/2,T,RU,K,Russian,A++A\n';
		const { result } = importFixture('cases.csv', text);
		expect(result.report.issues.map(formatRowIssue)).toEqual(['row 2, column date: "31.02.2023" is not a date written yyyy-mm-dd (ISO)']);
		expect(result.data.dict.outlet).toEqual(['A']);
		expect(splitOutlets('A + B', '+')).toEqual(['A', 'B']);
		expect(splitOutlets('Canal', '+')).toEqual(['Canal']);
		expect(splitOutlets('+', '+')).toEqual(['']);
		expect(splitOutlets('A+B', '')).toEqual(['A+B']);
	});

	it("maps Parallax's own format with frames and an optional group column", () => {
		const { result } = importFixture('parallax.csv');
		expect(result.report.validRows).toBe(2);
		expect(result.frames).toEqual(['nato-threat', 'west-decline']);
		const dataset: LocalDataset = {
			id: 'local-x',
			title: 't',
			fileName: 'parallax.csv',
			format: 'parallax',
			kind: 'article',
			rows: 2,
			created: '',
			data: result.data,
			groupOf: { 'tass-com': 'russian-state-media' },
			groupLabels: {}
		};
		expect(coverageRecordsOf(dataset)).toEqual([
			{
				date: '2025-06-24',
				outlet: 'tass-com',
				group: 'russian-state-media',
				event: 'hague-summit-2025',
				language: 'en',
				frames: ['nato-threat', 'west-decline'],
				count: 1
			},
			{
				date: '2025-06-25',
				outlet: 'fixture-daily',
				group: 'custom-fixture',
				event: 'hague-summit-2025',
				language: 'en',
				frames: [],
				count: 1
			}
		]);
	});

	it('reports each problem against the source column', () => {
		const index = new Map([
			['when', 0],
			['who', 1],
			['n', 2]
		]);
		const mapping = { ...emptyMapping(), date: 'when', dateFormat: 'iso' as const, outlet: 'who', count: 'n' };
		expect(mapRow(['2024-01-01', 'A', '-3'], index, mapping, 9).issues.map(formatRowIssue)).toEqual([
			'row 9, column n: "-3" is negative; a count of articles is 0 or more. If these numbers can be below 0, as a % change can, choose “A measured value with a unit” and check again'
		]);
		// A measured value, such as a % change, may be below 0.
		expect(mapRow(['2024-01-01', 'A', '-3'], index, { ...mapping, signed: true }, 9).row?.count).toBe(-3);
		expect(new RowMapper(index, mapping).check(['2024-01-01', 'A', '-3'])).toBeNull();
		expect(new RowMapper(index, { ...mapping, signed: true }).check(['2024-01-01', 'A', '-3'])?.count).toBe(-3);
		expect(mapRow(['2025-02-30', '', '2'], index, mapping, 10).issues.map(formatRowIssue)).toEqual([
			'row 10, column when: "2025-02-30" read as yyyy-mm-dd (ISO) is a day that does not exist',
			'row 10, column who: is empty'
		]);
		expect(mapRow(['2024-01-01', 'A', '1,5'], index, { ...mapping, decimal: ',' }, 11).row?.count).toBe(1.5);
	});

	it('names what a mapping still lacks', () => {
		expect(mappingProblems(emptyMapping(), ['a']).map(english)).toEqual([
			'Choose the column that holds the date.',
			'Choose the outlet column, or a web address column to take outlets from.'
		]);
		expect(mappingProblems({ ...defaultMapping('unknown', ['a']), date: 'a', dateFormat: 'iso', outlet: 'b' }, ['a']).map(english)).toEqual(
			['The file has no column "b".']
		);
	});
});

describe('wide tables', () => {
	it('reads years, months and dates as periods, estimates marked, other headers not', () => {
		expect(parsePeriod('2014')).toEqual({ date: '2014-01-01', estimate: false });
		expect(parsePeriod('2024e')).toEqual({ date: '2024-01-01', estimate: true });
		expect(parsePeriod('2024 (est.)')).toEqual({ date: '2024-01-01', estimate: true });
		expect(parsePeriod('2023-02')).toEqual({ date: '2023-02-01', estimate: false });
		expect(parsePeriod('2023-02-28')).toEqual({ date: '2023-02-28', estimate: false });
		for (const header of ['Country', '2023-13', '2023-02-30', '1000', '20240101', '2024x', 'count'])
			expect(parsePeriod(header), header).toBeNull();
		expect(periodColumns(['Country', '2014', '2015'])).toEqual(['2014', '2015']);
		// One year-like header does not make a table wide.
		expect(periodColumns(['outlet', '2024', 'count'])).toEqual([]);
	});

	it('detects the wide fixture and pre-fills the reshape with its series column and decimal comma', () => {
		const inspection = inspectSample(fixture('wide-years.csv'), 'wide-years.csv', false);
		expect(inspection.periods).toEqual(['2021', '2022', '2023e', '2024e']);
		expect(inspection.mapping.reshape).toEqual({ periods: ['2021', '2022', '2023e', '2024e'], series: ['Country'] });
		expect(inspection.mapping.decimal).toBe(',');
		expect(mappingProblems(inspection.mapping, inspection.columns).map(english)).toEqual([]);
	});

	it('turns every non-empty cell into a count for its series and period', () => {
		const { result } = importFixture('wide-years.csv');
		const dataset: LocalDataset = {
			id: 'local-x',
			title: 't',
			fileName: 'wide-years.csv',
			format: 'unknown',
			kind: 'count',
			rows: 9,
			created: '',
			data: result.data,
			groupOf: {},
			groupLabels: {}
		};
		// Worked out by hand from the fixture: Germany's 2024e and France's 2022 are empty (missing,
		// not zero); France's 2024e is "x"; "1.234,5" is 1234.5 with a decimal comma.
		expect(coverageRecordsOf(dataset).map((r) => [r.outlet, r.date, r.count])).toEqual([
			['Germany', '2021-01-01', 1.5],
			['Germany', '2022-01-01', 2],
			['Germany', '2023-01-01', 3.25],
			['France', '2021-01-01', 1234.5],
			['France', '2023-01-01', 4],
			['Poland', '2021-01-01', 0],
			['Poland', '2022-01-01', 1],
			['Poland', '2023-01-01', 2],
			['Poland', '2024-01-01', 3]
		]);
		expect(result.report).toMatchObject({ rows: 10, validRows: 9, invalidRows: 1 });
		expect(result.report.issues.map(formatRowIssue)).toEqual(['row 3, column 2024e: "x" is not a number']);
		expect(result.range).toEqual({ start: '2021-01-01', end: '2024-01-01' });
		expect(shapeNotes(result.changes).map(english)).toEqual([
			'Reshaped: 4 period columns turned 3 file rows into 10 rows, one per series and period; the counts below are of these rows.',
			'2 empty cells left out as missing values, not zeros.',
			'Estimates: 4 values come from “2023e”, “2024e”, which the file marks as estimates; they are charted as the periods they name, like measured values.'
		]);
	});

	it('reshapes monthly columns with thousands separators, naming series by several columns', () => {
		const text = 'outlet,desk,2023-01,2023-02,note\nTASS,EN,"1,204",7,a\nTASS,RU,,-1,b\n';
		const { inspection, result } = importFixture('months.csv', text);
		expect(inspection.mapping.reshape).toEqual({ periods: ['2023-01', '2023-02'], series: ['outlet'] });
		const mapping = { ...inspection.mapping, reshape: { periods: ['2023-01', '2023-02'], series: ['outlet', 'desk'] } };
		const importer = new Importer(inspection.columns, mapping, true);
		for (const record of Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data.slice(1)) importer.push(record);
		const again = importer.finish();
		expect(again.data.dict.outlet).toEqual(['TASS – EN']);
		expect([...again.data.count]).toEqual([1204, 7]);
		expect(again.report.issues.map(formatRowIssue)).toEqual([
			'row 3, column 2023-02: "-1" is negative; a count of articles is 0 or more. If these numbers can be below 0, as a % change can, choose “A measured value with a unit” and check again'
		]);
		expect(result.report.validRows).toBe(2);
	});

	it('keeps the kept columns, the period and the raw cell in each long record', () => {
		const columns = ['Country', 'region', '2020', '2021'];
		const plan = reshapePlan(columns, { ...emptyMapping(), group: 'region' }, { periods: ['2020', '2021'], series: ['Country'] });
		const { records, missing } = reshapeRecord(['Chile', 'LatAm', ' ', '5,5'], plan);
		expect(missing).toBe(1);
		expect(records.map((r) => [r.period.column, r.cells])).toEqual([['2021', ['Chile', 'LatAm', '2021-01-01', '5,5', 'Chile']]]);
		expect(plan.mapping).toMatchObject({ dateFormat: 'iso', group: 'region', reshape: null });
	});

	it('asks for a series when the reshape has none', () => {
		const mapping = { ...emptyMapping(), reshape: { periods: ['2020', '2021'], series: [] } };
		expect(mappingProblems(mapping, ['2020', '2021']).map(english)).toEqual([
			'Choose the columns that name each series, or name the series.'
		]);
		expect(mappingProblems({ ...mapping, outletConstant: 'Total' }, ['2020', '2021']).map(english)).toEqual([]);
		expect(mappingProblems({ ...mapping, outletConstant: 'Total' }, ['2020']).map(english)).toEqual(['The file has no column "2021".']);
	});
});

describe('browser copy', () => {
	it('keeps titles and links and sends them when the dataset is saved', () => {
		const { result } = importFixture('mediacloud-legacy.csv');
		expect(result.data.title.ends).toHaveLength(4);
		const dataset: LocalDataset = {
			id: 'local-x',
			title: 't',
			fileName: 'm.csv',
			format: 'mediacloud-legacy',
			kind: 'article',
			rows: 4,
			created: '',
			data: result.data,
			groupOf: {},
			groupLabels: {}
		};
		const rows = Papa.parse<Record<string, string>>(datasetCsvParts(dataset, 3).join(''), { header: true, skipEmptyLines: true }).data;
		expect(rows.map((r) => [r.outlet, r.title, r.url])).toEqual([
			[
				'tass.com',
				'Fixture headline about a summit',
				'https://tass.com/politics/1000001?utm_source=fixture&utm_medium=test&utm_campaign=parallax'
			],
			['Reuters', 'Second fixture headline, with a comma', 'https://www.reuters.com/world/fixture-story?utm_source=fixture'],
			['Meduza', 'Third fixture headline', 'https://meduza.io/en/news/fixture'],
			['Example News', 'Fourth fixture headline', 'https://example-news.org/fixture']
		]);
	});

	it('sends a group the researcher named by its name, bundled groups by their id, and no group as empty', () => {
		const { result } = importFixture('mediacloud-legacy.csv');
		const dataset: LocalDataset = {
			id: 'local-x',
			title: 't',
			fileName: 'm.csv',
			format: 'mediacloud-legacy',
			kind: 'article',
			rows: 4,
			created: '',
			data: result.data,
			groupOf: { 'tass.com': 'russian-state-media', Reuters: 'custom-wire-services', Meduza: 'custom-exile' },
			groupLabels: { 'russian-state-media': 'Russian state media', 'custom-wire-services': 'Wire services, international' }
		};
		const rows = Papa.parse<Record<string, string>>(datasetCsvParts(dataset).join(''), { header: true, skipEmptyLines: true }).data;
		expect(rows.map((r) => [r.outlet, r.group])).toEqual([
			['tass.com', 'russian-state-media'],
			['Reuters', 'Wire services, international'],
			['Meduza', 'custom-exile'],
			['Example News', '']
		]);
	});

	it('holds no title or link column for count files, and pads one that starts late', () => {
		expect(importFixture('gdelt-timeline.csv').result.data.title.ends).toHaveLength(0);
		const text = 'date,outlet,title\n2024-01-01,A,\n2024-01-02,A,\n2024-01-03,A,Third\n';
		const { result } = importFixture('late.csv', text);
		expect([0, 1, 2, 3].map((i) => textAt(result.data.title, i))).toEqual(['', '', 'Third', '']);
		expect(result.data.title).toEqual({ bytes: new TextEncoder().encode('Third'), ends: new Uint32Array([0, 0, 5]) });
		expect(result.data.url.ends).toHaveLength(0);
	});
});

describe('validation report', () => {
	it('groups the bad-rows fixture by kind, with exact row and column messages', () => {
		const { result } = importFixture('bad-rows.csv');
		const { report } = result;
		expect(report).toMatchObject({ rows: 5, validRows: 1, invalidRows: 4 });
		expect(report.groups.map((g) => [g.kind, g.total])).toEqual([
			['fields', 1],
			['date', 1],
			['number', 1],
			['empty', 1]
		]);
		// Row 5's link is no address, which alone would keep the row without it; its count refuses it.
		expect(report.issues.map(formatRowIssue)).toEqual([
			'row 3, column publish_date: "31/02/2024" read as dd/mm/yyyy (day first) is a day that does not exist',
			'row 4, column publish_date: is empty',
			'row 5, column count: "x" is not a number',
			'row 6: has 3 fields; the header has 5'
		]);
	});

	it('formats row numbers with thousands separators and keeps a few examples per kind', () => {
		const builder = new ReportBuilder();
		for (let row = 1200; row < 1210; row++)
			builder.addRow([
				{
					row,
					column: 'publish_date',
					kind: 'date',
					reason: { key: 'import.reason.noSuchDay', params: { value: '"31/02/2024"', format: dateFormLabel('dmy-slash') } }
				}
			]);
		builder.addRow([]);
		const report = builder.build();
		expect(report).toMatchObject({ rows: 11, validRows: 1, invalidRows: 10 });
		expect(report.groups[0]?.total).toBe(10);
		expect(report.groups[0]?.examples).toHaveLength(5);
		expect(formatRowIssue(report.groups[0]!.examples[4]!)).toBe(
			'row 1,204, column publish_date: "31/02/2024" read as dd/mm/yyyy (day first) is a day that does not exist'
		);
	});

	it('exports every issue as CSV with formula cells neutralised', () => {
		const csv = issuesCsv(
			[
				{ row: 2, column: 'title', kind: 'other', reason: { key: 'import.reason.parser', params: { message: 'fine' } } },
				{ row: 3, column: '=HYPERLINK("x")', kind: 'other', reason: { key: 'import.reason.parser', params: { message: '@cmd' } } }
			],
			english
		);
		expect(csv.split('\r\n')).toEqual([
			'row,column,kind,problem,message',
			'2,title,other,fine,"row 2, column title: fine"',
			`3,"'=HYPERLINK(""x"")",other,'@cmd,"row 3, column =HYPERLINK(""x""): @cmd"`
		]);
	});
});

describe('outlet groups', () => {
	const known = [
		{ id: 'tass-com', name: 'TASS', domain: 'tass.com', group: 'russian-state-media' },
		{ id: 'reuters-com', name: 'Reuters', domain: 'reuters.com', group: 'international-media' }
	];

	it('takes domains from URLs and bare names', () => {
		expect(domainOf('http://www.reuters.com/')).toBe('reuters.com');
		expect(domainOf('https://uk.reuters.com/article/x?utm_source=y')).toBe('uk.reuters.com');
		expect(domainOf('tass.com')).toBe('tass.com');
		expect(domainOf('Example News')).toBe('');
	});

	/** Suggestions for uploaded outlets given as [name, domain], by name. */
	const suggested = (outlets: [string, string][]) =>
		Object.fromEntries(
			suggestGroups(
				outlets.map(([key, domain]) => ({ key, domain, rows: 1 })),
				known
			)
		);
	const tass = { group: 'russian-state-media', outletId: 'tass-com', outletName: 'TASS', outletDomain: 'tass.com' };

	it('suggests groups only by exact domain, then by exact name', () => {
		expect(
			suggested([
				['Reuters UK', 'uk.reuters.com'],
				['tass', ''],
				['tass.com', ''],
				['Unknown Daily', 'unknown.example']
			])
		).toEqual({
			tass: { ...tass, basis: 'name' },
			'tass.com': { ...tass, basis: 'domain' }
		});
	});

	it('matches an EUvsDisinfo outlet by its name before the language it adds, whatever the domain of its case page, and nothing else past the name', () => {
		expect(
			suggested([
				['TASS - Russian', ''],
				['TASS - русский', ''],
				['TASS - Moscow desk', ''],
				['TASS -', ''],
				['TASS - English', 'euvsdisinfo.eu'],
				['TASS – Deutsch', '']
			])
		).toEqual({
			'TASS - Russian': { ...tass, basis: 'name-language', language: 'Russian' },
			'TASS – Deutsch': { ...tass, basis: 'name-language', language: 'Deutsch' },
			'TASS - русский': { ...tass, basis: 'name-language', language: 'русский' },
			'TASS - English': { ...tass, basis: 'name-language', language: 'English' }
		});
	});

	it('makes ids for new groups that do not clash', () => {
		expect(groupId('Regional press (DE)', [])).toBe('custom-regional-press-de');
		expect(groupId('Regional press (DE)', ['custom-regional-press-de'])).toBe('custom-regional-press-de-2');
		expect(groupId('ТАСС', [])).toBe('custom-group');
	});
});
