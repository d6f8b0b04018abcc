import { DEFAULT_FEATURES, vectorise, type FeatureOptions, type SparseVector } from './features';
import { seeded, shuffle } from './random';

/** A human-coded text: the frames a coder found in it (any stance), possibly none. */
export interface TrainingItem {
	text: string;
	frames: readonly string[];
}

/**
 * logistic: one-vs-rest L2-regularised logistic regression fitted by SGD.
 * naive-bayes: one-vs-rest multinomial naive Bayes over the same features.
 * Both end as one linear scorer per frame, so suggesting is the same code for either.
 */
export type Method = 'logistic' | 'naive-bayes';

export interface TrainOptions {
	method: Method;
	features: FeatureOptions;
	seed: number;
	epochs: number;
	/** L2 penalty of logistic regression. */
	lambda: number;
	/** Additive smoothing of naive Bayes. */
	smoothing: number;
}

/**
 * Logistic regression was chosen over naive Bayes by cross-validated F1 on the bundled ledger:
 * /method/suggestions reports both on the same folds. Positives are rare (a frame is in 1–15 %
 * of items), so each frame's positives weigh √(negatives/positives): without it the rarest frames
 * are never suggested, with the full ratio they are suggested everywhere.
 */
export const DEFAULT_TRAINING: TrainOptions = {
	method: 'logistic',
	features: DEFAULT_FEATURES,
	seed: 1,
	epochs: 8,
	lambda: 1e-5,
	smoothing: 0.01
};

export interface SuggestModel {
	method: Method;
	/** The frames it scores, in the order of every probability row. */
	frames: string[];
	features: FeatureOptions;
	/**
	 * 2^bits × frames.length weights, slot-major: a text's features each read one run of
	 * adjacent weights instead of one per frame scattered over the whole array, which is what
	 * makes training and suggesting memory-bound no longer.
	 */
	weights: Float32Array;
	bias: Float32Array;
	/** Items it was trained on. */
	trainedOn: number;
}

