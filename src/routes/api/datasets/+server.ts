import { error, json } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { tooLarge } from '$lib/domain/import/limits';
import { listedDatasets } from '$lib/server/access';
import { newId } from '$lib/server/auth';
import { datasetBatches, ImportRejected, LIMITS } from '$lib/server/import';
import { store } from '$lib/server/storage';
import { storeFailure, type StoreFailure } from '$lib/server/storage/failure';

export async function GET({ locals }) {
	return json({ datasets: await listedDatasets(locals.user) });
}

/**
 * Save a dataset: metadata in the query string, rows as CSV in the body (streamed, checked
 * row by row, stored in one transaction). Refusals are JSON `{ problems: [...] }`.
 */
export async function POST({ request, url, locals }) {
	if (!locals.user) return json({ problems: ['Sign in to save datasets on the server.'] }, { status: 401 });
	// Browsers send Origin on cross-site POSTs; refuse them even though CORS would block the reply.
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin) error(403, 'Cross-site uploads are not allowed.');
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > LIMITS.bytes) return json({ problems: [tooLarge(LIMITS.bytes)] }, { status: 413 });

	const meta = DatasetMetaSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!meta.success) return json({ problems: meta.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) }, { status: 422 });
	if (!request.body) return json({ problems: ['The file is empty.'] }, { status: 422 });

	try {
		const dataset = await (
			await store()
		).createDataset(
			{ id: newId(), ownerId: locals.user.id, meta: meta.data, shareToken: newId(18), createdAt: new Date().toISOString() },
			datasetBatches(request.body)
		);
		return json({ dataset }, { status: 201 });
	} catch (cause) {
		if (cause instanceof ImportRejected) return json({ problems: cause.problems }, { status: cause.status });
		console.error('Dataset import failed:', cause);
		return json({ problems: [NOT_STORED[storeFailure(cause)]] }, { status: 503 });
	}
}

const NOT_STORED: Record<StoreFailure, string> = {
	full: "The server's storage is full, so the dataset could not be stored; nothing was saved. Tell the site's operator, and upload the file again once space has been freed.",
	'read-only': "The server's storage is read-only, so the dataset could not be stored; nothing was saved. Tell the site's operator.",
	connection: 'The server lost its connection to the database while storing the dataset; nothing was saved. Upload the file again.',
	unknown: 'The dataset could not be stored; nothing was saved. Try again later.'
};
