import { fail } from '@sveltejs/kit';
import {
	answer,
	codingChoices,
	currentStudent,
	join,
	joinLimiter,
	openSession,
	rejoinCode,
	sessionCodings,
	sessionItems
} from '$lib/server/coding';
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
		rejoinCode: student ? rejoinCode(student) : null,
		items: sessionItems(session),
		answers: Object.fromEntries(mine.map((a) => [a.claimId, a.frames])) as Record<string, string[]>,
		...codingChoices()
	};
}

export const actions = {
	join: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		const session = await openSession(params.id);
		const form = await request.formData();
		const nickname = form.get('nickname');
		const rejoin = form.get('rejoin');
		const typed = typeof nickname === 'string' ? nickname : '';
		// A rejoin code is a secret worth guessing: wrong ones count against the address as wrong join codes do.
		const address = getClientAddress();
		const wait = joinLimiter.waiting(address);
		if (wait > 0) return fail(429, { nickname: typed, message: translate(locals.locale, 'coding.join.wait', { seconds: wait }) });
		const problem = await join(session, nickname, rejoin, cookies, url.protocol === 'https:');
		if (problem?.key === 'coding.error.rejoinWrong') joinLimiter.attempt(address);
		if (problem) return fail(400, { nickname: typed, message: translateMessage(locals.locale, problem) });
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
