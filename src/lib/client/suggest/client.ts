import type { CueFrame, Evaluation } from '$lib/domain/suggest/evaluation';
import type { Suggestions, TrainOptions, TrainingItem } from '$lib/domain/suggest/model';
import type { FromWorker, ToWorker } from './protocol';

/** Texts per message: small enough that copying one chunk on the page stays a short task. */
export const CHUNK = 2000;

/** The worker a page normally uses; a bench or test can hand SuggestClient another. */
export function suggestWorker(): Worker {
	return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Trains frame suggestions and suggests in a worker; this side only posts and receives. Requests
 * run one at a time: train, then suggest for as many texts as needed, with `leastSure` from the
 * domain to pick what to code next.
 */
export class SuggestClient {
	private listener: ((message: FromWorker) => void) | null = null;
	private frames: string[] = [];

	constructor(private readonly worker: Worker = suggestWorker()) {
		this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.listener?.(event.data);
	}

	/** Resolves when trained, or with null when cancelled. */
	train(
		items: TrainingItem[],
		frames: string[],
		onProgress: (done: number) => void = () => {},
		options?: Partial<TrainOptions>
	): Promise<{ frames: string[]; trainedOn: number; seconds: number } | null> {
		return new Promise((resolve, reject) => {
			this.listener = (message) => {
				if (message.type === 'progress') onProgress(message.done);
				else if (message.type === 'trained') {
					this.frames = message.frames;
					resolve(message);
				} else if (message.type === 'cancelled') resolve(null);
				else if (message.type === 'failed') reject(new Error(message.message));
			};
			this.send({ type: 'train', items, frames, options });
		});
	}

	/** Cross-validates `items` in the worker, `background` joining every training fold. */
	evaluate(items: TrainingItem[], background: TrainingItem[], codebook: CueFrame[], k: number, seed: number): Promise<Evaluation> {
		return new Promise((resolve, reject) => {
			this.listener = (message) => {
				if (message.type === 'evaluated') resolve(message.evaluation);
				else if (message.type === 'failed') reject(new Error(message.message));
			};
			this.send({ type: 'evaluate', items, background, codebook, k, seed });
		});
	}

	/** Probabilities per frame for every text, sent and answered a chunk at a time. */
	suggest(texts: readonly string[], onProgress: (done: number) => void = () => {}): Promise<Suggestions> {
		const F = this.frames.length;
		const probabilities = new Float32Array(texts.length * F);
		return new Promise((resolve, reject) => {
			const post = (start: number) => this.send({ type: 'suggest', start, texts: texts.slice(start, start + CHUNK) });
			this.listener = (message) => {
				if (message.type === 'failed') return reject(new Error(message.message));
				if (message.type !== 'suggested') return;
				probabilities.set(message.probabilities, message.start * F);
				const next = message.start + message.rows;
				onProgress(next / Math.max(1, texts.length));
				if (next < texts.length) post(next);
				else resolve({ frames: this.frames, rows: texts.length, probabilities });
			};
			if (texts.length === 0) resolve({ frames: this.frames, rows: 0, probabilities });
			else post(0);
		});
	}

	cancel() {
		this.send({ type: 'cancel' });
	}

	terminate() {
		this.worker.terminate();
	}

	private send(message: ToWorker) {
		this.worker.postMessage(message);
	}
}
