import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readLedger } from '../ledger';
import { bundledEvaluation } from './report';

/**
 * The worker thread that cross-validates the suggestions (see suggestionReport). Only loaded
 * through a dynamic import, so the build keeps it in a chunk a Worker can start from this URL.
 */
export const workerUrl = import.meta.url;

const dir = (workerData as { parallaxSuggest?: string } | null)?.parallaxSuggest;
if (!isMainThread && parentPort && dir) parentPort.postMessage(bundledEvaluation(readLedger(dir)));
