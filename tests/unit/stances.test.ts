import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FRAME_SEP } from '../../src/lib/domain/import/columnar';
import { datasetCsvParts, coverageRecordsOf, type LocalDataset } from '../../src/lib/domain/import/local-dataset';
import { resolveFrameLists } from '../../src/lib/domain/import/frame-codes';
import { defaultMapping, detectFormat, emptyMapping, type ColumnMapping } from '../../src/lib/domain/import/formats';
import { Importer } from '../../src/lib/domain/import/importer';
import { mappingProblems, mapRow, RowMapper } from '../../src/lib/domain/import/mapping';
import { rowIssueMessage } from '../../src/lib/domain/import/report';
import { readFrameCodes } from '../../src/lib/domain/import/stances';
import { parseDataset, LIMITS } from '../../src/lib/server/import/parse';
import { english } from '../fixtures/bad/harness';
import { partsText } from './dataset-parts';
import { datasetJsonLd } from '../../src/lib/domain/ledger/jsonld';
import type { Dataset } from '../../src/lib/domain/import/dataset';

const read = (frames: string, stance: string, separator = ';') => {
	const result = readFrameCodes(frames, stance, separator, 'frames');
	return 'problem' in result ? english(result.problem) : result;
};

describe('a stance cell', () => {
	it('is read as pairs, one stance per frame in order, or one stance for all', () => {
		expect(read('nato-threat;blame-west', 'nato-threat:adopts;blame-west:reports')).toEqual({
			frames: ['nato-threat', 'blame-west'],
			stances: ['adopts', 'reports']
		});
		expect(read('nato-threat;blame-west', 'adopts;contests')).toEqual({
			frames: ['nato-threat', 'blame-west'],
			stances: ['adopts', 'contests']
		});
		expect(read('nato-threat;blame-west', 'reports')).toEqual({ frames: ['nato-threat', 'blame-west'], stances: ['reports', 'reports'] });
		expect(read('a+b', 'a:contests+b:adopts', '+')).toEqual({ frames: ['a', 'b'], stances: ['contests', 'adopts'] });
	});

	it('takes the quirks of real exports: case, -ed forms, spaces, a trailing separator, frames left unstanced', () => {
		expect(read(' a ; b ', ' Adopted ; REPORTED ;')).toEqual({ frames: ['a', 'b'], stances: ['adopts', 'reports'] });
		expect(read('a;b;c', 'b:contest')).toEqual({ frames: ['a', 'b', 'c'], stances: ['', 'contests', ''] });
		expect(read('a;b', ';reports')).toEqual({ frames: ['a', 'b'], stances: ['', 'reports'] });
		// A frame coded twice keeps the stronger stance.
		expect(read('a;a', 'reports;adopts')).toEqual({ frames: ['a'], stances: ['adopts'] });
		// No stance at all, or one stance with no frame to apply to, records none.
		expect(read('a;b', '')).toEqual({ frames: ['a', 'b'], stances: [] });
		expect(read('', 'adopts')).toEqual({ frames: [], stances: [] });
		expect(read('a', ';')).toEqual({ frames: ['a'], stances: [] });
	});

	it('says why it cannot be read', () => {
		expect(read('a;b', 'adopts;supports')).toBe('"supports" is not a stance: write adopts, reports, contests');
		expect(read('a', 'a:endorses')).toBe('"endorses" is not a stance: write adopts, reports, contests');
		expect(read('a;b', 'a:adopts;c:reports')).toBe('gives a stance for "c", a frame this row does not code in column frames');
		expect(read('a;b;c', 'adopts;reports')).toBe(
			'lists 2 stances for 3 frames in column frames: give one per frame in the same order, pairs such as nato-threat:adopts, or one stance for all'
		);
		expect(read('', 'adopts;reports')).toBe('lists 2 stances, but the row codes no frame in column frames');
		expect(read('a;b', 'a:adopts;reports')).toBe(
			'"reports" names no frame, but other entries are frame:stance pairs: write every entry as a pair'
		);
	});
});

