import type { ImportResult } from '$lib/domain/import/importer';
import type { ImportMessage } from '$lib/domain/import/messages';
import type { FromWorker, Progress, ToWorker } from './protocol';

type ImportJob = Omit<Extract<ToWorker, { type: 'import' }>, 'type'>;
type Inspected = Extract<FromWorker, { type: 'inspected' }>;

/** A file the worker would not read, with the reason for the page to say. */
export class FileRefused extends Error {
	constructor(readonly reason: ImportMessage) {
		super(reason.key);
	}
}

/** One worker per upload page; requests run one at a time, the way the page issues them. */
export class ImportClient {
	private worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	private listener: ((message: FromWorker) => void) | null = null;

	constructor() {
		this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.listener?.(event.data);
	}

	inspect(file: File, maxBytes: number): Promise<Inspected> {
		return new Promise((resolve, reject) => {
			this.listener = (message) => {
				if (message.type === 'inspected') resolve(message);
				else if (message.type === 'refused') reject(new FileRefused(message.message));
				else if (message.type === 'failed') reject(new Error(message.message));
			};
			this.send({ type: 'inspect', file, maxBytes });
		});
	}

	/** Resolves with the result, or null when cancelled. */
	import(job: ImportJob, onProgress: (progress: Progress) => void): Promise<{ result: ImportResult; seconds: number } | null> {
		return new Promise((resolve, reject) => {
			this.listener = (message) => {
				if (message.type === 'progress') onProgress(message);
				else if (message.type === 'done') resolve(message);
				else if (message.type === 'cancelled') resolve(null);
				else if (message.type === 'refused') reject(new FileRefused(message.message));
				else if (message.type === 'failed') reject(new Error(message.message));
			};
			this.send({ type: 'import', ...job });
		});
	}

	cancel() {
		this.send({ type: 'cancel' });
	}

	destroy() {
		this.worker.terminate();
	}

	private send(message: ToWorker) {
		// Callers pass plain values: a $state proxy cannot be structured-cloned.
		this.worker.postMessage(message);
	}
}
