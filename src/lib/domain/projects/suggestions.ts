import type { Evaluation, FrameReport } from '../suggest/evaluation';
import type { TrainingItem } from '../suggest/model';
import type { FrameCode, ProjectItem } from './project';

/** What a project's text for the model is: the headline and, when the upload kept one, the article's text. */
export function itemText(item: Pick<ProjectItem, 'title' | 'text'>): string {
	return [item.title, item.text].filter(Boolean).join('\n');
}

/**
 * The project's human codes as training items: one per article with a final code (adjudicated,
 * or agreed by every coder who coded it), with its frames whatever their stance, as for the
 * bundled items. Articles coded once, or still in dispute, are left out: no one has settled them.
 */
export function projectTrainingItems(
	items: readonly ProjectItem[],
	finals: ReadonlyMap<number, Pick<FrameCode, 'frames'>>
): TrainingItem[] {
	return items.flatMap((item) => {
		const final = finals.get(item.position);
		return final ? [{ text: itemText(item), frames: [...final.frames] }] : [];
	});
}

/** What is kept of a trained model beside its suggestions, so anyone reading them knows what made them. */
export interface SuggestionModel {
	/** Epoch milliseconds. */
	trainedAt: number;
	trainedBy: string;
	/** Bundled items plus the project's own coded articles. */
	trainingItems: number;
	/** The project's own coded articles, the ones cross-validated. */
	projectItems: number;
	/** Cross-validated on the project's own coded articles; null when undefined (no frame coded or predicted). */
	microF1: number | null;
	macroF1: number | null;
	codebookId: string;
	codebookVersion: string;
	/** The order of every stored probability row. */
	frames: string[];
	/** The cross-validation report, per frame, beside the keyword baseline. */
	report: ProjectEvaluation;
}

/** The part of a cross-validation shown on a project page. */
export interface ProjectEvaluation {
	k: number;
	seed: number;
	frames: FrameReport[];
	model: Evaluation['model'];
	baseline: Evaluation['baseline'];
}

export interface SuggestionRow {
	position: number;
	/** One per model frame, in `SuggestionModel.frames` order. */
	probabilities: number[];
}

/** The frames a row suggests: a probability of one half or more, as the model was cross-validated. */
export function suggestedOf(frames: readonly string[], probabilities: readonly number[], threshold = 0.5): string[] {
	return frames.filter((_, f) => probabilities[f]! >= threshold);
}

export interface GroupComparison {
	group: string;
	/** Articles with a final human code. */
	humanArticles: number;
	/** Articles with a suggestion. */
	suggestedArticles: number;
	human: Record<string, number>;
	suggested: Record<string, number>;
}

/**
 * Frames per outlet group from the human final codes and from the suggestions side by side, each
 * with the articles it counts over: humans code a sample of the articles, the model all of them,
 * so the two are compared as shares of their own articles, not as raw counts.
 */
export function compareByGroup(
	items: readonly ProjectItem[],
	finals: ReadonlyMap<number, Pick<FrameCode, 'frames'>>,
	suggested: ReadonlyMap<number, readonly string[]>
): GroupComparison[] {
	const groups = new Map<string, GroupComparison>();
	for (const item of items) {
		const human = finals.get(item.position);
		const model = suggested.get(item.position);
		if (!human && !model) continue;
		const g = groups.get(item.group) ?? { group: item.group, humanArticles: 0, suggestedArticles: 0, human: {}, suggested: {} };
		if (human) {
			g.humanArticles++;
			for (const f of human.frames) g.human[f] = (g.human[f] ?? 0) + 1;
		}
		if (model) {
			g.suggestedArticles++;
			for (const f of model) g.suggested[f] = (g.suggested[f] ?? 0) + 1;
		}
		groups.set(item.group, g);
	}
	return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
}

/** Percentage points the suggested share of articles with the frame lies above (or below) the human share; null without both. */
export function shareDifference(g: GroupComparison, frame: string): number | null {
	if (g.humanArticles === 0 || g.suggestedArticles === 0) return null;
	return (100 * (g.suggested[frame] ?? 0)) / g.suggestedArticles - (100 * (g.human[frame] ?? 0)) / g.humanArticles;
}