describe('an upload with a stance column', () => {
	const header = ['Date', 'Outlet', 'Frame codes', 'Frame stance', 'Title'];
	const mapping: ColumnMapping = {
		...emptyMapping(),
		date: 'Date',
		dateFormat: 'iso',
		outlet: 'Outlet',
		frames: 'Frame codes',
		stance: 'Frame stance',
		title: 'Title'
	};
	const records = [
		['2025-06-23', 'TASS', 'nato-threat;blame-west', 'nato-threat:adopts;blame-west:adopts', 'One'],
		['2025-06-24', 'Kyiv Independent', 'nato-threat', 'reports', 'Two'],
		['2025-06-25', 'Kyiv Independent', 'nato-threat', 'supports', 'Three'],
		['2025-06-26', 'Meduza', 'nato-threat', 'blame-west:contests', 'Four'],
		['2025-06-27', 'Meduza', 'nato-threat', '', 'Five'],
		['2025-06-28', 'TASS', 'nato-threat;blame-west', 'nato-threat:adopts;blame-west:adopts', 'Six']
	];

	it('has the stance column proposed from its header, beside the frames column', () => {
		expect(defaultMapping('unknown', header).stance).toBe('Frame stance');
		expect(defaultMapping('unknown', ['date', 'outlet', 'stance']).stance).toBeNull();
		const parallax = ['date', 'outlet_id', 'event_id', 'frame_codes', 'frame_stances', 'language', 'title', 'url'];
		expect(detectFormat(parallax, ',')).toBe('parallax');
		expect(defaultMapping('parallax', parallax).stance).toBe('frame_stances');
		expect(mappingProblems({ ...mapping, frames: null }, header).map((p) => english(p))).toEqual([
			'A stance column says how each frame is used: choose the frames column too, or no stance column.'
		]);
	});

	it('reports a bad stance by row and column and keeps every other row with its stances', () => {
		const importer = new Importer(header, mapping, true);
		for (const record of records) importer.push(record);
		const result = importer.finish();
		expect(result.report.issues.map((issue) => english(rowIssueMessage(issue)))).toEqual([
			'row 4, column Frame stance: "supports" is not a stance: write adopts, reports, contests',
			'row 5, column Frame stance: gives a stance for "blame-west", a frame this row does not code in column Frame codes'
		]);
		expect(result.report.groups.map((g) => g.kind)).toEqual(['stance']);
		const dataset: LocalDataset = {
			id: 'local-stances',
			title: 'Stances',
			fileName: 'stances.csv',
			format: 'unknown',
			kind: 'article',
			rows: result.report.validRows,
			created: '2026-01-01T00:00:00.000Z',
			data: result.data,
			groupOf: {},
			groupLabels: {}
		};
		expect(coverageRecordsOf(dataset).map((r) => [r.outlet, r.frames, r.stances])).toEqual([
			['TASS', ['nato-threat', 'blame-west'], ['adopts', 'adopts']],
			['Kyiv Independent', ['nato-threat'], ['reports']],
			['Meduza', ['nato-threat'], undefined],
			['TASS', ['nato-threat', 'blame-west'], ['adopts', 'adopts']]
		]);
		// The same frame list with other stances is its own dictionary entry.
		expect(result.data.dict.frames).toEqual(['nato-threat\u001fblame-west', 'nato-threat', 'nato-threat']);
		expect(result.data.dict.stances).toEqual(['adopts\u001fadopts', 'reports', '']);
		expect(result.frames).toEqual(['blame-west', 'nato-threat']);

		const csv = Papa.parse<string[]>(datasetCsvParts(dataset).join(''), { skipEmptyLines: true }).data;
		expect(csv[0]).toEqual(['date', 'outlet', 'group', 'event', 'language', 'frames', 'stances', 'count', 'title', 'url', 'text']);
		expect(csv.slice(1).map((r) => r.slice(5, 7))).toEqual([
			['nato-threat;blame-west', 'adopts;adopts'],
			['nato-threat', 'reports'],
			['nato-threat', ''],
			['nato-threat;blame-west', 'adopts;adopts']
		]);
	});

	it('gives the same rows through the fast path as through mapRow', () => {
		const index = new Map(header.map((c, i) => [c, i]));
		const mapper = new RowMapper(index, mapping);
		records.forEach((cells, i) => expect(mapper.map(cells, i + 2)).toEqual(mapRow(cells, index, mapping, i + 2)));
	});

	it('is read back by the server from the CSV the browser sends, stances and all', async () => {
		const text = [
			'date,outlet,group,event,language,frames,stances,count,title,url',
			'2025-06-23,TASS,,,,nato-threat;arms,adopts;reports,1,One,',
			'2025-06-24,Meduza,,,,nato-threat,,1,Two,'
		].join('\r\n');
		const read = await partsText(
			parseDataset(
				(async function* () {
					yield new TextEncoder().encode(text);
				})(),
				LIMITS
			)
		);
		expect(read.csv).toBe('2025-06-23,TASS,,,,nato-threat;arms,1,One,,adopts;reports,\n2025-06-24,Meduza,,,,nato-threat,1,Two,,,\n');
	});
});

