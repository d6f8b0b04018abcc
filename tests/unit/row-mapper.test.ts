import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATASET_COLUMNS, DATASET_MAPPING } from '../../src/lib/domain/import/dataset';
import { emptyMapping } from '../../src/lib/domain/import/formats';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import { mapRow, RowMapper } from '../../src/lib/domain/import/mapping';

const dir = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));

/** Maps every record twice (second time from the caches) and compares with mapRow. */
function expectSameAsMapRow(records: string[][], columns: string[], mapping: Parameters<typeof mapRow>[2]) {
	const index = new Map(columns.map((c, i) => [c, i]));
	const mapper = new RowMapper(index, mapping);
	for (const pass of [1, 2]) {
		records.forEach((cells, i) => {
			expect(mapper.map(cells, i + 2), `pass ${pass}, record ${i}`).toEqual(mapRow(cells, index, mapping, i + 2));
		});
	}
}

describe('RowMapper (mapRow with per-value caches)', () => {
	for (const file of readdirSync(dir)) {
		it(`maps ${file} exactly as mapRow does`, () => {
			const inspection = inspectSample(readFileSync(`${dir}${file}`, 'utf8'), file, false);
			const mapping = { ...inspection.mapping, dateFormat: inspection.mapping.dateFormat ?? inspection.date.format };
			expectSameAsMapRow(inspection.sample, inspection.columns, mapping);
		});
	}

	it('maps valid and invalid dataset rows exactly as mapRow does', () => {
		const row = (patch: Partial<Record<(typeof DATASET_COLUMNS)[number], string>>) => {
			const base: Record<string, string> = {
				date: '2025-06-25',
				outlet: 'A',
				group: 'g',
				event: 'e',
				language: 'EN',
				frames: 'x;y; x',
				count: '1',
				title: ' T ',
				url: 'https://a.example/1'
			};
			return DATASET_COLUMNS.map((c) => ({ ...base, ...patch })[c] ?? '');
		};
		expectSameAsMapRow(
			[
				row({}),
				row({ date: '2025-02-30' }),
				row({ date: '' }),
				row({ date: ' 2025-06-25 ' }),
				row({ outlet: '' }),
				row({ outlet: '  ' }),
				row({ count: 'x' }),
				row({ count: '-1' }),
				row({ count: '1,234.5' }),
				row({ count: '' }),
				row({ url: 'not a url' }),
				row({ url: '' }),
				row({ frames: '' }),
				row({ frames: ';;' }),
				row({ language: '' }),
				row({})
			],
			[...DATASET_COLUMNS],
			DATASET_MAPPING
		);
	});

	it('gives each row its own frames array', () => {
		const mapper = new RowMapper(new Map(DATASET_COLUMNS.map((c, i) => [c, i])), DATASET_MAPPING);
		const cells = ['2025-06-25', 'A', '', '', '', 'x;y', '1', '', ''];
		const a = mapper.map(cells, 2).row;
		const b = mapper.map(cells, 3).row;
		expect(a?.frames).toEqual(['x', 'y']);
		expect(a?.frames).not.toBe(b?.frames);
	});
});

describe('an article text column', () => {
	const columns = ['Date', 'URL', 'Title', 'Text'];
	const mapping = {
		...emptyMapping(),
		date: 'Date',
		dateFormat: 'iso' as const,
		outletUrl: 'URL',
		url: 'URL',
		title: 'Title',
		text: 'Text'
	};
	const long = `${'é'.repeat(1998)}😀 and more`;
	const records = [
		['2025-01-02', 'https://tass.com/1', 'One', 'First line\r\nsecond\u0007line\u200b here'],
		['2025-01-03', 'https://ria.ru/2', 'Two', ''],
		['2025-01-04', 'https://ria.ru/3', 'Three', long]
	];

	it('keeps each text on one line, cut at 2,000 characters and marked, and leaves out an empty one', () => {
		const index = new Map(columns.map((c, i) => [c, i]));
		const [one, two, three] = records.map((cells, i) => mapRow(cells, index, mapping, i + 2).row!);
		expect(one!.text).toBe('First line second line here');
		expect(two).not.toHaveProperty('text');
		// The cut never splits the emoji's surrogate pair: it drops it whole.
		expect(three!.text).toBe(`${'é'.repeat(1998)}…`);
		expect(three!.text!.length).toBeLessThanOrEqual(2000);
	});

	it('is mapped by the per-value caches exactly as mapRow maps it', () => {
		expectSameAsMapRow(records, columns, mapping);
	});
});
