import type { ChartInput } from '$lib/domain/charts/chart-views';
import { lazyChartInput, type PackedChartInput, type PackedRecords } from '$lib/domain/charts/packed-records';
import { chartIndexOfPacked, type ChartIndex } from '$lib/domain/charts/chart-index';
import type { LocalDataset, LocalDatasetMeta } from '$lib/domain/import/local-dataset';
import { isLocalDatasetId } from '$lib/domain/import/local-dataset-id';
import { BUNDLED_DATASET } from '$lib/domain/charts/coverage';

/** What the charts page's server load gives, all packed: the bundled input, a stored dataset's when one was asked for, and those charted beside it. */
export type ServedCharts = PackedChartInput & {
	stored: PackedChartInput | null;
	/** Stored datasets charted beside it, by id, as far as this viewer may read them. */
	compared: Record<string, PackedChartInput>;
};

export interface LocalShelf {
	list(): Promise<LocalDatasetMeta[]>;
	load(id: string): Promise<LocalDataset | null>;
}

const KEPT_ANSWERS = 12;

// Reading and charting a browser's datasets brings the upload's parser and schemas: most readers
// have none, so those modules are fetched only when the browser turns out to keep some, and never
// while the page hydrates.
const browserShelf: LocalShelf = {
	list: async () => (await import('$lib/client/local-datasets')).listLocalDatasets(),
	load: async (id) => (await import('$lib/client/local-datasets')).loadLocalDataset(id)
};
type LocalCharting = typeof import('$lib/domain/import/local-dataset');
const localCharting = () => import('$lib/domain/import/local-dataset');

// A list that stays empty keeps its identity, so reading an empty shelf changes nothing downstream
// (a new [] would make the page chart every view again).
const NO_IDS: string[] = [];
const NO_LABELS: Record<string, string> = {};

/**
 * Which dataset the charts show: a stored one the server sent, one kept in this browser, or the
 * bundled data. Datasets kept in this browser are known only after hydration, never on the server.
 * Create it while a component initialises: it reads the browser's datasets in effects.
 */
export class DatasetSource {
	/** The datasets kept in this browser; null until they have been listed. */
	metas: LocalDatasetMeta[] | null = $state.raw(null);
	/** Loaded before any dataset is listed: the page charts a listed dataset without waiting again. */
	#charting: LocalCharting | undefined;
	#local: LocalDataset | null = $state.raw(null);
	readonly #read: () => { requested: string | null; compare?: string[]; data: ServedCharts };
	/** Local datasets charted beside the main one, once read (null: not in this browser). */
	#compared: ReadonlyMap<string, LocalDataset | null> = $state.raw(new Map());
	readonly #reading = new Set<string>();
	// A filter change that reruns the server load brings a new `data`. Caching by dataset keeps a
	// million-row upload from being re-read then.
	readonly #inputs = new WeakMap<LocalDataset, ChartInput>();
	readonly #unpacked = new WeakMap<PackedChartInput, ChartInput>();
	// A stored dataset's sums come again, newly parsed, each time a pick is read back from the
	// server: kept by their key, they are neither unpacked nor indexed again.
	readonly #storedByKey = new Map<string, ChartInput>();
	// The packed records each kept input came in and, once asked for, their index (see indexOf()).
	readonly #served = new WeakMap<ChartInput, { packed: PackedRecords; index?: ChartIndex }>();

