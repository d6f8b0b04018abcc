import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CoverageRecord } from '../../src/lib/domain/charts/aggregate';
import {
	concatPackedRecords,
	lazyChartInput,
	packRecords,
	unpackRecords,
	withFields,
	type PackedChartInput
} from '../../src/lib/domain/charts/packed-records';
import { packedRecordValues, recordValues } from '../../src/lib/domain/import/local-dataset';

const records: CoverageRecord[] = [
	{
		date: '2025-06-24',
		outlet: 'tass-ru',
		group: 'russian-state-media',
		event: 'hague',
		language: 'ru',
		frames: ['nato-threat', 'blame-west'],
		stances: ['adopts', 'reports'],
		count: 3
	},
	{ date: '2025-06-24', outlet: 'Ekho "Moskvy", 1990–2022', group: '', event: '', language: '', frames: [], count: 0.5 },
	{
		date: '2025-06-25',
		outlet: 'tass-ru',
		group: 'russian-state-media',
		event: 'hague',
		language: 'ru',
		frames: ['nato-threat'],
		stances: [''],
		count: 1
	}
];

describe('packed records', () => {
	it('put together part by part are packed as all their records at once', () => {
		const more: CoverageRecord[] = Array.from({ length: 40 }, (_, i) => ({
			...records[i % 3]!,
			outlet: `outlet-${i}`,
			count: i
		}));
		// Parts with and without stances, an empty one, and one whose codes need two digits.
		for (const parts of [
			[records.slice(0, 1), records.slice(1)],
			[records.slice(1, 2), [], records],
			[more, records, more.slice(3)]
		]) {
			const joined = concatPackedRecords(parts.map(packRecords));
			expect(joined).toEqual(packRecords(parts.flat()));
			expect(unpackRecords(joined)).toEqual(parts.flat());
		}
		expect(concatPackedRecords([])).toEqual(packRecords([]));
	});

	it('come back exactly, with absent fields still absent and empty lists still empty', () => {
		const back = unpackRecords(JSON.parse(JSON.stringify(packRecords(records))));
		expect(back).toEqual(records);
		expect('stances' in back[1]!).toBe(false);
	});

	it('are unpacked only when first read, and not by copying the input they came in', () => {
		const packed = packRecords(records);
		let reads = 0;
		// Unpacking walks every column; nothing else here does.
		const watched = { ...packed, columns: new Proxy(packed.columns, { ownKeys: (target) => (reads++, Reflect.ownKeys(target)) }) };
		const served = { records: watched, window: { start: '2025-06-24', end: '2025-06-25' } } as unknown as PackedChartInput;
		const input = lazyChartInput(served);
		const copy = withFields(input, { window: { start: '2025-06-01', end: '2025-06-30' } });
		expect(copy.window.start).toBe('2025-06-01');
		expect(reads).toBe(0);
		expect(copy.records).toEqual(records);
		expect(input.records).toBe(input.records);
		expect(reads).toBe(1);
	});

	it('give each record its own frame list', () => {
		const first = records[0]!;
		const back = unpackRecords(packRecords([first, { ...first }]));
		back[0]!.frames.push('x');
		expect(back[1]!.frames).toEqual(['nato-threat', 'blame-west']);
	});

	it('send each column’s numbers as one text, and read back every number exactly', () => {
		const values = [0.1 + 0.2, -3, 1e-7, 123456789.125, 0];
		const numbered: CoverageRecord[] = values.map((count, i) => ({ ...records[1]!, outlet: `o${i % 2}`, count }));
		const packed = packRecords(numbered);
		for (const column of Object.values(packed.columns))
			expect(typeof (column.kind === 'number' ? column.values : column.at)).toBe('string');
		expect(unpackRecords(JSON.parse(JSON.stringify(packed))).map((r) => r.count)).toEqual(values);
	});

	it('tell the distinct values and first and last days of their records without unpacking them', () => {
		expect(packedRecordValues(packRecords(records))).toEqual(recordValues(records));
		expect(packedRecordValues(packRecords([]))).toEqual(recordValues([]));
	});

	it('refer to values by one, two or three digits, as many as a column needs', () => {
		for (const distinct of [1, 35, 36, 1295, 1296, 3000]) {
			const many: CoverageRecord[] = Array.from({ length: distinct + 5 }, (_, i) => ({
				...records[0]!,
				outlet: `outlet-${i % distinct}`,
				...(i % 7 === 3 && { stances: undefined })
			}));
			const packed = packRecords(many);
			const outlets = packed.columns.outlet!;
			expect(outlets.kind === 'text' && outlets.at.length).toBe(many.length * distinct.toString(36).length);
			expect(unpackRecords(JSON.parse(JSON.stringify(packed)))).toEqual(many);
		}
	});

	it('are empty for no records', () => {
		expect(unpackRecords(packRecords([]))).toEqual([]);
	});

	it('gzip to well under the records as objects', () => {
		const many: CoverageRecord[] = Array.from({ length: 20_000 }, (_, i) => ({
			date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
			outlet: `outlet-${i % 60}`,
			group: `group-${i % 6}`,
			event: `event-${i % 9}`,
			language: ['en', 'ru', 'uk'][i % 3]!,
			frames: [`frame-${i % 7}`],
			count: 1 + (i % 5)
		}));
		const size = (value: unknown) => gzipSync(JSON.stringify(value)).length;
		expect(size(packRecords(many))).toBeLessThan(size(many) / 2);
	});
});
