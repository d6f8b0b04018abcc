import { scoreAnswer } from './exercise';
import { gwetAc1, meanOf, nominalAlpha, perLabelAlpha, type AlphaResult, type LabelSet } from './agreement';

/**
 * A class's results, computed from stored answers alone so that the dashboard, the printable
 * report, the CSV and the debrief are one computation. Scores are the guess-the-frame scores
 * (overlap over union with the project's coding), as whole-number percentages.
 */

/**
 * An exercise is scored against the project's coding as the student goes; a pre/post check is an
 * exercise taken twice; a coding sample is coded blind for the class's agreement, the project's
 * coding kept for the debrief; a deck is read, step by step.
 */
export type AssignmentKind = 'exercise' | 'prepost' | 'coding' | 'deck';
export const ASSIGNMENT_KINDS: readonly AssignmentKind[] = ['exercise', 'prepost', 'coding', 'deck'];
/** An exercise is taken once ('main'); a pre/post check twice, before and after the unit. */
export type Phase = 'main' | 'pre' | 'post';

export interface ClassStudent {
	id: string;
	nickname: string;
}

export interface ClassAssignment {
	id: string;
	kind: AssignmentKind;
	title: string;
	claimIds: string[];
}

export interface ClassAnswer {
	assignmentId: string;
	studentId: string;
	phase: Phase;
	claimId: string;
	frames: string[];
}

export type Progress = 'not-started' | 'started' | 'finished';

/** How far a student has read a deck: the furthest step they reached, 1-based. */
export interface ClassReading {
	assignmentId: string;
	studentId: string;
	furthest: number;
}

/** A deck's progress is the furthest step reached over its steps; reading back does not undo it. */
export function readingProgress(furthest: number, steps: number): { progress: Progress; percent: number } {
	const reached = Math.min(Math.max(Math.floor(furthest), 0), steps);
	if (steps <= 0 || reached === 0) return { progress: 'not-started', percent: 0 };
	return { progress: reached === steps ? 'finished' : 'started', percent: Math.round((100 * reached) / steps) };
}

export function furthestStep(readings: readonly ClassReading[], assignmentId: string, studentId: string): number {
	return readings.find((r) => r.assignmentId === assignmentId && r.studentId === studentId)?.furthest ?? 0;
}

export function phasesOf(kind: AssignmentKind): Phase[] {
	return kind === 'prepost' ? ['pre', 'post'] : ['main'];
}

const percent = (scores: number[]) => (scores.length === 0 ? null : Math.round((100 * scores.reduce((a, b) => a + b, 0)) / scores.length));

function answersOf(answers: readonly ClassAnswer[], assignmentId: string, phase: Phase, studentId?: string) {
	return answers.filter(
		(a) => a.assignmentId === assignmentId && a.phase === phase && (studentId === undefined || a.studentId === studentId)
	);
}

export function progress(assignment: ClassAssignment, phase: Phase, studentId: string, answers: readonly ClassAnswer[]): Progress {
	const mine = new Set(answersOf(answers, assignment.id, phase, studentId).map((a) => a.claimId));
	const done = assignment.claimIds.filter((id) => mine.has(id)).length;
	return done === 0 ? 'not-started' : done === assignment.claimIds.length ? 'finished' : 'started';
}

/** The first claim the student has not answered yet; undefined when every claim is answered. */
export function nextClaim(assignment: ClassAssignment, phase: Phase, studentId: string, answers: readonly ClassAnswer[]) {
	const mine = new Set(answersOf(answers, assignment.id, phase, studentId).map((a) => a.claimId));
	return assignment.claimIds.find((id) => !mine.has(id));
}

/** The student's mean score over the claims they answered; null before the first answer. */
export function studentScore(
	assignment: ClassAssignment,
	phase: Phase,
	studentId: string,
	answers: readonly ClassAnswer[],
	coded: Readonly<Record<string, readonly string[]>>
): number | null {
	return percent(answersOf(answers, assignment.id, phase, studentId).map((a) => scoreAnswer(a.frames, coded[a.claimId] ?? []).score));
}

/** Per claim: how many answered and the class's mean score on it. */
export function itemScores(
	assignment: ClassAssignment,
	phase: Phase,
	answers: readonly ClassAnswer[],
	coded: Readonly<Record<string, readonly string[]>>
): { claimId: string; answered: number; percent: number | null }[] {
	const mine = answersOf(answers, assignment.id, phase);
	return assignment.claimIds.map((claimId) => {
		const scores = mine.filter((a) => a.claimId === claimId).map((a) => scoreAnswer(a.frames, coded[claimId] ?? []).score);
		return { claimId, answered: scores.length, percent: percent(scores) };
	});
}

/**
 * Frame × frame: for the answers on claims the project coded with frame `row`, how many ticked
 * frame `column`. The diagonal is the hits; a row's total is the answers it counts, and the
 * "none" column counts answers that ticked none of the listed frames.
 */
export interface Confusion {
	frames: string[];
	cells: Record<string, Record<string, number>>;
	totals: Record<string, number>;
}

