import { error, json } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { tooLarge } from '$lib/domain/import/limits';
import type { ImportMessage } from '$lib/domain/import/messages';
import { problemMessage, type ImportProblem } from '$lib/domain/import/report';
import { translateMessage } from '$lib/i18n/catalogue';
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
 * row by row, stored in one transaction). Refusals are JSON `{ problems: [...], details: [...] }`:
 * the problems in English for API clients, and the same as message keys and values for the
 * upload page to say in the reader's language.
 */
export async function POST({ request, url, locals }) {
	if (!locals.user) return refuse([{ key: 'import.refusal.signIn' }], 401);
	// Browsers send Origin on cross-site POSTs; refuse them even though CORS would block the reply.
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin) error(403, 'Cross-site uploads are not allowed.');
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > LIMITS.bytes) return refuse([tooLarge(LIMITS.bytes)], 413);

	const meta = DatasetMetaSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!meta.success) return json({ problems: meta.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) }, { status: 422 });
	if (!request.body) return refuse([{ key: 'import.refusal.empty' }], 422);

	try {
		const dataset = await (
			await store()
		).createDataset(
			{ id: newId(), ownerId: locals.user.id, meta: meta.data, shareToken: newId(18), createdAt: new Date().toISOString() },
			datasetBatches(request.body)
		);
		return json({ dataset }, { status: 201 });
	} catch (cause) {
		if (cause instanceof ImportRejected) return refuse(cause.problems, cause.status);
		console.error('Dataset import failed:', cause);
		return refuse([NOT_STORED[storeFailure(cause)]], 503);
	}
}

function refuse(problems: ImportProblem[], status: number) {
	const details = problems.map(problemMessage);
	return json({ problems: details.map((message) => translateMessage('en', message)), details }, { status });
}

const NOT_STORED: Record<StoreFailure, ImportMessage> = {
	full: { key: 'import.notStored.full' },
	'read-only': { key: 'import.notStored.readOnly' },
	connection: { key: 'import.notStored.connection' },
	unknown: { key: 'import.notStored.unknown' }
};
