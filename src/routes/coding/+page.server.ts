import { fail, redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/coding';
import { joinLimiter } from '$lib/server/coding';
import { store } from '$lib/server/storage';

export const actions = {
	default: async ({ request, getClientAddress }) => {
		const code = normaliseJoinCode(String((await request.formData()).get('code') ?? ''));
		const wait = joinLimiter.attempt(getClientAddress());
		if (wait > 0) return fail(429, { code, message: `Too many tries from this network. Wait ${wait} seconds and try again.` });
		const session = code ? await (await store()).codingSessionByJoinCode(code, Date.now()) : undefined;
		if (!session) return fail(404, { code, message: 'No open session has that code. Check it on the teacher’s screen.' });
		redirect(303, `/coding/${session.id}`);
	}
};
