import { BUNDLED_DATASET, collectionWindow, coverageRecords } from '$lib/domain/charts/coverage';
import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import type { Vocabulary } from '$lib/domain/charts/filters';
import { ledger } from './ledger';
import { canRead, redactedFor } from './access';
import { store, type Store } from './storage';
import type { ChartShape, RowFilter } from './storage/types';
import { recordsChartInput } from '$lib/domain/import/local-dataset';
import type { ChartInput } from '$lib/domain/charts/chart-views';
import type { Dataset } from '$lib/domain/import/dataset';
import { sums } from '$lib/domain/charts/measure';

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

/** Past this many records a stored dataset's page data is summed more coarsely (about 4 MB of JSON). */
export const MAX_CHART_RECORDS = 50_000;

/** What the page says about how a stored dataset's records were summed, when not per day and outlet. */
export interface Coarsened {
	period: ChartShape['period'];
	outlets: boolean;
}

/**
 * The finest shape whose records fit MAX_CHART_RECORDS. Outlets are kept before days when the
 * viewer charts by outlet or picked outlets (which are then the only ones read); otherwise days
 * are. The last shape is taken whatever its size.
 */
async function fittingShape(db: Store, id: string, filter: RowFilter, outletsWanted: boolean): Promise<ChartShape> {
	const shapes: ChartShape[] = outletsWanted
		? [
				{ period: 'day', outlets: true },
				{ period: 'week', outlets: true },
				{ period: 'month', outlets: true },
				{ period: 'month', outlets: false }
			]
		: [
				{ period: 'day', outlets: true },
				{ period: 'day', outlets: false },
				{ period: 'week', outlets: false },
				{ period: 'month', outlets: false }
			];
	for (const shape of shapes.slice(0, -1)) {
		if ((await db.recordGroups(id, filter, shape)) <= MAX_CHART_RECORDS) return shape;
	}
	return shapes.at(-1)!;
}

/**
 * chartViews() input for a dataset stored on the server, if this viewer may read it. The page
 * gets records summed in the database, never the rows, and no more than MAX_CHART_RECORDS of
 * them unless even monthly sums exceed it.
 */
export async function storedChartData(
	id: string,
	viewer: App.Locals['user'],
	token: string | null,
	bundled: ChartData,
	query: URLSearchParams
): Promise<{ input: ChartInput; dataset: Dataset; coarsened: Coarsened | null } | null> {
	const db = await store();
	const dataset = await db.dataset(id);
	if (!dataset || !canRead(dataset, viewer, token)) return null;
	const chosenOutlets = query.getAll('outlet').filter((o) => o !== '');
	const filter: RowFilter = chosenOutlets.length > 0 ? { outlets: chosenOutlets } : {};
	// Summing whole weeks or all outlets keeps a sum's totals; a mean or a latest value it would
	// change, so those are read per day and series, averaging only readings of one day.
	const shape = sums(dataset.measure)
		? await fittingShape(db, id, filter, chosenOutlets.length > 0 || query.get('by') === 'outlet')
		: { period: 'day' as const, outlets: true, mean: true };
	const [records, outlets] = await Promise.all([db.records(id, filter, shape), db.outlets(id)]);
	const input = recordsChartInput(
		records,
		id,
		{
			frames: bundled.vocab.frames,
			frameLabels: bundled.labels.frames,
			groups: bundled.vocab.groups,
			groupLabels: bundled.labels.groups
		},
		{},
		dataset.measure
	);
	// Every outlet stays choosable when the records hold only the chosen ones, or none.
	input.vocab.outlets = outlets;
	input.labels.outlets = Object.fromEntries(outlets.map((o) => [o, o]));
	const coarsened = shape.period === 'day' && shape.outlets ? null : shape;
	return { input, dataset: redactedFor(dataset, viewer), coarsened };
}
