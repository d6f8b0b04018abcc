import type { Handle, ServerInit } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { hashToken, SESSION_COOKIE } from '$lib/server/auth';
import { cacheable, cached, invalidate } from '$lib/server/microcache';
import { store } from '$lib/server/storage';
import { isLocale, LOCALE_COOKIE, negotiate } from '$lib/i18n/catalogue';

// Fail at start-up, with every file:row:column problem listed, rather than on first request;
// open the store too, so a broken database is reported before the first visitor.
export const init: ServerInit = async () => {
	ledger();
	await store();
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const chosen = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(chosen) ? chosen : negotiate(event.request.headers.get('accept-language'));
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const user = await (await store()).sessionUser(hashToken(token), new Date());
		if (user) event.locals.user = { id: user.id, email: user.email, name: user.name };
	}

	const method = event.request.method;
	const render = () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%parallax.lang%', event.locals.locale) });
	// The language is part of the key: the same URL renders differently per language.
	const response = cacheable(event.route.id, event.url, method, event.locals.user === null)
		? await cached(`${event.locals.locale} ${event.request.url}`, async () => render())
		: await render();
	if (method !== 'GET' && method !== 'HEAD' && event.route.id?.includes('datasets')) invalidate();

	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};
