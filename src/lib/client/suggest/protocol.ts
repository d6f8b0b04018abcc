import type { CueFrame, Evaluation } from '$lib/domain/suggest/evaluation';
import type { TrainOptions, TrainingItem } from '$lib/domain/suggest/model';

/**
 * Messages between a page and the suggestion worker. The worker keeps the last model it
 * trained; texts to suggest for arrive in chunks, each answered before the page sends the next,
 * so neither side ever handles the whole list in one task.
 */
export type ToWorker =
	| { type: 'train'; items: TrainingItem[]; frames: string[]; options?: Partial<TrainOptions> }
	| { type: 'suggest'; start: number; texts: string[] }
	/** k-fold cross-validation of `items`, with `background` in every training fold. */
	| { type: 'evaluate'; items: TrainingItem[]; background: TrainingItem[]; codebook: CueFrame[]; k: number; seed: number }
	| { type: 'cancel' };

export type FromWorker =
	/** Share of the training done, 0–1. */
	| { type: 'progress'; done: number }
	| { type: 'trained'; frames: string[]; trainedOn: number; seconds: number }
	/** Probabilities for texts start … start + rows − 1, row-major in `frames` order. */
	| { type: 'suggested'; start: number; rows: number; probabilities: Float32Array }
	| { type: 'evaluated'; evaluation: Evaluation }
	| { type: 'cancelled' }
	| { type: 'failed'; message: string };
