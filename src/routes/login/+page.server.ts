import { fail, redirect } from '@sveltejs/kit';
import { LoginSchema, safeRedirect } from '$lib/domain/account';
import { loginSucceeded, loginWait, passwordMatches, sendConfirmation, startSession } from '$lib/server/auth';
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
		const address = getClientAddress();
		const wait = loginWait(address, parsed.data.email);
		if (wait > 0) {
			return fail(429, {
				values,
				errors: { form: translate(locals.locale, wait > 60 ? 'login.tooMany' : 'login.tooManyOne', { minutes: Math.ceil(wait / 60) }) }
			});
		}
		const db = await store();
		const user = await db.userByEmail(parsed.data.email);
		// The same message, after the same work, whether the email or the password is wrong.
		if (!(await passwordMatches(user, parsed.data.password)) || !user) {
			return fail(400, { values, errors: { form: translate(locals.locale, 'login.mismatch') } });
		}
		loginSucceeded(address, parsed.data.email);
		if (!user.verified) {
			await sendConfirmation(db, user, url.origin, locals.locale, undefined, safeRedirect(url.searchParams.get('next')));
			return fail(403, { values, errors: { form: translate(locals.locale, 'login.unconfirmed') } });
		}
		await startSession(db, user, cookies, url.protocol === 'https:');
		redirect(303, safeRedirect(url.searchParams.get('next')));
	}
};
