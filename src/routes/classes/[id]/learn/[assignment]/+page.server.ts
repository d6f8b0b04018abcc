import { error, fail } from '@sveltejs/kit';
import { blindItem } from '$lib/domain/classroom/coding';
import { nextClaim, phasesOf, studentScore } from '$lib/domain/classroom/class-results';
import { scoreAnswer } from '$lib/domain/classroom/exercise';
import { clampStep } from '$lib/domain/classroom/presentation';
import { assignedDeck, claimsById, classes, currentPhase, projectCoding, studentClass } from '$lib/server/classes';
import { answersTo, codingChoices } from '$lib/server/coding';
import { translate } from '$lib/i18n/catalogue';

async function open(classId: string, assignmentId: string, cookies: Parameters<typeof studentClass>[1]) {
	const { klass, student } = await studentClass(classId, cookies);
	const db = await classes();
	const assignment = (await db.assignments(klass.id)).find((a) => a.id === assignmentId);
	if (!assignment) error(404, 'There is no such assignment in your class.');
	return { klass, student, assignment, answers: await db.answers(klass.id, student.id), db };
}

/**
 * A deck opens where the student left off, or at the step in the address. Reaching a step is what
 * progress counts, so showing it records it; the reader's Next link is preloaded only on tap, so a
 * step is recorded when it is opened, not when the pointer passes over the link.
 */
async function readDeck({ klass, student, assignment, db }: Awaited<ReturnType<typeof open>>, asked: string | null) {
	const { steps, frames } = assignedDeck(assignment.source);
	const furthest = (await db.readings(klass.id, student.id)).find((r) => r.assignmentId === assignment.id)?.furthest ?? 0;
	const step = clampStep(asked ?? String(Math.max(furthest, 1)), steps.length);
	await db.saveReading(klass.id, { assignmentId: assignment.id, studentId: student.id, furthest: step });
	return {
		klass: { id: klass.id, name: klass.name },
		assignment: { id: assignment.id, title: assignment.title, kind: assignment.kind, total: steps.length },
		reading: { step, current: steps[step - 1]!, furthest: Math.max(furthest, step), frames }
	};
}

export async function load({ params, cookies, url }) {
	const opened = await open(params.id, params.assignment, cookies);
	if (opened.assignment.kind === 'deck') return readDeck(opened, url.searchParams.get('step'));
	const { klass, student, assignment, answers } = opened;
	const hideProject = assignment.kind === 'coding';
	const now = currentPhase(assignment, student.id, answers);
	const byId = claimsById();
	const coded = projectCoding(assignment.claimIds);
	const claimId = now === 'waiting' || now === 'done' ? undefined : nextClaim(assignment, now, student.id, answers);
	const claim = claimId ? byId.get(claimId) : undefined;
	const { choices, frames } = codingChoices();
	return {
		klass: { id: klass.id, name: klass.name },
		assignment: { id: assignment.id, title: assignment.title, kind: assignment.kind, total: assignment.claimIds.length },
		phase: now,
		item: claim ? blindItem(claim) : null,
		position: claimId ? assignment.claimIds.indexOf(claimId) + 1 : null,
		answered:
			now === 'waiting' || now === 'done' ? null : answers.filter((a) => a.assignmentId === assignment.id && a.phase === now).length,
		choices,
		frames,
		reading: null,
		// The project's coding is shown only once the student has answered everything it would give away,
		// and for a coding sample not at all: the teacher reveals it in the debrief.
		results:
			now === 'done'
				? phasesOf(assignment.kind).map((phase) => ({
						phase,
						score: hideProject ? null : studentScore(assignment, phase, student.id, answers, coded),
						claims: assignment.claimIds.flatMap((id) => {
							const c = byId.get(id);
							const mine = answers.find((a) => a.assignmentId === assignment.id && a.phase === phase && a.claimId === id);
							if (!c || !mine) return [];
							return [
								{
									item: blindItem(c),
									// Answered, a guess-the-frame claim is shown as everywhere else: who said it, when, where, with its
									// source and the perspectives on it. A coding sample's stay blind until the teacher's debrief.
									revealed: hideProject ? null : { claim: c, perspectives: answersTo(c) },
									chosen: mine.frames,
									coded: hideProject ? null : c.frame_codes,
									score: hideProject ? null : Math.round(100 * scoreAnswer(mine.frames, c.frame_codes).score)
								}
							];
						})
					}))
				: []
	};
}

export const actions = {
	answer: async ({ params, cookies, request, locals }) => {
		const { student, assignment, answers, db, klass } = await open(params.id, params.assignment, cookies);
		const form = await request.formData();
		const claim = String(form.get('claim') ?? '');
		const phase = currentPhase(assignment, student.id, answers);
		if (phase === 'waiting' || phase === 'done' || !assignment.claimIds.includes(claim))
			return fail(409, { claim, message: translate(locals.locale, 'classes.learn.closed') });
		const frames = form.getAll('frames');
		// Codebook order, unknown codes dropped: the stored answer is the same whatever the form sent.
		const chosen = codingChoices()
			.choices.map((f) => f.id)
			.filter((id) => frames.includes(id));
		if (chosen.length === 0) return fail(400, { claim, message: translate(locals.locale, 'classes.learn.chooseOne') });
		await db.saveAnswer(klass.id, { assignmentId: assignment.id, studentId: student.id, phase, claimId: claim, frames: chosen });
		return { claim, saved: true };
	}
};
