import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FRAME_SEP } from '../../src/lib/domain/import/columnar';
import { resolveFrameLists, unknownFrameNote } from '../../src/lib/domain/import/frame-codes';
import { emptyMapping } from '../../src/lib/domain/import/formats';
import { Importer } from '../../src/lib/domain/import/importer';
import { english } from '../fixtures/bad/harness';

const codebook = {
	label: 'Parallax codebook',
	frames: [
		{ id: 'nato-threat', label: 'NATO threat' },
		{ id: 'sanctions-backfire', label: 'Sanctions backfire' }
	]
};

function importText(text: string) {
	const [header, ...records] = Papa.parse<string[]>(text).data;
	const mapping = { ...emptyMapping(), date: 'date', dateFormat: 'iso' as const, outlet: 'outlet', frames: 'frames' };
	const importer = new Importer(header!, mapping, true, codebook);
	for (const record of records) importer.push(record);
	return importer.finish();
}

describe('unknown frame codes', () => {
	const text = [
		'date,outlet,frames',
		'2024-01-02,A,nato-threat',
		'2024-01-03,B,nato-threat;XYZ',
		'2024-01-04,C,XYZ',
		'2024-01-05,D,constructor',
		'2024-01-06,E,'
	].join('\n');

	it('are reported per row, naming the column and the codebook, and the rows are kept', () => {
		const result = importText(text);
		expect(result.report.invalidRows).toBe(0);
		expect(result.data.length).toBe(5);
		expect(result.unknownFrames).toEqual([
			{ code: 'XYZ', column: 'frames', rows: 2, at: [3, 4] },
			{ code: 'constructor', column: 'frames', rows: 1, at: [5] }
		]);
		expect(english(unknownFrameNote(result.unknownFrames[0]!, codebook.label))).toBe(
			'Frame code “XYZ” in column “frames” is not a frame of the Parallax codebook (2 rows: row 3, 4); choose below what it means.'
		);
	});

	it('take the frame the researcher chose, or leave the row uncoded', () => {
		const lists = ['nato-threat', ['nato-threat', 'XYZ'].join(FRAME_SEP), 'XYZ', 'constructor', 'toString', ''];
		expect(resolveFrameLists(lists, { XYZ: 'sanctions-backfire', constructor: '' }).frames).toEqual([
			'nato-threat',
			['nato-threat', 'sanctions-backfire'].join(FRAME_SEP),
			'sanctions-backfire',
			'',
			'toString',
			''
		]);
		expect(resolveFrameLists([['XYZ', 'nato-threat'].join(FRAME_SEP)], { XYZ: 'nato-threat' }).frames).toEqual(['nato-threat']);
	});

	it('are not checked without a codebook', () => {
		const [header, ...records] = Papa.parse<string[]>(text).data;
		const importer = new Importer(
			header!,
			{ ...emptyMapping(), date: 'date', dateFormat: 'iso', outlet: 'outlet', frames: 'frames' },
			true
		);
		for (const record of records) importer.push(record);
		expect(importer.finish().unknownFrames).toEqual([]);
	});
});
