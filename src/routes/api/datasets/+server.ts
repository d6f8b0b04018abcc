import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { error, json } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { tooLarge } from '$lib/domain/import/limits';
import { listedDatasets } from '$lib/server/access';
import { newId } from '$lib/server/auth';
import { BodyRefused, discard, readBody, UPLOAD_IDLE_MS } from '$lib/server/body';
import { datasetBatches, ImportRejected, LIMITS } from '$lib/server/import';
import { store } from '$lib/server/storage';
import { storeFailure, type StoreFailure } from '$lib/server/storage/failure';

export async function GET({ locals }) {
	return json({ datasets: await listedDatasets(locals.user) });
}

/**
 * Save a dataset: metadata in the query string, rows as CSV in the body. The body goes to a
 * temporary file first, so that only a complete upload enters the store's write transaction (a
 * client trickling bytes would otherwise hold every other write back); the import then checks it
 * row by row and stores it in one transaction. Refusals are JSON `{ problems: [...] }`.
 */
export async function POST({ request, url, locals }) {
	if (!locals.user) return json({ problems: ['Sign in to save datasets on the server.'] }, { status: 401 });
	// Browsers send Origin on cross-site POSTs; refuse them even though CORS would block the reply.
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin) error(403, 'Cross-site uploads are not allowed.');
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > LIMITS.bytes) {
		discard(request.body);
		return json({ problems: [tooLarge(LIMITS.bytes)] }, { status: 413 });
	}

	const meta = DatasetMetaSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!meta.success) return json({ problems: meta.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) }, { status: 422 });
	if (!request.body) return json({ problems: ['The file is empty.'] }, { status: 422 });

	const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
	try {
		const file = join(dir, 'upload.csv');
		const refused = await spool(request.body, file);
		if (refused) return refused;
		const dataset = await (
			await store()
		).createDataset(
			{ id: newId(), ownerId: locals.user.id, meta: meta.data, shareToken: newId(18), createdAt: new Date().toISOString() },
			datasetBatches(createReadStream(file))
		);
		return json({ dataset }, { status: 201 });
	} catch (cause) {
		if (cause instanceof ImportRejected) return json({ problems: cause.problems }, { status: cause.status });
		console.error('Dataset import failed:', cause);
		return json({ problems: [NOT_STORED[storeFailure(cause)]] }, { status: 503 });
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** Writes the body to `file`; the answer to send instead when the body is refused. */
async function spool(body: ReadableStream<Uint8Array>, file: string): Promise<Response | undefined> {
	const out = await open(file, 'w');
	try {
		await readBody(body, { maxBytes: LIMITS.bytes, idleMs: UPLOAD_IDLE_MS }, (chunk) => out.write(chunk));
	} catch (cause) {
		if (!(cause instanceof BodyRefused)) throw cause;
		if (cause.reason === 'too-large') return json({ problems: [tooLarge(LIMITS.bytes)] }, { status: 413 });
		// The client has stopped sending, so closing the connection loses nothing it would read.
		return json({ problems: [stalled(UPLOAD_IDLE_MS)] }, { status: 408, headers: { connection: 'close' } });
	} finally {
		await out.close();
	}
}

const stalled = (ms: number) =>
	`No data arrived for ${ms / 1000} seconds, so the upload was stopped and nothing was saved. Upload the file again.`;

const NOT_STORED: Record<StoreFailure, string> = {
	full: "The server's storage is full, so the dataset could not be stored; nothing was saved. Tell the site's operator, and upload the file again once space has been freed.",
	'read-only': "The server's storage is read-only, so the dataset could not be stored; nothing was saved. Tell the site's operator.",
	connection: 'The server lost its connection to the database while storing the dataset; nothing was saved. Upload the file again.',
	unknown: 'The dataset could not be stored; nothing was saved. Try again later.'
};
