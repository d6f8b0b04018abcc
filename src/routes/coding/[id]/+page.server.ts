import { fail } from '@sveltejs/kit';
import { answer, codingChoices, currentStudent, join, openSession, sessionCodings, sessionItems } from '$lib/server/coding';
import { translate, translateMessage } from '$lib/i18n/catalogue';

export async function load({ params, cookies }) {
	const session = await openSession(params.id);
	const student = await currentStudent(session, cookies);
	const mine = student ? (await sessionCodings(session)).answers.filter((a) => a.studentId === student.id) : [];
	return {
		id: session.id,
		title: session.title,
		revealed: session.revealed,
		nickname: student?.nickname ?? null,
		items: sessionItems(session),
		answers: Object.fromEntries(mine.map((a) => [a.claimId, a.frames])) as Record<string, string[]>,
		...codingChoices()
	};
}

export const actions = {
	join: async ({ params, request, cookies, url, locals }) => {
		const session = await openSession(params.id);
		const nickname = (await request.formData()).get('nickname');
		const problem = await join(session, nickname, cookies, url.protocol === 'https:');
		if (problem)
			return fail(400, { nickname: typeof nickname === 'string' ? nickname : '', message: translateMessage(locals.locale, problem) });
	},
	answer: async ({ params, request, cookies, locals }) => {
		const session = await openSession(params.id);
		const student = await currentStudent(session, cookies);
		const form = await request.formData();
		const claim = String(form.get('claim') ?? '');
		if (!student) return fail(403, { claim, message: translate(locals.locale, 'coding.student.joinFirst') });
		if (session.revealed) return fail(409, { claim, message: translate(locals.locale, 'coding.student.closed') });
		const problem = await answer(session, student, claim, form.getAll('frames'));
		if (problem) return fail(400, { claim, message: translateMessage(locals.locale, problem) });
		return { claim, saved: true };
	}
};
