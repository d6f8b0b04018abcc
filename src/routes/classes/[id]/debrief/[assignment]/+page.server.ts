import { error } from '@sveltejs/kit';
import { debrief, phasesOf, type Phase } from '$lib/domain/classroom/class-results';
import { classData, frameIds, teacherClass } from '$lib/server/classes';
import { codebook } from '$lib/server/coding';

/** How many of the most disputed claims the debrief sets beside the project's coding. */
const MOST_DISPUTED = 5;

export async function load({ params, locals, url }) {
	const klass = await teacherClass(params.id, locals.user);
	const { students, assignments, answers, coded, claims } = await classData(klass);
	const assignment = assignments.find((a) => a.id === params.assignment);
	if (!assignment) error(404, 'There is no such assignment in this class.');
	const phases = phasesOf(assignment.kind);
	const asked = url.searchParams.get('phase') as Phase | null;
	const phase = asked && phases.includes(asked) ? asked : phases[0]!;
	const result = debrief(assignment, phase, students, answers, coded, frameIds());
	return {
		klass: { id: klass.id, name: klass.name },
		assignment: { id: assignment.id, title: assignment.title, kind: assignment.kind },
		phases,
		phase,
		result,
		disputed: result.disagreements.slice(0, MOST_DISPUTED).map((d) => ({
			...d,
			n: assignment.claimIds.indexOf(d.claimId) + 1,
			claim: claims[d.claimId],
			chosen: answers.filter((a) => a.assignmentId === assignment.id && a.phase === phase && a.claimId === d.claimId).map((a) => a.frames)
		})),
		frames: codebook()
	};
}
