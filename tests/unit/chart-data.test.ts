import { describe, expect, it } from 'vitest';
import { CHART_DATA_COLUMNS, chartDataRows, chartViews, eventChartInput, type ChartInput } from '../../src/lib/domain/charts/chart-views';
import { OTHER, type CoverageRecord } from '../../src/lib/domain/charts/aggregate';
import { defaultFilters } from '../../src/lib/domain/charts/filters';
import { toCsv } from '../../src/lib/domain/ledger/table';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import type { ChartSay } from '../../src/lib/domain/charts/chart-views';

const say: ChartSay = (message) => translateMessage('en', message);

function rec(date: string, group: string, frames: string[], event = 'e1'): CoverageRecord {
	return { date, outlet: `${group}-outlet`, group, event, language: 'en', frames, count: 1 };
}

const input: ChartInput = {
	records: [
		rec('2025-01-06', 'state', ['threat']),
		rec('2025-01-07', 'state', ['threat', 'west']),
		rec('2025-01-08', 'intl', [], 'e2'),
		rec('2025-02-10', 'intl', ['west']),
		rec('2025-03-03', 'state', ['west'], 'e2')
	],
	window: { start: '2025-01-01', end: '2025-02-28' },
	vocab: {
		datasets: ['bundled'],
		events: ['e1', 'e2'],
		groups: ['state', 'intl'],
		outlets: [],
		frames: ['threat', 'west'],
		languages: ['en']
	},
	labels: {
		events: {},
		eventDates: {},
		groups: { state: 'State media', intl: 'International' },
		outlets: {},
		frames: { threat: 'Threat', west: 'West' }
	}
};

