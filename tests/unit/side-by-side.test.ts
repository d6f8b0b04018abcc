import { describe, expect, it } from 'vitest';
import type { CoverageRecord } from '../../src/lib/domain/charts/aggregate';
import type { ChartSay } from '../../src/lib/domain/charts/chart-views';
import { defaultFilters, filtersToQuery, parseFilters, type Filters } from '../../src/lib/domain/charts/filters';
import type { Measure } from '../../src/lib/domain/charts/measure';
import { outletWindows, sideBySide, sideBySideRows, type SideInput } from '../../src/lib/domain/charts/side-by-side';
import { isolate } from '../../src/lib/domain/bidi';
import { recordsChartInput } from '../../src/lib/domain/import/local-dataset';
import { translateMessage } from '../../src/lib/i18n/catalogue';

const say: ChartSay = (message) => translateMessage('en', message);
const bundled = { frames: [], frameLabels: {}, groups: [] };

/** `count` articles of `outlet` (in `group`) on `date`. */
function articles(date: string, outlet: string, count = 1, group = 'g'): CoverageRecord {
	return { date, outlet, group, event: '', language: '', frames: [], count };
}

function dataset(id: string, records: CoverageRecord[], measure?: Measure, outletWindowsToo = true): SideInput {
	return { id, label: id.toUpperCase(), input: recordsChartInput(records, id, bundled, {}, measure), outletWindows: outletWindowsToo };
}

const filters = (patch: Partial<Filters> = {}): Filters => ({ ...defaultFilters('a'), granularity: 'month', ...patch });
const line = (view: ReturnType<typeof sideBySide>, key: string) => view.series.find((s) => s.key === key)?.values;

// One archive ends 8 September, the other starts 12 August: the shape of two scraped outlet archives.
const a = dataset('a', [articles('2025-07-01', 'a.example', 2), articles('2025-07-20', 'a.example'), articles('2025-09-08', 'a.example')]);
const b = dataset('b', [articles('2025-08-12', 'b.example'), articles('2025-08-20', 'b.example', 3), articles('2025-10-01', 'b.example')]);

