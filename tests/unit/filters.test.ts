import { describe, expect, it } from 'vitest';
import {
	applyFilters,
	defaultFilters,
	filtersToQuery,
	hiddenIn,
	parseFilters,
	withHidden,
	type Vocabulary
} from '../../src/lib/domain/charts/filters';
import type { CoverageRecord } from '../../src/lib/domain/charts/aggregate';

const vocab: Vocabulary = {
	datasets: ['bundled'],
	events: ['hague', 'lavrov'],
	groups: ['state', 'intl'],
	outlets: ['tass', 'reuters'],
	frames: ['a', 'b'],
	languages: ['en', 'ru']
};

describe('parseFilters', () => {
	it('reads every kind of filter and round-trips to a canonical query', () => {
		const query =
			'from=2025-06-01&to=2025-07-01&event=hague&group=state&outlet=tass&frame=b&frame=a&lang=ru&by=frame&gran=week&mode=share&stance=all&focus=intl';
		const { filters, notices } = parseFilters(new URLSearchParams(query), vocab);
		expect(notices).toEqual([]);
		expect(filters).toMatchObject({
			from: '2025-06-01',
			to: '2025-07-01',
			events: ['hague'],
			groups: ['state'],
			outlets: ['tass'],
			frames: ['b', 'a'],
			languages: ['ru'],
			by: 'frame',
			granularity: 'week',
			mode: 'share',
			stance: 'all',
			focus: 'intl'
		});
		expect(filtersToQuery(filters, 'bundled')).toBe(
			'?from=2025-06-01&to=2025-07-01&event=hague&group=state&outlet=tass&frame=a&frame=b&lang=ru&by=frame&gran=week&mode=share&stance=all&focus=intl'
		);
	});

	it('ignores invalid values with a notice for each, never throwing', () => {
		const { filters, notices } = parseFilters(
			new URLSearchParams('from=2025-02-30&event=nope&by=colour&gran=decade&mode=x&stance=endorses&dataset=theirs&lang=zz'),
			vocab
		);
		expect(filters).toEqual(defaultFilters('bundled'));
		expect(notices).toEqual([
			'Ignored dataset "theirs": there is no dataset with that id that you can open.',
			'Ignored from="2025-02-30": dates are written yyyy-mm-dd.',
			'Ignored event="nope": not a known event.',
			'Ignored lang="zz": not a known language.',
			'Ignored by="colour": choose one of group, outlet, frame, event.',
			'Ignored gran="decade": choose one of day, week, month, year.',
			'Ignored mode="x": choose count or share.',
			'Ignored stance="endorses": choose adopts or all.'
		]);
	});

	it('drops a reversed date range and treats empty form fields as absent', () => {
		const reversed = parseFilters(new URLSearchParams('from=2025-07-01&to=2025-06-01'), vocab);
		expect(reversed.filters.from).toBeNull();
		expect(reversed.notices).toEqual(['Ignored the date range: 2025-07-01 is after 2025-06-01.']);
		expect(parseFilters(new URLSearchParams('from=&gran=&by='), vocab)).toEqual({
			filters: defaultFilters('bundled'),
			notices: []
		});
	});
});

describe('applyFilters', () => {
	const records: CoverageRecord[] = [
		{ date: '2025-06-24', outlet: 'tass', group: 'state', event: 'hague', language: 'ru', frames: ['a', 'b'], count: 1 },
		{ date: '2025-06-30', outlet: 'reuters', group: 'intl', event: 'lavrov', language: 'en', frames: [], count: 1 }
	];
	it('keeps only matching records, and only the selected frames', () => {
		const filters = { ...defaultFilters('bundled'), frames: ['b'] };
		expect(applyFilters(records, filters)).toEqual([{ ...records[0], frames: ['b'] }]);
		expect(applyFilters(records, { ...defaultFilters('bundled'), to: '2025-06-29' })).toHaveLength(1);
		expect(applyFilters(records, { ...defaultFilters('bundled'), languages: ['en'] })[0]?.outlet).toBe('reuters');
	});
});

describe('the stance filter', () => {
	const stanced: CoverageRecord[] = [
		{
			date: '2025-06-24',
			outlet: 'tass',
			group: 'state',
			event: 'hague',
			language: 'ru',
			frames: ['a', 'b'],
			stances: ['adopts', 'reports'],
			count: 1
		},
		{
			date: '2025-06-25',
			outlet: 'reuters',
			group: 'intl',
			event: 'hague',
			language: 'en',
			frames: ['a'],
			stances: ['contests'],
			count: 1
		},
		{ date: '2025-06-26', outlet: 'reuters', group: 'intl', event: 'hague', language: 'en', frames: ['b'], stances: [''], count: 1 }
	];

	it('defaults to adopted frames, left out of the URL, and keeps stance=all in it', () => {
		expect(parseFilters(new URLSearchParams(''), vocab).filters.stance).toBe('adopts');
		expect(filtersToQuery({ ...defaultFilters('bundled'), stance: 'adopts' }, 'bundled')).toBe('');
		const all = parseFilters(new URLSearchParams('stance=all'), vocab).filters;
		expect(all.stance).toBe('all');
		expect(filtersToQuery(all, 'bundled')).toBe('?stance=all');
	});

	it('keeps only adopted codes by default, with their stances, and every article', () => {
		expect(applyFilters(stanced, defaultFilters('bundled')).map((r) => [r.frames, r.stances])).toEqual([
			[['a'], ['adopts']],
			[[], []],
			[[], []]
		]);
	});

	it('keeps every code with stance=all', () => {
		expect(applyFilters(stanced, { ...defaultFilters('bundled'), stance: 'all' })).toEqual(stanced);
	});

	it('with a frame filter, keeps the articles that adopt a selected frame', () => {
		const filters = { ...defaultFilters('bundled'), frames: ['a'] };
		expect(applyFilters(stanced, filters).map((r) => r.date)).toEqual(['2025-06-24']);
		expect(applyFilters(stanced, { ...filters, stance: 'all' }).map((r) => [r.date, r.frames, r.stances])).toEqual([
			['2025-06-24', ['a'], ['adopts']],
			['2025-06-25', ['a'], ['contests']]
		]);
	});

	it('counts every code as adopted in a dataset that records no stance', () => {
		const unknown = stanced.map((r) => ({ ...r, stances: r.frames.map(() => '' as const) }));
		expect(applyFilters(unknown, defaultFilters('bundled'))).toEqual(unknown);
	});
});

describe('lines switched off in a legend', () => {
	it('are read from the link for the charts of the page only, and written back sorted', () => {
		const query = new URLSearchParams('hide=frames:ru&hide=coverage:ru&hide=map:ru&hide=coverage:&hide=coverage:ru');
		const { filters } = parseFilters(query, vocab);
		expect(filters.hidden).toEqual(['frames:ru', 'coverage:ru']);
		expect(filtersToQuery(filters, 'bundled')).toBe('?hide=coverage%3Aru&hide=frames%3Aru');
		expect(hiddenIn(filters.hidden, 'coverage')).toEqual(['ru']);
		expect(hiddenIn(filters.hidden, 'frame-mix')).toEqual([]);
	});

	it('are switched off and on again per chart', () => {
		const off = withHidden(['frames:ru'], 'coverage', ['ru', 'ua'], true);
		expect(off).toEqual(['frames:ru', 'coverage:ru', 'coverage:ua']);
		expect(withHidden(off, 'coverage', ['ru'], false)).toEqual(['frames:ru', 'coverage:ua']);
	});
});