/** Probabilities, one row per text and one column per model frame. */
export interface Suggestions {
	frames: string[];
	rows: number;
	/** rows × frames.length, row-major. */
	probabilities: Float32Array;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Frames in first-seen order, unless given (a codebook's order, including frames never coded). */
function frameList(items: readonly TrainingItem[], frames?: readonly string[]): string[] {
	return frames ? [...frames] : [...new Set(items.flatMap((i) => i.frames))];
}

/**
 * Training in steps, so a worker can report progress between them: yields the share done (0–1)
 * and returns the model. `frames` fixes the columns; by default every frame the items carry.
 */
export function* training(
	items: readonly TrainingItem[],
	options: Partial<TrainOptions> = {},
	frames?: readonly string[]
): Generator<number, SuggestModel> {
	const o = { ...DEFAULT_TRAINING, ...options };
	const labels = frameList(items, frames);
	const dims = 1 << o.features.bits;
	const vectors: SparseVector[] = [];
	const steps = items.length * (o.method === 'logistic' ? o.epochs + 1 : 3);
	let done = 0;
	const STEP = 500;
	for (const item of items) {
		vectors.push(vectorise(item.text, o.features));
		if (++done % STEP === 0) yield done / steps;
	}
	const truth = items.map((item) => labels.map((f) => item.frames.includes(f)));
	const weights = new Float32Array(dims * labels.length);
	const bias = new Float32Array(labels.length);
	const positives = labels.map((_, f) => truth.filter((t) => t[f]).length);
	const model: SuggestModel = { method: o.method, frames: labels, features: o.features, weights, bias, trainedOn: items.length };

	const F = labels.length;
	if (o.method === 'naive-bayes') {
		const pos = new Float64Array(dims * F);
		const all = new Float64Array(dims);
		const posTotal = new Float64Array(F);
		let allTotal = 0;
		for (let n = 0; n < vectors.length; n++) {
			const v = vectors[n]!;
			for (let j = 0; j < v.indices.length; j++) {
				const slot = v.indices[j]!;
				const x = v.values[j]!;
				all[slot]! += x;
				allTotal += x;
				for (let f = 0; f < F; f++)
					if (truth[n]![f]) {
						pos[slot * F + f]! += x;
						posTotal[f]! += x;
					}
			}
			if (++done % STEP === 0) yield done / steps;
		}
		const a = o.smoothing;
		for (let f = 0; f < F; f++) {
			const logPos = Math.log(posTotal[f]! + a * dims);
			const logNeg = Math.log(allTotal - posTotal[f]! + a * dims);
			for (let slot = 0; slot < dims; slot++) {
				const p = pos[slot * F + f]!;
				weights[slot * F + f] = Math.log(p + a) - logPos - (Math.log(all[slot]! - p + a) - logNeg);
			}
			const k = positives[f]!;
			bias[f] = Math.log((k + 1) / (items.length - k + 1));
			yield (items.length * (2 + (f + 1) / F)) / steps;
		}
		return model;
	}

	// Weights are kept as scale × v, so the L2 shrink of every weight is one multiplication.
	const scale = new Float64Array(F).fill(1);
	const positiveWeight = positives.map((k) => (k === 0 ? 1 : Math.sqrt((items.length - k) / k)));
	const random = seeded(o.seed);
	const order = items.map((_, i) => i);
	const z = new Float64Array(F);
	const step = new Float64Array(F);
	let t = 0;
	for (let epoch = 0; epoch < o.epochs; epoch++) {
		shuffle(order, random);
		for (const n of order) {
			const rate = 0.5 / (1 + 0.5 * o.lambda * t++);
			const v = vectors[n]!;
			z.fill(0);
			for (let j = 0; j < v.indices.length; j++) {
				const base = v.indices[j]! * F;
				const x = v.values[j]!;
				for (let f = 0; f < F; f++) z[f]! += weights[base + f]! * x;
			}
			for (let f = 0; f < F; f++) {
				const y = truth[n]![f] ? 1 : 0;
				const g = (sigmoid(z[f]! * scale[f]! + bias[f]!) - y) * (y ? positiveWeight[f]! : 1);
				scale[f]! *= 1 - rate * o.lambda;
				step[f] = (rate * g) / scale[f]!;
				bias[f]! -= rate * g;
			}
			for (let j = 0; j < v.indices.length; j++) {
				const base = v.indices[j]! * F;
				const x = v.values[j]!;
				for (let f = 0; f < F; f++) weights[base + f]! -= step[f]! * x;
			}
			if (scale.some((s) => s < 1e-6)) rescale(weights, F, scale);
			if (++done % STEP === 0) yield done / steps;
		}
	}
	rescale(weights, F, scale);
	return model;
}

function rescale(weights: Float32Array, F: number, scale: Float64Array) {
	for (let i = 0; i < weights.length; i++) weights[i]! *= scale[i % F]!;
	scale.fill(1);
}

/** Runs training to the end. */
export function train(items: readonly TrainingItem[], options: Partial<TrainOptions> = {}, frames?: readonly string[]): SuggestModel {
	const steps = training(items, options, frames);
	for (;;) {
		const next = steps.next();
		if (next.done) return next.value;
	}
}

/** One probability per frame for each text. */
export function suggest(model: SuggestModel, texts: readonly string[]): Suggestions {
	const F = model.frames.length;
	const probabilities = new Float32Array(texts.length * F);
	const z = new Float64Array(F);
	texts.forEach((text, row) => {
		const v = vectorise(text, model.features);
		z.set(model.bias);
		for (let j = 0; j < v.indices.length; j++) {
			const base = v.indices[j]! * F;
			const x = v.values[j]!;
			for (let f = 0; f < F; f++) z[f]! += model.weights[base + f]! * x;
		}
		for (let f = 0; f < F; f++) probabilities[row * F + f] = sigmoid(z[f]!);
	});
	return { frames: model.frames, rows: texts.length, probabilities };
}

/** The frames suggested for one text: probability at or above the threshold. */
export function suggestedFrames(s: Suggestions, row: number, threshold = 0.5): string[] {
	return s.frames.filter((_, f) => s.probabilities[row * s.frames.length + f]! >= threshold);
}

/**
 * The rows the model is least sure of, most unsure first: a row's certainty is how far its most
 * borderline frame is from 0.5. Ties keep row order. `skip` leaves out rows already coded.
 */
export function leastSure(s: Suggestions, count: number, skip: ReadonlySet<number> = new Set()): number[] {
	const F = s.frames.length;
	const margin = new Float64Array(s.rows);
	for (let row = 0; row < s.rows; row++) {
		let m = 0.5;
		for (let f = 0; f < F; f++) m = Math.min(m, Math.abs(s.probabilities[row * F + f]! - 0.5));
		margin[row] = m;
	}
	const rows: number[] = [];
	for (let row = 0; row < s.rows; row++) if (!skip.has(row)) rows.push(row);
	return rows.sort((a, b) => margin[a]! - margin[b]! || a - b).slice(0, count);
}
