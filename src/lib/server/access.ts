import { error } from '@sveltejs/kit';
import type { Dataset } from '$lib/domain/import/dataset';
import { store } from './storage';

type Viewer = App.Locals['user'];

/**
 * Who may read a dataset: anyone if public; anyone holding its share token if shared by link;
 * otherwise only its owner. Everyone else gets the same 404 as for an id that does not exist,
 * so ids cannot be probed.
 */
export function canRead(dataset: Dataset, viewer: Viewer, token: string | null): boolean {
	if (dataset.visibility === 'public') return true;
	if (viewer && viewer.id === dataset.ownerId) return true;
	return dataset.visibility === 'link' && token !== null && token === dataset.shareToken;
}

/** The dataset as this viewer may see it: the share token only for the owner. */
export function redactedFor(dataset: Dataset, viewer: Viewer): Dataset {
	if (viewer && viewer.id === dataset.ownerId) return dataset;
	const { shareToken: _hidden, ...rest } = dataset;
	return rest;
}

export async function readableDataset(id: string, viewer: Viewer, token: string | null): Promise<Dataset> {
	const dataset = await (await store()).dataset(id);
	if (!dataset || !canRead(dataset, viewer, token)) error(404, 'There is no dataset with this id, or it is not shared with you.');
	return redactedFor(dataset, viewer);
}

export async function ownedDataset(id: string, viewer: Viewer): Promise<Dataset> {
	const dataset = await (await store()).dataset(id);
	if (!dataset || !viewer || dataset.ownerId !== viewer.id) {
		error(404, 'There is no dataset with this id, or it is not shared with you.');
	}
	return dataset;
}

/** Datasets listed to this viewer: their own and public ones (link-shared ones are unlisted). */
export async function listedDatasets(viewer: Viewer): Promise<Dataset[]> {
	const all = await (await store()).datasets();
	return all.filter((d) => d.visibility === 'public' || (viewer && d.ownerId === viewer.id)).map((d) => redactedFor(d, viewer));
}
