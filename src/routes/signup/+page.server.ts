import { fail, redirect } from '@sveltejs/kit';
import { SignupSchema, safeRedirect } from '$lib/domain/account';
import { hashPassword, newId, startSession } from '$lib/server/auth';
import { store } from '$lib/server/storage';
import { fieldErrors, translate } from '$lib/i18n/catalogue';

export function load({ locals, url }) {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next')));
}

export const actions = {
	default: async ({ request, cookies, url, locals }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = SignupSchema.safeParse(form);
		const values = { name: String(form.name ?? ''), email: String(form.email ?? '') };
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error.issues, locals.locale, values) });
		const db = await store();
		if (await db.userByEmail(parsed.data.email)) {
			return fail(400, { values, errors: { email: translate(locals.locale, 'signup.taken') } });
		}
		const user = {
			id: newId(),
			email: parsed.data.email,
			name: parsed.data.name,
			passwordHash: await hashPassword(parsed.data.password)
		};
		await db.createUser(user);
		await startSession(db, user, cookies, url.protocol === 'https:');
		redirect(303, safeRedirect(url.searchParams.get('next')));
	}
};
