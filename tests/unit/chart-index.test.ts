import { describe, expect, it } from 'vitest';
import { UNCODED, type CoverageRecord } from '../../src/lib/domain/charts/aggregate';
import { chartIndexOf, chartIndexOfPacked, cubeOf } from '../../src/lib/domain/charts/chart-index';
import { packRecords } from '../../src/lib/domain/charts/packed-records';
import { chartViews, type ChartInput } from '../../src/lib/domain/charts/chart-views';
import { collectionWindow } from '../../src/lib/domain/charts/coverage';
import { defaultFilters, type Filters } from '../../src/lib/domain/charts/filters';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import type { ChartSay } from '../../src/lib/domain/charts/chart-views';

const say: ChartSay = (message) => translateMessage('en', message);

// A small deterministic mix: several groups, outlets, events, languages, frame lists (empty,
// repeated, one literally named "uncoded"), fractional and zero counts, dates across years.
function fixture(length = 600, days = 500): CoverageRecord[] {
	let seed = 42;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
	const frameLists = [[], ['a'], ['b'], ['a', 'b'], ['c', 'a'], [UNCODED], ['z']];
	return Array.from({ length }, (_, i) => ({
		date: new Date(Date.UTC(2023, 10, 1) + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10),
		outlet: pick(['o1', 'o2', 'o3', 'o4']),
		group: pick(['g1', 'g2', 'g3', 'stray']),
		event: pick(['e1', 'e2', '']),
		language: pick(['en', 'ru']),
		// Fresh arrays for some records, shared ones for others, as both kinds of source give.
		frames: i % 2 ? [...pick(frameLists)] : pick(frameLists),
		count: pick([1, 1, 1, 0, 2.5, 0.1])
	}));
}

function input(records: CoverageRecord[]): ChartInput {
	const window = { ...collectionWindow(records), missing: ['2024-02-03'] };
	return {
		records,
		window,
		vocab: {
			datasets: ['d'],
			events: ['e1', 'e2', ''],
			groups: ['g2', 'g1', 'g3'],
			outlets: ['o1', 'o2', 'o3', 'o4'],
			frames: ['b', 'a', 'c'],
			languages: ['en', 'ru']
		},
		labels: {
			events: { e1: 'Event 1' },
			eventDates: { e1: '2024-01-10', e2: '2030-01-01' },
			groups: { g1: 'Group 1' },
			outlets: {},
			frames: { a: 'Frame A' }
		}
	};
}

const cases: [string, Partial<Filters>][] = [
	['no filters', {}],
	['by outlet, weekly', { by: 'outlet', granularity: 'week' }],
	['by frame, daily, date range', { by: 'frame', granularity: 'day', from: '2024-01-05', to: '2024-03-01' }],
	['by event, share mode', { by: 'event', mode: 'share' }],
	['frame filter keeps only selected frames', { frames: ['a', 'uncoded'], by: 'frame' }],
	['groups, outlets, languages, events', { groups: ['g1', 'stray'], outlets: ['o1', 'o3'], languages: ['ru'], events: ['e1', ''] }],
	['focus group', { focus: 'g3', to: '2024-06-30' }],
	['focus on a group with no rows', { focus: 'g3', groups: ['g1'] }],
	['nothing matches', { events: ['none'] }],
	['range outside the data', { from: '2030-01-01', to: '2030-02-01', granularity: 'month' }],
	['groups only', { groups: ['g1', 'stray'] }],
	['groups, date range, by frame, weekly', { groups: ['g2', 'g3'], from: '2023-11-20', by: 'frame', granularity: 'week' }],
	['one group, focus elsewhere, count mode', { groups: ['g3'], focus: 'g1', mode: 'count' }],
	['every stance', { stance: 'all' }],
	['every stance, by frame, frame filter', { stance: 'all', by: 'frame', frames: ['a', 'c'] }],
	['every stance, groups and outlets, weekly', { stance: 'all', groups: ['g1', 'g2'], outlets: ['o2', 'o3'], granularity: 'week' }],
	['adopted only, by frame, frame filter', { by: 'frame', frames: ['b', 'uncoded'] }],
	['yearly, the frame mix too', { granularity: 'year', focus: 'g1' }]
];

