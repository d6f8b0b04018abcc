import { error, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { hashToken, SESSION_COOKIE } from '$lib/server/auth';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheable, cached, cacheKey, changesAnonymousAnswers, invalidate, serveFromCache } from '$lib/server/microcache';
import { SECURITY_HEADERS } from '$lib/server/headers';
import { store } from '$lib/server/storage';
import { BodyRefused, discard, FORM_MAX_BYTES, formTooLarge, readBody, serverBodyLimit } from '$lib/server/body';
import { LIMITS } from '$lib/server/import';
import { dev } from '$app/environment';
import { startClassPurge } from '$lib/server/classes';
import { LOCALE_COOKIE, localeFor } from '$lib/i18n/catalogue';
import { packedChartData } from '$lib/server/charts';

// Fail at start-up, with every file:row:column problem listed, rather than on first request;
// open the store too, so a broken database is reported before the first visitor.
export const init: ServerInit = async () => {
	ledger();
	// Built here so that the first visitor of /charts does not wait for it.
	packedChartData();
	await store();
	await startClassPurge();
	const bodyLimit = serverBodyLimit();
	if (!dev && bodyLimit < LIMITS.bytes) {
		console.warn(
			`BODY_SIZE_LIMIT lets request bodies be at most ${bodyLimit} bytes, less than the upload limit of ${LIMITS.bytes}: larger uploads will be refused. Start the server with npm start (scripts/serve.js), or set BODY_SIZE_LIMIT.`
		);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	// The dataset upload streams to disk under its own limit; everything else is a small form.
	if (!(event.request.method === 'POST' && event.route.id === '/api/datasets')) await bufferSmallBody(event);
	event.locals.user = null;
	event.locals.locale = localeFor(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const user = await (await store()).sessionUser(hashToken(token), new Date());
		if (user) event.locals.user = { id: user.id, email: user.email, name: user.name, verified: user.verified };
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
	if (changesAnonymousAnswers(event.route.id, method, event.url)) invalidate();

	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
};

/**
 * Reads a form's body here, refusing one over FORM_MAX_BYTES before holding more of it, and one
 * that cannot be parsed as the form it claims to be: left to SvelteKit, a body of any size the
 * adapter allows would be buffered whole, and a broken multipart body would fail as a 500.
 */
async function bufferSmallBody(event: RequestEvent) {
	const { request } = event;
	if (!request.body) return;
	if (Number(request.headers.get('content-length') ?? 0) > FORM_MAX_BYTES) {
		discard(request.body);
		error(413, formTooLarge());
	}
	const chunks: Uint8Array[] = [];
	try {
		await readBody(request.body, { maxBytes: FORM_MAX_BYTES }, (chunk) => chunks.push(chunk));
	} catch (cause) {
		if (cause instanceof BodyRefused) error(413, formTooLarge());
		error(400, 'The request body could not be read.');
	}
	event.request = new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body: Buffer.concat(chunks),
		signal: request.signal
	});
	if (/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(request.headers.get('content-type') ?? '')) {
		try {
			await event.request.clone().formData();
		} catch {
			error(400, 'The form could not be read: its body is not valid form data. Reload the page and send it again.');
		}
	}
}

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
// scripts/serve.js sets these on every answer, static files included, before any handler runs.
(globalThis as Record<symbol, unknown>)[Symbol.for('parallax.securityHeaders')] = SECURITY_HEADERS;

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
