// The server import as researchers use it (issue 7, 3): the built app's POST /api/datasets with
// the file streamed in, parsed and checked in the app's import worker while rows are stored.
// Timed from the first byte sent to the 201 answer; signing up is not part of it.
import { performance } from 'node:perf_hooks';
import { saveDatasetFile, signUp, startServer } from '../tests/e2e/servers.mjs';

/** @param {string} path @param {string} db @param {number} port */
export async function importOverHttp(path, db, port) {
	const server = await startServer(port, {
		PARALLAX_DB: db,
		PARALLAX_UPLOAD_MAX_BYTES: String(2 ** 40),
		PARALLAX_UPLOAD_MAX_ROWS: String(1e9)
	});
	try {
		const cookie = await signUp(server.url, 'Bench');
		const start = performance.now();
		const { status, body } = await saveDatasetFile(server.url, cookie, 'Synthetic benchmark data', path);
		const ms = performance.now() - start;
		if (status !== 201) throw new Error(`the import answered ${status}: ${JSON.stringify(body)}`);
		return { ms, rows: body.dataset.rowCount, id: body.dataset.id };
	} finally {
		await server.stop();
	}
}
