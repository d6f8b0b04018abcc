import { expect, test } from '@playwright/test';
import { signUp } from './support';

const PAGES = ['/', '/charts', '/method', '/upload', '/datasets', '/login', '/signup'];

test('pages are served with a strict Content-Security-Policy and the other security headers', async ({ request }) => {
	// The second request of a cached page is answered from the micro-cache before SvelteKit.
	for (const path of [...PAGES, ...PAGES]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		const csp = headers['content-security-policy'] ?? '';
		const scriptSrc =
			csp
				.split(';')
				.map((d) => d.trim())
				.find((d) => d.startsWith('script-src')) ?? '';
		expect(scriptSrc, path).toMatch(/^script-src 'self'/);
		expect(scriptSrc, path).not.toContain('unsafe-inline');
		expect(scriptSrc, path).not.toContain('unsafe-eval');
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp, path).toContain("object-src 'none'");
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
	}
	// JSON and CSV answers must not be sniffed into HTML either.
	expect((await request.get('/api/datasets')).headers()['x-content-type-options']).toBe('nosniff');
});

test('every link to another site opens without opener or referrer', async ({ page, baseURL }) => {
	const own = new URL(baseURL!).host;
	const pages = [...PAGES, '/article'];
	// Event pages carry most source links; take them from the home page.
	await page.goto('/');
	const events = await page.locator('a[href^="/events/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
	let outbound = 0;
	for (const path of [...pages, ...events.slice(0, 5)]) {
		await page.goto(path);
		const links = await page
			.locator('a[href^="http"]')
			.evaluateAll((links) => links.map((a) => ({ href: (a as HTMLAnchorElement).href, rel: a.getAttribute('rel') ?? '' })));
		for (const link of links.filter((l) => new URL(l.href).host !== own)) {
			outbound++;
			const rel = link.rel.split(/\s+/);
			expect(rel, `${path}: ${link.href}`).toContain('noopener');
			expect(rel, `${path}: ${link.href}`).toContain('noreferrer');
		}
	}
	expect(outbound).toBeGreaterThan(0);
});

test('the micro-cache answers anonymous readers only; a signed-in reader always gets their own page', async ({ browser, request }) => {
	// Fill the cache as an anonymous reader, in both languages. Tests running alongside save public
	// datasets, which rightly empty the cache, so a miss is asked again rather than failed at once.
	for (const language of ['en', 'uk']) {
		const headers = { cookie: `parallax_lang=${language}` };
		let page = '';
		await expect
			.poll(async () => {
				const answer = await request.get('/method', { headers });
				page = await answer.text();
				return answer.headers()['x-parallax-cache'];
			})
			.toBe('hit');
		expect(page).toContain(`<html lang="${language}"`);
	}
	// A quoted cookie value means the same language to the cache as to SvelteKit.
	const quoted = await request.get('/method', { headers: { cookie: 'parallax_lang="uk"' } });
	expect(await quoted.text()).toContain('<html lang="uk"');
	const anonymous = await request.get('/method', { headers: { 'accept-encoding': 'gzip' } });
	expect(anonymous.headers()['content-encoding']).toBe('gzip');
	expect(await anonymous.text()).toContain('Sign in');

	const { page } = await signUp(browser, 'Cachecheck');
	await page.goto('/method');
	await expect(page.getByText('Signed in as Cachecheck')).toBeVisible();
	const own = await page.request.get('/method');
	expect(own.headers()['x-parallax-cache']).toBeUndefined();
	expect(await own.text()).toContain('Cachecheck');
	await page.context().close();
});
