import { describe, expect, it } from 'vitest';
import { foldSeries, OTHER, timeSeries, valueSummary, valueTimeSeries, type CoverageRecord } from '../../src/lib/domain/charts/aggregate';
import { chartDataRows, chartViews, type ChartSay } from '../../src/lib/domain/charts/chart-views';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import { defaultFilters } from '../../src/lib/domain/charts/filters';
import { valueRounding, type Combine, type Measure } from '../../src/lib/domain/charts/measure';
import { MeasureSchema, readMeasure } from '../../src/lib/domain/charts/measure-schema';
import { emptyMapping, type ColumnMapping, type FormatId } from '../../src/lib/domain/import/formats';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import { formatNumberIn } from '../../src/lib/i18n/locales';
import { measureOf, recordsChartInput } from '../../src/lib/domain/import/local-dataset';
import { pluralNoun, proposeColumns, proposeMeasure } from '../../src/lib/domain/import/proposal';
import { reshapePlan, reshapeRecord } from '../../src/lib/domain/import/wide';

/** A value of `series` (an outlet key, as count rows store series) in `group` on `date`. */
function value(date: string, series: string, count: number, group = series): CoverageRecord {
	return { date, outlet: series, group, event: '', language: '', frames: [], count };
}

const say: ChartSay = (message) => translateMessage('en', message);
const window = { start: '2020-01-01', end: '2020-12-31' };
const monthly = (combine: Combine, by: 'outlet' | 'group' = 'outlet') =>
	({ granularity: 'month', by, from: '2020-01-01', to: '2020-04-30', window, combine }) as const;
const line = (ts: { series: { key: string; values: (number | null)[] }[] }, key: string) => ts.series.find((s) => s.key === key)?.values;

describe('combine rules', () => {
	// Germany has two readings in January and none in February; France one a month, March missing.
	const records = [
		value('2020-01-10', 'Germany', 1, 'eu'),
		value('2020-01-20', 'Germany', 3, 'eu'),
		value('2020-03-01', 'Germany', 2, 'eu'),
		value('2020-01-01', 'France', 2, 'eu'),
		value('2020-02-01', 'France', 4, 'eu'),
		value('2020-04-01', 'France', 6, 'eu')
	];

	it('sums, averages or takes the latest value of a series within a period', () => {
		expect(line(valueTimeSeries(records, monthly('sum')), 'Germany')).toEqual([4, null, 2, null]);
		expect(line(valueTimeSeries(records, monthly('mean')), 'Germany')).toEqual([2, null, 2, null]);
		expect(line(valueTimeSeries(records, monthly('last')), 'Germany')).toEqual([3, null, 2, null]);
	});

	it('leaves a gap where a series has no value, never a zero', () => {
		expect(line(valueTimeSeries(records, monthly('mean')), 'France')).toEqual([2, 4, null, 6]);
		// Articles are counted, so the same empty month is a real zero.
		expect(line(timeSeries(records, { ...monthly('sum') }), 'France')).toEqual([2, 4, 0, 6]);
	});

	it('combines the series of one line by the same rule: the mean of each series’ mean', () => {
		// January: Germany's mean 2, France 2 → 2; February: France alone → 4.
		expect(line(valueTimeSeries(records, monthly('mean', 'group')), 'eu')).toEqual([2, 4, 2, 6]);
		expect(line(valueTimeSeries(records, monthly('sum', 'group')), 'eu')).toEqual([6, 4, 2, 6]);
		// The latest of each series, added: Germany 3 + France 2.
		expect(line(valueTimeSeries(records, monthly('last', 'group')), 'eu')).toEqual([5, 4, 2, 6]);
	});

	it('summarises every series over the whole span, then across series', () => {
		expect(valueSummary(records, 'mean')).toEqual({ value: (2 + 4) / 2, series: 2 });
		expect(valueSummary(records, 'sum')).toEqual({ value: 18, series: 2 });
		expect(valueSummary(records, 'last')).toEqual({ value: 2 + 6, series: 2 });
		expect(valueSummary([], 'mean')).toEqual({ value: null, series: 0 });
	});
});

