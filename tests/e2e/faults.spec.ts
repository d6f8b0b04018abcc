import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DATASET_HEADER, datasetCsv, saveDataset, signUp, startServer, startSlowUpload } from './servers.mjs';

// These tests start their own servers, on their own ports and databases.
test.describe.configure({ mode: 'serial' });

test('a server killed in the middle of an import restarts cleanly: saved data kept, the partial dataset absent', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-fault-'));
	const env = { PARALLAX_DB: join(dir, 'parallax.duckdb') };
	try {
		let server = await startServer(4191, env);
		const cookie = await signUp(server.url, 'Crash');
		const kept = await saveDataset(server.url, cookie, 'Saved before the crash', DATASET_HEADER + datasetCsv(500));
		expect(kept.status).toBe(201);

		// A large upload arrives whole, and the server process is killed while its import stores rows:
		// the import stages its parts in a folder beside the database only inside its transaction.
		const upload = await startSlowUpload(server.url, cookie, 'Cut off by the crash', DATASET_HEADER + datasetCsv(200_000));
		upload.finish('');
		const staging = `${env.PARALLAX_DB}.import`;
		await expect.poll(() => existsSync(staging) && readdirSync(staging).length, { intervals: [50] }).toBe(1);
		await server.stop('SIGKILL');
		expect(await upload.outcome).toMatch(/^error (ECONNRESET|EPIPE|socket hang up)/);

		server = await startServer(4191, env);
		const list = (await (await fetch(`${server.url}/api/datasets`, { headers: { cookie } })).json()) as {
			datasets: { title: string; rowCount: number }[];
		};
		expect(list.datasets.map((d) => [d.title, d.rowCount])).toEqual([['Saved before the crash', 500]]);

		// The store is writable again after the crash.
		const after = await saveDataset(server.url, cookie, 'Saved after the restart', DATASET_HEADER + datasetCsv(10));
		expect(after.status).toBe(201);
		await server.stop();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('an upload that fails validation halfway stores nothing and the server keeps serving', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-fault-'));
	try {
		const server = await startServer(4192, { PARALLAX_DB: join(dir, 'parallax.duckdb') });
		const cookie = await signUp(server.url, 'Half');
		const csv = DATASET_HEADER + datasetCsv(20_000) + '2025-02-30,Late,,,,,1,,\n';
		const refused = await saveDataset(server.url, cookie, 'Bad at the end', csv);
		expect(refused.status).toBe(422);
		expect(refused.body.problems).toEqual(['row 20,002, column date: "2025-02-30" read as yyyy-mm-dd (ISO) is a day that does not exist']);
		const list = (await (await fetch(`${server.url}/api/datasets`, { headers: { cookie } })).json()) as { datasets: unknown[] };
		expect(list.datasets).toEqual([]);
		expect((await fetch(`${server.url}/`)).status).toBe(200);
		await server.stop();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('an import parses on a thread that gives way to the one serving pages', async () => {
	test.skip(process.platform !== 'linux', 'thread priorities are read from /proc');
	const dir = mkdtempSync(join(tmpdir(), 'parallax-fault-'));
	try {
		const server = await startServer(4197, { PARALLAX_DB: join(dir, 'parallax.duckdb') });
		const cookie = await signUp(server.url, 'Nice');
		// Large enough that the import, which starts once the upload has arrived, is still running when looked at.
		const upload = await startSlowUpload(server.url, cookie, 'Imported behind the readers', DATASET_HEADER + datasetCsv(200_000));
		upload.finish('');
		const pid = server.process.pid!;
		// Field 19 of /proc/<pid>/task/<tid>/stat is the thread's niceness; the command name before it may hold spaces.
		const niceness = (tid: string) => {
			const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
			return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]);
		};
		await expect.poll(() => readdirSync(`/proc/${pid}/task`).filter((tid) => niceness(tid) === 10).length, { intervals: [50] }).toBe(1);
		expect(niceness(String(pid))).toBe(0);
		expect((await fetch(`${server.url}/events/hague-summit-2025`)).status).toBe(200);

		expect(await upload.outcome).toMatch(/^response 201 .*"rowCount":200000/);
		await server.stop();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

async function titles(url: string, cookie: string) {
	const list = (await (await fetch(`${url}/api/datasets`, { headers: { cookie } })).json()) as {
		datasets: { title: string; rowCount: number }[];
	};
	return list.datasets.map((d) => [d.title, d.rowCount]);
}

test('a full disk refuses an upload with a clear error and keeps what was saved; a read-only store refuses to start', async () => {
	test.skip(process.platform !== 'linux' || process.getuid?.() !== 0, 'mounts a small tmpfs, which needs root on Linux');
	const dir = mkdtempSync(join(tmpdir(), 'parallax-disk-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		test.skip(true, `this machine does not allow mounting a tmpfs: ${String(error)}`);
	}
	const env = { PARALLAX_DB: join(dir, 'parallax.duckdb') };
	let server: Awaited<ReturnType<typeof startServer>> | undefined;
	try {
		server = await startServer(4195, env);
		const cookie = await signUp(server.url, 'Full');
		expect((await saveDataset(server.url, cookie, 'Saved before the disk filled', DATASET_HEADER + datasetCsv(500))).status).toBe(201);

		// Random titles, so the store cannot compress 200,000 rows into a 4 MB disk.
		const random = Array.from(
			{ length: 200_000 },
			(_, i) => `2025-06-01,Outlet ${i % 7},group-0,,en,nato-threat,1,${randomUUID()}${randomUUID()},\n`
		);
		const refused = await saveDataset(server.url, cookie, 'Too large for the disk', DATASET_HEADER + random.join(''));
		expect(refused.status).toBe(503);
		expect(refused.body.problems).toEqual([
			expect.stringMatching(/^The server's storage is full, so the dataset could not be stored; nothing was saved\./)
		]);
		expect(await titles(server.url, cookie)).toEqual([['Saved before the disk filled', 500]]);
		expect((await fetch(`${server.url}/`)).status).toBe(200);
		await server.stop();

		// On a read-only disk the server does not start, and says which file and why.
		execFileSync('mount', ['-o', 'remount,ro', dir]);
		await expect(startServer(4195, env)).rejects.toThrow(/Cannot open file ".*parallax\.duckdb": Read-only file system/);

		// With room again, the store opens with the earlier dataset whole and takes a large one.
		execFileSync('mount', ['-o', 'remount,rw,size=64m', dir]);
		server = await startServer(4195, env);
		expect(await titles(server.url, cookie)).toEqual([['Saved before the disk filled', 500]]);
		expect((await saveDataset(server.url, cookie, 'Stored once there is room', DATASET_HEADER + datasetCsv(100_000))).status).toBe(201);
		await server.stop();
	} finally {
		// A failed step must not leave a server holding the disk, or the unmount hides the failure.
		await server?.stop();
		execFileSync('umount', [dir]);
		rmSync(dir, { recursive: true, force: true });
	}
});

const pgUrl = process.env.TEST_DATABASE_URL;

test('a PostgreSQL connection lost in the middle of an import: a clear error, nothing stored, and the next requests served', async () => {
	test.skip(!pgUrl, 'needs TEST_DATABASE_URL (set by .ci/run, which starts PostgreSQL)');
	const server = await startServer(4196, { DATABASE_URL: pgUrl! });
	const admin = new pg.Client({ connectionString: pgUrl });
	await admin.connect();
	try {
		const cookie = await signUp(server.url, 'Lost');
		const title = `Cut off from PostgreSQL ${Date.now()}`;
		// The upload arrives whole; its import is cut off once it has inserted rows in its transaction.
		const upload = await startSlowUpload(server.url, cookie, title, DATASET_HEADER + datasetCsv(200_000));
		upload.finish('');
		const importing = `SELECT count(*)::int AS n FROM pg_stat_activity
			WHERE datname = current_database() AND state IN ('active', 'idle in transaction') AND query LIKE 'INSERT INTO coverage_rows%'`;
		await expect.poll(async () => (await admin.query(importing)).rows[0].n, { timeout: 30_000, intervals: [50] }).toBe(1);
		await admin.query(
			'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'
		);

		const outcome = await upload.outcome;
		expect(outcome).toMatch(/^response 503 /);
		expect(JSON.parse(outcome.replace(/^response 503 /, '')).problems).toEqual([
			'The server lost its connection to the database while storing the dataset; nothing was saved. Upload the file again.'
		]);
		expect((await admin.query('SELECT count(*)::int AS n FROM datasets WHERE title = $1', [title])).rows[0].n).toBe(0);
		expect(
			(await admin.query('SELECT count(*)::int AS n FROM coverage_rows WHERE dataset_id NOT IN (SELECT id FROM datasets)')).rows[0].n
		).toBe(0);

		// The pool opens new connections: the session still works and the same upload is stored.
		expect(await titles(server.url, cookie)).toEqual([]);
		const again = await saveDataset(server.url, cookie, title, DATASET_HEADER + datasetCsv(25_000));
		expect(again.status).toBe(201);
		expect(await titles(server.url, cookie)).toEqual([[title, 25_000]]);
	} finally {
		await admin.end();
		await server.stop();
	}
});

test('two app instances on one PostgreSQL share datasets and sessions', async () => {
	test.skip(!pgUrl, 'needs TEST_DATABASE_URL (set by .ci/run, which starts PostgreSQL)');
	const a = await startServer(4193, { DATABASE_URL: pgUrl! });
	const b = await startServer(4194, { DATABASE_URL: pgUrl! });
	try {
		const cookie = await signUp(a.url, 'Twin');
		const saved = await saveDataset(a.url, cookie, `Shared across instances ${Date.now()}`, DATASET_HEADER + datasetCsv(30));
		expect(saved.status).toBe(201);
		const id = saved.body.dataset!.id;
		// The session made on A is valid on B, and B reads the rows A stored.
		const onB = await fetch(`${b.url}/api/datasets/${id}/rows?limit=5`, { headers: { cookie } });
		expect(onB.status).toBe(200);
		expect(((await onB.json()) as { rows: unknown[] }).rows).toHaveLength(5);
		const page = await (await fetch(`${b.url}/datasets/${id}`, { headers: { cookie } })).text();
		expect(page).toContain('Signed in as Twin');
		expect((await fetch(`${b.url}/api/datasets/${id}`)).status).toBe(404);
	} finally {
		await a.stop();
		await b.stop();
	}
});
