import { BUNDLED_DATASET, collectionWindow, coverageRecords, SUMMED } from '$lib/domain/charts/coverage';
import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import type { Vocabulary } from '$lib/domain/charts/filters';
import { ledger } from './ledger';
import { canRead, redactedFor } from './access';
import { store, type Store } from './storage';
import type { ChartShape, RowFilter } from './storage/types';
import { eventLabels, recordsChartInput } from '$lib/domain/import/local-dataset';
import { rowFilterFromQuery } from '$lib/domain/charts/filters';
import type { ChartInput } from '$lib/domain/charts/chart-views';
import type { Dataset } from '$lib/domain/import/dataset';
import { sums } from '$lib/domain/charts/measure';
import { packChartInput, type PackedChartInput } from '$lib/domain/charts/packed-records';

let bundled: ReturnType<typeof buildChartData> | undefined;
let bundledPacked: PackedChartInput<ChartData> | undefined;

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
 * The bundled chart data as the charts page sends it, packed once per process. As objects its
 * 1,341 records cost SvelteKit's serialiser 25–100 ms per render and gzip to 32 KB; packed, about
 * 5 ms and 18 KB.
 */
export function packedChartData(): PackedChartInput<ChartData> {
	bundledPacked ??= packChartInput(chartData());
	return bundledPacked;
}

/**
 * Past this many records a stored dataset's page data is summed more coarsely. Packed (see
 * packed-records.ts), 25,000 records gzip to about 110 KB, which keeps the charts page with its
 * bundled data under 200 KB whatever the dataset's size.
 */
export const MAX_CHART_RECORDS = 25_000;

/** What the page says about how a stored dataset's records were summed, when not per day and outlet. */
export interface Coarsened {
	period: ChartShape['period'];
	outlets: boolean;
	events: boolean;
	languages: boolean;
}

/**
 * The finest shape whose records fit MAX_CHART_RECORDS. Outlets are kept before days when the
 * viewer charts by outlet or picked outlets (which are then the only ones read); otherwise days
 * are. Past monthly sums, languages and then events are summed together, unless the viewer
 * picked some (then only those are read) or charts by event. The last shape is taken whatever
 * its size.
 */
async function fittingShape(
	db: Store,
	id: string,
	filter: RowFilter,
	wanted: { outlets: boolean; events: boolean; languages: boolean },
	budget: number
): Promise<ChartShape> {
	const periods: ChartShape[] = wanted.outlets
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
	const coarsest = periods.at(-1)!;
	const withoutLanguages: ChartShape = { ...coarsest, languages: false };
	const shapes = [
		...periods,
		...(wanted.languages ? [] : [withoutLanguages]),
		...(wanted.events ? [] : [{ ...(wanted.languages ? coarsest : withoutLanguages), events: false }])
	];
	for (const shape of shapes.slice(0, -1)) {
		if ((await db.recordGroups(id, filter, shape)) <= budget) return shape;
	}
	return shapes.at(-1)!;
}

/**
 * chartViews() input for a dataset stored on the server, if this viewer may read it. The page
 * gets records summed in the database, never the rows, and no more than `budget` of them
 * (MAX_CHART_RECORDS, shared out when several datasets are charted together) unless even
 * monthly sums over all outlets, languages and events exceed it.
 */
export async function storedChartData(
	id: string,
	viewer: App.Locals['user'],
	token: string | null,
	bundled: ChartData,
	query: URLSearchParams,
	budget = MAX_CHART_RECORDS
): Promise<{ input: ChartInput; dataset: Dataset; coarsened: Coarsened | null } | null> {
	const db = await store();
	const dataset = await db.dataset(id);
	if (!dataset || !canRead(dataset, viewer, token)) return null;
	const { filter: chosen } = rowFilterFromQuery(query);
	// Only the dimensions the viewer picked values of are narrowed in SQL; the rest are filtered on the page.
	const filter: RowFilter = { outlets: chosen.outlets, events: chosen.events, languages: chosen.languages };
	const by = query.get('by');
	// Summing whole weeks, outlets, events or languages keeps a sum's totals; a mean or a latest
	// value it would change, so those are read per day and series, averaging only readings of one day.
	const shape: ChartShape = sums(dataset.measure)
		? await fittingShape(
				db,
				id,
				filter,
				{
					outlets: chosen.outlets.length > 0 || by === 'outlet',
					events: chosen.events.length > 0 || by === 'event',
					languages: chosen.languages.length > 0
				},
				budget
			)
		: { period: 'day', outlets: true, mean: true };
	const [records, outlets, events, languages] = await Promise.all([
		db.records(id, filter, shape),
		db.distinct(id, 'outlet'),
		db.distinct(id, 'event'),
		db.distinct(id, 'language')
	]);
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
	// Every outlet, event and language stays choosable when the records hold only the chosen ones, or none.
	input.vocab.outlets = outlets;
	input.labels.outlets = Object.fromEntries(outlets.map((o) => [o, o]));
	input.vocab.events = events;
	input.labels.events = { ...eventLabels(events), [SUMMED]: 'All events together' };
	input.vocab.languages = languages.filter((l) => l !== '');
	// Weekly and monthly sums are dated by their first day; the dataset's own first and last days are the window.
	if (shape.period !== 'day' && dataset.windowStart && dataset.windowEnd) {
		input.window = { ...input.window, start: dataset.windowStart, end: dataset.windowEnd };
	}
	const keptEvents = shape.events !== false;
	const keptLanguages = shape.languages !== false;
	const coarsened =
		shape.period === 'day' && shape.outlets && keptEvents && keptLanguages
			? null
			: { period: shape.period, outlets: shape.outlets, events: keptEvents, languages: keptLanguages };
	return { input, dataset: redactedFor(dataset, viewer), coarsened };
}
