import { perLabelAlpha, type LabelSet } from '../classroom/agreement';
import { words } from './features';
import { DEFAULT_TRAINING, suggest, suggestedFrames, train, type Method, type TrainOptions, type TrainingItem } from './model';
import { seeded, shuffle } from './random';

/**
 * Fold of each item for stratified k-fold cross-validation. Items are multi-label, so each is
 * stratified by its rarest frame (or by having none): within each stratum the items are
 * shuffled with the seed and dealt to the folds in turn, carrying on from one stratum to the
 * next, so every fold gets its share of each rare frame and the folds differ in size by at most one.
 */
export function stratifiedFolds(labels: readonly (readonly string[])[], k: number, seed: number): number[] {
	const frequency = new Map<string, number>();
	for (const set of labels) for (const f of set) frequency.set(f, (frequency.get(f) ?? 0) + 1);
	const rarest = (set: readonly string[]) => [...set].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1))[0] ?? '';
	const strata = new Map<string, number[]>();
	labels.forEach((set, i) => {
		const key = rarest(set);
		strata.set(key, [...(strata.get(key) ?? []), i]);
	});
	const random = seeded(seed);
	const folds = new Array<number>(labels.length);
	let next = 0;
	for (const key of [...strata.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1)))
		for (const i of shuffle(strata.get(key)!, random)) folds[i] = next++ % k;
	return folds;
}

export interface Scores {
	/** Items a human coded with the frame. */
	support: number;
	/** Items predicted to carry it. */
	predicted: number;
	truePositives: number;
	/** null when nothing was predicted. */
	precision: number | null;
	/** null when no item carries the frame. */
	recall: number | null;
	/** null when the frame was neither coded nor predicted. */
	f1: number | null;
}

export function scores(truePositives: number, predicted: number, support: number): Scores {
	return {
		support,
		predicted,
		truePositives,
		precision: predicted === 0 ? null : truePositives / predicted,
		recall: support === 0 ? null : truePositives / support,
		f1: predicted + support === 0 ? null : (2 * truePositives) / (predicted + support)
	};
}

export interface Summary {
	precision: number | null;
	recall: number | null;
	f1: number | null;
}

/** Micro: every decision pooled. */
export function micro(rows: readonly Scores[]): Summary {
	const sum = (pick: (s: Scores) => number) => rows.reduce((a, s) => a + pick(s), 0);
	const s = scores(
		sum((r) => r.truePositives),
		sum((r) => r.predicted),
		sum((r) => r.support)
	);
	return { precision: s.precision, recall: s.recall, f1: s.f1 };
}

/**
 * Macro: the mean over frames that humans coded at least once, each frame counting equally. A
 * frame never predicted counts as precision 0 (it found none of its items), as in scikit-learn.
 */
export function macro(rows: readonly Scores[]): Summary {
	const coded = rows.filter((r) => r.support > 0);
	if (coded.length === 0) return { precision: null, recall: null, f1: null };
	const mean = (pick: (s: Scores) => number) => coded.reduce((a, s) => a + pick(s), 0) / coded.length;
	return { precision: mean((r) => r.precision ?? 0), recall: mean((r) => r.recall ?? 0), f1: mean((r) => r.f1 ?? 0) };
}

export interface CueFrame {
	id: string;
	cues: readonly string[];
}

/**
 * The keyword baseline: a frame is suggested when one of its codebook cues occurs in the text,
 * as consecutive words, each cue word matching the start of a text word (so "provocation" finds
 * "provocations"). The cues are what a coder is told to look for; the baseline says how far
 * looking for them alone gets.
 */
export function keywordBaseline(frames: readonly CueFrame[]): (text: string) => string[] {
	const cues = frames.map((f) => ({ id: f.id, cues: f.cues.map(words).filter((w) => w.length > 0) }));
	return (text) => {
		const ws = words(text);
		const has = (cue: string[]) => ws.some((_, i) => i + cue.length <= ws.length && cue.every((c, j) => ws[i + j]!.startsWith(c)));
		return cues.filter((f) => f.cues.some(has)).map((f) => f.id);
	};
}

export interface FrameReport {
	frame: string;
	model: Scores;
	baseline: Scores;
	/** Krippendorff's α between the human codes and the model's (or baseline's) suggestions. */
	modelAlpha: number | null;
	baselineAlpha: number | null;
}

