import { messagesFor } from '$lib/i18n/catalogue';

export function load({ locals }) {
	return { user: locals.user, locale: locals.locale, messages: messagesFor(locals.locale) };
}
