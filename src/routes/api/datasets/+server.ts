import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { error, json } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { ARTICLES } from '$lib/domain/charts/measure';
import { MeasureSchema } from '$lib/domain/charts/measure-schema';
import { tooLarge } from '$lib/domain/import/limits';
import type { ImportMessage } from '$lib/domain/import/messages';
import { problemMessage, type ImportProblem } from '$lib/domain/import/report';
import { translateMessage } from '$lib/i18n/catalogue';
import { listedDatasets } from '$lib/server/access';
import { prepareStoredChart } from '$lib/server/charts';
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
 * row by row and stores it in one transaction. Refusals are JSON `{ problems: [...], details: [...] }`:
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

	const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
	try {
		const file = join(dir, 'upload.csv');
		const refused = await spool(request.body, file);
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
			datasetBatches(createReadStream(file), LIMITS, measure.data.kind === 'value')
		);
		prepareStoredChart(dataset);
		return json({ dataset }, { status: 201 });
	} catch (cause) {
		if (cause instanceof ImportRejected) return refuse(cause.problems, cause.status);
		console.error('Dataset import failed:', cause);
		return refuse([NOT_STORED[storeFailure(cause)]], 503);
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
		if (cause.reason === 'too-large') return refuse([tooLarge(LIMITS.bytes)], 413);
		// The client has stopped sending, so closing the connection loses nothing it would read.
		const response = refuse([{ key: 'import.refusal.stalled', params: { seconds: UPLOAD_IDLE_MS / 1000 } }], 408);
		response.headers.set('connection', 'close');
		return response;
	} finally {
		await out.close();
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
