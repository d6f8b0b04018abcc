import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chartViews } from '../../src/lib/domain/charts/chart-views';
import { defaultFilters } from '../../src/lib/domain/charts/filters';
import { DATASET_COLUMNS } from '../../src/lib/domain/import/dataset';
import { emptyMapping } from '../../src/lib/domain/import/formats';
import { Importer } from '../../src/lib/domain/import/importer';
import { localChartInput, type LocalDataset } from '../../src/lib/domain/import/local-dataset';
import { neutraliseCell, toCsv } from '../../src/lib/domain/ledger/table';
import { languageLabel } from '../../src/lib/domain/languages';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import type { ChartSay } from '../../src/lib/domain/charts/chart-views';

const say: ChartSay = (message) => translateMessage('en', message);

/** The kinds of text real exports hold that broke pages before, and plain random text. */
const awkward = fc.oneof(
	fc.constant(''),
	fc.constantFrom(' ', '\t', '  \u00A0 ', '\u200B', '\uFEFF'),
	fc.constantFrom('\u202Eevil\u202C', '\u2067rtl\u2069', 'مرحبا', 'שלום'),
	fc.constantFrom('🇺🇦', '👩🏽‍🔬', '😀'.repeat(20)),
	fc.constant('x'.repeat(10_000)),
	fc.tuple(fc.constantFrom('=', '+', '-', '@'), fc.string()).map(([p, s]) => p + s),
	fc.constantFrom('"', '""', "'", ',', ';', '|', '+', '\r\n', '\n', '"a","b"', 'a;b+c,d'),
	fc.string({ unit: fc.integer({ min: 1, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 5 }),
	fc.constantFrom('.', '…', '-', '/', '#', '%', '?', '!', '*'),
	fc.constantFrom('Russian', 'Spanish+Castilian', 'русский', 'EN', '2024-01-02', 'nato-threat', 'https://example.org/a'),
	fc.string({ unit: 'binary', maxLength: 40 })
);

const COLUMNS = ['date', 'outlet', 'group', 'event', 'language', 'frames', 'count', 'title', 'url'];
const mapping = {
	...emptyMapping(),
	date: 'date',
	dateFormat: 'iso' as const,
	outlet: 'outlet',
	group: 'group',
	event: 'event',
	language: 'language',
	frames: 'frames',
	title: 'title',
	url: 'url'
};
const codebook = { label: 'Parallax codebook', frames: [{ id: 'nato-threat', label: 'NATO threat' }] };

// A valid date and outlet in most rows, so rows get past the first checks and the other cells matter.
const record = fc
	.tuple(
		fc.oneof(fc.constant('2024-01-02'), awkward),
		fc.oneof(fc.constant('TASS'), awkward),
		fc.array(awkward, { minLength: 7, maxLength: 7 })
	)
	.map(([date, outlet, rest]) => [date, outlet, ...rest]);

describe('any text in any mapped column', () => {
	it('is kept or reported with its row and column, and charts, labels and exports never throw', () => {
		fc.assert(
			fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.boolean(), (records, counted) => {
				const importer = new Importer(COLUMNS, counted ? { ...mapping, count: 'count' } : mapping, true, codebook);
				records.forEach((r) => importer.push(r));
				const result = importer.finish();
				const { report, data } = result;

				expect(report.rows).toBe(records.length);
				expect(report.validRows + report.invalidRows).toBe(records.length);
				const reported = new Set(report.issues.map((i) => i.row));
				expect(reported.size).toBe(report.invalidRows);
				for (const issue of report.issues) {
					expect(issue.row).toBeGreaterThanOrEqual(2);
					expect(issue.row).toBeLessThanOrEqual(records.length + 1);
					expect(['', ...COLUMNS]).toContain(issue.column);
				}
				expect(data.length).toBe(report.validRows);

				const dataset: LocalDataset = {
					id: 'local-prop',
					title: 'prop',
					fileName: 'prop.csv',
					format: 'parallax',
					kind: counted ? 'count' : 'article',
					rows: data.length,
					created: '2024-01-01T00:00:00.000Z',
					data,
					groupOf: {},
					groupLabels: {}
				};
				const input = localChartInput(dataset, { frames: ['nato-threat'], frameLabels: { 'nato-threat': 'NATO threat' }, groups: [] });
				if (input.records.length > 0) chartViews(input, defaultFilters(dataset.id), say);
				for (const language of input.vocab.languages) {
					expect(typeof languageLabel(language, 'en')).toBe('string');
					expect(typeof languageLabel(language, 'uk')).toBe('string');
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('survives the CSV export: every cell reads back as written, formulas neutralised', () => {
		fc.assert(
			fc.property(fc.array(fc.array(awkward, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 5 }), (rows) => {
				const columns = [...DATASET_COLUMNS];
				const csv = toCsv(
					columns,
					rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i]])))
				);
				const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' }).data;
				expect(parsed[0]).toEqual(columns);
				expect(parsed.slice(1)).toEqual(rows.map((cells) => cells.map(neutraliseCell)));
			}),
			{ numRuns: 200 }
		);
	});
});
