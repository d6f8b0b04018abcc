import { packText, type PackedText } from '$lib/domain/import/columnar';
import { type LocalDataset, type LocalDatasetMeta, type SavedAs } from '$lib/domain/import/local-dataset';

/**
 * Uploaded datasets kept in this browser's IndexedDB (not sessionStorage: its few megabytes
 * would not hold a large upload). Nothing here reaches the server; the data stays until the
 * researcher removes it or clears the site's data. Metadata and rows are separate stores so
 * that listing datasets does not read every row.
 */
const DB_NAME = 'parallax-uploads';
const META = 'meta';
const DATA = 'data';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore(META, { keyPath: 'id' });
			request.result.createObjectStore(DATA);
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function transaction<T>(
	mode: IDBTransactionMode,
	work: (meta: IDBObjectStore, data: IDBObjectStore) => IDBRequest<T> | void
): Promise<T | undefined> {
	const db = await open();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const tx = db.transaction([META, DATA], mode);
			const request = work(tx.objectStore(META), tx.objectStore(DATA));
			tx.oncomplete = () => resolve(request ? request.result : undefined);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error ?? new Error('The browser refused to store the dataset.'));
		});
	} finally {
		db.close();
	}
}

export function newLocalId(): string {
	return `local-${crypto.randomUUID().slice(0, 8)}`;
}

export async function saveLocalDataset(dataset: LocalDataset): Promise<void> {
	const { data, groupOf, groupLabels, ...meta } = dataset;
	await transaction('readwrite', (metaStore, dataStore) => {
		metaStore.put(meta);
		dataStore.put({ data, groupOf, groupLabels }, dataset.id);
	});
}

export async function listLocalDatasets(): Promise<LocalDatasetMeta[]> {
	const all = (await transaction<LocalDatasetMeta[]>('readonly', (meta) => meta.getAll())) ?? [];
	return all.sort((a, b) => b.created.localeCompare(a.created));
}

export async function loadLocalDataset(id: string): Promise<LocalDataset | null> {
	const db = await open();
	try {
		const tx = db.transaction([META, DATA], 'readonly');
		const get = <T>(request: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const [meta, rest] = await Promise.all([
			get<LocalDatasetMeta | undefined>(tx.objectStore(META).get(id)),
			get<Pick<LocalDataset, 'data' | 'groupOf' | 'groupLabels'> | undefined>(tx.objectStore(DATA).get(id))
		]);
		if (!meta || !rest) return null;
		rest.data.title = storedText(rest.data.title);
		rest.data.url = storedText(rest.data.url);
		return { ...meta, ...rest };
	} finally {
		db.close();
	}
}

/** Remember that a browser copy now lives on the server too, so it is not offered for saving again. */
export async function markLocalDatasetSaved(id: string, savedAs: SavedAs): Promise<void> {
	await transaction('readwrite', (metaStore) => {
		const request = metaStore.get(id);
		request.onsuccess = () => {
			const meta = request.result as LocalDatasetMeta | undefined;
			if (meta) metaStore.put({ ...meta, savedAs: { id: savedAs.id, title: savedAs.title } });
		};
	});
}

/**
 * A text column as stored: datasets stored before titles and links were kept have none, and
 * those stored before the columns became bytes hold one string with each row's end in it.
 */
function storedText(column: PackedText | { text: string; ends: Uint32Array } | undefined): PackedText {
	if (!column) return packText([]);
	if ('bytes' in column) return column;
	const { text, ends } = column;
	return packText(Array.from(ends, (end, i) => text.slice(i === 0 ? 0 : ends[i - 1], end)));
}

export async function deleteLocalDataset(id: string): Promise<void> {
	await transaction('readwrite', (meta, data) => {
		meta.delete(id);
		data.delete(id);
	});
}