describe('all chart data in one file', () => {
	const filters = {
		...defaultFilters('bundled'),
		events: ['e1'],
		from: '2025-01-01',
		to: '2025-03-31',
		granularity: 'month' as const,
		mode: 'share' as const
	};
	const rows = chartDataRows(input, filters, say);

	it('has one row per series per period with matching and total counts', () => {
		const coverage = rows.filter((r) => r.chart === 'coverage');
		expect(coverage).toEqual([
			{
				chart: 'coverage',
				period: '2025-01-01',
				group: '',
				series: 'state',
				stance: '',
				label: 'State media',
				matching: 2,
				total: 2,
				unit: 'articles'
			},
			{
				chart: 'coverage',
				period: '2025-02-01',
				group: '',
				series: 'state',
				stance: '',
				label: 'State media',
				matching: 0,
				total: 0,
				unit: 'articles'
			},
			// March is after the collection window: a gap, not a zero.
			{
				chart: 'coverage',
				period: '2025-03-01',
				group: '',
				series: 'state',
				stance: '',
				label: 'State media',
				matching: null,
				total: null,
				unit: 'articles'
			},
			{
				chart: 'coverage',
				period: '2025-01-01',
				group: '',
				series: 'intl',
				stance: '',
				label: 'International',
				matching: 0,
				total: 1,
				unit: 'articles'
			},
			{
				chart: 'coverage',
				period: '2025-02-01',
				group: '',
				series: 'intl',
				stance: '',
				label: 'International',
				matching: 1,
				total: 1,
				unit: 'articles'
			},
			{
				chart: 'coverage',
				period: '2025-03-01',
				group: '',
				series: 'intl',
				stance: '',
				label: 'International',
				matching: null,
				total: null,
				unit: 'articles'
			}
		]);
	});

	it('gives frame counts by group even when the chart shows shares, over the whole span', () => {
		const frames = rows.filter((r) => r.chart === 'frames');
		expect(frames).toContainEqual({
			chart: 'frames',
			period: '2025-01-01/2025-03-31',
			group: 'state',
			series: 'threat',
			stance: '',
			label: 'Threat',
			matching: 2,
			total: 2,
			unit: 'articles'
		});
		expect(frames).toContainEqual({
			chart: 'frames',
			period: '2025-01-01/2025-03-31',
			group: 'state',
			series: 'west',
			stance: '',
			label: 'West',
			matching: 1,
			total: 2,
			unit: 'articles'
		});
		const views = chartViews(input, { ...filters, mode: 'count' }, say);
		const sum = (values: (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
		expect(frames.reduce((a, r) => a + Number(r.matching), 0)).toBe(views.frames.series.reduce((a, s) => a + sum(s.values), 0));
	});

	it('shows the frame mix of the group with the most frame codes until one is picked, not the first group listed', () => {
		// International first in order, with one frame code and more articles without any; state media with four codes.
		const intlFirst = {
			...input,
			records: [...input.records, rec('2025-01-09', 'intl', []), rec('2025-01-10', 'intl', []), rec('2025-01-11', 'intl', [])],
			vocab: { ...input.vocab, groups: ['intl', 'state'] }
		};
		const all = { ...defaultFilters('bundled'), from: '2025-01-01', to: '2025-03-31' };
		expect(chartViews(intlFirst, all, say).focus).toBe('state');
		expect(chartViews(intlFirst, { ...all, focus: 'intl' }, say).focus).toBe('intl');
		// Filtered to international media only, theirs is the mix there is.
		expect(chartViews(intlFirst, { ...all, groups: ['intl'] }, say).focus).toBe('intl');
	});

	it('gives the frame mix of the focus group as counts', () => {
		expect(rows.filter((r) => r.chart === 'frame-mix' && r.period === '2025-01-01')).toEqual([
			{
				chart: 'frame-mix',
				period: '2025-01-01',
				group: 'state',
				series: 'threat',
				stance: '',
				label: 'Threat',
				matching: 2,
				total: 2,
				unit: 'articles'
			},
			{
				chart: 'frame-mix',
				period: '2025-01-01',
				group: 'state',
				series: 'west',
				stance: '',
				label: 'West',
				matching: 1,
				total: 1,
				unit: 'articles'
			}
		]);
	});

	it('writes through toCsv with empty cells for gaps', () => {
		const csv = toCsv(CHART_DATA_COLUMNS, rows).split('\r\n');
		expect(csv[0]).toBe('chart,period,group,series,stance,label,matching,total,unit');
		expect(csv).toContain('coverage,2025-03-01,,state,,State media,,,articles');
	});
});

describe('all chart data of a dataset with stances', () => {
	const stanced: ChartInput = {
		...input,
		records: [
			{ ...rec('2025-01-06', 'state', ['threat', 'west']), stances: ['adopts', 'reports'] },
			{ ...rec('2025-01-07', 'intl', ['threat']), stances: ['contests'] },
			{ ...rec('2025-01-08', 'intl', ['threat', 'west']), stances: ['reports', 'adopts'] }
		]
	};
	const frames = (stance: 'adopts' | 'all') =>
		chartDataRows(stanced, { ...defaultFilters('bundled'), stance }, say)
			.filter((r) => r.chart === 'frames')
			.map((r) => [r.group, r.series, r.stance, r.label, r.matching]);

	it('counts only adopted codes by default, the rest as no frame adopted', () => {
		expect(frames('adopts')).toEqual([
			['state', 'threat', 'adopts', 'Threat', 1],
			['intl', 'threat', 'adopts', 'Threat', 0],
			['state', 'west', 'adopts', 'West', 0],
			['intl', 'west', 'adopts', 'West', 1],
			['state', 'uncoded', 'adopts', 'No frame adopted', 0],
			['intl', 'uncoded', 'adopts', 'No frame adopted', 1]
		]);
	});

	it('splits every code by its stance when all are shown', () => {
		expect(frames('all').filter((r) => r[4] !== 0)).toEqual([
			['state', 'threat', 'adopts', 'Threat (adopted)', 1],
			['intl', 'west', 'adopts', 'West (adopted)', 1],
			['intl', 'threat', 'reports', 'Threat (reported)', 1],
			['state', 'west', 'reports', 'West (reported)', 1],
			['intl', 'threat', 'contests', 'Threat (contested)', 1]
		]);
	});

	it('says its stance words in the reader’s language and keeps each frame’s colour in every stance', () => {
		const ukrainian: ChartSay = (message) => translateMessage('uk', message);
		const views = chartViews(stanced, { ...defaultFilters('bundled'), stance: 'all' }, ukrainian);
		const threat = views.frameCounts.series.filter((s) => s.frame === 'threat');
		expect(threat.map((s) => [s.label, s.frameLabel])).toEqual([
			['Threat (дотримується)', 'Threat'],
			['Threat (переказує)', 'Threat'],
			['Threat (спростовує)', 'Threat']
		]);
		expect(new Set(threat.map((s) => s.colour)).size).toBe(1);
		expect(chartViews(stanced, defaultFilters('bundled'), ukrainian).frameCounts.series.at(-1)?.label).toBe(
			'Жодного фрейму, якого видання дотримується'
		);
	});

	it('says when some codes record no stance, and counts them only among all stances', () => {
		const partly: ChartInput = { ...stanced, records: [...stanced.records, { ...rec('2025-01-09', 'intl', ['west']), stances: [''] }] };
		expect(chartViews(stanced, defaultFilters('bundled'), say).unspecified).toBe(false);
		const adopted = chartViews(partly, defaultFilters('bundled'), say);
		expect(adopted.unspecified).toBe(true);
		expect(adopted.frameCounts.series.find((s) => s.key === 'west')?.values).toEqual([0, 1]);
		const all = chartViews(partly, { ...defaultFilters('bundled'), stance: 'all' }, say);
		expect(all.frameCounts.series.find((s) => s.key === 'west:')).toMatchObject({ label: 'West (stance not recorded)', values: [0, 1] });
	});
});

describe("an event page's chart input", () => {
	const many: ChartInput = {
		...input,
		records: [
			...input.records,
			rec('2024-12-30', 'intl', ['west'], 'e2'),
			rec('2025-01-07', 'intl', ['threat'], 'e3'),
			rec('2025-06-01', 'state', [], 'e3')
		]
	};
	for (const event of ['e1', 'e2', 'e3']) {
		it(`keeps only the days of ${event}'s coverage, with the same panel and download`, () => {
			const trimmed = eventChartInput(many, event);
			expect(trimmed.records.length).toBeLessThan(many.records.length);
			const own = many.records
				.filter((r) => r.event === event)
				.map((r) => r.date)
				.sort();
			const filters = { ...defaultFilters('bundled'), events: [event], from: own[0]!, to: own.at(-1)! };
			expect(chartViews(trimmed, filters, say)).toEqual(chartViews(many, filters, say));
			expect(chartDataRows(trimmed, filters, say)).toEqual(chartDataRows(many, filters, say));
		});
	}
	it('is empty for an event without coverage', () => {
		expect(eventChartInput(many, 'none').records).toEqual([]);
	});
});

describe('line colours', () => {
	// Sixty outlets, more than the palette's colours: outlet-07 and outlet-21 are fourteen apart.
	const outlets = Array.from({ length: 60 }, (_, i) => `outlet-${String(i + 1).padStart(2, '0')}`);
	const many: ChartInput = {
		...input,
		records: outlets.map((outlet, i) => ({ ...rec('2025-01-06', 'state', ['threat']), outlet, count: 1 + (i % 5) })),
		vocab: { ...input.vocab, outlets }
	};
	const colours = (patch: Partial<ReturnType<typeof defaultFilters>>) =>
		chartViews(many, { ...defaultFilters('bundled'), by: 'outlet', ...patch }, say).coverage.series.filter((s) => s.key !== OTHER);

	it('differ between the lines of one chart, however far apart the outlets are in the list', () => {
		const picked = colours({ outlets: ['outlet-07', 'outlet-21'] });
		expect(picked.map((s) => s.key).sort()).toEqual(['outlet-07', 'outlet-21']);
		expect(new Set(picked.map((s) => s.colour)).size).toBe(2);
		const top = colours({});
		expect(top.length).toBeGreaterThan(10);
		expect(new Set(top.map((s) => s.colour)).size).toBe(top.length);
	});

	it('differ between a dataset’s own groups, and Parallax’s groups keep theirs', () => {
		const groups = ['ru-indep', 'ru-state', 'ua', 'west-com', 'west-pub', 'russian-state-media'];
		const grouped: ChartInput = {
			...many,
			records: groups.map((group, i) => ({ ...rec('2025-01-06', group, ['threat']), count: 1 + i })),
			vocab: { ...many.vocab, groups: ['russian-state-media', ...groups.slice(0, 5)] }
		};
		const lines = chartViews(grouped, { ...defaultFilters('bundled'), by: 'group' }, say).coverage.series;
		expect(lines).toHaveLength(6);
		expect(new Set(lines.map((s) => s.colour)).size).toBe(6);
		expect(lines.find((s) => s.key === 'russian-state-media')?.colour).toBe('var(--chart-group-russian-state-media)');
	});
});
