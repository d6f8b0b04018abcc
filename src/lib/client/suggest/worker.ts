/// <reference lib="webworker" />
import { evaluate } from '$lib/domain/suggest/evaluation';
import { suggest, training, type SuggestModel } from '$lib/domain/suggest/model';
import type { FromWorker, ToWorker } from './protocol';

/** Training yields to the message queue this often, so a cancel is read within a slice. */
const SLICE_MS = 25;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let model: SuggestModel | null = null;
let cancelled = false;

const send = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
	const message = event.data;
	try {
		if (message.type === 'cancel') cancelled = true;
		else if (message.type === 'train') await train(message);
		else if (message.type === 'evaluate') {
			const { items, background, codebook, k, seed } = message;
			send({ type: 'evaluated', evaluation: evaluate(items, codebook, { k, seed, background }) });
		} else if (message.type === 'suggest') {
			if (!model) throw new Error('No model has been trained yet.');
			const s = suggest(model, message.texts);
			send({ type: 'suggested', start: message.start, rows: s.rows, probabilities: s.probabilities }, [s.probabilities.buffer]);
		}
	} catch (error) {
		send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};

async function train(message: Extract<ToWorker, { type: 'train' }>) {
	cancelled = false;
	const started = performance.now();
	const steps = training(message.items, message.options, message.frames);
	let slice = performance.now();
	for (;;) {
		const next = steps.next();
		if (next.done) {
			model = next.value;
			break;
		}
		if (performance.now() - slice > SLICE_MS) {
			send({ type: 'progress', done: next.value });
			await pause();
			if (cancelled) return send({ type: 'cancelled' });
			slice = performance.now();
		}
	}
	send({ type: 'trained', frames: model.frames, trainedOn: model.trainedOn, seconds: (performance.now() - started) / 1000 });
}
