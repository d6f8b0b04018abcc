import { BUNDLED_DATASET, collectionWindow, coverageRecords, SUMMED, type Coarsened } from '$lib/domain/charts/coverage';
import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import { parseFilters, type Vocabulary } from '$lib/domain/charts/filters';
import { chartViews, inCodebook, viewsKey } from '$lib/domain/charts/chart-views';
import { translateMessage, type Locale } from '$lib/i18n/catalogue';
import { ledger } from './ledger';
import { canRead, redactedFor } from './access';
import { store, type Store } from './storage';
import type { ChartShape, DistinctColumn, RowFilter } from './storage/types';
import { chartInputOf, packedRecordValues } from '$lib/domain/import/local-dataset';
import { queryList } from '$lib/domain/charts/filters';
import type { Dataset } from '$lib/domain/import/dataset';
import { sums } from '$lib/domain/charts/measure';
import {
	concatPackedRecords,
	packChartInput,
	sumPackedRecords,
	type PackedChartInput,
	type PackedRecords,
	withFields
} from '$lib/domain/charts/packed-records';

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
 * The bundled data charted for the link's filters, as the page charts it (its vocabulary, codebook
 * and language): the page hydrates with these numbers instead of counting the records in a phone's
 * busy first second (see /charts), and counts them itself from the first filter change on. `key` says what they
 * were charted for; the page uses them only where its own filters and codebook give the same key.
 */
export function firstChartViews(url: URL, locale: Locale, storedIds: string[]) {
	const bundled = chartData();
	const codebook = bundled.codebooks.find((c) => c.id === url.searchParams.get('codebook')) ?? bundled.codebooks[0]!;
	const coded = inCodebook(bundled, codebook);
	const vocab = { ...coded.vocab, datasets: [...bundled.vocab.datasets, ...storedIds] };
	const { filters } = parseFilters(url.searchParams, vocab);
	return {
		key: viewsKey(codebook.id, filters),
		views: chartViews(withFields(coded, { vocab }), filters, (message) => translateMessage(locale, message))
	};
}

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
	const shapes = candidateShapes(filter, wanted);
	// Each shape sums the one before it, so counts only fall along the list: walking from the
	// coarsest towards the finest stops at the first that does not fit. A large dataset then
	// costs one count of coarse sums, not a count of every row per shape.
	let chosen = shapes.at(-1)!;
	for (const shape of shapes.slice(0, -1).reverse()) {
		if ((await groupsOf(db, id, filter, shape)) > budget) break;
		chosen = shape;
	}
	return chosen;
}

/** The shapes fittingShape() chooses from, finest first. */
function candidateShapes(filter: RowFilter, wanted: Wanted): ChartShape[] {
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
	return [
		...periods,
		...(wanted.languages ? [] : [withoutLanguages]),
		...(wanted.events ? [] : [{ ...(wanted.languages ? coarsest : withoutLanguages), events: false }])
	];
}

/** Per-outlet record counts by dataset and shape; a dataset's rows never change after import. */
const outletGroups = new Map<string, Promise<Map<string, number>>>();

/** Those counts once counted, by the promise that counted them. */
const countedByOutlet = new WeakMap<Promise<Map<string, number>>, Map<string, number>>();

const groupsByOutlet = (db: Store, id: string, shape: ChartShape & { outlets: true }) =>
	keep(outletGroups, 200, JSON.stringify([id, shape]), () => {
		const counting = db.recordGroupsByOutlet(id, shape);
		counting.then((counts) => countedByOutlet.set(counting, counts)).catch(() => undefined);
		return counting;
	});

/** The promise kept under `key`, or `work()` kept there: the oldest dropped past `limit`, a failed one forgotten. */
function keep<T>(cache: Map<string, Promise<T>>, limit: number, key: string, work: () => Promise<T>): Promise<T> {
	let value = cache.get(key);
	if (!value) {
		if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
		cache.set(key, (value = work()));
		value.catch(() => cache.delete(key));
	}
	return value;
}

/**
 * How many records a shape gives. Picking only outlets is what a viewer changes most, and a shape
 * that keeps outlets splits its records by outlet, so those are counted once per dataset and summed
 * per selection: a new pick costs no counting query, only the reading of its records. Until they
 * are counted (for a while after the server starts), a pick counts its own records instead of
 * waiting: every outlet's of a 1M-row dataset took about a second, and 30 s at 10M in PostgreSQL.
 */