/** The same records with a stance per code, some unknown, and a few without stances at all. */
function withStances(records: CoverageRecord[]): CoverageRecord[] {
	const cycle = ['adopts', 'reports', 'contests', 'adopts', ''] as const;
	return records.map((r, i) => (i % 7 === 0 ? r : { ...r, stances: r.frames.map((_, j) => cycle[(i + j) % cycle.length]!) }));
}

describe('chartViews over a ChartIndex', () => {
	// Fractional counts take the row-by-row path; whole counts the summed-per-frame-list one,
	// and counts of 1 skip the count column.
	const fixtures: [string, CoverageRecord[]][] = [
		['fractional counts', fixture()],
		['whole counts', fixture().map((r) => ({ ...r, count: Math.round(r.count * 3) }))],
		['article rows', fixture().map((r) => ({ ...r, count: 1 }))],
		// Many rows on few days: summed from the day × group × frame cube when the filters allow.
		['dense whole counts', fixture(4000, 40).map((r) => ({ ...r, count: Math.round(r.count * 3) }))],
		['dense article rows', fixture(4000, 40).map((r) => ({ ...r, count: 1 }))],
		['stances, fractional counts', withStances(fixture())],
		['stances, article rows', withStances(fixture().map((r) => ({ ...r, count: 1 })))],
		['stances, dense whole counts', withStances(fixture(4000, 40).map((r) => ({ ...r, count: Math.round(r.count * 3) })))]
	];
	for (const [kind, records] of fixtures) {
		const data = input(records);
		const index = chartIndexOf(records);
		it(`builds the frame cube only where it is smaller than the rows: ${kind}`, () => {
			// With stances a code counts or not by the stance filter, which the cube does not keep.
			expect(cubeOf(index) !== undefined).toBe(kind.startsWith('dense'));
		});
		const packedIndex = chartIndexOfPacked(JSON.parse(JSON.stringify(packRecords(records))));
		for (const [name, patch] of cases) {
			it(`gives identical views, ${kind}: ${name}`, () => {
				const filters = { ...defaultFilters('d'), ...patch };
				const views = chartViews(data, filters, say);
				expect(chartViews(data, filters, say, index)).toEqual(views);
				// Indexed straight from the packed records the server sends, too.
				expect(chartViews(data, filters, say, packedIndex)).toEqual(views);
			});
		}
	}
	it('is not read from packed records some of which lack a field', () => {
		const records = fixture(20);
		expect(chartIndexOfPacked(packRecords(records))).toBeDefined();
		const { language: _, ...noLanguage } = records[3]!;
		expect(chartIndexOfPacked(packRecords([...records, noLanguage as CoverageRecord]))).toBeUndefined();
	});

	it('gives identical views for an empty dataset', () => {
		const empty = input([]);
		expect(chartViews(empty, defaultFilters('d'), say, chartIndexOf([]))).toEqual(chartViews(empty, defaultFilters('d'), say));
	});
});

describe('the frame mix over time', () => {
	it('is per month, or per year when the charts are yearly', () => {
		const data = input(fixture());
		const periods = (granularity: 'week' | 'month' | 'year') =>
			chartViews(data, { ...defaultFilters('d'), granularity, focus: 'g1' }, say).frameMix.categories.map((c) => c.label);
		expect(periods('week').every((label) => /^\d{4}-\d{2}$/.test(label))).toBe(true);
		expect(periods('month')).toEqual(periods('week'));
		const years = periods('year');
		expect(years.length).toBeGreaterThan(0);
		expect(years.every((label) => /^\d{4}$/.test(label))).toBe(true);
		expect(years).toEqual([...new Set(periods('month').map((m) => m.slice(0, 4)))]);
	});
});
