import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailedLink } from './mailbox.mjs';

/** Each started server's mail outbox, by its URL, so signUp can follow the confirmation link. */
const outboxes = new Map();
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A separately started app server, for tests and scripts that kill, restart or multiply servers.
 * @param {number} port
 * @param {Record<string, string>} env
 * @returns {Promise<{ url: string, process: import('node:child_process').ChildProcess, stop: (signal?: NodeJS.Signals) => Promise<void> }>}
 */
export async function startServer(port, env) {
	const url = `http://localhost:${port}`;
	const outbox = join(mkdtempSync(join(tmpdir(), 'parallax-mail-')), 'outbox.jsonl');
	outboxes.set(url, outbox);
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			PARALLAX_MAIL_OUTBOX: outbox,
			// Tests and load scripts sign many accounts up from one address; a test of the limit sets its own.
			PARALLAX_SIGNUPS_PER_HOUR: '1000',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	for (let i = 0; i < 200; i++) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
		try {
			if ((await fetch(`${url}/method`)).ok) break;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	return {
		url,
		process: child,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}

/**
 * Sign up through the real form, follow the mailed confirmation link, and return the session
 * cookie header.
 * @param {string} url
 * @param {string} name
 * @param {string} [email]
 * @returns {Promise<string>}
 */
export async function signUp(
	url,
	name,
	email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`
) {
	const body = new URLSearchParams({ name, email, password: 'correct horse battery staple' });
	const response = await fetch(`${url}/signup`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const link = mailedLink(email, outboxes.get(url));
	if (!response.ok || !link) throw new Error(`sign-up failed with ${response.status}`);
	const confirmed = await fetch(link, { redirect: 'manual' });
	const cookie = confirmed.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`confirming the address failed with ${confirmed.status}`);
	return cookie;
}
export const DATASET_HEADER = 'date,outlet,group,event,language,frames,count,title,url\n';

/** Synthetic rows for tests and load scripts, never shown to users as real. @param {number} rows */
export function datasetCsv(rows, offset = 0) {
	let text = '';
	for (let i = 0; i < rows; i++) {
		const day = String(1 + ((i + offset) % 28)).padStart(2, '0');
		text += `2025-06-${day},Outlet ${(i + offset) % 7},group-${i % 3},,en,nato-threat,1,"Title ${i + offset}, quoted",\n`;
	}
	return text;
}

/**
 * @param {string} url @param {string} cookie @param {string} title @param {string} csv
 * @returns {Promise<{ status: number, body: { dataset?: { id: string, rowCount: number }, problems?: string[] } }>}
 */
export async function saveDataset(url, cookie, title, csv) {
	const response = await fetch(`${url}/api/datasets?title=${encodeURIComponent(title)}`, {
		method: 'POST',
		body: csv,
		headers: { cookie, origin: url, 'content-type': 'text/csv' }
	});
	return { status: response.status, body: await response.json() };
}

/**
 * Saves a dataset from a file, streamed as a researcher's upload arrives, and reads the JSON answer
 * with no time limit (fetch gives up on an answer that takes over five minutes to start, as a
 * 10M-row import on a busy machine does).
 * @param {string} url @param {string} cookie @param {string} title @param {string} file
 * @returns {Promise<{ status: number, body: { dataset?: { id: string, rowCount: number }, problems?: string[] } }>}
 */
export function saveDatasetFile(url, cookie, title, file) {
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			`${url}/api/datasets?title=${encodeURIComponent(title)}`,
			{ method: 'POST', headers: { cookie, origin: url, 'content-type': 'text/csv' } },
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (text += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
				response.on('error', reject);
			}
		);
		request.on('error', reject);
		createReadStream(file).on('error', reject).pipe(request);
	});
}

/**
 * Start a streamed upload and send only its first part; the request stays open so the
 * server is still receiving it when the test acts. Resolves once those bytes are written;
 * `finish` sends the rest and ends the request.
 */
/** @param {string} url @param {string} cookie @param {string} title @param {string} firstPart */
export function startSlowUpload(url, cookie, title, firstPart) {
	const target = new URL(`${url}/api/datasets?title=${encodeURIComponent(title)}`);
	const request = httpRequest(target, {
		method: 'POST',
		headers: { cookie, origin: url, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' }
	});
	/** @type {Promise<string>} `response <status> <body>` or `error <code>` */
	const outcome = new Promise((resolve) => {
		request.on('response', (res) => {
			let body = '';
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve(`response ${res.statusCode} ${body}`));
		});
		request.on('error', (/** @type {NodeJS.ErrnoException} */ error) => resolve(`error ${error.code ?? error.message}`));
	});
	/** @param {string} rest */
	const finish = (rest) => request.end(rest);
	/** @type {Promise<{ outcome: Promise<string>, finish: (rest: string) => void }>} */
	const written = new Promise((resolve) => request.write(firstPart, () => resolve({ outcome, finish })));
	return written;
}