	/** The local dataset asked for, unless the list is read and it is not there. */
	readonly requestedLocal: string | null = $derived.by(() => {
		const { requested } = this.#read();
		return isLocalDatasetId(requested) && (this.metas === null || this.metas.some((m) => m.id === requested)) ? requested : null;
	});
	// Until a requested local dataset is read, nothing is charted rather than the bundled data under its name.
	readonly pending: boolean = $derived(this.requestedLocal !== null && this.#local?.id !== this.requestedLocal);
	readonly input: ChartInput = $derived.by(() => {
		const { data } = this.#read();
		if (data.stored) return this.#unpack(data.stored);
		if (this.#local && this.#local.id === this.requestedLocal) return this.#inputOf(this.#local, data);
		return this.pending ? { ...data, records: [] } : this.#unpack(data);
	});
	/** Local datasets for the dataset menu; one asked for is offered before the list is read. */
	readonly ids: string[] = $derived.by(() => {
		const ids = [
			...(this.metas ?? []).map((m) => m.id),
			...(this.pending && this.requestedLocal && this.metas === null ? [this.requestedLocal] : [])
		];
		return ids.length === 0 ? NO_IDS : ids;
	});
	readonly labels: Record<string, string> = $derived.by(() => {
		const metas = this.metas ?? [];
		return metas.length === 0 ? NO_LABELS : Object.fromEntries(metas.map((m) => [m.id, this.#charting!.localDatasetLabel(m)]));
	});

	constructor(read: () => { requested: string | null; compare?: string[]; data: ServedCharts }, shelf: LocalShelf = browserShelf) {
		this.#read = read;
		$effect(() => {
			shelf.list().then(
				async (metas) => {
					if (metas.length > 0) this.#charting ??= await localCharting();
					this.metas = metas;
				},
				() => (this.metas = [])
			);
		});
		$effect(() => {
			const id = this.requestedLocal;
			if (!id || this.metas === null || this.#local?.id === id) return;
			shelf.load(id).then((dataset) => {
				if (this.#read().requested === id) this.#local = dataset;
			});
		});
		$effect(() => {
			const metas = this.metas;
			if (metas === null) return;
			for (const id of (this.#read().compare ?? []).filter(isLocalDatasetId)) {
				if (this.#reading.has(id)) continue;
				this.#reading.add(id);
				const done = (dataset: LocalDataset | null) => (this.#compared = new Map(this.#compared).set(id, dataset));
				if (metas.some((m) => m.id === id)) shelf.load(id).then(done, () => done(null));
				else done(null);
			}
		});
	}

	/**
	 * A dataset charted beside the main one: undefined while this browser's copy is being read,
	 * null when it is not here (a local dataset from another browser) or not readable.
	 */
	comparedInput(id: string): ChartInput | null | undefined {
		const { data } = this.#read();
		if (id === BUNDLED_DATASET) return this.#unpack(data);
		if (!isLocalDatasetId(id)) {
			const packed = data.compared[id];
			return packed ? this.#unpack(packed) : null;
		}
		const dataset = this.#compared.get(id);
		return dataset ? this.#inputOf(dataset, data) : dataset;
	}

	/** The browser's dataset that was last read, once it has been. */
	get local(): LocalDataset | null {
		return this.#local;
	}

	#unpack(packed: PackedChartInput): ChartInput {
		let input = this.#unpacked.get(packed);
		if (!input) this.#unpacked.set(packed, (input = packed.key === undefined ? lazyChartInput(packed) : this.#kept(packed.key, packed)));
		return input;
	}

	/**
	 * An index of a stored dataset's records, read from the packed answer they came in (see
	 * chartIndexOfPacked): cheaper than charting them once from the records, so even a new pick is
	 * charted from the index, and its records are never unpacked. Undefined for any other input,
	 * or records the packed path cannot index.
	 */
	indexOf(input: ChartInput): ChartIndex | undefined {
		const served = this.#served.get(input);
		if (served && !('index' in served)) served.index = chartIndexOfPacked(served.packed);
		return served?.index;
	}

	/** The input kept under `key`, or `packed`, kept: most recently used last, a dozen answers of at most 25,000 records each. */
	#kept(key: string, packed: PackedChartInput): ChartInput {
		let input = this.#storedByKey.get(key);
		if (!input) this.#served.set((input = lazyChartInput(packed)), { packed: packed.records });
		this.#storedByKey.delete(key);
		this.#storedByKey.set(key, input);
		if (this.#storedByKey.size > KEPT_ANSWERS) this.#storedByKey.delete(this.#storedByKey.keys().next().value as string);
		return input;
	}

	#inputOf(dataset: LocalDataset, data: ServedCharts): ChartInput {
		let cached = this.#inputs.get(dataset);
		if (!cached) {
			// Only listed datasets are loaded, and the charting module is loaded before any is listed.
			cached = this.#charting!.localChartInput(dataset, {
				frames: data.vocab.frames,
				frameLabels: data.labels.frames,
				groups: data.vocab.groups
			});
			this.#inputs.set(dataset, cached);
		}
		return cached;
	}
}
