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
	'/method/outlets/[group]',
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
	if (url.searchParams.has('token')) return false;
	// A CSV export streams a whole dataset (a gigabyte at ten million rows): kept, it would be held
	// in memory whole before its first byte was sent.
	return !(routeId === '/api/datasets/[id]/rows' && url.searchParams.get('format') === 'csv');
}

/**
 * How long past its TTL a copy still answers while one request renders its replacement. Under
 * load a render of the charts page takes a few hundred milliseconds, and every reader who came
 * in the meantime waited for it; now only the first reader after TTL + STALE_MS waits. Changes
 * still empty the cache at once, so a copy is at most TTL + STALE_MS old only when nothing changed.
 */
const STALE_MS = TTL_MS;

export async function cached(key: string, render: () => Promise<Response>, acceptEncoding: string | null = null): Promise<Response> {
	const gzipOk = acceptsGzip(acceptEncoding);
	const hit = fresh(key);
	if (hit) return toResponse(hit, 'hit', gzipOk);
	const stale = entries.get(key);
	if (stale && stale.expires + STALE_MS > Date.now()) {
		if (!pending.has(key)) renderToCache(key, render).job.catch((cause) => console.error(`Rendering ${key} again failed:`, cause));
		return toResponse(stale, 'stale', gzipOk);
	}

	const shared = pending.get(key);
	if (shared) {
		const entry = await shared;
		return entry ? toResponse(entry, 'shared', gzipOk) : render();
	}
	const { job, uncacheable } = renderToCache(key, render);
	const entry = await job;
	return entry ? toResponse(entry, 'miss', gzipOk) : (uncacheable() ?? render());
}

/** Renders `key` once, storing a cacheable answer; concurrent misses for the same URL wait for this render. */
function renderToCache(
	key: string,
	render: () => Promise<Response>
): { job: Promise<Entry | null>; uncacheable: () => Response | undefined } {
	let uncacheable: Response | undefined;
	const started = generation;
	const job = render().then(async (response) => {
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
			gzipped:
				body.byteLength >= 1024 && COMPRESSIBLE.test(type) && !response.headers.has('content-encoding') ? await gzipAsync(body) : null
		};
		// Emptied while this rendered: the answer may predate the change, so it is not kept.
		if (generation !== started) return entry;
		entries.delete(key);
		if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
		entries.set(key, entry);
		return entry;
	});
	pending.set(key, job);
	job.finally(() => pending.delete(key)).catch(() => undefined);
	return { job, uncacheable: () => uncacheable };
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
	const entry = key === null ? undefined : fresh(key);
	if (!entry) return false;
	const copy = variant(entry, 'hit', acceptsGzip(req.headers['accept-encoding'] ?? null));
	res.writeHead(entry.status, { ...copy.headers, ...headers, 'content-length': String(copy.body.byteLength) });
	res.end(copy.body);
	return true;
}

/**
 * Whether a request may have changed what anonymous readers see, so that the cache must go. Only
 * public datasets reach cached answers, and a saved upload is private unless it asked to be
 * public: emptying the cache for each private import made every cached page render again while
 * imports ran.
 */
export function changesAnonymousAnswers(routeId: string | null, method: string, url: URL): boolean {
	if (method === 'GET' || method === 'HEAD' || !routeId?.includes('datasets')) return false;
	return !(routeId === '/api/datasets' && method === 'POST' && url.searchParams.get('visibility') !== 'public');
}

/** Counts the times the cache was emptied, so that a render begun before is not stored after. */
let generation = 0;

export function invalidate() {
	generation++;
	entries.clear();
}

function fresh(key: string): Entry | undefined {
	const entry = entries.get(key);
	return entry && entry.expires > Date.now() ? entry : undefined;
}

/**
 * The stored copy as one client gets it: gzipped if it accepts gzip, with Vary wherever a
 * compressed copy exists. `miss` rendered it, `shared` waited for that render, `hit` came from the
 * cache, `stale` came from it past its TTL while it is rendered again.
 */
function variant(
	entry: Entry,
	how: 'hit' | 'miss' | 'shared' | 'stale',
	gzipOk: boolean
): { headers: Record<string, string>; body: Uint8Array } {
	const headers: Record<string, string> = Object.fromEntries(entry.headers);
	headers['x-parallax-cache'] = how;
	if (entry.gzipped === null) return { headers, body: new Uint8Array(entry.body) };
	headers.vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding';
	if (!gzipOk) return { headers, body: new Uint8Array(entry.body) };
	headers['content-encoding'] = 'gzip';
	return { headers, body: entry.gzipped };
}

function toResponse(entry: Entry, how: 'hit' | 'miss' | 'shared' | 'stale', gzipOk: boolean): Response {
	const copy = variant(entry, how, gzipOk);
	// A copy, so that a consumer of this Response cannot touch the stored bytes.
	return new Response(copy.body.slice(), { status: entry.status, headers: copy.headers });
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
