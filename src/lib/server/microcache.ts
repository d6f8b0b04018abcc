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
}

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

export async function cached(key: string, render: () => Promise<Response>): Promise<Response> {
	const now = Date.now();
	const hit = entries.get(key);
	if (hit && hit.expires > now) return toResponse(hit, 'hit');

	let job = pending.get(key);
	if (!job) {
		// Concurrent misses for the same URL wait for one render instead of each rendering.
		let uncacheable: Response | undefined;
		job = render().then(async (response) => {
			if (response.status !== 200 || response.headers.has('set-cookie')) {
				uncacheable = response;
				return null;
			}
			const entry: Entry = {
				expires: Date.now() + TTL_MS,
				status: response.status,
				headers: [...response.headers],
				body: await response.arrayBuffer()
			};
			if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
			entries.set(key, entry);
			return entry;
		});
		pending.set(key, job);
		job.finally(() => pending.delete(key)).catch(() => undefined);
		const entry = await job;
		return entry ? toResponse(entry, 'miss') : (uncacheable ?? render());
	}
	const entry = await job;
	return entry ? toResponse(entry, 'shared') : render();
}

export function invalidate() {
	entries.clear();
}

/** `miss` rendered it, `shared` waited for that render, `hit` came from the cache. */
function toResponse(entry: Entry, how: 'hit' | 'miss' | 'shared'): Response {
	const headers = new Headers(entry.headers);
	headers.set('x-parallax-cache', how);
	return new Response(entry.body.slice(0), { status: entry.status, headers });
}
