import { fail, redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/classroom/coding';
import { joinLimiter } from '$lib/server/coding';
import { store } from '$lib/server/storage';
import { translate } from '$lib/i18n/catalogue';

export const actions = {
	default: async ({ request, getClientAddress, locals }) => {
		const code = normaliseJoinCode(String((await request.formData()).get('code') ?? ''));
		const address = getClientAddress();
		const wait = joinLimiter.waiting(address);
		if (wait > 0) return fail(429, { code, message: translate(locals.locale, 'coding.join.wait', { seconds: wait }) });
		const session = code ? await (await store()).codingSessionByJoinCode(code, Date.now()) : undefined;
		if (!session) {
			joinLimiter.attempt(address);
			return fail(404, { code, message: translate(locals.locale, 'coding.join.unknown') });
		}
		redirect(303, `/coding/${session.id}`);
	}
};
