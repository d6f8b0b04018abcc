import { describe, expect, it } from 'vitest';
import { gwetAc1 } from '../../src/lib/domain/classroom/agreement';
import {
	confusion,
	debrief,
	itemScores,
	nextClaim,
	pairwiseDisagreement,
	prePost,
	furthestStep,
	progress,
	readingProgress,
	studentScore,
	tallyFrames,
	type ClassAnswer,
	type ClassAssignment
} from '../../src/lib/domain/classroom/class-results';
import { ClassFormSchema, deleteAfter, formatResumeCode, normaliseResumeCode, retentionDate } from '../../src/lib/domain/classroom/classes';

describe("Gwet's AC1 for a binary frame", () => {
	it('matches a two-coder case computed by hand: p_a = 3/4, π = 3/8, p_e = 15/32, AC1 = 9/17', () => {
		const units = [
			[true, true],
			[true, false],
			[false, false],
			[false, false]
		];
		expect(gwetAc1(units)).toBeCloseTo(9 / 17, 12);
	});

	it('leaves out units with fewer than two codes: p_a = 2/3, π = 1/3, p_e = 4/9, AC1 = 0.4', () => {
		const units = [
			[true, true, false],
			[false, false, null],
			[true, null, null]
		];
		expect(gwetAc1(units)).toBeCloseTo(0.4, 12);
	});

	it('is 1 when nobody ticks the frame (where alpha is undefined) and −1 for complete disagreement', () => {
		expect(
			gwetAc1([
				[false, false, false],
				[false, false, false]
			])
		).toBe(1);
		expect(
			gwetAc1([
				[true, false],
				[false, true]
			])
		).toBe(-1);
	});

	it('is undefined without a unit coded twice', () => {
		expect(
			gwetAc1([
				[true, null],
				[null, false]
			])
		).toBeNull();
		expect(gwetAc1([])).toBeNull();
	});
});