describe('many lines', () => {
	const many = Array.from({ length: 15 }, (_, i) => value('2020-01-01', `s${String(i).padStart(2, '0')}`, i + 1));

	it('draws the largest lines and gathers the rest in "other", by the measure’s rule', () => {
		const mean = valueTimeSeries(many, monthly('mean'), 12);
		expect(mean.series.map((s) => s.key)).toEqual([...Array.from({ length: 12 }, (_, i) => `s${String(14 - i).padStart(2, '0')}`), OTHER]);
		expect(mean.folded).toBe(3);
		// The three smallest are 1, 2 and 3: their mean, not their sum.
		expect(line(mean, OTHER)).toEqual([2, null, null, null]);
		expect(line(valueTimeSeries(many, monthly('sum'), 12), OTHER)).toEqual([6, null, null, null]);
	});

	it('keeps a picked series as its own line', () => {
		const picked = valueTimeSeries(many, monthly('sum'), 12, ['s00']);
		expect(line(picked, 's00')).toEqual([1, null, null, null]);
		expect(line(picked, OTHER)).toEqual([5, null, null, null]);
	});

	it('adds the rest of summed series, keeping the gaps of the window', () => {
		const ts = timeSeries(many, { ...monthly('sum'), window: { start: '2020-01-01', end: '2020-02-29' } });
		const folded = foldSeries(ts, 12);
		expect(line(folded, OTHER)).toEqual([6, 0, null, null]);
		expect(folded.keys).toHaveLength(15);
		expect(foldSeries(ts, 20).folded).toBe(0);
	});

	it('shows at most 12 lines on the chart, but every series in the data download', () => {
		const input = recordsChartInput(
			many,
			'd',
			{ frames: [], frameLabels: {}, groups: [] },
			{},
			{
				kind: 'value',
				unit: 'events',
				combine: 'sum',
				series: ''
			}
		);
		const views = chartViews(input, { ...defaultFilters('d'), by: 'outlet' }, say);
		expect(views.coverage.series).toHaveLength(13);
		expect(views.coverage.series.at(-1)?.label).toBe('Other (3)');
		expect(views.lineChoices).toHaveLength(15);
		const rows = chartDataRows(input, { ...defaultFilters('d'), by: 'outlet' }, say);
		expect(new Set(rows.map((r) => r.series)).size).toBe(15);
		expect(rows.every((r) => r.unit === 'events' && r.chart === 'coverage')).toBe(true);
	});
});

describe('measure schema', () => {
	it('reads what it wrote, and treats anything else as articles', () => {
		const measure: Measure = { kind: 'value', unit: '% of GDP', combine: 'mean', series: 'countries' };
		expect(readMeasure(JSON.stringify(measure))).toEqual(measure);
		expect(readMeasure('{"kind":"value","combine":"median"}')).toEqual({ kind: 'articles' });
		expect(readMeasure('not json')).toEqual({ kind: 'articles' });
		expect(MeasureSchema.safeParse({ kind: 'value', unit: 'x'.repeat(61), combine: 'sum' }).success).toBe(false);
	});

	it('charts uploads kept before measures as they were: sums', () => {
		expect(measureOf({ kind: 'article' })).toEqual({ kind: 'articles' });
		expect(measureOf({ kind: 'count' })).toMatchObject({ kind: 'value', combine: 'sum' });
	});
});

describe('a measured value in a sentence', () => {
	it('is rounded by its size and written as the page’s language writes numbers', () => {
		const said = (locale: 'en' | 'uk', value: number) => formatNumberIn(locale, value, valueRounding(value));
		expect([1234.56, 12.345, 0.01234, 0].map((v) => said('en', v))).toEqual(['1,235', '12.3', '0.012', '0']);
		expect(said('uk', 1.8)).toBe('1,8');
		expect(said('uk', 1234.56)).toBe('1\u00a0235');
	});
});

