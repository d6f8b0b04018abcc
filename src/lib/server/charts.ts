import { BUNDLED_DATASET, collectionWindow, coverageRecords } from '$lib/domain/coverage';
import type { Vocabulary } from '$lib/domain/filters';
import { ledger } from './ledger';

/** Everything a chart page needs: records, the filter vocabulary and display labels. */
export function chartData() {
	const data = ledger();
	const records = coverageRecords(data);
	const vocab: Vocabulary = {
		datasets: [BUNDLED_DATASET],
		events: data.events.map((e) => e.id),
		groups: data.outletGroups.map((g) => g.id),
		outlets: data.outlets.map((o) => o.id),
		frames: data.frames.map((f) => f.id),
		languages: [...new Set(records.map((r) => r.language))].sort()
	};
	return {
		records,
		window: collectionWindow(records),
		vocab,
		labels: {
			datasets: { [BUNDLED_DATASET]: `${data.manifest.title} (bundled)` } as Record<string, string>,
			events: Object.fromEntries(data.events.map((e) => [e.id, e.title])),
			eventDates: Object.fromEntries(data.events.map((e) => [e.id, e.start_date])),
			groups: Object.fromEntries(data.outletGroups.map((g) => [g.id, g.label])),
			outlets: Object.fromEntries(data.outlets.map((o) => [o.id, o.name])),
			frames: Object.fromEntries(data.frames.map((f) => [f.id, f.label]))
		}
	};
}

export type ChartData = ReturnType<typeof chartData>;
