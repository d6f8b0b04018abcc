import { describe, expect, it } from 'vitest';
import {
	partialPeriods,
	compareKeys,
	dataResolution,
	defaultGranularity,
	nextPeriod,
	periodLabel,
	framesByGroup,
	isoWeekLabel,
	periodStart,
	periodsBetween,
	rowShares,
	shareSeries,
	timeSeries,
	type CoverageRecord
} from '../../src/lib/domain/charts/aggregate';

function rec(date: string, group: string, frames: string[] = [], count = 1): CoverageRecord {
	return { date, outlet: `${group}-outlet`, group, event: 'e', language: 'en', frames, count };
}

const dates = (...isos: string[]) => isos.map((date) => ({ date }));

describe('series keys in order', () => {
	it('orders keys as localeCompare does, ids and names alike', () => {
		const keys = ['ria-ru', 'ria', 'r1a', 'tass-2', 'tass-10', 'Zeit', 'zdf', 'Éire', 'eesti', 'bbc news', '1tv', 'a-b', 'ab', ''];
		const sign = (n: number) => Math.sign(n);
		for (const a of keys) for (const b of keys) expect(sign(compareKeys(a, b)), `${a} ~ ${b}`).toBe(sign(a.localeCompare(b)));
	});
});

describe('periods (UTC, ISO weeks)', () => {
	it('starts weeks on Monday, including across a year boundary', () => {
		expect(periodStart('2025-06-25', 'week')).toBe('2025-06-23'); // Wednesday → Monday
		expect(periodStart('2025-06-29', 'week')).toBe('2025-06-23'); // Sunday belongs to the week before
		expect(periodStart('2026-01-01', 'week')).toBe('2025-12-29');
		expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
		expect(isoWeekLabel('2025-06-23')).toBe('2025-W26');
		expect(isoWeekLabel('2020-12-28')).toBe('2020-W53');
	});
	it('lists every month between two dates', () => {
		expect(periodsBetween('2024-11-15', '2025-02-01', 'month')).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']);
	});
	it('picks the granularity from the span', () => {
		expect(defaultGranularity('2025-06-01', '2025-07-15')).toBe('day');
		expect(defaultGranularity('2025-01-01', '2025-12-31')).toBe('week');
		expect(defaultGranularity('2014-01-01', '2025-12-31')).toBe('month');
	});
	it('has years, labelled by their number', () => {
		expect(periodStart('2024-07-09', 'year')).toBe('2024-01-01');
		expect(nextPeriod('2024-01-01', 'year')).toBe('2025-01-01');
		expect(periodLabel('2024-01-01', 'year')).toBe('2024');
		expect(periodsBetween('2021-01-01', '2024-01-01', 'year')).toEqual(['2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01']);
	});
	it('reads how finely the data are dated, and never picks a finer period than that', () => {
		expect(dataResolution(dates('2021-01-01', '2022-01-01'))).toBe('year');
		expect(dataResolution(dates('2021-01-01', '2021-03-01'))).toBe('month');
		expect(dataResolution(dates('2021-01-01', '2021-03-02'))).toBe('day');
		expect(dataResolution([])).toBe('day');
		expect(dataResolution(dates('2024-02-01', '2024-02-01'))).toBe('day');
		expect(defaultGranularity('2021-01-01', '2024-01-01', 'year')).toBe('year');
		expect(defaultGranularity('2025-01-01', '2025-03-01', 'month')).toBe('month');
		expect(defaultGranularity('2014-01-01', '2025-12-01', 'month')).toBe('month');
		expect(defaultGranularity('2025-06-01', '2025-07-15', 'day')).toBe('day');
	});
});

