import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

		// Half of a large upload arrives, and the server process is killed with it open.
		const upload = await startSlowUpload(server.url, cookie, 'Cut off by the crash', DATASET_HEADER + datasetCsv(50_000));
		await sleep(500); // let the server start appending rows inside its transaction
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
		expect(refused).toEqual({ status: 422, body: { problems: ['row 20,002, column date: "2025-02-30" is not a date'] } });
		const list = (await (await fetch(`${server.url}/api/datasets`, { headers: { cookie } })).json()) as { datasets: unknown[] };
		expect(list.datasets).toEqual([]);
		expect((await fetch(`${server.url}/`)).status).toBe(200);
		await server.stop();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

const pg = process.env.TEST_DATABASE_URL;

test('two app instances on one PostgreSQL share datasets and sessions', async () => {
	test.skip(!pg, 'needs TEST_DATABASE_URL (set by .ci/run, which starts PostgreSQL)');
	const a = await startServer(4193, { DATABASE_URL: pg! });
	const b = await startServer(4194, { DATABASE_URL: pg! });
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
