import { redirect } from '@sveltejs/kit';
import { safeRedirect } from '$lib/domain/account';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n/catalogue';

export function load() {
	redirect(303, '/');
}

export const actions = {
	// Remembered for a year in a cookie, so the choice survives visits without an account.
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const lang = form.get('lang');
		if (isLocale(lang)) {
			cookies.set(LOCALE_COOKIE, lang, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: 365 * 86_400
			});
		}
		redirect(303, safeRedirect(String(form.get('next') ?? '/'), '/'));
	}
};
