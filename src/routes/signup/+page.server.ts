import { fail, redirect } from '@sveltejs/kit';
import { SignupSchema, safeRedirect } from '$lib/domain/account';
import { hashPassword, newId, sendAlreadyRegistered, sendConfirmation, signupLimiter } from '$lib/server/auth';
import { isGuessable } from '$lib/server/passwords';
import { store } from '$lib/server/storage';
import { fieldErrors, translate } from '$lib/i18n/catalogue';

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next')));
}

export const actions = {
	default: async ({ request, url, locals, getClientAddress }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = SignupSchema.safeParse(form);
		const values = { name: String(form.name ?? ''), email: String(form.email ?? '') };
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error.issues, locals.locale, values) });
		const { name, email, password } = parsed.data;
		if (isGuessable(password, [name, email])) {
			return fail(400, { values, errors: { password: translate(locals.locale, 'signup.weak') } });
		}
		const wait = signupLimiter.attempt(getClientAddress());
		if (wait > 0) {
			return fail(429, { values, errors: { form: translate(locals.locale, 'signup.tooMany', { minutes: Math.ceil(wait / 60) }) } });
		}
		// Whether or not the address has an account, the answer and the work are the same (a hash
		// and a mail), so signing up reveals nothing about who is registered.
		const passwordHash = await hashPassword(password);
		const db = await store();
		const existing = await db.userByEmail(email);
		if (existing?.verified) await sendAlreadyRegistered(email, url.origin, locals.locale);
		else {
			const user = existing ?? { id: newId(), email, name, passwordHash };
			if (!existing) await db.createUser(user);
			// The name and password take effect only when the link is opened, by whoever owns the address.
			await sendConfirmation(db, user, url.origin, locals.locale, { name, passwordHash }, safeRedirect(url.searchParams.get('next')));
		}
		return { sent: email };
	}
};
