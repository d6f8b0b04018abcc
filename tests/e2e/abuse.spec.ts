import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations, PASSWORD, signUp } from './support';
import { mailedLink } from './mailbox.mjs';
import { datasetCsv, DATASET_HEADER, startServer } from './servers.mjs';

// Each test here is a probe from a security pass, written so that it failed before its fix.

const freshDb = () => join(mkdtempSync(join(tmpdir(), 'parallax-abuse-')), 'parallax.duckdb');
// A form post as a browser sends it: SvelteKit refuses cross-site form posts without an Origin.
const form = (origin: string | undefined, fields: Record<string, string>) => ({
	form: fields,
	maxRedirects: 0,
	headers: { origin: origin ?? '' }
});

test('signing up with the owner’s address first gains nothing until the address is proved', async ({ playwright, baseURL }) => {
	const request = await playwright.request.newContext({ baseURL });
	// owner@example.org is in PARALLAX_ADMIN_EMAILS (playwright.config.ts); another test proves it.
	const signup = await request.post('/signup', form(baseURL, { name: 'Claimer', email: 'owner@example.org', password: PASSWORD }));
	expect(signup.status()).toBe(200);
	expect(signup.headers()['set-cookie'] ?? '').not.toContain('parallax_session');
	// Not signed in by signing up, so the review (which shows reporters' emails) stays closed.
	const review = await request.get('/admin/disputes', { maxRedirects: 0 });
	expect(review.status()).toBe(303);
	expect(review.headers().location).toMatch(/^\/login/);
	await request.dispose();
});

test('sign-up answers alike for a new and a taken address, and the taken one is told by mail', async ({ page, browser }) => {
	const { email } = await signUp(browser, 'Taken');
	const fresh = `fresh-${Date.now()}@example.org`;
	const answers: string[] = [];
	for (const address of [email, fresh]) {
		await page.goto('/signup');
		await page.getByLabel('Name').fill('Someone');
		await page.getByLabel('Email').fill(address);
		await page.getByLabel('Password').fill('another long passphrase 77');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
		answers.push((await page.getByRole('status').innerText()).replace(address, 'ADDRESS'));
	}
	expect(answers[0]).toBe(answers[1]);
	await expectNoAxeViolations(page);
	// The owner of the taken address gets a note pointing to sign-in, not a second account.
	expect(mailedLink(email, undefined, /\/login\b/)).toBeTruthy();
	expect(mailedLink(fresh)).toBeTruthy();
});

test('an unconfirmed account cannot sign in, and signing in mails a new link', async ({ page, playwright, baseURL }) => {
	const email = `unconfirmed-${Date.now()}@example.org`;
	const request = await playwright.request.newContext({ baseURL });
	await request.post('/signup', form(baseURL, { name: 'Later', email, password: PASSWORD }));
	const first = mailedLink(email);
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Confirm your email address first: we have sent a new link to it.');
	const second = mailedLink(email);
	expect(second).toBeTruthy();
	expect(second).not.toBe(first);
	// A link works once.
	await page.goto(second!);
	await expect(page).toHaveURL('/datasets');
	await page.context().clearCookies();
	await page.goto(second!);
	await expect(page.getByText('This link has expired or has already been used.')).toBeVisible();
	await expectNoAxeViolations(page);
	await request.dispose();
});

test('after sign-in, only same-site paths are followed', async ({ browser, baseURL }) => {
	const { page } = await signUp(browser, 'Redirect');
	for (const next of ['/%09/evil.example/x', '/%5Cevil.example', '//evil.example', '/%0A/evil.example', 'https://evil.example/']) {
		for (const route of ['/login', '/signup']) {
			const response = await page.request.get(`${route}?next=${next}`, { maxRedirects: 0 });
			expect(response.status()).toBe(303);
			const target = new URL(response.headers().location!, baseURL);
			expect(target.origin, `${route}?next=${next}`).toBe(new URL(baseURL!).origin);
		}
	}
	const kept = await page.request.get('/login?next=/charts%3Fby%3Doutlet', { maxRedirects: 0 });
	expect(kept.headers().location).toBe('/charts?by=outlet');
});

test('easily guessed passwords are refused with a reason', async ({ page }) => {
	const email = `weak-${Date.now()}@example.org`;
	for (const password of ['aaaaaaaaaaaa', 'password1234', '            ', email]) {
		await page.goto('/signup');
		await page.getByLabel('Name').fill('Weak');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByText('This password is too easy to guess')).toBeVisible();
	}
	expect(mailedLink(email)).toBeUndefined();
	// The sign-up form with its field errors is scanned in researcher.spec.ts.
});