describe('datasets side by side', () => {
	it('spans every window and leaves each line a gap outside its own dataset’s, a zero inside', () => {
		const view = sideBySide([a, b], filters(), say);
		expect(view.categories.map((c) => c.label)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10']);
		expect(line(view, 'a\u001fg')).toEqual([3, 0, 1, null]);
		expect(line(view, 'b\u001fg')).toEqual([null, 4, 0, 1]);
		expect(view.datasets.map((d) => [d.id, d.window.start, d.window.end, d.n])).toEqual([
			['a', '2025-07-01', '2025-09-08', 4],
			['b', '2025-08-12', '2025-10-01', 5]
		]);
		expect(view.series.map((s) => s.label)).toEqual(['A: g', 'B: g']);
		// The same line in both datasets: one colour, told apart by dash.
		expect(new Set(view.series.map((s) => s.colour)).size).toBe(1);
		expect(view.series.map((s) => s.dash)).toEqual([[], [8, 4]]);
	});

	it('gives a group one colour in every dataset, a bundled group its own, and different lines different colours', () => {
		const mixed = (id: string) =>
			dataset(id, [articles('2025-07-01', 'p', 1, 'russian-state-media'), articles('2025-07-02', 'q', 1, id === 'x' ? 'left' : 'right')]);
		const view = sideBySide([mixed('x'), mixed('y')], filters(), say);
		const colour = (key: string) => view.series.find((s) => s.key === key)?.colour;
		expect(colour('x\u001frussian-state-media')).toBe('var(--chart-group-russian-state-media)');
		expect(colour('y\u001frussian-state-media')).toBe('var(--chart-group-russian-state-media)');
		expect(colour('x\u001fleft')).not.toBe(colour('y\u001fright'));
		expect(new Set(view.series.map((s) => s.colour)).size).toBe(3);
		// By outlet, the same outlet in both datasets shares a colour too.
		const byOutlet = sideBySide([mixed('x'), mixed('y')], filters({ by: 'outlet' }), say);
		const outletColour = (key: string) => byOutlet.series.find((s) => s.key === key)?.colour;
		expect(outletColour('x\u001fp')).toBe(outletColour('y\u001fp'));
		expect(outletColour('x\u001fp')).not.toBe(outletColour('x\u001fq'));
	});

	it('bounds an archive’s outlet lines by each outlet’s own first and last dates, not the bundled ledger’s', () => {
		const records = [articles('2025-07-03', 'x'), articles('2025-07-30', 'x'), articles('2025-09-15', 'y'), articles('2025-10-10', 'y', 2)];
		expect(outletWindows(records).get('x')).toEqual({ start: '2025-07-03', end: '2025-07-30' });
		const archive = sideBySide([dataset('c', records)], filters({ by: 'outlet' }), say);
		expect(line(archive, 'c\u001fx')).toEqual([2, null, null, null]);
		expect(line(archive, 'c\u001fy')).toEqual([null, null, 1, 2]);
		// A ledger that searched every outlet over its whole window: quiet months are real zeros.
		const ledger = sideBySide([dataset('c', records, undefined, false)], filters({ by: 'outlet' }), say);
		expect(line(ledger, 'c\u001fx')).toEqual([2, 0, 0, 0]);
	});

	it('normalises each line by its own dataset: share of its articles in the period, or per 1,000 over the span', () => {
		const grouped = dataset('g', [
			articles('2025-07-01', 'p', 3, 'left'),
			articles('2025-07-02', 'q', 1, 'right'),
			articles('2025-08-01', 'q', 2, 'right')
		]);
		const share = sideBySide([grouped, b], filters({ norm: 'share' }), say);
		expect(line(share, 'g\u001fleft')).toEqual([0.75, 0, null, null]);
		expect(line(share, 'g\u001fright')).toEqual([0.25, 1, null, null]);
		// No article of b in September: there is no share to take, which is not 0%.
		expect(line(share, 'b\u001fg')).toEqual([null, 1, null, 1]);
		const rate = sideBySide([grouped, b], filters({ norm: 'per1000' }), say);
		expect(line(rate, 'g\u001fleft')).toEqual([500, 0, null, null]);
		expect(line(rate, 'b\u001fg')).toEqual([null, 800, 0, 200]);
		// A filter narrows the lines, never the totals they are divided by.
		const narrowed = sideBySide([grouped], filters({ norm: 'share', groups: ['right'] }), say);
		expect(line(narrowed, 'g\u001fright')).toEqual([0.25, 1]);
	});

	it('refuses a dataset whose numbers are not the first one’s, and never divides a measured value', () => {
		const gdp: Measure = { kind: 'value', unit: '% of GDP', combine: 'mean', series: 'countries' };
		const spending = dataset('s', [articles('2025-07-01', 'Poland', 4), articles('2025-07-01', 'Latvia', 2)], gdp);
		const mixed = sideBySide([a, spending], filters({ norm: 'share' }), say);
		expect(mixed.series.map((s) => s.dataset)).toEqual(['a']);
		expect(mixed.refused).toEqual([{ id: 's', label: 'S', measure: gdp }]);
		const values = sideBySide(
			[spending, dataset('t', [articles('2025-07-01', 'Estonia', 3)], { ...gdp, unit: '% of gdp' })],
			filters({ norm: 'share', by: 'outlet' }),
			say
		);
		expect(values.norm).toBe('raw');
		expect(values.refused).toEqual([]);
		expect(line(values, 's\u001fPoland')).toEqual([4]);
		expect(line(values, 't\u001fEstonia')).toEqual([3]);
	});

	it('names a dataset in its table without the isolates its on-screen title carries', () => {
		const titled = { ...b, label: isolate('Scrape, 2025') + ' (uploaded, in this browser)' };
		const rows = sideBySideRows(sideBySide([a, titled], filters(), say), { raw: 'articles', share: '%', per1000: 'per 1,000' });
		expect(new Set(rows.filter((r) => r.dataset === 'b').map((r) => r.dataset_title))).toEqual(
			new Set(['Scrape, 2025 (uploaded, in this browser)'])
		);
	});

	it('writes one table of what is drawn, naming the dataset, the unit and what each value was divided by in every row', () => {
		const view = sideBySide([a, b], filters({ norm: 'share' }), say);
		const rows = sideBySideRows(view, { raw: 'articles', share: '% of its dataset’s articles', per1000: 'per 1,000' });
		expect(rows).toHaveLength(8);
		expect(rows.filter((r) => r.dataset === 'b')).toEqual([
			{
				dataset: 'b',
				dataset_title: 'B',
				period: '2025-07',
				series: 'g',
				label: 'g',
				value: null,
				unit: '% of its dataset’s articles',
				raw: null,
				raw_unit: 'articles',
				divided_by: null
			},
			{
				dataset: 'b',
				dataset_title: 'B',
				period: '2025-08',
				series: 'g',
				label: 'g',
				value: 100,
				unit: '% of its dataset’s articles',
				raw: 4,
				raw_unit: 'articles',
				divided_by: 4
			},
			{
				dataset: 'b',
				dataset_title: 'B',
				period: '2025-09',
				series: 'g',
				label: 'g',
				value: null,
				unit: '% of its dataset’s articles',
				raw: 0,
				raw_unit: 'articles',
				divided_by: 0
			},
			{
				dataset: 'b',
				dataset_title: 'B',
				period: '2025-10',
				series: 'g',
				label: 'g',
				value: 100,
				unit: '% of its dataset’s articles',
				raw: 1,
				raw_unit: 'articles',
				divided_by: 1
			}
		]);
	});

	it('keeps the compared datasets and the normalisation in the link, in the order chosen', () => {
		const vocab = { datasets: ['bundled', 'd1', 'd2'], events: [], groups: [], outlets: [], frames: [], languages: [] };
		const { filters: parsed, notices } = parseFilters(new URLSearchParams('cmp=d2&cmp=local-abc1&cmp=d2&cmp=nope&norm=per1000'), vocab);
		expect(parsed.compare).toEqual(['d2', 'local-abc1']);
		expect(parsed.norm).toBe('per1000');
		expect(notices).toEqual([
			'Ignored cmp="nope": there is no dataset with that id that you can list. A dataset shared with you by link opens as the main dataset, from its link: add the others beside it there.'
		]);
		expect(filtersToQuery(parsed, 'bundled')).toBe('?cmp=d2&cmp=local-abc1&norm=per1000');
		expect(filtersToQuery({ ...parsed, compare: [] }, 'bundled')).toBe('');
	});
});
