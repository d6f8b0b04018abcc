import { error } from '@sveltejs/kit';
import {
	debrief,
	phasesOf,
	type ClassAnswer,
	type ClassAssignment,
	type ClassStudent,
	type Phase
} from '$lib/domain/classroom/class-results';
import type { CodingSessionRecord } from './storage/types';
import type { ClassRecord } from './storage/classes';
import { blindItem } from '$lib/domain/classroom/coding';
import { claimsById, claimSummaries, classData, frameIds, projectCoding } from './classes';
import { codebook, sessionCodings } from './coding';

/**
 * The debrief after blind coding, for a class's assignment and for a live session alike: both
 * come down to students who coded the same claims, so one computation serves the page, the
 * presentation and both kinds of coding.
 */

/** How many of the most disputed claims the debrief sets beside the project's coding. */
const MOST_DISPUTED = 5;

export function debriefOf(assignment: ClassAssignment, phase: Phase, students: readonly ClassStudent[], answers: readonly ClassAnswer[]) {
	const claims = claimSummaries(assignment.claimIds);
	const byId = claimsById();
	const result = debrief(assignment, phase, students, answers, projectCoding(assignment.claimIds), frameIds());
	return {
		result,
		disputed: result.disagreements.slice(0, MOST_DISPUTED).map((d) => ({
			...d,
			n: assignment.claimIds.indexOf(d.claimId) + 1,
			claim: claims[d.claimId],
			// The words in full for the projector, still without the speaker until the reveal step.
			blind: byId.has(d.claimId) ? blindItem(byId.get(d.claimId)!) : undefined,
			chosen: answers.filter((a) => a.assignmentId === assignment.id && a.phase === phase && a.claimId === d.claimId).map((a) => a.frames)
		})),
		frames: codebook()
	};
}

export type DebriefData = ReturnType<typeof debriefOf>;

/** An assignment's debrief for the phase asked for (the first when none or an unknown one is). */
export async function assignmentDebrief(klass: ClassRecord, assignmentId: string, asked: string | null | undefined) {
	const { students, assignments, answers } = await classData(klass);
	const assignment = assignments.find((a) => a.id === assignmentId);
	if (!assignment || assignment.kind === 'deck') error(404, 'There is no such assignment to debrief in this class.');
	const phases = phasesOf(assignment.kind);
	const phase = phases.find((p) => p === asked) ?? phases[0]!;
	return {
		klass: { id: klass.id, name: klass.name },
		assignment: { id: assignment.id, title: assignment.title, kind: assignment.kind },
		phases,
		phase,
		...debriefOf(assignment, phase, students, answers)
	};
}

/** A live session's debrief: its students are the coders, its claims the assignment. */
export async function sessionDebrief(session: CodingSessionRecord) {
	const { coders, answers } = await sessionCodings(session);
	const assignment: ClassAssignment = { id: session.id, kind: 'coding', title: session.title, claimIds: session.claimIds };
	return debriefOf(
		assignment,
		'main',
		coders,
		answers.map((a) => ({ assignmentId: session.id, studentId: a.studentId, phase: 'main' as const, claimId: a.claimId, frames: a.frames }))
	);
}