describe('retention and codes', () => {
	it('keeps a class 30 days after its term ends, across a year end', () => {
		expect(retentionDate('2026-06-30')).toBe('2026-07-30');
		expect(retentionDate('2026-12-15')).toBe('2027-01-14');
		expect(deleteAfter('2026-06-30')).toBe(Date.UTC(2026, 6, 30));
	});

	it('accepts only real calendar dates as a term end', () => {
		expect(ClassFormSchema.safeParse({ name: '9B', termEnd: '2026-06-30' }).success).toBe(true);
		expect(ClassFormSchema.safeParse({ name: '9B', termEnd: '2026-02-30' }).success).toBe(false);
		expect(ClassFormSchema.safeParse({ name: ' ', termEnd: '2026-06-30' }).success).toBe(false);
	});

	it('shows resume codes in groups of five and reads them back however typed', () => {
		expect(formatResumeCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
		expect(normaliseResumeCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
	});
});

// The project coded c1 with frame a, c2 with a and b, c3 with b.
const coded = { c1: ['a'], c2: ['a', 'b'], c3: ['b'] };
const frames = ['a', 'b', 'c'];
const students = [
	{ id: 's1', nickname: 'Ada' },
	{ id: 's2', nickname: 'Bo' },
	{ id: 's3', nickname: 'Cy' }
];
const exercise: ClassAssignment = { id: 'A', kind: 'exercise', title: 'Exercise', claimIds: ['c1', 'c2', 'c3'] };
const check: ClassAssignment = { id: 'P', kind: 'prepost', title: 'Check', claimIds: ['c1', 'c3'] };
const a = (assignmentId: string, studentId: string, phase: ClassAnswer['phase'], claimId: string, chosen: string[]): ClassAnswer => ({
	assignmentId,
	studentId,
	phase,
	claimId,
	frames: chosen
});
const answers: ClassAnswer[] = [
	a('A', 's1', 'main', 'c1', ['a']), // 1
	a('A', 's1', 'main', 'c2', ['a']), // 1/2
	a('A', 's1', 'main', 'c3', ['b']), // 1
	a('A', 's2', 'main', 'c1', ['b']), // 0
	a('A', 's2', 'main', 'c2', ['a', 'b']), // 1
	a('P', 's1', 'pre', 'c1', ['b']), // 0
	a('P', 's1', 'pre', 'c3', ['b']), // 1
	a('P', 's1', 'post', 'c1', ['a']), // 1
	a('P', 's1', 'post', 'c3', ['b']), // 1
	a('P', 's2', 'pre', 'c1', ['a']), // 1
	a('P', 's2', 'pre', 'c3', ['a']), // 0
	a('P', 's2', 'post', 'c1', ['a']), // 1
	a('P', 's2', 'post', 'c3', ['a', 'b']), // 1/2
	a('P', 's3', 'pre', 'c1', ['a']) // 1
];

describe('class results', () => {
	it('tells who started and finished, and where each student resumes', () => {
		expect(students.map((s) => progress(exercise, 'main', s.id, answers))).toEqual(['finished', 'started', 'not-started']);
		expect(nextClaim(exercise, 'main', 's2', answers)).toBe('c3');
		expect(nextClaim(exercise, 'main', 's1', answers)).toBeUndefined();
		expect(progress(check, 'post', 's3', answers)).toBe('not-started');
	});

	it('scores each student and each claim', () => {
		// s1: (1 + 1/2 + 1) / 3 = 83.3 %; s2: (0 + 1) / 2 = 50 %.
		expect(students.map((s) => studentScore(exercise, 'main', s.id, answers, coded))).toEqual([83, 50, null]);
		expect(itemScores(exercise, 'main', answers, coded)).toEqual([
			{ claimId: 'c1', answered: 2, percent: 50 },
			{ claimId: 'c2', answered: 2, percent: 75 },
			{ claimId: 'c3', answered: 1, percent: 100 }
		]);
	});

	it("crosses the project's frames with the frames students chose", () => {
		const table = confusion(
			answers.filter((x) => x.assignmentId === 'A'),
			coded,
			frames
		);
		expect(table.cells).toEqual({
			a: { a: 3, b: 2, c: 0, none: 0 },
			b: { a: 2, b: 2, c: 0, none: 0 },
			c: { a: 0, b: 0, c: 0, none: 0 }
		});
		expect(table.totals).toEqual({ a: 4, b: 3, c: 0 });
		expect(confusion([{ claimId: 'c3', frames: ['x'] }], coded, frames).cells.b).toEqual({ a: 0, b: 0, c: 0, none: 1 });
	});

	it('measures the pre/post change per student and over students who took both', () => {
		const result = prePost(check, students, answers, coded);
		expect(result.rows).toEqual([
			{ studentId: 's1', pre: 50, post: 100, change: 50 },
			{ studentId: 's2', pre: 50, post: 75, change: 25 },
			{ studentId: 's3', pre: 100, post: null, change: null }
		]);
		expect(result.class).toEqual({ pre: 50, post: 87.5, change: 37.5, students: 2 });
	});

	it('debriefs agreement per frame: alpha and AC1 beside it, and the claims most disputed', () => {
		const result = debrief(exercise, 'main', students, answers, coded, frames);
		expect(result.coders).toBe(2);
		const byFrame = Object.fromEntries(result.perFrame.map((f) => [f.frame, f]));
		// Frame a: units (T,F), (T,T); c3 has one code. Alpha 0; AC1: p_a 1/2, π 3/4, p_e 3/8 → 0.2.
		expect(byFrame.a!.alpha.alpha).toBeCloseTo(0, 12);
		expect(byFrame.a!.ac1).toBeCloseTo(0.2, 12);
		// Frame b: (F,T), (F,T): alpha −0.5, AC1 −1.
		expect(byFrame.b!.alpha.alpha).toBeCloseTo(-0.5, 12);
		expect(byFrame.b!.ac1).toBeCloseTo(-1, 12);
		// Frame c: never ticked: alpha undefined, AC1 1.
		expect(byFrame.c!.alpha.alpha).toBeNull();
		expect(byFrame.c!.ac1).toBe(1);
		expect(result.alpha).toBeCloseTo(-0.25, 12);
		// Overall over the frames someone ticked (a and b), like alpha's mean.
		expect(result.ac1).toBeCloseTo(-0.4, 12);
		expect(result.disagreements).toEqual([
			{ claimId: 'c1', answered: 2, disagreement: 1 },
			{ claimId: 'c2', answered: 2, disagreement: 0.5 }
		]);
	});

	it('measures disagreement on a claim as 1 − mean pairwise overlap', () => {
		// Pairs: {a}{a} 1, {a}{a,b} 1/2, {a}{a,b} 1/2 → mean 2/3.
		expect(pairwiseDisagreement([['a'], ['a'], ['a', 'b']])).toBeCloseTo(1 / 3, 12);
		expect(pairwiseDisagreement([['a']])).toBeNull();
	});
});

describe('reading a deck', () => {
	it('counts the furthest step reached over the steps, as a whole percentage', () => {
		expect(readingProgress(0, 12)).toEqual({ progress: 'not-started', percent: 0 });
		expect(readingProgress(1, 12)).toEqual({ progress: 'started', percent: 8 });
		expect(readingProgress(5, 12)).toEqual({ progress: 'started', percent: 42 });
		expect(readingProgress(12, 12)).toEqual({ progress: 'finished', percent: 100 });
		// A deck that lost steps since (or a forged step) cannot read past its end.
		expect(readingProgress(15, 12)).toEqual({ progress: 'finished', percent: 100 });
		expect(readingProgress(3, 0)).toEqual({ progress: 'not-started', percent: 0 });
	});

	it('finds one student’s furthest step on one deck, 0 before they open it', () => {
		const readings = [
			{ assignmentId: 'd1', studentId: 'kit', furthest: 4 },
			{ assignmentId: 'd2', studentId: 'kit', furthest: 9 },
			{ assignmentId: 'd1', studentId: 'lu', furthest: 2 }
		];
		expect(furthestStep(readings, 'd1', 'kit')).toBe(4);
		expect(furthestStep(readings, 'd1', 'lu')).toBe(2);
		expect(furthestStep(readings, 'd2', 'lu')).toBe(0);
	});
});

describe('tallying what students chose', () => {
	it('counts each frame over the answers, most chosen first', () => {
		expect(
			tallyFrames([
				['a', 'b'],
				['b', 'c'],
				['b', 'a']
			])
		).toEqual([
			['b', 3],
			['a', 2],
			['c', 1]
		]);
		expect(tallyFrames([])).toEqual([]);
	});
});