describe('unknown frame codes resolved', () => {
	it('keep their stances, the stronger where two codes become one frame', () => {
		const lists = [['XYZ', 'nato-threat'].join(FRAME_SEP), ['XYZ', 'drop'].join(FRAME_SEP), 'XYZ'];
		const stances = [['adopts', 'reports'].join(FRAME_SEP), ['contests', 'adopts'].join(FRAME_SEP), ''];
		expect(resolveFrameLists(lists, { XYZ: 'nato-threat', drop: '' }, stances)).toEqual({
			frames: ['nato-threat', 'nato-threat', 'nato-threat'],
			stances: ['adopts', 'contests', '']
		});
	});
});

describe("a stored dataset's JSON-LD", () => {
	const dataset: Dataset = {
		id: 'k3m',
		ownerId: 'p9x',
		ownerName: 'Ada',
		title: 'Stances',
		description: '',
		source: '',
		licence: 'CC BY 4.0',
		citation: '',
		visibility: 'link',
		createdAt: '2026-12-06T10:00:00.000Z',
		rowCount: 6,
		articleCount: 6,
		windowStart: '2025-06-23',
		windowEnd: '2025-06-28',
		measure: { kind: 'articles' }
	};

	it('names the stances among the variables it measures, and only a public dataset names its download', () => {
		const ld = datasetJsonLd(dataset, 'https://parallax.example/datasets/k3m', 'https://parallax.example');
		expect(ld).toMatchObject({ '@type': 'Dataset', name: 'Stances', temporalCoverage: '2025-06-23/2025-06-28', license: 'CC BY 4.0' });
		expect(ld.variableMeasured).toContainEqual({
			'@type': 'PropertyValue',
			name: 'stances',
			description:
				'How the outlet uses each frame, one per frame code in the same order: adopts, reports, contests; empty where the upload recorded none.'
		});
		expect(ld.distribution).toBeUndefined();
		expect(datasetJsonLd({ ...dataset, visibility: 'public' }, 'u', 'https://parallax.example').distribution).toMatchObject({
			contentUrl: 'https://parallax.example/api/datasets/k3m/rows?format=csv'
		});
	});

	it('says a measured value’s unit and combine rule instead of counting articles', () => {
		const count = (d: Dataset) => (datasetJsonLd(d, 'u', 'o').variableMeasured as { name: string }[]).find((v) => v.name === 'count');
		expect(count(dataset)).toMatchObject({ description: 'Articles the row stands for (1 for an article; a count for period rows).' });
		expect(count({ ...dataset, measure: { kind: 'value', unit: '% of GDP', combine: 'mean', series: 'countries' } })).toEqual({
			'@type': 'PropertyValue',
			name: 'count',
			description: "The row's value in % of GDP; values of one series in a period are averaged.",
			unitText: '% of GDP'
		});
	});
});
