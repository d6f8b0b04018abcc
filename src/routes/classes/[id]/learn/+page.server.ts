import { progress, phasesOf, studentScore } from '$lib/domain/classroom/class-results';
import { classes, currentPhase, projectCoding, studentClass } from '$lib/server/classes';

export async function load({ params, cookies }) {
	const { klass, student } = await studentClass(params.id, cookies);
	const db = await classes();
	const [assignments, answers] = await Promise.all([db.assignments(klass.id), db.answers(klass.id, student.id)]);
	return {
		klass: { id: klass.id, name: klass.name },
		nickname: student.nickname,
		assignments: assignments.map((a) => {
			const coded = projectCoding(a.claimIds);
			const phases = phasesOf(a.kind).map((phase) => ({
				phase,
				progress: progress(a, phase, student.id, answers),
				answered: answers.filter((x) => x.assignmentId === a.id && x.phase === phase && a.claimIds.includes(x.claimId)).length,
				score: studentScore(a, phase, student.id, answers, coded)
			}));
			return {
				id: a.id,
				title: a.title,
				kind: a.kind,
				due: a.due,
				total: a.claimIds.length,
				now: currentPhase(a, student.id, answers),
				phases
			};
		})
	};
}
