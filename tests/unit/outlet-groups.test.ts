import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Importer } from '../../src/lib/domain/import/importer';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import {
	applyGroupMapping,
	fileGroupRows,
	findOutlets,
	groupMappingCsv,
	outletOrders,
	readGroupMapping
} from '../../src/lib/domain/import/outlet-groups';
import { splitDoubts, suggestGroups, unlikeOutlet } from '../../src/lib/domain/import/outlets';
import { rowIssueMessage, shapeNotes } from '../../src/lib/domain/import/report';
import { english } from '../fixtures/bad/harness';
import { euvsdisinfoDatabase, manyOutlets, outletMapping } from '../fixtures/synthetic';

function importText(text: string, name: string, change: (mapping: ReturnType<typeof inspectSample>['mapping']) => void = () => {}) {
	const inspection = inspectSample(text, name, false);
	change(inspection.mapping);
	const importer = new Importer(inspection.columns, inspection.mapping, inspection.hasHeader);
	const records = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: inspection.delimiter }).data;
	for (const record of records.slice(1)) importer.push(record);
	return { inspection, result: importer.finish() };
}

describe('outlet split heuristics', () => {
	it.each([
		['21:55', true],
		['9.30 CET', true],
		['Rossiya 1 – 21:55', true],
		['2024', true],
		['12.03.2024', true],
		['political talk show', true],
		['Said in a programme that the West wants war with Russia', true],
		['RT - Russian', false],
		['Sputnik Arabic', false],
		['lenta.ru', false],
		['de Telegraaf', false],
		['Rossiya 1', false]
	])('%j reads as something other than an outlet: %s', (piece, unlike) => {
		expect(unlikeOutlet(piece)).toBe(unlike);
	});

	it('names the pieces a separator would make that are not outlets, each once', () => {
		const cells = ['TV One, 21:55, political talk show', 'TV One, 18:00, political talk show', 'RT, Sputnik'];
		expect(splitDoubts(cells, ',')).toEqual(['21:55', 'political talk show', '18:00']);
		expect(splitDoubts(['RT - Russian+Sputnik - Russian'], '+')).toEqual([]);
		// Cells that do not split say nothing about the separator.
		expect(splitDoubts(['21:55'], ',')).toEqual([]);
	});

	it('proposes no split for a semicolon EUvsDisinfo export whose outlet cells hold times and descriptions, and says why', () => {
		const { inspection, result } = importText(euvsdisinfoDatabase(), 'cases.csv');
		expect(inspection.format).toBe('euvsdisinfo-database');
		expect(inspection.mapping.outletSeparator).toBe('');
		expect(inspection.notes.map(english)).toEqual([
			'No outlet split proposed: split at “,”, the cells of column “outlet” give pieces such as “21:55”, “political talk show”, “18:00”, which look like times, numbers or descriptions rather than outlet names. Each row keeps its whole cell as one outlet; choose a separator below if the cells do name several outlets.'
		]);
		// One row per case: the counts the report gives are the stories the file has.
		expect(result.report).toMatchObject({ rows: 6, validRows: 5 });
		expect(result.data.length).toBe(5);
		expect(result.changes.split).toBeNull();
	});

	it('says which outlets a split made look like times or descriptions when the researcher splits anyway', () => {
		const { result } = importText(euvsdisinfoDatabase(), 'cases.csv', (m) => (m.outletSeparator = ','));
		expect(result.report.validRows).toBe(5);
		expect(result.data.length).toBe(10);
		expect(shapeNotes(result.changes).map(english)).toContain(
			'Some outlets the split made look like times, numbers or descriptions rather than outlet names: “21:55”, “political talk show”, “18:00”. If they are, set “Several outlets in one cell are separated by” to “nothing” and check again.'
		);
	});

	it('says where to name an outlet for rows whose outlet cell is empty, until one is named', () => {
		const text = euvsdisinfoDatabase();
		const { result } = importText(text, 'cases.csv');
		expect(result.report.issues.map((i) => english(rowIssueMessage(i)))).toEqual([
			'row 7, column outlet: is empty; to keep such rows, fill in “Outlet name when no column gives one” above and check again'
		]);
		const named = importText(text, 'cases.csv', (m) => (m.outletConstant = 'Unnamed outlet')).result;
		expect(named.report).toMatchObject({ validRows: 6, invalidRows: 0 });
	});
});

