import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { error, json } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { ARTICLES } from '$lib/domain/charts/measure';
import { MeasureSchema } from '$lib/domain/charts/measure-schema';
import { formatBytes, tooLarge } from '$lib/domain/import/limits';
import type { ImportMessage } from '$lib/domain/import/messages';
import { problemMessage, type ImportProblem } from '$lib/domain/import/report';
import { translateMessage } from '$lib/i18n/catalogue';
import { listedDatasets } from '$lib/server/access';
import { prepareStoredChart } from '$lib/server/charts';
import { newId } from '$lib/server/auth';
import { BodyRefused, discard, overServerLimit, readBody, serverBodyLimit, UPLOAD_IDLE_MS } from '$lib/server/body';
import { datasetBatches, ImportRejected, LIMITS, readAhead } from '$lib/server/import';
import { UploadFile } from '$lib/server/import/upload-file';
import { store } from '$lib/server/storage';
import type { DatasetPart } from '$lib/server/storage/part';
import { storeFailure, type StoreFailure } from '$lib/server/storage/failure';

export async function GET({ locals }) {
	return json({ datasets: await listedDatasets(locals.user) });
}

/**
 * Save a dataset: metadata in the query string, rows as CSV in the body. The body goes to a
 * temporary file, and the import checks it row by row as it arrives, but only a complete upload
 * enters the store's write transaction (a client trickling bytes would otherwise hold every other
 * write back); its rows are then stored in one transaction. Refusals are JSON `{ problems: [...], details: [...] }`:
 * the problems in English for API clients, and the same as message keys and values for the
 * upload page to say in the reader's language.
 */
export async function POST({ request, url, locals }) {
	if (!locals.user) return refuse([{ key: 'import.refusal.signIn' }], 401);
	// Browsers send Origin on cross-site POSTs; refuse them even though CORS would block the reply.
	const origin = request.headers.get('origin');
	if (origin && origin !== url.origin) error(403, 'Cross-site uploads are not allowed.');
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > LIMITS.bytes) {
		discard(request.body);
		return refuse([tooLarge(LIMITS.bytes)], 413);
	}

	const meta = DatasetMetaSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!meta.success) return json({ problems: meta.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) }, { status: 422 });
	const measure = readMeasureParam(url.searchParams.get('measure'));
	if (!measure.success) return json({ problems: [`measure: ${measure.problem}`] }, { status: 422 });
	if (!request.body) return refuse([{ key: 'import.refusal.empty' }], 422);
	const { id: userId } = locals.user;
	const inProgress = uploading.get(userId) ?? 0;
	if (inProgress >= UPLOADS_PER_USER) {
		discard(request.body);
		return refuse([{ key: 'import.refusal.busy', params: { max: UPLOADS_PER_USER } }], 429);
	}
	uploading.set(userId, inProgress + 1);

	const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
	let parts: AsyncGenerator<DatasetPart> | undefined;
	try {
		const upload = await UploadFile.create(join(dir, 'upload.csv'));
		parts = datasetBatches(upload.chunks(), LIMITS, measure.data.kind === 'value');
		const ahead = readAhead(parts, PARTS_AHEAD);
		const refused = await receive(request.body, upload);
		if (refused) return refused;
		const dataset = await (
			await store()
		).createDataset(
			{
				id: newId(),
				ownerId: locals.user.id,
				meta: meta.data,
				shareToken: newId(18),
				createdAt: new Date().toISOString(),
				measure: measure.data
			},
			ahead
		);
		prepareStoredChart(dataset);
		return json({ dataset }, { status: 201 });
	} catch (cause) {
		if (cause instanceof ImportRejected) return refuse(cause.problems, cause.status);
		console.error('Dataset import failed:', cause);
		return refuse([NOT_STORED[storeFailure(cause)]], 503);
	} finally {
		// Stops the import worker, whether the store read every part, some, or none.
		await parts?.return(undefined).catch((cause) => console.error('Stopping a dataset import failed:', cause));
		await rm(dir, { recursive: true, force: true });
		const left = (uploading.get(userId) ?? 1) - 1;
		if (left > 0) uploading.set(userId, left);
		else uploading.delete(userId);
	}
}

/**
 * Uploads a user may send at once. Each holds a temporary file, an import worker and parts read
 * ahead for as long as its client takes to send it: without a bound, one account opening a few
 * hundred slow uploads would hold as many threads.
 */
const UPLOADS_PER_USER = 2;

/** Uploads in progress, by user id. */
const uploading = new Map<string, number>();

/**
 * Parts checked while the body still arrives, held until it is complete: two parts (about 12 MB of
 * typical rows, at most about 32 MB of long ones, which are cut at 16 MB) bound what a slowly sent
 * upload keeps in memory.
 */
const PARTS_AHEAD = 2;

/** Writes the body to `upload`; the answer to send instead when the body is refused. */
async function receive(body: ReadableStream<Uint8Array>, upload: UploadFile): Promise<Response | undefined> {
	try {
		await readBody(body, { maxBytes: LIMITS.bytes, idleMs: UPLOAD_IDLE_MS }, (chunk) => upload.write(chunk));
		await upload.complete();
	} catch (cause) {
		await upload.abandon();
		// Started without `npm start`, the server's own body limit can be the smaller: say whose limit it is.
		if (overServerLimit(cause)) {
			const limits = { limit: formatBytes(serverBodyLimit()), upload: formatBytes(LIMITS.bytes) };
			return refuse([{ key: 'import.refusal.serverBodyLimit', params: limits }], 413);
		}
		if (!(cause instanceof BodyRefused)) throw cause;
		if (cause.reason === 'too-large') return refuse([tooLarge(LIMITS.bytes)], 413);
		// The client has stopped sending, so closing the connection loses nothing it would read.
		const response = refuse([{ key: 'import.refusal.stalled', params: { seconds: UPLOAD_IDLE_MS / 1000 } }], 408);
		response.headers.set('connection', 'close');
		return response;
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

/** The `measure` query parameter: MeasureSchema as JSON; articles when it is left out. */
function readMeasureParam(param: string | null) {
	if (param === null || param === '') return { success: true as const, data: ARTICLES };
	let value: unknown;
	try {
		value = JSON.parse(param);
	} catch {
		return { success: false as const, problem: 'is not JSON' };
	}
	const parsed = MeasureSchema.safeParse(value);
	return parsed.success
		? { success: true as const, data: parsed.data }
		: { success: false as const, problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.message}`).join('; ') };
}
