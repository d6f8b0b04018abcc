import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptsGzip, cacheable, cached, changesAnonymousAnswers, invalidate } from '../../src/lib/server/microcache';

describe('micro-cache', () => {
	afterEach(() => vi.useRealTimers());

	it('renders once for concurrent anonymous requests and serves the copy after', async () => {
		invalidate();
		let renders = 0;
		const render = async () => {
			renders += 1;
			await new Promise((r) => setTimeout(r, 20));
			return new Response(`page ${renders}`, { status: 200, headers: { 'content-type': 'text/html' } });
		};
		const responses = await Promise.all([1, 2, 3].map(() => cached('/events/a', render)));
		expect(renders).toBe(1);
		expect(await Promise.all(responses.map((r) => r.text()))).toEqual(['page 1', 'page 1', 'page 1']);
		expect(responses.map((r) => r.headers.get('x-parallax-cache')).sort()).toEqual(['miss', 'shared', 'shared']);
		const later = await cached('/events/a', render);
		expect(later.headers.get('x-parallax-cache')).toBe('hit');
		expect(renders).toBe(1);
		invalidate();
		await cached('/events/a', render);
		expect(renders).toBe(2);
	});

	it('answers from a copy past its five seconds while one request renders it again, and waits once it is older still', async () => {
		invalidate();
		vi.useFakeTimers({ toFake: ['Date'] });
		let renders = 0;
		const render = async () => new Response(`page ${++renders}`, { status: 200 });
		const read = async () => {
			const response = await cached('/charts', render);
			return `${response.headers.get('x-parallax-cache')} ${await response.text()}`;
		};
		expect(await read()).toBe('miss page 1');
		vi.advanceTimersByTime(5_001);
		expect(await read()).toBe('stale page 1');
		expect(await read()).toBe('hit page 2');
		expect(renders).toBe(2);
		vi.advanceTimersByTime(10_001);
		expect(await read()).toBe('miss page 3');
	});

	it('does not keep an answer whose render began before the cache was emptied', async () => {
		invalidate();
		let renders = 0;
		let finish!: () => void;
		const slow = async () => {
			renders += 1;
			await new Promise<void>((resolve) => (finish = resolve));
			return new Response(`page ${renders}`, { status: 200 });
		};
		const first = cached('/events/b', slow);
		await Promise.resolve();
		invalidate();
		finish();
		expect(await (await first).text()).toBe('page 1');
		const second = cached('/events/b', slow);
		await Promise.resolve();
		finish();
		expect((await second).headers.get('x-parallax-cache')).toBe('miss');
		expect(renders).toBe(2);
	});

	it('never keeps errors or responses that set cookies', async () => {
		invalidate();
		let renders = 0;
		const notFound = async () => (renders++, new Response('no', { status: 404 }));
		expect((await cached('/x', notFound)).status).toBe(404);
		expect((await cached('/x', notFound)).status).toBe(404);
		expect(renders).toBe(2);
		const withCookie = async () => (renders++, new Response('ok', { headers: { 'set-cookie': 'a=b' } }));
		await cached('/y', withCookie);
		await cached('/y', withCookie);
		expect(renders).toBe(4);
	});

	it('is emptied by changes to datasets anonymous readers could see, not by a private upload', () => {
		const url = (path: string) => new URL(`http://localhost${path}`);
		expect(changesAnonymousAnswers('/api/datasets', 'POST', url('/api/datasets?title=A'))).toBe(false);
		expect(changesAnonymousAnswers('/api/datasets', 'POST', url('/api/datasets?title=A&visibility=link'))).toBe(false);
		expect(changesAnonymousAnswers('/api/datasets', 'POST', url('/api/datasets?title=A&visibility=public'))).toBe(true);
		expect(changesAnonymousAnswers('/datasets/[id]', 'POST', url('/datasets/a?/update'))).toBe(true);
		expect(changesAnonymousAnswers('/datasets/[id]', 'POST', url('/datasets/a?/delete'))).toBe(true);
		expect(changesAnonymousAnswers('/datasets/[id]', 'GET', url('/datasets/a'))).toBe(false);
		expect(changesAnonymousAnswers('/login', 'POST', url('/login'))).toBe(false);
	});

	it('caches only anonymous GETs of URL-only routes, never link-shared answers', () => {
		const url = (path: string) => new URL(`http://localhost${path}`);
		expect(cacheable('/events/[id]', url('/events/a'), 'GET', true)).toBe(true);
		expect(cacheable('/events/[id]', url('/events/a'), 'GET', false)).toBe(false);
		expect(cacheable('/events/[id]', url('/events/a'), 'POST', true)).toBe(false);
		expect(cacheable('/datasets/[id]', url('/datasets/a'), 'GET', true)).toBe(false);
		expect(cacheable('/api/datasets/[id]/rows', url('/api/datasets/a/rows?token=t'), 'GET', true)).toBe(false);
		expect(cacheable('/api/datasets/[id]/rows', url('/api/datasets/a/rows?limit=10'), 'GET', true)).toBe(true);
		expect(cacheable('/api/datasets/[id]/rows', url('/api/datasets/a/rows?format=csv'), 'GET', true)).toBe(false);
	});

	it('serves the stored copy gzipped to clients that accept it, and plain to the rest', async () => {
		invalidate();
		const page = `<p>${'coverage '.repeat(500)}</p>`;
		const render = async () => new Response(page, { headers: { 'content-type': 'text/html', 'content-length': String(page.length) } });
		const plain = await cached('/events/z', render, null);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(page);
		const zipped = await cached('/events/z', render, 'gzip, deflate, br');
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
		expect(zipped.headers.get('content-length')).toBeNull();
		const bytes = new Uint8Array(await zipped.arrayBuffer());
		expect(bytes.length).toBeLessThan(page.length / 5);
		expect(gunzipSync(bytes).toString('utf8')).toBe(page);
		// Tiny bodies are not worth compressing.
		const small = await cached('/events/s', async () => new Response('ok', { headers: { 'content-type': 'text/html' } }), 'gzip');
		expect(small.headers.get('content-encoding')).toBeNull();
	});

	it('reads Accept-Encoding as HTTP defines it', () => {
		expect(acceptsGzip('gzip, deflate, br')).toBe(true);
		expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('identity')).toBe(false);
		expect(acceptsGzip('x-gzip-ish')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});
});