async function groupsOf(db: Store, id: string, filter: RowFilter, shape: ChartShape): Promise<number> {
	if (!shape.outlets || !onlyOutlets(filter)) return db.recordGroups(id, filter, shape);
	const counts = countedByOutlet.get(groupsByOutlet(db, id, { ...shape, outlets: true }));
	if (!counts) return db.recordGroups(id, filter, shape);
	return [...new Set(filter.outlets)].reduce((sum, outlet) => sum + (counts.get(outlet) ?? 0), 0);
}

const onlyOutlets = (filter: RowFilter) =>
	(filter.outlets?.length ?? 0) > 0 &&
	Object.entries(filter).every(([key, value]) => key === 'outlets' || value == null || (Array.isArray(value) && value.length === 0));

/** Each dataset's outlets, groups, events, languages and frames, read once: every pick's answer lists them all. */
const distinctValues = new Map<string, Promise<string[]>>();

const distinctOf = (db: Store, id: string, column: DistinctColumn) =>
	keep(distinctValues, 300, JSON.stringify([id, column]), () => db.distinct(id, column));

const PICK_WANTED: Wanted = { outlets: true, events: false, languages: false };

/** The filter a pick of only these outlets gives chartAnswer(), so that shapes found for one are kept for the other. */
const outletPick = (outlets: string[]): RowFilter => ({ outlets, events: [], languages: [] });

/** Counts the records of every shape an outlet pick may be read in, ahead of the first pick. */
async function prepareOutletPicks(db: Store, id: string): Promise<void> {
	for (const shape of candidateShapes(outletPick(['']), PICK_WANTED)) {
		if (shape.outlets) await groupsByOutlet(db, id, { ...shape, outlets: true });
	}
}

/**
 * Reads each outlet's records as a pick of it alone would, ahead of the viewer's next picks: a
 * first pick of an outlet then costs no query, and a selection of several sums outlets already
 * read (see outletRecords()). Outlets are read one at a time, in the order the page lists them,
 * so a viewer's own pick waits for at most one of them, and only until READ_AHEAD_RECORDS are kept.
 */
async function readOutletsAhead(db: Store, id: string, budget: number): Promise<void> {
	// With the per-outlet counts in hand, an outlet's shape costs no counting query of its own.
	await prepareOutletPicks(db, id);
	let left = READ_AHEAD_RECORDS;
	const outlets = (await distinctOf(db, id, 'outlet')).slice(0, READ_AHEAD_OUTLETS);
	for (const [i, outlet] of outlets.entries()) {
		// A dataset deleted meanwhile has no records left to read.
		if (i % 20 === 19 && !(await db.dataset(id))) return;
		const pick = outletPick([outlet]);
		const shape = await shapeOf(db, id, pick, PICK_WANTED, budget);
		left -= await groupsOf(db, id, pick, shape);
		if (left < 0) break;
		await outletRecords(db, id, [outlet], { ...shape, outlets: true });
	}
}

/**
 * How many records readOutletsAhead() reads per dataset: half of what outletAnswers keeps.
 * Packed, a record holds about ten bytes, so this is a few MB; at 1M synthetic rows it is every
 * outlet of the 60 but a few, read in 2–5 s of background queries.
 */
const READ_AHEAD_RECORDS = 20 * MAX_CHART_RECORDS;

/** How many outlets readOutletsAhead() reads at most: thousands of small ones would be thousands of queries. */
const READ_AHEAD_OUTLETS = 200;

/** A stored dataset's page data, packed, with how it was summed. */
interface Answer {
	packed: PackedChartInput;
	coarsened: Coarsened | null;
	/** How many records and labels it holds, plus one. */
	size: number;
	/** Whether it answers a pick of outlets that the dataset's page sums together. */
	picked: boolean;
}

/**
 * Promises kept by key and bounded by the records their values hold, least recently used dropped
 * first; a failed one is forgotten. A dataset's rows never change after import, so what is kept
 * stays right for as long as it is kept; access is checked before each use.
 */
class KeptByRecords<T> {
	readonly #kept = new Map<string, { value: Promise<T>; size: number }>();
	constructor(
		readonly limit: number,
		readonly sizeOf: (value: T) => number
	) {}

