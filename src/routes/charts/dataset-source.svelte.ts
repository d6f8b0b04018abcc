import type { ChartInput } from '$lib/domain/charts/chart-views';
import { unpackChartInput, type PackedChartInput } from '$lib/domain/charts/packed-records';
import {
	isLocalDatasetId,
	localChartInput,
	localDatasetLabel,
	type LocalDataset,
	type LocalDatasetMeta
} from '$lib/domain/import/local-dataset';
import { listLocalDatasets, loadLocalDataset } from '$lib/client/local-datasets';

/** What the charts page's server load gives: the bundled input and a stored dataset's when one was asked for, both packed. */
export type ServedCharts = PackedChartInput & { stored: PackedChartInput | null };

export interface LocalShelf {
	list(): Promise<LocalDatasetMeta[]>;
	load(id: string): Promise<LocalDataset | null>;
}

const browserShelf: LocalShelf = { list: listLocalDatasets, load: loadLocalDataset };

/**
 * Which dataset the charts show: a stored one the server sent, one kept in this browser, or the
 * bundled data. Datasets kept in this browser are known only after hydration, never on the server.
 * Create it while a component initialises: it reads the browser's datasets in effects.
 */
export class DatasetSource {
	/** The datasets kept in this browser; null until they have been listed. */
	metas: LocalDatasetMeta[] | null = $state.raw(null);
	#local: LocalDataset | null = $state.raw(null);
	readonly #read: () => { requested: string | null; data: ServedCharts };
	// Every filter change re-runs the server load, so `data` is new each time. Caching by dataset
	// keeps a million-row upload from being re-read per change.
	readonly #inputs = new WeakMap<LocalDataset, ChartInput>();
	readonly #unpacked = new WeakMap<PackedChartInput, ChartInput>();

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
	readonly ids: string[] = $derived([
		...(this.metas ?? []).map((m) => m.id),
		...(this.pending && this.requestedLocal && this.metas === null ? [this.requestedLocal] : [])
	]);
	readonly labels: Record<string, string> = $derived(Object.fromEntries((this.metas ?? []).map((m) => [m.id, localDatasetLabel(m)])));

	constructor(read: () => { requested: string | null; data: ServedCharts }, shelf: LocalShelf = browserShelf) {
		this.#read = read;
		$effect(() => {
			shelf.list().then(
				(metas) => (this.metas = metas),
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
	}

	/** The browser's dataset that was last read, once it has been. */
	get local(): LocalDataset | null {
		return this.#local;
	}

	#unpack(packed: PackedChartInput): ChartInput {
		let input = this.#unpacked.get(packed);
		if (!input) this.#unpacked.set(packed, (input = unpackChartInput(packed)));
		return input;
	}

	#inputOf(dataset: LocalDataset, data: ServedCharts): ChartInput {
		let cached = this.#inputs.get(dataset);
		if (!cached) {
			cached = localChartInput(dataset, { frames: data.vocab.frames, frameLabels: data.labels.frames, groups: data.vocab.groups });
			this.#inputs.set(dataset, cached);
		}
		return cached;
	}
}
