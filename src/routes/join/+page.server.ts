import { fail, redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/classroom/coding';
import { formatResumeCode } from '$lib/domain/classroom/classes';
import { joinClass, resume } from '$lib/server/classes';
import { joinLimiter } from '$lib/server/coding';
import { translate } from '$lib/i18n/catalogue';

export function load({ url }) {
	return { code: normaliseJoinCode(url.searchParams.get('code') ?? '') };
}

export const actions = {
	join: async ({ request, cookies, url, getClientAddress, locals }) => {
		const form = await request.formData();
		const code = normaliseJoinCode(String(form.get('code') ?? ''));
		const nickname = String(form.get('nickname') ?? '');
		const address = getClientAddress();
		const wait = joinLimiter.waiting(address);
		if (wait > 0)
			return fail(429, { action: 'join', code, nickname, message: translate(locals.locale, 'coding.join.wait', { seconds: wait }) });
		const result = await joinClass(code, nickname, cookies, url.protocol === 'https:');
		if (!result.ok) {
			if (result.problem === 'unknown') joinLimiter.attempt(address);
			const message =
				result.problem === 'unknown'
					? translate(locals.locale, 'classes.join.unknown')
					: result.problem === 'taken'
						? translate(locals.locale, 'classes.join.taken')
						: result.problem;
			return fail(400, { action: 'join', code, nickname, message });
		}
		return { action: 'joined', classId: result.classId, resumeCode: formatResumeCode(result.resumeCode) };
	},
	resume: async ({ request, cookies, url, getClientAddress, locals }) => {
		const code = String((await request.formData()).get('resume') ?? '');
		const address = getClientAddress();
		const wait = joinLimiter.waiting(address);
		if (wait > 0) return fail(429, { action: 'resume', message: translate(locals.locale, 'coding.join.wait', { seconds: wait }) });
		const classId = await resume(code, cookies, url.protocol === 'https:');
		if (!classId) {
			joinLimiter.attempt(address);
			return fail(404, { action: 'resume', message: translate(locals.locale, 'classes.resume.unknown') });
		}
		redirect(303, `/classes/${classId}/learn`);
	}
};