test('the rows API answers 400, not 500, to an offset it cannot use', async ({ browser }) => {
	const { page } = await signUp(browser, 'Offsets');
	const saved = await page.request.post('/api/datasets?title=Offsets&visibility=private', {
		headers: { 'content-type': 'text/csv' },
		data: DATASET_HEADER + datasetCsv(3)
	});
	expect(saved.status()).toBe(201);
	const { dataset } = await saved.json();
	for (const query of ['offset=1e400', 'offset=-1', 'offset=Infinity']) {
		const response = await page.request.get(`/api/datasets/${dataset.id}/rows?${query}`);
		expect(response.status(), query).toBe(400);
		expect((await response.json()).problems).toEqual(['offset must be a whole number from 0 to 999999999, written with digits only.']);
	}
	// A page size outside what the API gives is refused, not quietly changed.
	for (const query of ['limit=0x10', 'limit=0', 'limit=100001']) {
		const response = await page.request.get(`/api/datasets/${dataset.id}/rows?${query}`);
		expect(response.status(), query).toBe(400);
		expect((await response.json()).problems).toEqual(['limit must be a whole number from 1 to 100000, written with digits only.']);
	}
	const impossible = await page.request.get(`/api/datasets/${dataset.id}/rows?from=2023-02-30`);
	expect(impossible.status()).toBe(400);
	expect((await impossible.json()).problems).toEqual(['from="2023-02-30" is not a day of the calendar.']);
	expect((await (await page.request.get(`/api/datasets/${dataset.id}/rows?offset=1`)).json()).rows).toHaveLength(2);
});

test('a right-to-left override in a dataset title cannot reorder the dataset menu', async ({ browser }) => {
	const { page } = await signUp(browser, 'Bidi');
	const title = `Evil \u202Etxet desrever`;
	const saved = await page.request.post(`/api/datasets?title=${encodeURIComponent(title)}&visibility=public`, {
		headers: { 'content-type': 'text/csv' },
		data: DATASET_HEADER + datasetCsv(2)
	});
	expect(saved.status()).toBe(201);
	await page.goto('/charts');
	const option = page.locator('select[name="dataset"] option', { hasText: 'txet desrever' });
	// The title sits in a first-strong isolate, so the override ends where the title does.
	await expect(option).toHaveText(`\u2068${title}\u2069 (saved by \u2068Bidi\u2069)`);
	await page.goto('/datasets');
	await expect(page.locator('bdi', { hasText: 'txet desrever' }).first()).toBeVisible();
});

test('static files carry the security headers, and HSTS is sent when the site is https', async ({ request }) => {
	const response = await request.get('/favicon.svg');
	expect(response.status()).toBe(200);
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(response.headers()['permissions-policy']).toContain('camera=()');
	expect(response.headers()['strict-transport-security']).toBeUndefined();

	const https = await startServer(4391, { ORIGIN: 'https://parallax.example', PARALLAX_DB: freshDb() });
	try {
		for (const path of ['/favicon.svg', '/method']) {
			const answer = await fetch(`${https.url}${path}`);
			expect(answer.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
		}
	} finally {
		await https.stop();
	}
});

test('sign-ups and sign-ins are limited per address, across many emails, with a clear 429', async () => {
	const server = await startServer(4392, {
		PARALLAX_DB: freshDb(),
		PARALLAX_SIGNUPS_PER_HOUR: '3',
		PARALLAX_LOGIN_ATTEMPTS_PER_ADDRESS: '4'
	});
	const post = (path: string, fields: Record<string, string>) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
		});
	try {
		const signups = [];
		for (let i = 0; i < 4; i++) signups.push((await post('/signup', { name: 'N', email: `n${i}@example.org`, password: PASSWORD })).status);
		expect(signups).toEqual([200, 200, 200, 429]);
		const logins = [];
		for (let i = 0; i < 5; i++) logins.push(await post('/login', { email: `other${i}@example.org`, password: 'wrong password' }));
		expect(logins.map((r) => r.status)).toEqual([400, 400, 400, 400, 429]);
		expect(await logins[4]!.text()).toContain('Too many sign-in attempts');
	} finally {
		await server.stop();
	}
});
