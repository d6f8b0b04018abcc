import { Worker } from 'node:worker_threads';
import type { Evaluation } from '$lib/domain/suggest/evaluation';
import { dataDir, ledger } from '../ledger';
import { bundledEvaluation } from './report';

let cached: Promise<Evaluation> | undefined;
let ready: Evaluation | undefined;

/**
 * The cross-validated figures for /method/suggestions. The bundled data is read-only at run
 * time, so they are computed once per process, on first request: ten trainings take seconds of
 * CPU, so in the built server they run in a worker thread and the event loop keeps answering.
 */
export function suggestionReport(): Promise<Evaluation> {
	cached ??= compute().then(
		(report) => (ready = report),
		(error: unknown) => {
			cached = undefined;
			throw error;
		}
	);
	return cached;
}

/** The report itself once computed, so a page can render it whole, without waiting on a stream. */
export function suggestionReportNow(): Evaluation | Promise<Evaluation> {
	return ready ?? suggestionReport();
}

async function compute(): Promise<Evaluation> {
	const { workerUrl } = await import('./worker');
	// Under vite dev and vitest the module is TypeScript source, which a worker cannot load.
	if (!/\.m?js$/.test(new URL(workerUrl).pathname)) return bundledEvaluation(ledger());
	const worker = new Worker(new URL(workerUrl), { workerData: { parallaxSuggest: dataDir() } });
	try {
		return await new Promise<Evaluation>((resolve, reject) => {
			worker.once('message', resolve);
			worker.once('error', reject);
			worker.once('exit', (code) => reject(new Error(`The suggestion worker exited with ${code} before its report.`)));
		});
	} finally {
		await worker.terminate();
	}
}
