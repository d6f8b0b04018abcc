import { phasesOf, studentScore } from '$lib/domain/classroom/class-results';
import { assignmentProgress, classes, currentPhase, itemCount, projectCoding, studentClass } from '$lib/server/classes';

export async function load({ params, cookies }) {
	const { klass, student } = await studentClass(params.id, cookies);
	const db = await classes();
	const [assignments, answers, readings] = await Promise.all([
		db.assignments(klass.id),
		db.answers(klass.id, student.id),
		db.readings(klass.id, student.id)
	]);
	return {
		klass: { id: klass.id, name: klass.name },
		nickname: student.nickname,
		assignments: assignments.map((a) => {
			const coded = projectCoding(a.claimIds);
			const total = itemCount(a);
			const phases = phasesOf(a.kind).map((phase) => {
				const { progress, done } = assignmentProgress(a, phase, student.id, answers, readings, total);
				return {
					phase,
					progress,
					answered: done,
					// A coding sample is not a test: its comparison with the project waits for the debrief.
					score: a.kind === 'exercise' || a.kind === 'prepost' ? studentScore(a, phase, student.id, answers, coded) : null
				};
			});
			return {
				id: a.id,
				title: a.title,
				kind: a.kind,
				due: a.due,
				total,
				now: currentPhase(a, student.id, answers),
				phases
			};
		})
	};
}