export function confusion(
	answers: readonly Pick<ClassAnswer, 'claimId' | 'frames'>[],
	coded: Readonly<Record<string, readonly string[]>>,
	frames: readonly string[]
): Confusion {
	const cells: Record<string, Record<string, number>> = {};
	const totals: Record<string, number> = {};
	for (const row of frames) {
		cells[row] = Object.fromEntries([...frames, 'none'].map((column) => [column, 0]));
		totals[row] = 0;
	}
	for (const answer of answers) {
		const chosen = answer.frames.filter((f) => frames.includes(f));
		for (const row of coded[answer.claimId] ?? []) {
			if (!(row in cells)) continue;
			totals[row]! += 1;
			if (chosen.length === 0) cells[row]!.none! += 1;
			for (const column of chosen) cells[row]![column]! += 1;
		}
	}
	return { frames: [...frames], cells, totals };
}

export interface PrePostRow {
	studentId: string;
	pre: number | null;
	post: number | null;
	/** Percentage points, post − pre; null unless the student finished both. */
	change: number | null;
}

/**
 * Change per student and for the class. Only students who finished both checks count towards the
 * class means, so that a student who skipped one does not move the class's change.
 */
export function prePost(
	assignment: ClassAssignment,
	students: readonly ClassStudent[],
	answers: readonly ClassAnswer[],
	coded: Readonly<Record<string, readonly string[]>>
): { rows: PrePostRow[]; class: { pre: number | null; post: number | null; change: number | null; students: number } } {
	const rows = students.map((s): PrePostRow => {
		const both = ['pre', 'post'].every((p) => progress(assignment, p as Phase, s.id, answers) === 'finished');
		const pre = studentScore(assignment, 'pre', s.id, answers, coded);
		const post = studentScore(assignment, 'post', s.id, answers, coded);
		return { studentId: s.id, pre, post, change: both && pre !== null && post !== null ? post - pre : null };
	});
	const complete = rows.filter((r) => r.change !== null);
	const mean = (values: number[]) =>
		values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
	const pre = mean(complete.map((r) => r.pre!));
	const post = mean(complete.map((r) => r.post!));
	return {
		rows,
		class: { pre, post, change: pre === null || post === null ? null : Math.round((post - pre) * 10) / 10, students: complete.length }
	};
}

/** Mean Jaccard similarity over every pair of students who answered the claim; 1 − it is their disagreement. */
export function pairwiseDisagreement(sets: readonly (readonly string[])[]): number | null {
	let pairs = 0;
	let similarity = 0;
	for (let i = 0; i < sets.length; i++)
		for (let j = i + 1; j < sets.length; j++) {
			pairs += 1;
			similarity += scoreAnswer(sets[i]!, sets[j]!).score;
		}
	return pairs === 0 ? null : 1 - similarity / pairs;
}

/** How many chose each frame, most chosen first (ties in the order first chosen). */
export function tallyFrames(sets: readonly (readonly string[])[]): [string, number][] {
	const counts = new Map<string, number>();
	for (const set of sets) for (const frame of set) counts.set(frame, (counts.get(frame) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1]);
}

export interface Debrief {
	coders: number;
	/** `ticks`: how many answers chose the frame. */
	perFrame: { frame: string; alpha: AlphaResult; ac1: number | null; ticks: number }[];
	alpha: number | null;
	ac1: number | null;
	confusion: Confusion;
	/** Claims answered by two or more, most disagreement first. */
	disagreements: { claimId: string; answered: number; disagreement: number }[];
}

/** Agreement among students who answered the same claims of one assignment phase. */
export function debrief(
	assignment: ClassAssignment,
	phase: Phase,
	students: readonly ClassStudent[],
	answers: readonly ClassAnswer[],
	coded: Readonly<Record<string, readonly string[]>>,
	frames: readonly string[]
): Debrief {
	const mine = answersOf(answers, assignment.id, phase);
	const coders = students.filter((s) => mine.some((a) => a.studentId === s.id));
	const units: LabelSet[][] = assignment.claimIds.map((claimId) =>
		coders.map((s) => mine.find((a) => a.studentId === s.id && a.claimId === claimId)?.frames ?? null)
	);
	const alphas = perLabelAlpha(units, frames);
	const perFrame = frames.map((frame) => {
		const binary = units.map((unit) => unit.map((set) => (set === null ? null : set.includes(frame))));
		const ticks = binary.reduce((sum, unit) => sum + unit.filter(Boolean).length, 0);
		return { frame, alpha: alphas.perLabel[frame] ?? nominalAlpha([]), ac1: gwetAc1(binary), ticks };
	});
	const disagreements = assignment.claimIds
		.map((claimId) => {
			const sets = mine.filter((a) => a.claimId === claimId).map((a) => a.frames);
			return { claimId, answered: sets.length, disagreement: pairwiseDisagreement(sets) };
		})
		.filter((d): d is { claimId: string; answered: number; disagreement: number } => d.disagreement !== null)
		.sort((a, b) => b.disagreement - a.disagreement || assignment.claimIds.indexOf(a.claimId) - assignment.claimIds.indexOf(b.claimId));
	return {
		coders: coders.length,
		perFrame,
		alpha: alphas.mean,
		// Over the frames someone ticked, as alpha's mean is: a frame nobody chose has AC1 1 and
		// would lift the overall figure for every frame a codebook has and the class never used.
		ac1: meanOf(perFrame.filter((f) => f.ticks > 0).map((f) => f.ac1)),
		confusion: confusion(mine, coded, frames),
		disagreements
	};
}
