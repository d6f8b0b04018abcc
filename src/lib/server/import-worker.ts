import { once } from 'node:events';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ImportRejected, parseDataset, type ImportLimits, type WorkerInput, type WorkerMessage } from './import';

/**
 * The worker thread of an import (see datasetBatches). Only ever loaded through a dynamic
 * import, so the build keeps it in a chunk of its own that a Worker can start from this URL.
 */
export const workerUrl = import.meta.url;

const limits = (workerData as { parallaxImport?: ImportLimits } | null)?.parallaxImport;
if (!isMainThread && parentPort && limits) void serve(parentPort, limits);

async function serve(port: MessagePort, limits: ImportLimits) {
	const send = (message: WorkerMessage) => port.postMessage(message);
	async function* upload() {
		for (;;) {
			send({ type: 'more' });
			const [input] = (await once(port, 'message')) as [WorkerInput];
			if (input.type === 'end') return;
			yield input.chunk;
		}
	}
	try {
		for await (const rows of parseDataset(upload(), limits)) send({ type: 'batch', rows });
		send({ type: 'done' });
	} catch (error) {
		if (!(error instanceof ImportRejected)) throw error;
		send({ type: 'rejected', status: error.status, problems: error.problems });
	}
}
