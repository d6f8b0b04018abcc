import type { Ledger } from '$lib/domain/ledger/ledger';
import { evaluate, type Evaluation } from '$lib/domain/suggest/evaluation';
import { bundledTrainingItems } from '$lib/domain/suggest/ledger';

export const FOLDS = 5;
export const SEED = 1;

/** The cross-validated report on the bundled ledger, with naive Bayes on the same folds for the choice of method. */
export function bundledEvaluation(ledger: Pick<Ledger, 'claims' | 'coverage' | 'frames'>): Evaluation {
	return evaluate(bundledTrainingItems(ledger), ledger.frames, { k: FOLDS, seed: SEED, compare: ['naive-bayes'] });
}