describe('proposals', () => {
	const mapping = (patch: Partial<ColumnMapping>): ColumnMapping => ({ ...emptyMapping(), date: 'date', dateFormat: 'iso', ...patch });
	// Weekly TV mentions per person: a count, a total over everyone and a ratio of the two.
	const columns = ['date', 'name', 'count', 'total', 'ratio'];
	const sample = [
		['2024-01-01', 'Ann Example', '12', '40', '0.3'],
		['2024-01-01', 'Bo Example', '28', '40', '0.7'],
		['2024-01-08', 'Ann Example', '9', '30', '0.3'],
		['2024-01-08', 'Bo Example', '21', '30', '0.7']
	];

	it('proposes the count column over totals and ratios, and the repeating names as the series, saying why', () => {
		const proposal = proposeColumns(columns, sample, mapping({}), ',');
		expect(proposal.count).toBe('count');
		expect(proposal.series).toBe('name');
		expect(proposal.reasons.map((r) => r.key)).toEqual([
			'import.propose.countNamed',
			'import.propose.countSkipped',
			'import.propose.series'
		]);
		expect(proposal.reasons[1]?.params).toEqual({ columns: 'total”, “ratio' });
	});

	it('proposes no count for a file of articles, whatever numbers it holds', () => {
		const proposal = proposeColumns(
			['date', 'title', 'word_count'],
			[['2024-01-01', 'A headline', '800']],
			mapping({ title: 'title' }),
			','
		);
		expect(proposal.count).toBeNull();
	});

	it('proposes the column a GDELT monthly extract counts in, not a code whose name holds a count word', () => {
		// The shape of formats.md: event codes, a class, a score, then the count of events.
		const columns = ['MonthYear', 'Actor2CountryCode', 'QuadClass', 'SubEventType', 'GoldsteinScale', 'RecordCount'];
		const sample = [
			['202501', 'RUS', '4', '190', '-1,701.20', '1,234'],
			['202501', 'UKR', '4', '190', '-0.300000012', '567'],
			['202502', 'RUS', '1', '40', '2.5', '89']
		];
		const text = [columns.join(','), ...sample.map((r) => r.map((v) => (v.includes(',') ? `"${v}"` : v)).join(','))].join('\r\n');
		const inspection = inspectSample(text, 'gdelt-monthly.csv', false);
		expect(inspection.mapping.date).toBe('MonthYear');
		expect(inspection.mapping.dateFormat ?? inspection.date.format).toBe('ym-compact');
		expect(inspection.mapping.count).toBe('RecordCount');
		expect(inspection.mapping.outlet).toBe('Actor2CountryCode');
	});

	it('passes over an identifier whose name ends in a number word', () => {
		const proposal = proposeColumns(
			['date', 'actor', 'Page number', 'Year N'],
			[
				['2024-01-01', 'A', '3', '2024'],
				['2024-01-02', 'A', '4', '2024']
			],
			mapping({}),
			','
		);
		expect(proposal.count).toBeNull();
	});

	it('proposes the only numeric column when no name says it counts', () => {
		expect(
			proposeColumns(
				['date', 'actor', 'x'],
				[
					['2024-01-01', 'A', '3'],
					['2024-01-02', 'A', '4']
				],
				mapping({}),
				','
			)
		).toMatchObject({
			count: 'x',
			series: 'actor'
		});
	});

	const measureOfFile = (columns: string[], sample: string[][], patch: Partial<ColumnMapping>, format: FormatId = 'unknown') =>
		proposeMeasure({ format, columns, sample, mapping: mapping(patch) });

	it('averages values that look like percentages', () => {
		const byValues = measureOfFile(
			['date', 'country', 'v'],
			[
				['2024-01-01', 'Chad', '1.5'],
				['2024-01-01', 'Peru', '2.25']
			],
			{
				count: 'v',
				outlet: 'country'
			}
		);
		expect(byValues.measure).toEqual({ kind: 'value', unit: '%', combine: 'mean', series: 'countries' });
		expect(byValues.reasons[0]?.key).toBe('import.propose.percentValues');
		expect(measureOfFile(columns, sample, { count: 'ratio' }).measure).toMatchObject({ unit: '%', combine: 'mean' });
	});

	it('adds whole numbers up, with a unit from the column name', () => {
		const gdelt = ['MonthYear', 'Actor2CountryCode', 'RecordCount'];
		expect(measureOfFile(gdelt, [['201901', 'RUS', '1,701']], { count: 'RecordCount', outlet: 'Actor2CountryCode' }).measure).toEqual({
			kind: 'value',
			unit: 'events',
			combine: 'sum',
			series: 'actor country codes'
		});
		expect(measureOfFile(columns, sample, { count: 'count' }).measure).toMatchObject({ kind: 'value', combine: 'sum' });
	});

	it('counts articles when there is no count, or the count is of articles', () => {
		expect(measureOfFile(columns, sample, {}).measure).toEqual({ kind: 'articles' });
		expect(measureOfFile(['date', 'articles'], [['2024-01-01', '3']], { count: 'articles' }).measure).toEqual({ kind: 'articles' });
		expect(
			measureOfFile(['date', 'url', 'count'], [['2024-01-01', 'https://a.example/1', '3']], { count: 'count', url: 'url' }).measure
		).toEqual({
			kind: 'articles'
		});
		expect(
			measureOfFile(
				['date', 'count', 'total_count', 'ratio'],
				[['2024-01-01', '3', '9', '0.3']],
				{ count: 'count' },
				'mediacloud-attention'
			).measure
		).toEqual({
			kind: 'articles'
		});
	});

	it('counts articles in a GDELT timeline of raw volume, and averages its percentages', () => {
		const timeline = ['Date', 'Series', 'Value'];
		const raw = measureOfFile(
			timeline,
			[['2022-01-03', 'Russia Ukraine', '2,025']],
			{ count: 'Value', outlet: 'Series' },
			'gdelt-timeline'
		);
		expect(raw).toEqual({ measure: { kind: 'articles' }, reasons: [{ key: 'import.propose.gdeltArticles' }] });
		const share = measureOfFile(
			timeline,
			[['2022-01-03', 'Russia Ukraine', '0.4512']],
			{ count: 'Value', outlet: 'Series' },
			'gdelt-timeline'
		);
		expect(share.measure).toMatchObject({ kind: 'value', unit: '%', combine: 'mean' });
	});

	it('names the lines in the plural', () => {
		expect([pluralNoun('Country'), pluralNoun('actor'), pluralNoun('series'), pluralNoun('match')]).toEqual([
			'countries',
			'actors',
			'series',
			'matches'
		]);
	});

	it('proposes a mean % for a wide %-of-GDP table with decimal commas and ".." for missing', () => {
		const text = 'Country;2019;2020;2021;Notes\nEstonia;2,01;2,31;..;NATO estimate\nLatvia;1,01;2,2;2,1;\n';
		const inspection = inspectSample(text, 'defence.csv', false);
		expect(inspection.mapping.reshape?.series).toEqual(['Country']);
		const proposal = proposeMeasure({ ...inspection, mapping: inspection.mapping });
		expect(proposal.measure).toEqual({ kind: 'value', unit: '%', combine: 'mean', series: 'countries' });
		const plan = reshapePlan(inspection.columns, inspection.mapping, inspection.mapping.reshape!);
		const estonia = reshapeRecord(inspection.sample[0]!, plan);
		expect(estonia.records).toHaveLength(2);
		expect(estonia.missing).toBe(1);
	});
});
