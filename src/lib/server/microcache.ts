import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/**
 * A few seconds of caching for anonymous reads: a class of thirty opening the same event, or a
 * burst of API reads, costs one render instead of thirty. Only GET responses without a session
 * are cached, only for routes whose output depends on the URL alone, and every dataset change
 * and every dispute recorded or resolved clears the cache (other instances' copies expire
 * within the TTL).
 */
interface Entry {
	expires: number;
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
	/** The body compressed once when it was stored, for the browsers that accept gzip (all do). */
	gzipped: Uint8Array | null;
}

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

const TTL_MS = Number(process.env.PARALLAX_MICROCACHE_SECONDS ?? 5) * 1000;
const MAX_ENTRIES = 500;
const entries = new Map<string, Entry>();
const pending = new Map<string, Promise<Entry | null>>();

const CACHEABLE_ROUTES = new Set([
	'/',
	'/events/[id]',
	'/article',
	'/method',
	'/charts',
	'/claims/[id]',
	'/changelog',
	'/api/datasets/[id]/aggregate',
	'/api/datasets/[id]/rows'
]);

export function cacheable(routeId: string | null, url: URL, method: string, anonymous: boolean): boolean {
	if (TTL_MS <= 0 || method !== 'GET' || !anonymous || routeId === null) return false;
	if (!CACHEABLE_ROUTES.has(routeId)) return false;
	// A link-shared dataset is readable only with its token: never keep such answers.
	return !url.searchParams.has('token');
}

export async function cached(key: string, render: () => Promise<Response>, acceptEncoding: string | null = null): Promise<Response> {
	const now = Date.now();
	const gzipOk = acceptsGzip(acceptEncoding);
	const hit = entries.get(key);
	if (hit && hit.expires > now) return toResponse(hit, 'hit', gzipOk);

	let job = pending.get(key);
	if (!job) {
		// Concurrent misses for the same URL wait for one render instead of each rendering.
		let uncacheable: Response | undefined;
		job = render().then(async (response) => {
			if (response.status !== 200 || response.headers.has('set-cookie')) {
				uncacheable = response;
				return null;
			}
			const body = await response.arrayBuffer();
			const type = response.headers.get('content-type') ?? '';
			const entry: Entry = {
				expires: Date.now() + TTL_MS,
				status: response.status,
				headers: [...response.headers].filter(([name]) => name !== 'content-length'),
				body,
				// Compressed off the event loop (zlib's thread pool); a 180 KB page becomes about 30 KB.
				gzipped: body.byteLength >= 1024 && COMPRESSIBLE.test(type) && !response.headers.has('content-encoding') ? await gzipAsync(body) : null
			};
			if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
			entries.set(key, entry);
			return entry;
		});
		pending.set(key, job);
		job.finally(() => pending.delete(key)).catch(() => undefined);
		const entry = await job;
		return entry ? toResponse(entry, 'miss', gzipOk) : (uncacheable ?? render());
	}
	const entry = await job;
	return entry ? toResponse(entry, 'shared', gzipOk) : render();
}

/** The key of a page or data request: the same URL renders differently per language. */
export function cacheKey(locale: string, url: URL): string {
	return `${locale} ${url.pathname}${url.search}`;
}

/**
 * Answers a request from a fresh stored copy straight on the socket, before SvelteKit turns it
 * into a Request and the answer into a Response (about 2 ms of a cached request's 2.2 ms
 * under load). `key` is null for requests that must not be answered from the cache.
 */
export function serveFromCache(req: IncomingMessage, res: ServerResponse, key: string | null, headers: Record<string, string>): boolean {
	if (key === null) return false;
	const entry = entries.get(key);
	if (!entry || entry.expires <= Date.now()) return false;
	const gzipOk = entry.gzipped !== null && acceptsGzip(req.headers['accept-encoding'] ?? null);
	const out: Record<string, string | string[]> = {};
	for (const [name, value] of entry.headers) out[name] = value;
	Object.assign(out, headers, { 'x-parallax-cache': 'hit' });
	if (entry.gzipped) out.vary = out.vary ? `${out.vary}, accept-encoding` : 'accept-encoding';
	if (gzipOk) out['content-encoding'] = 'gzip';
	const body = gzipOk ? entry.gzipped! : new Uint8Array(entry.body);
	out['content-length'] = String(body.byteLength);
	res.writeHead(entry.status, out);
	res.end(body);
	return true;
}

export function invalidate() {
	entries.clear();
}

/** `miss` rendered it, `shared` waited for that render, `hit` came from the cache. */
function toResponse(entry: Entry, how: 'hit' | 'miss' | 'shared', gzipOk: boolean): Response {
	const headers = new Headers(entry.headers);
	headers.set('x-parallax-cache', how);
	if (!entry.gzipped) return new Response(entry.body.slice(0), { status: entry.status, headers });
	headers.append('vary', 'accept-encoding');
	if (!gzipOk) return new Response(entry.body.slice(0), { status: entry.status, headers });
	headers.set('content-encoding', 'gzip');
	return new Response(entry.gzipped.slice(0), { status: entry.status, headers });
}

/** Whether an Accept-Encoding header allows gzip (`gzip` or `*`, without q=0). */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	return header.split(',').some((part) => {
		const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
		const q = params.find((p) => p.startsWith('q='));
		return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
	});
}
