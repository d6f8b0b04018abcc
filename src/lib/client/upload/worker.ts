/// <reference lib="webworker" />
import Papa from 'papaparse';
import { transferables } from '$lib/domain/import/columnar';
import { Importer } from '$lib/domain/import/importer';
import { inspectFile, SAMPLE_BYTES, sizeRefusal } from '$lib/domain/import/inspect';
import { RowTooLong } from '$lib/domain/import/papa-source';
import { FileText } from './file-text';
import type { FromWorker, ToWorker } from './protocol';

/**
 * Parses and validates uploads off the main thread, so the page keeps responding to scrolls,
 * clicks and Cancel while a large file streams through.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// A 64 KB chunk takes a few milliseconds: a progress message for each would redraw the page hundreds of times a second.
const PROGRESS_MS = 100;

let cancelRequested = false;

function post(message: FromWorker, transfer: Transferable[] = []) {
	scope.postMessage(message, transfer);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
	const message = event.data;
	if (message.type === 'cancel') cancelRequested = true;
	else if (message.type === 'inspect') inspect(message.file, message.maxBytes).catch(fail);
	else {
		cancelRequested = false;
		run(message);
	}
};

function fail(error: unknown) {
	post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

async function inspect(file: File, maxBytes: number) {
	// An oversize file is refused before a byte of it is read.
	const early = sizeRefusal(file, maxBytes);
	if (early) return post({ type: 'refused', message: early });
	const outcome = inspectFile(file, new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer()), maxBytes);
	if (outcome.refused !== null) post({ type: 'refused', message: outcome.refused });
	else post({ type: 'inspected', inspection: outcome.inspection, encoding: outcome.encoding, bom: outcome.bom });
}

function run(job: Extract<ToWorker, { type: 'import' }>) {
	const importer = new Importer(job.columns, job.mapping, job.hasHeader, job.codebook);
	const started = performance.now();
	let posted = started;
	const source = new FileText(job.file, job.encoding);
	Papa.parse<string[]>(source as unknown as NodeJS.ReadableStream, {
		delimiter: job.delimiter,
		skipEmptyLines: 'greedy',
		chunk(results, parser) {
			if (cancelRequested) {
				parser.abort();
				return;
			}
			source.parsed(results.data.length);
			importer.pushChunk(results.data, results.errors);
			const now = performance.now();
			if (now - posted < PROGRESS_MS) return;
			posted = now;
			const seconds = (now - started) / 1000;
			post({
				type: 'progress',
				rows: importer.rows,
				bytes: source.bytes,
				total: job.file.size,
				rowsPerSecond: seconds > 0 ? importer.rows / seconds : 0
			});
		},
		complete(results) {
			source.stop();
			if (cancelRequested || results?.meta?.aborted) {
				post({ type: 'cancelled', rows: importer.rows });
				return;
			}
			const result = importer.finish();
			post({ type: 'done', result, seconds: (performance.now() - started) / 1000 }, transferables(result.data));
		},
		error(error) {
			source.stop();
			if (error instanceof RowTooLong) post({ type: 'refused', message: error.refusal });
			else fail(error);
		}
	});
	source.start();
}
