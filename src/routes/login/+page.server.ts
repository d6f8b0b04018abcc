import { fail, redirect } from '@sveltejs/kit';
import { LoginSchema, safeRedirect } from '$lib/domain/account';
import { loginLimiter, startSession, verifyPassword } from '$lib/server/auth';
import { store } from '$lib/server/storage';
import { fieldErrors, translate } from '$lib/i18n/catalogue';

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next')));
}

export const actions = {
	default: async ({ request, cookies, url, getClientAddress, locals }) => {
		const form = Object.fromEntries(await request.formData());
		const values = { email: String(form.email ?? '') };
		const parsed = LoginSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error.issues, locals.locale, values) });
		const key = `${getClientAddress()}|${parsed.data.email}`;
		const wait = loginLimiter.attempt(key);
		if (wait > 0) {
			return fail(429, {
				values,
				errors: { form: translate(locals.locale, wait > 60 ? 'login.tooMany' : 'login.tooManyOne', { minutes: Math.ceil(wait / 60) }) }
			});
		}
		const db = await store();
		const user = await db.userByEmail(parsed.data.email);
		// The same message whether the email or the password is wrong, so accounts cannot be probed.
		if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
			return fail(400, { values, errors: { form: translate(locals.locale, 'login.mismatch') } });
		}
		loginLimiter.reset(key);
		await startSession(db, user, cookies, url.protocol === 'https:');
		redirect(303, safeRedirect(url.searchParams.get('next')));
	}
};
