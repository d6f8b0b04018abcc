import { on } from 'node:events';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ImportRejected, parseDataset, type ImportLimits, type WorkerInput, type WorkerMessage } from './parse';

/**
 * The worker thread of an import (see datasetBatches). Only ever loaded through a dynamic
 * import, so the build keeps it in a chunk of its own that a Worker can start from this URL.
 */
export const workerUrl = import.meta.url;

const AHEAD = 4;
/** Niceness 10 of 19: well behind the request thread, yet never starved on an idle machine. */
const IMPORT_NICENESS = 10;

const data = workerData as { parallaxImport?: ImportLimits; signed?: boolean } | null;
const limits = data?.parallaxImport;
if (!isMainThread && parentPort && limits) {
	yieldToReaders();
	void serve(parentPort, limits, data?.signed ?? false);
}

/**
 * A class reading pages should not wait on a researcher's import: this thread gives way to the
 * one that serves requests whenever both want a core. On Linux, setpriority with a thread's id
 * changes that thread alone, and /proc/thread-self names the calling thread. Elsewhere the
 * import simply runs at normal priority.
 */
function yieldToReaders() {
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (Number.isInteger(tid) && tid > 0) setPriority(tid, IMPORT_NICENESS);
	} catch {
		// No /proc, or not allowed: nothing is lost but the preference.
	}
}

async function serve(port: MessagePort, limits: ImportLimits, signed: boolean) {
	const send = (message: WorkerMessage) => port.postMessage(message);
	// A few asks stay open, so the parser has a chunk at hand while the main thread is busy
	// storing rows; asks are still answered only as the store pulls rows, so a slow store holds
	// the upload back.
	async function* upload() {
		const inputs = on(port, 'message') as AsyncIterableIterator<[WorkerInput]>;
		for (let i = 0; i < AHEAD; i++) send({ type: 'more' });
		for await (const [input] of inputs) {
			if (input.type === 'end') return;
			send({ type: 'more' });
			yield input.chunk;
		}
	}
	try {
		// A part's bytes are moved to the main thread, not copied.
		for await (const part of parseDataset(upload(), limits, signed))
			port.postMessage({ type: 'part', part } satisfies WorkerMessage, [part.csv.buffer as ArrayBuffer]);
		send({ type: 'done' });
	} catch (error) {
		if (!(error instanceof ImportRejected)) throw error;
		send({ type: 'rejected', status: error.status, problems: error.problems });
	}
}