describe('group suggestions', () => {
	const known = [
		{ id: 'theins-ru', name: 'The Insider', domain: 'theins.ru', group: 'russian-independent-media' },
		{ id: 'tass-com', name: 'TASS', domain: 'tass.com', group: 'russian-state-media' },
		{ id: 'a-one', name: 'Echo', domain: 'echo.example', group: 'international-media' },
		{ id: 'a-two', name: 'Echo', domain: 'echo2.example', group: 'ukrainian-media' }
	];

	it('suggests nothing for a look-alike name, a name with another domain, a subdomain or an ambiguous name', () => {
		const suggestions = suggestGroups(
			[
				{ key: 'The Insider -', domain: '', rows: 40 },
				{ key: 'The Insider', domain: 'insider-local.example', rows: 3 },
				{ key: 'Regional TASS', domain: 'regional.tass.com', rows: 2 },
				{ key: 'Echo', domain: '', rows: 1 },
				{ key: 'the  insider', domain: '', rows: 1 },
				{ key: 'Anything', domain: 'theins.ru', rows: 1 }
			],
			known
		);
		expect([...suggestions].map(([key, s]) => [key, s.outletId, s.basis])).toEqual([
			['the  insider', 'theins-ru', 'name'],
			['Anything', 'theins-ru', 'domain']
		]);
	});
});

describe('outlet,group mapping files', () => {
	const outlets = [
		{ key: 'Daily A', domain: 'a.example', rows: 5 },
		{ key: 'Blog b', domain: '', rows: 9 },
		{ key: '=Formula FM', domain: '', rows: 1 },
		{ key: 'Zed', domain: '', rows: 5 }
	];
	const groups = [
		{ id: 'international-media', label: 'International media' },
		{ id: 'custom-blogs', label: 'Blogs' }
	];

	it('reads outlet and group by header name, in any order and separator, with a BOM', () => {
		const read = readGroupMapping('\uFEFFnotes;Group;Outlet\r\nx;Blogs;Blog b\r\n;;Zed\r\n');
		expect(read.refused).toBeNull();
		expect(read.rows).toEqual([
			{ row: 2, outlet: 'Blog b', group: 'Blogs' },
			{ row: 3, outlet: 'Zed', group: '' }
		]);
	});

	it('refuses a file without both columns, naming what its first line has', () => {
		expect(english(readGroupMapping('name,category\nA,B\n').refused!)).toBe(
			'The first line must name the columns “outlet” and “group”; it has “name”, “category”.'
		);
	});

	it('reports problem rows by row and column and uses the others', () => {
		const read = readGroupMapping('outlet,group\nDaily A,Blogs\n,Blogs\nDaily A,International media\nZed,Blogs,extra\n"Blog b,Blogs\n');
		expect(read.rows).toEqual([{ row: 2, outlet: 'Daily A', group: 'Blogs' }]);
		expect(read.issues.map((i) => english(rowIssueMessage(i)))).toEqual([
			'row 3, column outlet: is empty',
			'row 4, column outlet: "Daily A" is given a group in row 2 already; the first is used',
			'row 5: has 3 fields; the header has 2 (a separator inside a cell that is not in quotes splits it; put that cell in double quotes)',
			'row 6: has 1 field; the header has 2 (a quote (") that is never closed joined the following lines into this row)'
		]);
	});

	it('finds groups by id or label, makes new ones, and counts what it could not use', () => {
		const read = readGroupMapping(
			'outlet,group\nDaily A,international-media\nBlog b,BLOGS\nZed,Regional press\n=Formula FM,\nElsewhere,Blogs\n'
		);
		const applied = applyGroupMapping(read.rows, outlets, groups, { 'Daily A': 'ungrouped', '=Formula FM': 'custom-blogs' });
		expect(applied).toEqual({
			assignment: {
				'Daily A': 'international-media',
				'Blog b': 'custom-blogs',
				Zed: 'custom-regional-press',
				'=Formula FM': 'custom-blogs'
			},
			added: [{ id: 'custom-regional-press', label: 'Regional press' }],
			assigned: 3,
			elsewhere: 1,
			blank: 1
		});
	});

	it('exports a mapping that reads back to the same groups, formula-like names included', () => {
		const assignment = { 'Daily A': 'international-media', 'Blog b': 'custom-blogs', '=Formula FM': 'custom-blogs', Zed: 'ungrouped' };
		const csv = groupMappingCsv(outlets, assignment, groups);
		expect(csv.split('\r\n')).toEqual(['outlet,group', 'Daily A,International media', 'Blog b,Blogs', "'=Formula FM,Blogs", 'Zed,']);
		const back = applyGroupMapping(readGroupMapping(csv).rows, outlets, groups, {});
		expect(back.assignment).toEqual({ 'Daily A': 'international-media', 'Blog b': 'custom-blogs', '=Formula FM': 'custom-blogs' });
		expect(back.blank).toBe(1);
	});

	it('groups the synthetic 2,400-outlet upload through its mapping file', () => {
		const many = manyOutlets(2400);
		const uploaded = many.outlets.map((key) => ({ key, domain: '', rows: 1 }));
		const read = readGroupMapping(outletMapping(2400));
		expect(read.issues.map((i) => english(rowIssueMessage(i)))).toEqual([
			'row 2,404, column outlet: is empty',
			'row 2,405, column outlet: "Synthetic Outlet 0001" is given a group in row 2 already; the first is used'
		]);
		const applied = applyGroupMapping(read.rows, uploaded, groups, {});
		expect(applied).toMatchObject({ assigned: 2400, elsewhere: 2, blank: 0 });
		expect(applied.added.map((g) => g.label)).toEqual(['National press', 'Blogs and aggregators', 'Regional press']);
		expect(applied.assignment['The Insider -']).toBeUndefined();
		expect(applied.assignment.TASS).toBeUndefined();
	});
});

