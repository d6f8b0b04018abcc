import { BUNDLED_DATASET, collectionWindow, coverageRecords } from '$lib/domain/charts/coverage';
import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import type { Vocabulary } from '$lib/domain/charts/filters';
import { ledger } from './ledger';
import { canRead, redactedFor } from './access';
import { store } from './storage';
import { recordsChartInput } from '$lib/domain/import/local-dataset';
import type { ChartInput } from '$lib/domain/charts/chart-views';
import type { Dataset } from '$lib/domain/import/dataset';

let bundled: ReturnType<typeof buildChartData> | undefined;

/** Everything a chart page needs: records, the filter vocabulary and display labels. */
export function chartData() {
	// The bundled ledger never changes while the process runs, so this is built once.
	bundled ??= buildChartData();
	return bundled;
}

function buildChartData() {
	const data = ledger();
	const records = coverageRecords(data);
	const codebooks = bundledCodebooks(data);
	const vocab: Vocabulary = {
		datasets: [BUNDLED_DATASET],
		codebooks: codebooks.map((c) => c.id),
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
		codebooks,
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

export type ChartData = ReturnType<typeof buildChartData>;

/**
 * chartViews() input for a dataset stored on the server, if this viewer may read it. Loaded
 * whole for now; the aggregate API serves datasets too big to chart in the page.
 */
export async function storedChartData(
	id: string,
	viewer: App.Locals['user'],
	token: string | null,
	bundled: ChartData
): Promise<{ input: ChartInput; dataset: Dataset } | null> {
	const db = await store();
	const dataset = await db.dataset(id);
	if (!dataset || !canRead(dataset, viewer, token)) return null;
	const records = await db.records(id);
	const input = recordsChartInput(records, id, {
		frames: bundled.vocab.frames,
		frameLabels: bundled.labels.frames,
		groups: bundled.vocab.groups,
		groupLabels: bundled.labels.groups
	});
	return { input, dataset: redactedFor(dataset, viewer) };
}