export interface MethodSummary {
	method: Method;
	micro: Summary;
	macro: Summary;
}

export interface Evaluation {
	items: number;
	k: number;
	seed: number;
	method: Method;
	frames: FrameReport[];
	model: { micro: Summary; macro: Summary; alpha: number | null };
	baseline: { micro: Summary; macro: Summary; alpha: number | null };
	/** Other methods on the same folds, for the choice of method. */
	alternatives: MethodSummary[];
}

/**
 * The suggestion for each item from a model trained on the other folds, plus `background` items
 * that are always trained on and never tested (a project's own articles are tested; the bundled
 * ledger only helps).
 */
export function crossValidatedPredictions(
	items: readonly TrainingItem[],
	frames: readonly string[],
	folds: readonly number[],
	k: number,
	options: Partial<TrainOptions>,
	background: readonly TrainingItem[] = []
): string[][] {
	const predictions: string[][] = items.map(() => []);
	for (let fold = 0; fold < k; fold++) {
		const test = items.flatMap((_, i) => (folds[i] === fold ? [i] : []));
		if (test.length === 0) continue;
		const model = train([...background, ...items.filter((_, i) => folds[i] !== fold)], options, frames);
		const s = suggest(
			model,
			test.map((i) => items[i]!.text)
		);
		test.forEach((i, row) => (predictions[i] = suggestedFrames(s, row)));
	}
	return predictions;
}

function frameScores(items: readonly TrainingItem[], predictions: readonly (readonly string[])[], frame: string): Scores {
	let tp = 0;
	let predicted = 0;
	let support = 0;
	items.forEach((item, i) => {
		const human = item.frames.includes(frame);
		const machine = predictions[i]!.includes(frame);
		if (human) support++;
		if (machine) predicted++;
		if (human && machine) tp++;
	});
	return scores(tp, predicted, support);
}

function agreement(items: readonly TrainingItem[], predictions: readonly (readonly string[])[], frames: readonly string[]) {
	const codings: LabelSet[][] = items.map((item, i) => [item.frames, predictions[i]!]);
	return perLabelAlpha(codings, frames);
}

/**
 * k-fold cross-validation of the model beside the keyword baseline, on the same items. Every
 * item is suggested once, by a model that never saw it; the counts are pooled over the folds.
 */
export function evaluate(
	items: readonly TrainingItem[],
	codebook: readonly CueFrame[],
	{
		k = 5,
		seed = 1,
		options = {},
		compare = [],
		background = []
	}: { k?: number; seed?: number; options?: Partial<TrainOptions>; compare?: Method[]; background?: readonly TrainingItem[] } = {}
): Evaluation {
	const frames = codebook.map((f) => f.id);
	const folds = stratifiedFolds(
		items.map((i) => i.frames),
		k,
		seed
	);
	const method = options.method ?? DEFAULT_TRAINING.method;
	const predicted = crossValidatedPredictions(items, frames, folds, k, options, background);
	const cue = keywordBaseline(codebook);
	const baseline = items.map((i) => cue(i.text));
	const modelAlpha = agreement(items, predicted, frames);
	const baselineAlpha = agreement(items, baseline, frames);
	const rows = frames.map((frame) => ({
		frame,
		model: frameScores(items, predicted, frame),
		baseline: frameScores(items, baseline, frame),
		modelAlpha: modelAlpha.perLabel[frame]!.alpha,
		baselineAlpha: baselineAlpha.perLabel[frame]!.alpha
	}));
	const alternatives = compare.map((other) => {
		const p = crossValidatedPredictions(items, frames, folds, k, { ...options, method: other }, background);
		const s = frames.map((frame) => frameScores(items, p, frame));
		return { method: other, micro: micro(s), macro: macro(s) };
	});
	return {
		items: items.length,
		k,
		seed,
		method,
		frames: rows,
		model: { micro: micro(rows.map((r) => r.model)), macro: macro(rows.map((r) => r.model)), alpha: modelAlpha.mean },
		baseline: { micro: micro(rows.map((r) => r.baseline)), macro: macro(rows.map((r) => r.baseline)), alpha: baselineAlpha.mean },
		alternatives
	};
}