describe('finding outlets', () => {
	const outlets = [
		{ key: 'beta', domain: 'beta.example', rows: 2 },
		{ key: 'Alpha 10', domain: '', rows: 2 },
		{ key: 'Alpha 9', domain: '', rows: 7 }
	];
	const orders = outletOrders(outlets);

	it('sorts by rows then name, or by name with numbers in order', () => {
		expect(orders.rows.map((o) => o.key)).toEqual(['Alpha 9', 'Alpha 10', 'beta']);
		expect(orders.name.map((o) => o.key)).toEqual(['Alpha 9', 'Alpha 10', 'beta']);
		expect(outletOrders([outlets[0]!, { key: 'Zulu', domain: '', rows: 1 }]).name.map((o) => o.key)).toEqual(['beta', 'Zulu']);
	});

	it('searches names and domains ignoring case, and shows the unassigned, assigned or suggested', () => {
		const assignment = { beta: 'ungrouped', 'Alpha 10': 'custom-x', 'Alpha 9': 'ungrouped' };
		const suggestions = new Map([
			['beta', { group: 'g', outletId: 'b', outletName: 'Beta', outletDomain: 'beta.example', basis: 'domain' as const }]
		]);
		const find = (text: string, show: 'all' | 'unassigned' | 'assigned' | 'suggested') =>
			findOutlets(orders.rows, { text, show }, assignment, suggestions, 'ungrouped').map((o) => o.key);
		expect(find('ALPHA', 'all')).toEqual(['Alpha 9', 'Alpha 10']);
		expect(find('example', 'all')).toEqual(['beta']);
		expect(find('', 'unassigned')).toEqual(['Alpha 9', 'beta']);
		expect(find('', 'assigned')).toEqual(['Alpha 10']);
		expect(find('', 'suggested')).toEqual(['beta']);
	});
});

describe('the groups a file gives its outlets', () => {
	it('are each outlet’s where all its rows agree, none where they differ or are empty', () => {
		const text =
			'date,outlet,group,event,language,frames,count,title,url\n' +
			'2023-04-01,BBC News,international-media,,en,,1,A,https://www.bbc.co.uk/1\n' +
			'2023-04-02,BBC News,international-media,,en,,1,B,https://www.bbc.co.uk/2\n' +
			'2023-04-01,Mixed,state,,en,,1,C,https://mixed.example/1\n' +
			'2023-04-02,Mixed,independent,,en,,1,D,https://mixed.example/2\n' +
			'2023-04-01,Blank,,,en,,1,E,https://blank.example/1\n';
		const { data } = importText(text, 'parallax-export.csv').result;
		expect(fileGroupRows(data)).toEqual([{ row: 0, outlet: 'BBC News', group: 'international-media' }]);
	});
});
