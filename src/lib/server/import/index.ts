import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { DatasetPart } from '$lib/server/storage/part';
import { ImportRejected, LIMITS, parseDataset, unreadable, type ImportLimits, type WorkerInput, type WorkerMessage } from './parse';

export { ImportRejected, LIMITS, type ImportLimits } from './parse';

/**
 * Stream a dataset CSV (DATASET_COLUMNS) into parts of validated rows. Every row is checked again
 * with the same mapping and schema the browser used; the first invalid row, an oversize file or
 * too many rows throws, and because the store consumes this inside one transaction, nothing is
 * kept. The server feeds it the upload's file as the body arrives (UploadFile), taking parts ahead
 * with readAhead, and hands them to the store only once the body is complete: a slow client must
 * not hold the store's transaction open.
 *
 * Parsing and checking cost about a second of CPU per 100,000 rows, so in the built server they
 * run in a worker thread: the event loop keeps answering other requests during a large import.
 * Only each part's text comes back; the store still writes it on this thread, in its one transaction.
 */
export async function* datasetBatches(
	body: AsyncIterable<Uint8Array>,
	limits: ImportLimits = LIMITS,
	/** Whether values may be below 0: a measured value's may, a count of articles' may not. */
	signed = false
): AsyncGenerator<DatasetPart> {
	const { workerUrl } = await import('./worker');
	// Under vite dev and vitest the module is TypeScript source, which a worker cannot load.
	if (/\.m?js$/.test(new URL(workerUrl).pathname)) yield* inWorker(new URL(workerUrl), body, limits, signed);
	else yield* parseDataset(body, limits, signed);
}

async function* inWorker(url: URL, body: AsyncIterable<Uint8Array>, limits: ImportLimits, signed: boolean): AsyncGenerator<DatasetPart> {
	const worker = new Worker(url, { workerData: { parallaxImport: limits, signed } });
	const chunks = body[Symbol.asyncIterator]();
	// The worker asks for each chunk, and asks are answered only while the store is pulling rows,
	// so a slow store holds the file back instead of queueing it in memory.
	const messages = on(worker, 'message', { close: ['exit'] }) as AsyncIterableIterator<[WorkerMessage]>;
	try {
		for await (const [message] of messages) {
			if (message.type === 'part') yield message.part;
			else if (message.type === 'done') return;
			else if (message.type === 'rejected') throw new ImportRejected(message.status, message.problems);
			else {
				let next: IteratorResult<Uint8Array>;
				try {
					next = await chunks.next();
				} catch (error) {
					throw unreadable(error);
				}
				worker.postMessage((next.done ? { type: 'end' } : { type: 'chunk', chunk: next.value }) satisfies WorkerInput);
			}
		}
		// Ending without `done` would let the store commit part of the file.
		throw new Error('The import worker exited before the end of the upload.');
	} finally {
		await messages.return?.();
		await worker.terminate();
		await chunks.return?.();
	}
}

/**
 * Starts taking items from `source` now, and keeps `count` taken ahead of the reader: the import
 * parses while the upload still arrives, before anything reads its parts. The caller ends
 * `source` (its `return`) when done with it, since this reader may never be read.
 */
export function readAhead<T>(source: AsyncIterator<T>, count: number): AsyncIterable<T> {
	const taken: Promise<IteratorResult<T>>[] = [];
	const take = () => {
		while (taken.length < count) {
			const next = source.next();
			// Its failure reaches whoever reads it; unread, it is no unhandled rejection.
			next.catch(() => undefined);
			taken.push(next);
		}
	};
	take();
	return {
		[Symbol.asyncIterator]: () => ({
			next: () => {
				const next = taken.shift()!;
				take();
				return next;
			}
		})
	};
}
