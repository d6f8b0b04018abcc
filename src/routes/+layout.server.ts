import { messagesFor } from '$lib/i18n/catalogue';

// Reading route.id makes this load run again on client-side navigation to another route,
// which brings that route's messages.
export function load({ locals, route }) {
	return { user: locals.user, locale: locals.locale, messages: messagesFor(locals.locale, route.id) };
}
