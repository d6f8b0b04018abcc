import { BUNDLED_DATASET, collectionWindow, coverageRecords, SUMMED, type Coarsened } from '$lib/domain/charts/coverage';
import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import type { Vocabulary } from '$lib/domain/charts/filters';
import { ledger } from './ledger';
import { canRead, redactedFor } from './access';
import { store, type Store } from './storage';
import type { ChartShape, RowFilter } from './storage/types';
import { eventLabels, recordsChartInput } from '$lib/domain/import/local-dataset';
import { queryList } from '$lib/domain/charts/filters';
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

/**
 * The finest shape whose records fit MAX_CHART_RECORDS. Outlets are kept before days when the
 * viewer charts by outlet or picked outlets (which are then the only ones read); otherwise days
 * are. Past monthly sums, languages and then events are summed together, unless the viewer
 * picked some (then only those are read) or charts by event. Picked outlets are never summed
 * together: the page keeps only records of the outlets picked. The last shape is taken whatever
 * its size.
 */
async function fittingShape(db: Store, id: string, filter: RowFilter, wanted: Wanted, budget: number): Promise<ChartShape> {
	const periods: ChartShape[] = wanted.outlets
		? [
				{ period: 'day', outlets: true },
				{ period: 'week', outlets: true },
				{ period: 'month', outlets: true },
				...(filter.outlets?.length ? [] : [{ period: 'month', outlets: false } as const])
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
	// Each shape sums the one before it, so counts only fall along the list: walking from the
	// coarsest towards the finest stops at the first that does not fit. A large dataset then
	// costs one count of coarse sums, not a count of every row per shape.
	let chosen = shapes.at(-1)!;
	for (const shape of shapes.slice(0, -1).reverse()) {
		if ((await db.recordGroups(id, filter, shape)) > budget) break;
		chosen = shape;
	}
	return chosen;
}

/** A stored dataset's page data, packed, with how it was summed. */
interface Answer {
	packed: PackedChartInput;
	coarsened: Coarsened | null;
	/** How many records it holds. */
	size: number;
}

/**
 * Answers by dataset, budget, filter and shape. A dataset's rows never change after import, so
 * an answer stays right for as long as it is kept; access is checked before each use. Bounded
 * by the records held, 40 full pages' worth (tens of MB), least recently used dropped first: a
 * viewer cycling through a dozen outlet picks keeps finding them.
 */
const answers = new Map<string, { answer: Promise<Answer>; size: number }>();
const ANSWER_RECORDS = 40 * MAX_CHART_RECORDS;

function remembered(key: string, work: () => Promise<Answer>): Promise<Answer> {
	const kept = answers.get(key);
	if (kept) {
		answers.delete(key);
		answers.set(key, kept);
		return kept.answer;
	}
	const entry = { answer: work(), size: 0 };
	answers.set(key, entry);
	entry.answer.then(
		(answer) => {
			entry.size = answer.size;
			let held = 0;
			for (const e of answers.values()) held += e.size;
			for (const [k, e] of answers) {
				if (held <= ANSWER_RECORDS) break;
				if (k === key) continue;
				held -= e.size;
				answers.delete(k);
			}
		},
		() => answers.delete(key)
	);
	return entry.answer;
}

type Wanted = { outlets: boolean; events: boolean; languages: boolean };
const NOTHING_WANTED: Wanted = { outlets: false, events: false, languages: false };

/** Chart shapes found per dataset and budget, and whether this viewer wanted a dimension kept. */
const shapes = new Map<string, Promise<ChartShape>>();

function shapeOf(db: Store, id: string, filter: RowFilter, wanted: Wanted, budget: number): Promise<ChartShape> {
	const key = JSON.stringify([id, budget, filter, wanted]);
	let shape = shapes.get(key);
	if (!shape) {
		if (shapes.size >= 1000) shapes.delete(shapes.keys().next().value as string);
		shapes.set(key, (shape = fittingShape(db, id, filter, wanted, budget)));
		shape.catch(() => shapes.delete(key));
	}
	return shape;
}

/**
 * chartViews() input for a dataset stored on the server, packed for the page, if this viewer may
 * read it. The page gets records summed in the database, never the rows, and no more than
 * `budget` of them (MAX_CHART_RECORDS, shared out when several datasets are charted together)
 * unless even monthly sums over all outlets, languages and events exceed it.
 *
 * The page filters the records it has. Only where the dataset's records had to be summed over
 * outlets, events or languages are the viewer's picks of those (and `by`) read here, to read
 * finer sums of just those values: SvelteKit reruns this load only when a search parameter it
 * read changes, so every other filter change is answered in the browser without a request.
 */
export async function storedChartData(
	id: string,
	viewer: App.Locals['user'],
	token: string | null,
	bundled: ChartData,
	query: URLSearchParams,
	budget = MAX_CHART_RECORDS
): Promise<{ packed: PackedChartInput; dataset: Dataset; coarsened: Coarsened | null } | null> {
	const db = await store();
	const dataset = await db.dataset(id);
	if (!dataset || !canRead(dataset, viewer, token)) return null;
	const answer = await chartAnswer(db, dataset, bundled, query, budget);
	return { packed: answer.packed, dataset: redactedFor(dataset, viewer), coarsened: answer.coarsened };
}

/**
 * Sums a newly stored dataset for its charts page in the background, so that its owner, sent
 * there next, does not wait for the first grouping of every row.
 */
export function prepareStoredChart(dataset: Dataset): void {
	store()
		.then((db) => chartAnswer(db, dataset, chartData(), new URLSearchParams(), MAX_CHART_RECORDS))
		.catch((cause) => console.error(`Summing dataset ${dataset.id} for its charts failed:`, cause));
}

async function chartAnswer(db: Store, dataset: Dataset, bundled: ChartData, query: URLSearchParams, budget: number): Promise<Answer> {
	const { id } = dataset;
	// Summing whole weeks, outlets, events or languages keeps a sum's totals; a mean or a latest
	// value it would change, so those are read per day and series, averaging only readings of one day.
	let shape: ChartShape = { period: 'day', outlets: true, mean: true };
	let filter: RowFilter = {};
	if (sums(dataset.measure)) {
		shape = await shapeOf(db, id, {}, NOTHING_WANTED, budget);
		const summedOutlets = !shape.outlets;
		const summedEvents = shape.events === false;
		const summedLanguages = shape.languages === false;
		const picked = (key: string, summed: boolean) => (summed ? queryList(query, key) : []);
		filter = {
			outlets: picked('outlet', summedOutlets),
			events: picked('event', summedEvents),
			languages: picked('lang', summedLanguages)
		};
		const by = summedOutlets || summedEvents ? query.get('by') : null;
		const wanted: Wanted = {
			outlets: filter.outlets!.length > 0 || (summedOutlets && by === 'outlet'),
			events: filter.events!.length > 0 || (summedEvents && by === 'event'),
			languages: filter.languages!.length > 0
		};
		if (wanted.outlets || wanted.events || wanted.languages) shape = await shapeOf(db, id, filter, wanted, budget);
	}
	return remembered(JSON.stringify([id, budget, filter, shape]), async () => {
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
		return { packed: packChartInput(input), coarsened, size: records.length };
	});
}
