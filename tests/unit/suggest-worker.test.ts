import { beforeAll, describe, expect, it } from 'vitest';
import type { SuggestClient as Client } from '../../src/lib/client/suggest/client';
import type { FromWorker, ToWorker } from '../../src/lib/client/suggest/protocol';
import { suggest, train, type TrainingItem } from '../../src/lib/domain/suggest/model';

// The real worker module runs in this thread behind a stand-in for the Worker object: messages
// are structured-cloned and delivered in later tasks, as between a page and a worker.
const scope: { onmessage: ((event: { data: ToWorker }) => void) | null; postMessage: (m: FromWorker) => void } = {
	onmessage: null,
	postMessage: () => {}
};

class LoopbackWorker {
	onmessage: ((event: { data: FromWorker }) => void) | null = null;
	posted: ToWorker[] = [];
	constructor() {
		scope.postMessage = (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) }));
	}
	postMessage(m: ToWorker) {
		this.posted.push(m);
		setTimeout(() => scope.onmessage?.({ data: structuredClone(m) }));
	}
	terminate() {}
}

let SuggestClient: typeof Client;
let CHUNK: number;
beforeAll(async () => {
	(globalThis as { self?: unknown }).self = scope;
	await import('../../src/lib/client/suggest/worker');
	({ SuggestClient, CHUNK } = await import('../../src/lib/client/suggest/client'));
});

const items: TrainingItem[] = [
	...['tanks roll west', 'more tanks at the border', 'tanks and missiles'].map((text) => ({ text, frames: ['arms'] })),
	...['peace talks resume', 'talks on peace', 'a peace plan'].map((text) => ({ text, frames: ['peace'] })),
	...['weather is mild', 'football results'].map((text) => ({ text, frames: [] }))
];

describe('suggestion worker and client', () => {
	it('trains in the worker and returns, chunk by chunk, the probabilities the domain computes', async () => {
		const worker = new LoopbackWorker();
		const client = new SuggestClient(worker as unknown as Worker);
		const options = { features: { bits: 12 } };
		const trained = await client.train(items, ['arms', 'peace'], undefined, options);
		expect(trained).toMatchObject({ frames: ['arms', 'peace'], trainedOn: items.length });

		const texts = Array.from({ length: CHUNK * 2 + 5 }, (_, i) => (i % 2 ? `tanks ${i}` : `peace ${i}`));
		const progress: number[] = [];
		const s = await client.suggest(texts, (done) => progress.push(done));
		const expected = suggest(train(items, options, ['arms', 'peace']), texts);
		expect(s.rows).toBe(texts.length);
		expect(s.frames).toEqual(['arms', 'peace']);
		expect(s.probabilities).toEqual(expected.probabilities);
		const chunks = worker.posted.filter((m) => m.type === 'suggest');
		expect(chunks.map((m) => m.texts.length)).toEqual([CHUNK, CHUNK, 5]);
		expect(progress.at(-1)).toBe(1);
	});

	it('stops training on cancel between slices and answers null', async () => {
		const client = new SuggestClient(new LoopbackWorker() as unknown as Worker);
		// Large enough that training takes many slices on any machine.
		const many = Array.from({ length: 4000 }, (_, i) => items[i % items.length]!);
		const training = client.train(many, ['arms', 'peace']);
		client.cancel();
		expect(await training).toBeNull();
	});
});