describe('timeSeries', () => {
	const records = [
		rec('2025-06-24', 'state', ['a']),
		rec('2025-06-25', 'state', ['a', 'b']),
		rec('2025-06-30', 'intl', []),
		rec('2025-07-14', 'intl', ['b'], 5) // a count row, as uploads bring
	];

	it('sums counts per ISO week and series, with real zeros inside the window', () => {
		const ts = timeSeries(records, {
			granularity: 'week',
			by: 'group',
			from: '2025-06-23',
			to: '2025-07-20',
			window: { start: '2025-06-23', end: '2025-07-20' }
		});
		expect(ts.periods).toEqual(['2025-06-23', '2025-06-30', '2025-07-07', '2025-07-14']);
		expect(ts.series).toEqual([
			{ key: 'intl', values: [0, 1, 0, 5], total: 6 },
			{ key: 'state', values: [2, 0, 0, 0], total: 2 }
		]);
		expect(ts.n).toBe(8);
	});

	it('draws periods outside the window and missing days as gaps (null)', () => {
		const ts = timeSeries(records, {
			granularity: 'week',
			by: 'group',
			from: '2025-06-16',
			to: '2025-07-20',
			window: {
				start: '2025-06-23',
				end: '2025-07-20',
				missing: ['2025-07-07', '2025-07-08', '2025-07-09', '2025-07-10', '2025-07-11', '2025-07-12', '2025-07-13']
			}
		});
		expect(ts.series.find((s) => s.key === 'intl')?.values).toEqual([null, 0, 1, null, 5]);
	});

	it('counts an article once per frame, and uncoded articles as uncoded', () => {
		const ts = timeSeries(records, {
			granularity: 'month',
			by: 'frame',
			from: '2025-06-01',
			to: '2025-07-31',
			window: { start: '2025-06-01', end: '2025-07-31' }
		});
		expect(Object.fromEntries(ts.series.map((s) => [s.key, s.values]))).toEqual({
			a: [2, 0],
			b: [1, 5],
			uncoded: [1, 0]
		});
		expect(shareSeries(ts).series.find((s) => s.key === 'a')?.values).toEqual([0.5, 0]);
	});
});

describe('framesByGroup', () => {
	it('crosstabs frame codings by group in codebook order, dropping unused frames', () => {
		const table = framesByGroup(
			[rec('2025-01-01', 'state', ['a', 'b']), rec('2025-01-02', 'state', ['a']), rec('2025-01-03', 'intl', [])],
			['a', 'b', 'c'],
			['state', 'intl', 'other']
		);
		expect(table).toEqual({
			rows: ['state', 'intl'],
			columns: ['a', 'b', 'uncoded'],
			counts: [
				[2, 1, 0],
				[0, 0, 1]
			],
			rowTotals: [3, 1],
			n: 3
		});
		expect(rowShares(table.counts)).toEqual([
			[2 / 3, 1 / 3, 0],
			[0, 0, 1]
		]);
	});
});

describe('partialPeriods', () => {
	const window = { start: '2022-01-03', end: '2022-05-02' };

	it('names a first or last month that holds only some of its days', () => {
		expect(partialPeriods(window.start, window.end, 'month', window, 'day')).toEqual({
			first: { period: '2022-01', from: '2022-01-03' },
			last: { period: '2022-05', to: '2022-05-02' }
		});
		// Chosen dates clip the span: whole months are whole.
		expect(partialPeriods('2022-02-01', '2022-04-30', 'month', window, 'day')).toBeNull();
		expect(partialPeriods('2022-02-01', '2022-04-29', 'month', window, 'day')).toEqual({
			first: null,
			last: { period: '2022-04', to: '2022-04-29' }
		});
		// A span inside one period is one period, from and to.
		expect(partialPeriods('2022-02-10', '2022-02-12', 'month', window, 'day')).toEqual({
			first: { period: '2022-02', from: '2022-02-10' },
			last: { period: '2022-02', to: '2022-02-12' }
		});
	});

	it('counts ISO weeks from Monday and years from January', () => {
		// 2022-01-03 is a Monday, 2022-05-02 too: the last week holds one day of seven.
		expect(partialPeriods(window.start, window.end, 'week', window, 'day')).toEqual({
			first: null,
			last: { period: '2022-W18', to: '2022-05-02' }
		});
		expect(partialPeriods(window.start, window.end, 'year', window, 'day')?.first).toEqual({ period: '2022', from: '2022-01-03' });
	});

	it('says nothing per day, or of data dated per month charted per month; charted per year, their months are the days they cover', () => {
		expect(partialPeriods(window.start, window.end, 'day', window, 'day')).toBeNull();
		const monthly = { start: '2022-01-01', end: '2022-05-01' };
		expect(partialPeriods(monthly.start, monthly.end, 'month', monthly, 'month')).toBeNull();
		const march = { start: '2022-03-01', end: '2023-05-01' };
		expect(partialPeriods(march.start, march.end, 'year', march, 'month')).toEqual({
			first: { period: '2022', from: '2022-03-01' },
			last: { period: '2023', to: '2023-05-31' }
		});
		// Monthly sums of daily data keep the data's own first and last days as their window.
		expect(partialPeriods('2022-01-01', '2022-05-02', 'month', { start: '2022-01-01', end: '2022-05-02' }, 'month')?.last).toEqual({
			period: '2022-05',
			to: '2022-05-02'
		});
	});
});
