/**
 * Guess-the-frame scoring. A claim can carry several frames, so an answer is compared as a set:
 * what the student found, missed, and added. The per-claim score is the overlap divided by the
 * union (Jaccard), so ticking every box scores no better than ticking none of the wrong ones.
 */
export interface AnswerResult {
	correct: string[];
	missed: string[];
	extra: string[];
	exact: boolean;
	/** 0..1 */
	score: number;
}

export function scoreAnswer(chosen: readonly string[], coded: readonly string[]): AnswerResult {
	const picked = new Set(chosen);
	const truth = new Set(coded);
	const correct = coded.filter((c) => picked.has(c));
	const missed = coded.filter((c) => !picked.has(c));
	const extra = [...picked].filter((c) => !truth.has(c));
	const union = correct.length + missed.length + extra.length;
	return {
		correct,
		missed,
		extra,
		exact: missed.length === 0 && extra.length === 0,
		score: union === 0 ? 1 : correct.length / union
	};
}

export interface ExerciseSummary {
	answered: number;
	exact: number;
	correct: number;
	missed: number;
	extra: number;
	/** Whole-number percentage of the mean per-claim score. */
	percent: number;
}

export function summariseExercise(results: readonly AnswerResult[]): ExerciseSummary {
	const sum = (f: (r: AnswerResult) => number) => results.reduce((total, r) => total + f(r), 0);
	return {
		answered: results.length,
		exact: results.filter((r) => r.exact).length,
		correct: sum((r) => r.correct.length),
		missed: sum((r) => r.missed.length),
		extra: sum((r) => r.extra.length),
		percent: results.length === 0 ? 0 : Math.round((100 * sum((r) => r.score)) / results.length)
	};
}

/** Stored progress is read back defensively: sessionStorage may hold an older or edited value. */
export function readProgress(raw: string | null, claimIds: readonly string[]): Record<string, string[]> {
	if (!raw) return {};
	try {
		const parsed: unknown = JSON.parse(raw);
		if (typeof parsed !== 'object' || parsed === null) return {};
		const out: Record<string, string[]> = {};
		for (const claimId of claimIds) {
			const value = (parsed as Record<string, unknown>)[claimId];
			if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[claimId] = value;
		}
		return out;
	} catch {
		return {};
	}
}
