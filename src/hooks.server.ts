import type { Handle, ServerInit } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { hashToken, SESSION_COOKIE } from '$lib/server/auth';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheable, cached, cacheKey, invalidate, serveFromCache } from '$lib/server/microcache';
import { SECURITY_HEADERS } from '$lib/server/headers';
import { store } from '$lib/server/storage';
import { startClassPurge } from '$lib/server/classes';
import { LOCALE_COOKIE, localeFor } from '$lib/i18n/catalogue';

// Fail at start-up, with every file:row:column problem listed, rather than on first request;
// open the store too, so a broken database is reported before the first visitor.
export const init: ServerInit = async () => {
	ledger();
	await store();
	await startClassPurge();
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.locale = localeFor(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const user = await (await store()).sessionUser(hashToken(token), new Date());
		if (user) event.locals.user = { id: user.id, email: user.email, name: user.name };
	}

	const method = event.request.method;
	const render = () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%parallax.lang%', event.locals.locale) });
	// event.url drops /__data.json, so the key is built from the request's own URL.
	const response = cacheable(event.route.id, event.url, method, event.locals.user === null)
		? await cached(
				cacheKey(event.locals.locale, new URL(event.request.url)),
				async () => render(),
				event.request.headers.get('accept-encoding')
			)
		: await render();
	if (method !== 'GET' && method !== 'HEAD' && event.route.id?.includes('datasets')) invalidate();

	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
};

/**
 * scripts/serve.js asks this before handing a request to SvelteKit. Only requests that `handle`
 * would treat as anonymous GETs get a key, with the same language choice; anything carrying a
 * session cookie, valid or not, goes through SvelteKit.
 */
function fromCache(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.method !== 'GET' || !req.url?.startsWith('/')) return false;
	const cookies = parseCookies(req.headers.cookie);
	if (cookies.has(SESSION_COOKIE)) return false;
	const locale = localeFor(cookies.get(LOCALE_COOKIE), req.headers['accept-language'] ?? null);
	// Built as adapter-node builds the Request's URL (origin + raw path), so the keys agree.
	return serveFromCache(req, res, cacheKey(locale, new URL(`http://localhost${req.url}`)), SECURITY_HEADERS);
}
(globalThis as Record<symbol, unknown>)[Symbol.for('parallax.fromCache')] = fromCache;

/** Names and values as SvelteKit's cookies.get reads them (quotes dropped, percent-decoded). */
function parseCookies(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const part of header?.split(';') ?? []) {
		const at = part.indexOf('=');
		if (at <= 0) continue;
		let value = part.slice(at + 1).trim();
		if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
		try {
			value = decodeURIComponent(value);
		} catch {
			// kept as sent, as the cookie library does
		}
		cookies.set(part.slice(0, at).trim(), value);
	}
	return cookies;
}
