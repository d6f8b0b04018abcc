import { chartIndexOf, indexedAggregates } from '$lib/domain/chart-index';
import { defaultFilters } from '$lib/domain/filters';
export function go() {
	const groups = ['a', 'b', 'c', 'd', 'e'];
	const fl = [[], ['x'], ['y'], ['x', 'y'], ['z', 'w']];
	const records = Array.from({ length: 1_000_000 }, (_, i) => ({
		date: new Date(Date.UTC(2021, 0, 1) + Math.floor(i / 548) * 864e5).toISOString().slice(0, 10),
		outlet: `o${i % 60}`, group: groups[i % 5]!, event: `e${i % 25}`, language: ['en', 'ru'][i % 2]!, frames: fl[i % 5]!, count: 1
	}));
	let t = performance.now();
	const ix = chartIndexOf(records);
	console.log('index', performance.now() - t);
	for (let k = 0; k < 8; k++) {
		const f = { ...defaultFilters('d'), groups: k % 2 ? ['a'] : [] };
		t = performance.now();
		indexedAggregates(ix, f, { granularity: 'week', by: 'group', from: '2021-01-01', to: '2025-12-31', window: { start: '2021-01-01', end: '2025-12-31' }, frameOrder: ['x', 'y', 'z'], groupOrder: groups });
		console.log('agg', performance.now() - t);
	}
}
