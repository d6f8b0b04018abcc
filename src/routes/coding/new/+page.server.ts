import { fail, redirect } from '@sveltejs/kit';
import { originFrom, startCodingSession } from '$lib/server/coding';
import { translate } from '$lib/i18n/catalogue';

// Starting is a POST, so a prefetched or crawled link never creates a session.
export function load({ url }) {
	const origin = originFrom(url.searchParams);
	return { title: origin.title, claims: origin.claims.length, href: origin.href };
}

export const actions = {
	default: async ({ url, cookies, locals }) => {
		const origin = originFrom(url.searchParams);
		if (origin.claims.length === 0) return fail(400, { message: translate(locals.locale, 'coding.new.noClaims') });
		const id = await startCodingSession(origin, cookies, url.protocol === 'https:');
		redirect(303, `/coding/${id}/teacher`);
	}
};
