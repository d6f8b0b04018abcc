export function load({ locals }) {
	return { user: locals.user, locale: locals.locale };
}