	has(key: string): boolean {
		return this.#kept.has(key);
	}

	/** The value kept under `key`, now the most recently used, if any. */
	kept(key: string): Promise<T> | undefined {
		const kept = this.#kept.get(key);
		if (kept) {
			this.#kept.delete(key);
			this.#kept.set(key, kept);
		}
		return kept?.value;
	}

	get(key: string, work: () => Promise<T>): Promise<T> {
		const kept = this.kept(key);
		if (kept) return kept;
		const entry = { value: work(), size: 0 };
		this.#kept.set(key, entry);
		entry.value.then(
			(value) => {
				entry.size = this.sizeOf(value);
				let held = 0;
				for (const e of this.#kept.values()) held += e.size;
				for (const [k, e] of this.#kept) {
					if (held <= this.limit) break;
					if (k === key) continue;
					held -= e.size;
					this.#kept.delete(k);
				}
			},
			() => this.#kept.delete(key)
		);
		return entry.value;
	}
}

/**
 * Answers by dataset, budget, filter and shape, 40 full pages' worth of records (tens of MB): a
 * viewer cycling through a dozen outlet picks keeps finding them.
 */
const answers = new KeptByRecords<Answer>(40 * MAX_CHART_RECORDS, (answer) => answer.size);

/**
 * Each outlet's records by dataset and shape, as many again: a new selection of outlets reads only
 * those not read before, and one that drops an outlet reads nothing.
 */
const outletAnswers = new KeptByRecords<PackedRecords>(40 * MAX_CHART_RECORDS, (records) => 1 + records.length);

/** An outlet's records of a dataset at a shape that keeps outlets. */
const outletKey = (id: string, shape: ChartShape, outlet: string) =>
	JSON.stringify([id, shape.period, shape.events !== false, shape.languages !== false, outlet]);

/**
 * The shapes whose sums add up to `shape`'s, coarsest first: days into weeks or months, weeks into
 * weeks, and kept events or languages into all of them together. A week can span two months, so
 * weeks never make months.
 */
function finerShapes(shape: ChartShape): ChartShape[] {
	const periods = shape.period === 'day' ? (['day'] as const) : ([shape.period, 'day'] as const);
	const kept = (dropped: boolean) => (dropped ? [false, true] : [true]);
	return periods.flatMap((period) =>
		kept(shape.events === false).flatMap((events) =>
			kept(shape.languages === false).map((languages) => ({ period, outlets: true, events, languages }))
		)
	);
}

/**
 * The records of picked outlets, in the order picked: those kept at this shape as they are, those
 * kept at a finer one summed here (a selection that outgrew its budget is then read again at weeks
 * without reading its rows), the rest read together.
 */
async function outletRecords(db: Store, id: string, picked: string[], shape: ChartShape & { outlets: true }): Promise<PackedRecords> {
	const outlets = [...new Set(picked)];
	const finer = new Map<string, Promise<PackedRecords>>();
	const missing: string[] = [];
	for (const outlet of outlets) {
		if (outletAnswers.has(outletKey(id, shape, outlet))) continue;
		let source: Promise<PackedRecords> | undefined;
		for (const finerShape of finerShapes(shape)) {
			source = outletAnswers.kept(outletKey(id, finerShape, outlet));
			if (source) break;
		}
		if (source) finer.set(outlet, source);
		else missing.push(outlet);
	}
	const reading = missing.length > 0 ? db.packedRecordsByOutlet(id, missing, shape) : undefined;
	const keep = { events: shape.events !== false, languages: shape.languages !== false };
	return concatPackedRecords(
		await Promise.all(
			outlets.map((outlet) =>
				outletAnswers.get(outletKey(id, shape, outlet), async () => {
					const source = finer.get(outlet);
					return source ? sumPackedRecords(await source, shape.period, keep) : (await reading!).get(outlet)!;
				})
			)
		)
	);
}

type Wanted = { outlets: boolean; events: boolean; languages: boolean };
const NOTHING_WANTED: Wanted = { outlets: false, events: false, languages: false };

/** Chart shapes found per dataset and budget, and whether this viewer wanted a dimension kept. */
const shapes = new Map<string, Promise<ChartShape>>();

function shapeOf(db: Store, id: string, filter: RowFilter, wanted: Wanted, budget: number): Promise<ChartShape> {
	return keep(shapes, 1000, JSON.stringify([id, budget, filter, wanted]), () => fittingShape(db, id, filter, wanted, budget));
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
	offerOutletPicks(db, id, answer, budget);
	return { packed: answer.packed, dataset: redactedFor(dataset, viewer), coarsened: answer.coarsened };
}

/**
 * A page whose records sum outlets together offers outlet picks, which read per-outlet counts:
 * they are counted in the background from the first such page served (after a save, or after the
 * server restarted), not by the viewer's first pick. The first pick (or a pointer resting on one,
 * which preloads it) then reads the other outlets ahead of the next picks, once per dataset and
 * budget: a viewer who never picks an outlet costs no reads. Begun with the page instead, the reads
 * ran while the bench's first group changes did (p95 81 ms against 40 ms, one run each, with the
 * server and the browser on the same two cores).
 */
function offerOutletPicks(db: Store, id: string, answer: Answer, budget: number): void {
	if (answer.coarsened && !answer.coarsened.outlets) {
		prepareOutletPicks(db, id).catch((cause) => console.error(`Counting dataset ${id}'s records per outlet failed:`, cause));
	}
	if (answer.picked) {
		keep(outletReadsAhead, 100, JSON.stringify([id, budget]), () => readOutletsAhead(db, id, budget)).catch((cause) =>
			console.error(`Reading dataset ${id}'s records per outlet failed:`, cause)
		);
	}
}

const outletReadsAhead = new Map<string, Promise<void>>();

/**
 * Sums a newly stored dataset for its charts page in the background, so that its owner, sent
 * there next, does not wait for the first grouping of every row.
 */
export function prepareStoredChart(dataset: Dataset): void {
	store()
		.then(async (db) =>
			offerOutletPicks(
				db,
				dataset.id,
				await chartAnswer(db, dataset, chartData(), new URLSearchParams(), MAX_CHART_RECORDS),
				MAX_CHART_RECORDS
			)
		)
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
		// Only values the dataset has: each new answer is kept, and a link naming made-up outlets
		// would otherwise be a new answer to keep for every made-up name.
		const picked = async (key: string, column: DistinctColumn, summed: boolean) => {
			if (!summed) return [];
			const values = queryList(query, key);
			if (values.length === 0) return values;
			const known = new Set(await distinctOf(db, id, column));
			return values.filter((value) => known.has(value));
		};
		filter = {
			outlets: await picked('outlet', 'outlet', summedOutlets),
			events: await picked('event', 'event', summedEvents),
			languages: await picked('lang', 'language', summedLanguages)
		};
		const by = summedOutlets || summedEvents ? query.get('by') : null;
		const wanted: Wanted = {
			outlets: filter.outlets!.length > 0 || (summedOutlets && by === 'outlet'),
			events: filter.events!.length > 0 || (summedEvents && by === 'event'),
			languages: filter.languages!.length > 0
		};
		if (wanted.outlets || wanted.events || wanted.languages) shape = await shapeOf(db, id, filter, wanted, budget);
	}
	const key = JSON.stringify([id, budget, filter, shape]);
	return answers.get(key, async () => {
		const picked = shape.outlets && onlyOutlets(filter);
		const [records, [outlets = [], groups = [], events = [], languages = [], frames = []]] = await Promise.all([
			picked ? outletRecords(db, id, filter.outlets!, { ...shape, outlets: true }) : db.packedRecords(id, filter, shape),
			Promise.all((['outlet', 'outlet_group', 'event', 'language', 'frame'] as const).map((column) => distinctOf(db, id, column)))
		]);
		// The vocabulary is the dataset's, whatever the records hold: an outlet, event or language
		// stays choosable when only the chosen ones (or none) were read, and a filter of a group or
		// frame the picked outlets lack counts nothing rather than being dropped as unknown.
		const input = chartInputOf(
			{ outlets, groups, events, languages: languages.filter((l) => l !== ''), frames, window: packedRecordValues(records).window },
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
		input.labels.events[SUMMED] = 'All events together';
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
		// An answer holds its records and a label for each of the dataset's values, and costs something even with neither.
		const size = 1 + records.length + outlets.length + groups.length + events.length + languages.length + frames.length;
		return { packed: { ...input, records, key }, coarsened, size, picked };
	});
}
