// Bounded load test: 200 concurrent connections against 127.0.0.1 only, for a fixed time per
// endpoint, while dataset imports run back to back. Prints p50/p95/p99 and errors and writes them into
// docs/benchmarks.md between the load markers. Run `npm run build` first.
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DATASET_HEADER, datasetCsv, saveDataset, signUp, startServer } from '../tests/e2e/servers.mjs';

const PORT = Number(process.env.LOAD_PORT ?? 4390);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
// autocannon parses responses in JavaScript: on one thread it, not the server, was the limit
// (100% CPU against the server's 25% on a cached page). The connections are split between threads.
const WORKERS = Number(process.env.LOAD_WORKERS ?? 2);
// Measures only the endpoints whose path contains this, printed and not written to the docs:
// for comparing two builds on one endpoint without loading the shared machine three times as long.
const ONLY = process.env.LOAD_ONLY;

const dir = mkdtempSync(join(tmpdir(), 'parallax-load-'));
const server = await startServer(PORT, { PARALLAX_DB: join(dir, 'parallax.duckdb'), HOST: '127.0.0.1' });
const base = `http://127.0.0.1:${PORT}`;
try {
	const cookie = await signUp(server.url, 'Load');
	const saved = await saveDataset(server.url, cookie, 'Load test (synthetic)', DATASET_HEADER + datasetCsv(50_000));
	if (saved.status !== 201) throw new Error(`could not save the load dataset: ${JSON.stringify(saved.body)}`);
	const id = saved.body.dataset.id;
	await fetch(`${server.url}/datasets/${id}?/update`, {
		method: 'POST',
		headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ title: 'Load test (synthetic)', visibility: 'public' })
	});

	const endpoints = [
		['Compare view (SSR)', '/events/hague-summit-2025'],
		['Chart page data', '/charts/__data.json?group=russian-state-media'],
		['Aggregate API (50k rows)', `/api/datasets/${id}/aggregate?gran=week`]
	];
	const results = [];
	for (const [name, path] of endpoints.filter(([, path]) => !ONLY || path.includes(ONLY))) {
		// Imports of 200k rows run back to back for the whole measurement: one import alone ends
		// within seconds, and the reads after it would be measured on a quiet server.
		let measuring = true;
		const imports = [];
		const importing = (async () => {
			for (let n = 1; measuring; n++) {
				const started = Date.now();
				const saved = await saveDataset(server.url, cookie, `Concurrent import ${n} (synthetic)`, DATASET_HEADER + datasetCsv(200_000));
				imports.push({ status: saved.status, seconds: (Date.now() - started) / 1000 });
			}
		})();
		// Every browser sends Accept-Encoding; without it each request would carry 6× the bytes.
		const result = await autocannon({
			url: base + path,
			connections: CONNECTIONS,
			workers: WORKERS,
			duration: SECONDS,
			headers: { 'accept-encoding': 'gzip, deflate, br' }
		});
		measuring = false;
		await importing;
		results.push({
			name,
			path,
			requests: result.requests.total,
			rps: Math.round(result.requests.average),
			p50: result.latency.p50,
			p95: result.latency.p97_5 === undefined ? result.latency.p90 : percentile(result, 95),
			p99: result.latency.p99,
			// autocannon counts each timeout in `errors` as well.
			errors: result.errors + result.non2xx,
			timeouts: result.timeouts,
			imports
		});
	}

	const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
	const lines = [
		`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}: ${CONNECTIONS} connections from ${WORKERS} autocannon threads on the same machine, sending \`Accept-Encoding: gzip\` as browsers do, ${SECONDS} s per endpoint, one app process on the embedded DuckDB store, with 200,000-row imports running back to back through each measurement (\`npm run load\`). Target: 0 errors, p95 < 200 ms.`,
		'',
		'| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors (of which timeouts) | imports during load |',
		'|---|---|---|---|---|---|---|---|',
		...results.map(
			(r) =>
				`| ${r.name} (\`${r.path}\`) | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} (${r.timeouts}) | ${importSummary(r.imports)} |`
		)
	];
	console.log(lines.join('\n'));
	if (!ONLY) writeSection(lines);
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}

/** How the imports beside one measurement went: how many were stored, in how long, and any that failed. */
function importSummary(imports) {
	const stored = imports.filter((i) => i.status === 201).map((i) => i.seconds);
	const failed = imports.filter((i) => i.status !== 201).map((i) => i.status);
	const range = stored.length ? ` in ${Math.min(...stored).toFixed(1)}–${Math.max(...stored).toFixed(1)} s each` : '';
	return `${stored.length} stored${range}${failed.length ? `; ${failed.length} failed (${failed.join(', ')})` : ''}`;
}

/** autocannon reports fixed percentiles; p95 is interpolated between p90 and p97.5. */
function percentile(result, p) {
	const { p90, p97_5 } = result.latency;
	return Math.round(p90 + ((p - 90) / 7.5) * (p97_5 - p90));
}

/** Replaces the load section of docs/benchmarks.md with this run's table. */
function writeSection(lines) {
	const file = 'docs/benchmarks.md';
	const section = `<!-- load:start -->\n## Load\n\n${lines.join('\n')}\n<!-- load:end -->`;
	const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
	const next = current.includes('<!-- load:start -->')
		? current.replace(/<!-- load:start -->[\s\S]*<!-- load:end -->/, section)
		: `${current.trimEnd()}\n\n${section}\n`;
	writeFileSync(file, next);
}
