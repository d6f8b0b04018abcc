import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASET_HEADER, datasetCsv, saveDataset, signUp, startServer, startSlowUpload } from './servers.mjs';

// These tests start their own servers, on ports beside this run's own so that runs side by side do not meet.
test.describe.configure({ mode: 'serial' });
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;

const PASSWORD = 'correct horse battery staple';

/** A form post as a browser sends it; fails the test if no answer comes within `timeout` ms. */
function postForm(url: string, path: string, fields: Record<string, string>, timeout = 15_000) {
	return fetch(`${url}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		signal: AbortSignal.timeout(timeout)
	});
}

async function titles(url: string, cookie: string) {
	const list = (await (await fetch(`${url}/api/datasets`, { headers: { cookie } })).json()) as { datasets: { title: string }[] };
	return list.datasets.map((d) => d.title);
}

/** A chunked POST (no Content-Length) of `body`; resolves to `response <status> <body>` or `error <code>`. */
function postChunked(url: string, path: string, headers: Record<string, string>, body: string) {
	return new Promise<string>((resolve) => {
		const request = httpRequest(new URL(path, url), {
			method: 'POST',
			headers: { origin: url, ...headers, 'transfer-encoding': 'chunked' }
		});
		request.on('response', (res) => {
			let text = '';
			res.on('data', (d) => (text += d));
			res.on('end', () => resolve(`response ${res.statusCode} ${text}`));
		});
		request.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
		for (let at = 0; at < body.length; at += 16_384) request.write(body.slice(at, at + 16_384));
		request.end();
	});
}

test('sign-up and login are answered while an upload has stopped sending, and the upload is stored once it ends', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-limits-'));
	// The idle limit is far above the clients' own timeout, so only an answer that does not wait for the upload passes.
	const server = await startServer(PORT, { PARALLAX_DB: join(dir, 'parallax.duckdb'), PARALLAX_UPLOAD_IDLE_MS: '120000' });
	let upload: Awaited<ReturnType<typeof startSlowUpload>> | undefined;
	try {
		const cookie = await signUp(server.url, 'Slow');
		upload = await startSlowUpload(server.url, cookie, 'Sent slowly', DATASET_HEADER + datasetCsv(100));

		// Sign-up writes the account and its link token, and following the link writes a session.
		const email = `quick-${Date.now()}@example.org`;
		expect(await signUp(server.url, 'Quick', email)).toMatch(/^parallax_session=/);
		const login = await postForm(server.url, '/login', { email, password: PASSWORD });
		expect(login.status).toBe(303);
		expect(login.headers.get('set-cookie')).toMatch(/^parallax_session=/);

		upload.finish(datasetCsv(100, 100));
		expect(await upload.outcome).toMatch(/^response 201 .*"rowCount":200/);
		upload = undefined;
		expect(await titles(server.url, cookie)).toEqual(['Sent slowly']);
	} finally {
		// An upload left open by a failure would hold the server's graceful stop.
		upload?.finish('');
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('one account sends at most two uploads at once: a third is refused at once with 429, and taken once one has ended', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-limits-'));
	const uploads = join(dir, 'tmp');
	mkdirSync(uploads);
	const server = await startServer(PORT + 2, {
		PARALLAX_DB: join(dir, 'parallax.duckdb'),
		PARALLAX_UPLOAD_IDLE_MS: '120000',
		TMPDIR: uploads
	});
	const open: Awaited<ReturnType<typeof startSlowUpload>>[] = [];
	try {
		const cookie = await signUp(server.url, 'Busy');
		for (const title of ['First', 'Second']) open.push(await startSlowUpload(server.url, cookie, title, DATASET_HEADER + datasetCsv(10)));
		// Each upload has its own temporary folder once the server has taken it.
		await expect.poll(() => readdirSync(uploads).length).toBe(2);
		const third = await saveDataset(server.url, cookie, 'Third', DATASET_HEADER + datasetCsv(10));
		expect(third.status).toBe(429);
		expect(third.body.problems).toEqual([
			'You are already sending 2 uploads, the most at once. Wait for one to finish, then send this one again.'
		]);
		// Another account is not held back by this one's uploads.
		const other = await signUp(server.url, 'Other');
		expect((await saveDataset(server.url, other, 'Elsewhere', DATASET_HEADER + datasetCsv(10))).status).toBe(201);

		const first = open.shift()!;
		first.finish('');
		expect(await first.outcome).toMatch(/^response 201 /);
		expect((await saveDataset(server.url, cookie, 'Third', DATASET_HEADER + datasetCsv(10))).status).toBe(201);
		expect((await titles(server.url, cookie)).sort()).toEqual(['First', 'Third']);
	} finally {
		for (const upload of open) upload.finish('');
		await Promise.all(open.map((upload) => upload.outcome));
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a server started with a body limit below its upload limit says whose limit an upload met, and saves nothing', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-body-limit-'));
	// As `node build/index.js` would be started by hand, with adapter-node's own limit the smaller.
	const server = await startServer(PORT + 3, { PARALLAX_DB: join(dir, 'parallax.duckdb'), BODY_SIZE_LIMIT: '64K' });
	try {
		const cookie = await signUp(server.url, 'Limited');
		const csv = DATASET_HEADER + datasetCsv(2_000); // about 130 KB
		const problems = [
			'The upload is larger than 64 KB, the most this server is set to receive, though its uploads may be up to 200 MB; nothing was saved. Whoever runs the server can start it with npm start, or set BODY_SIZE_LIMIT above the upload limit (docs/configuration.md).'
		];
		const declared = await saveDataset(server.url, cookie, 'Declared', csv);
		expect(declared.status).toBe(413);
		expect(declared.body.problems).toEqual(problems);
		const chunked = await postChunked(server.url, `/api/datasets?title=Chunked`, { cookie, 'content-type': 'text/csv' }, csv);
		expect(chunked).toMatch(/^response 413 /);
		expect(JSON.parse(chunked.replace(/^response 413 /, '')).problems).toEqual(problems);
		expect(await titles(server.url, cookie)).toEqual([]);
		// A smaller upload is saved as ever.
		expect((await saveDataset(server.url, cookie, 'Small', DATASET_HEADER + datasetCsv(100))).status).toBe(201);
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a class of 35 behind one school address all join a live session; only wrong join codes are limited', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-class-'));
	const server = await startServer(PORT + 4, { PARALLAX_DB: join(dir, 'parallax.duckdb') });
	try {
		const started = await postForm(server.url, '/coding/new?event=hague-summit-2025', {});
		expect(started.status).toBe(303);
		const teacherUrl = new URL(started.headers.get('location')!, server.url).href;
		const cookie = started.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const page = await (await fetch(teacherUrl, { headers: { cookie } })).text();
		const code = /data-testid="join-code"[^>]*>\s*([A-Z2-9]{6})/.exec(page)?.[1];
		expect(code).toBeDefined();
		for (let student = 1; student <= 35; student++) {
			const joined = await postForm(server.url, '/coding', { code: code! });
			expect(joined.status, `student ${student}`).toBe(303);
			expect(joined.headers.get('location')).toBe(teacherUrl.replace(server.url, '').replace(/\/teacher$/, ''));
		}
		// Guessing is still bounded: thirty wrong codes, then a wait, for the right code too.
		for (let guess = 0; guess < 30; guess++) expect((await postForm(server.url, '/coding', { code: 'ZZZZZZ' })).status).toBe(404);
		const refused = await postForm(server.url, '/coding', { code: code! });
		expect(refused.status).toBe(429);
		expect(await refused.text()).toContain('Too many tries from this network.');
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test.describe('refusals', () => {
	let dir: string;
	let uploads: string;
	let server: Awaited<ReturnType<typeof startServer>>;
	let cookie: string;

	test.beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'parallax-limits-'));
		uploads = join(dir, 'tmp');
		mkdirSync(uploads);
		server = await startServer(PORT + 1, {
			PARALLAX_DB: join(dir, 'parallax.duckdb'),
			PARALLAX_UPLOAD_IDLE_MS: '1500',
			PARALLAX_UPLOAD_MAX_BYTES: '100000',
			TMPDIR: uploads
		});
		cookie = await signUp(server.url, 'Refused');
	});

	test.afterAll(async () => {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	test('an upload that stops sending is answered 408, and nothing of it is kept', async () => {
		const upload = await startSlowUpload(server.url, cookie, 'Stalled', DATASET_HEADER + datasetCsv(100));
		const outcome = await upload.outcome;
		expect(outcome).toMatch(/^response 408 /);
		expect(JSON.parse(outcome.replace(/^response 408 /, '')).problems).toEqual([
			'No data arrived for 1.5 seconds, so the upload was stopped and nothing was saved. Upload the file again.'
		]);
		expect(await titles(server.url, cookie)).toEqual([]);
		expect(readdirSync(uploads)).toEqual([]);
	});

	test('an oversize upload sent in chunks gets the same 413 message as one that declares its length', async () => {
		const csv = DATASET_HEADER + datasetCsv(3_000); // about 200 KB, over the 100,000-byte limit
		const problems = ['The upload is larger than 97.7 KB, the most this server accepts.'];
		const declared = await saveDataset(server.url, cookie, 'Declared', csv);
		expect(declared.status).toBe(413);
		expect(declared.body.problems).toEqual(problems);

		const chunked = await postChunked(server.url, `/api/datasets?title=Chunked`, { cookie, 'content-type': 'text/csv' }, csv);
		expect(chunked).toMatch(/^response 413 /);
		// The same answer, message keys included, whichever way the size was found out.
		expect(JSON.parse(chunked.replace(/^response 413 /, ''))).toEqual(declared.body);
		expect(await titles(server.url, cookie)).toEqual([]);
	});

	test('a form over 64 KB is refused with 413, and a broken multipart form with 400', async () => {
		const huge = await postForm(server.url, '/login', { email: 'a@example.org', password: 'x'.repeat(1024 * 1024) });
		expect(huge.status).toBe(413);
		expect(await huge.text()).toContain('The form is larger than 64 KB, the most this server accepts.');

		const form = new URLSearchParams({ email: 'a@example.org', password: 'x'.repeat(1024 * 1024) }).toString();
		const chunked = await postChunked(
			server.url,
			'/login',
			{ accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			form
		);
		expect(chunked).toMatch(/^response 413 .*The form is larger than 64 KB/s);

		const broken = await fetch(`${server.url}/login`, {
			method: 'POST',
			body: 'this is not a multipart body',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'multipart/form-data; boundary=parallax' }
		});
		expect(broken.status).toBe(400);
		expect(await broken.text()).toContain('The form could not be read');

		// An ordinary login still reaches the page: wrong credentials are told as such.
		const wrong = await postForm(server.url, '/login', { email: 'nobody@example.org', password: PASSWORD });
		expect(wrong.status).toBe(400);
	});
});
