#!/usr/bin/env node
// npm run bench:growth: how import and aggregate cost grow with a stored dataset's size, on the
// embedded DuckDB store and on PostgreSQL, with the app server's peak memory per step. Each step
// starts a fresh built app on an empty store, signs up, posts the synthetic file as a researcher's
// upload and reads the week aggregate and the charts page data of the stored dataset.
//
//   node bench/growth.mjs [--sizes 100000,1000000] [--engines duckdb,postgres] [--port 4608] [--no-write]
//
// PostgreSQL steps need GROWTH_DATABASE_URL: a throwaway server whose user may create databases
// (each step gets a fresh one). Results accumulate in bench/out/growth.json, so a large step run
// once on its own joins the table of the smaller ones. Run `npm run build` first.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { generate } from '../scripts/generate-coverage.mjs';
import { saveDatasetFile, signUp, startServer } from '../tests/e2e/servers.mjs';
import { summary } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench/out/growth.json');
const QUERIES = 5;

/** Resident memory of a process in bytes, from /proc; `peak` is the high-water mark. */
function rss(pid, peak = false) {
	try {
		const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(peak ? /VmHWM:\s+(\d+) kB/ : /VmRSS:\s+(\d+) kB/);
		return line ? Number(line[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Summed resident memory of every PostgreSQL process (shared buffers counted once per process: an upper bound). */
function postgresRss() {
	let total = 0;
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += rss(pid);
		} catch {
			// the process ended while being read
		}
	}
	return total;
}

async function timed(work) {
	const start = performance.now();
	const value = await work();
	return { ms: performance.now() - start, value };
}

async function freshDatabase(adminUrl, name) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${name}`);
		await client.query(`CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

async function step(engine, rows, port, file) {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-growth-'));
	const adminUrl = process.env.GROWTH_DATABASE_URL;
	if (engine === 'postgres' && !adminUrl) throw new Error('PostgreSQL steps need GROWTH_DATABASE_URL');
	const env = {
		PARALLAX_UPLOAD_MAX_BYTES: String(2 ** 40),
		PARALLAX_UPLOAD_MAX_ROWS: String(1e9),
		...(engine === 'postgres'
			? { DATABASE_URL: await freshDatabase(adminUrl, `parallax_growth_${rows}`) }
			: { PARALLAX_DB: join(dir, 'parallax.duckdb') })
	};
	const server = await startServer(port, env);
	let pgPeak = 0;
	const sampler = setInterval(() => {
		if (engine === 'postgres') pgPeak = Math.max(pgPeak, postgresRss());
	}, 250);
	try {
		const cookie = await signUp(server.url, 'Growth');
		const startRss = rss(server.process.pid);
		const imported = await timed(async () => {
			const { status, body } = await saveDatasetFile(server.url, cookie, 'Growth curve (synthetic)', file);
			if (status !== 201) throw new Error(`the import answered ${status}: ${JSON.stringify(body)}`);
			return body.dataset;
		});
		const id = imported.value.id;
		const read = async (path) => {
			const response = await fetch(`${server.url}${path}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
			if (!response.ok) throw new Error(`${path} answered ${response.status}`);
			// fetch has already decoded the body; gzipped again as the server sends it.
			return gzipSync(Buffer.from(await response.arrayBuffer())).byteLength;
		};
		// The first read and the median of QUERIES more: for the page data the first may wait for the
		// sums begun when the dataset was saved, and later ones are kept answers.
		const firstThenMedian = async (path) => {
			const first = await timed(() => read(path));
			const again = [];
			for (let q = 0; q < QUERIES; q++) again.push((await timed(() => read(path))).ms);
			return { first, median: summary(again).median };
		};
		// Signed in, so the micro-cache never answers: every read is computed.
		const aggregate = await firstThenMedian(`/api/datasets/${id}/aggregate?gran=week`);
		const chartData = await firstThenMedian(`/charts/__data.json?dataset=${id}`);
		// A filter the page cannot answer from its records when outlets were summed together.
		const outlet = await firstThenMedian(`/charts/__data.json?dataset=${id}&outlet=outlet-01`);
		return {
			engine,
			rows: imported.value.rowCount,
			fileBytes: statSync(file).size,
			importMs: imported.ms,
			firstAggregateMs: aggregate.first.ms,
			aggregateMs: aggregate.median,
			firstChartDataMs: chartData.first.ms,
			chartDataMs: chartData.median,
			chartDataBytes: chartData.first.value,
			firstOutletMs: outlet.first.ms,
			outletMs: outlet.median,
			serverStartRss: startRss,
			serverPeakRss: rss(server.process.pid, true),
			postgresPeakRss: engine === 'postgres' ? pgPeak : null,
			storeBytes: engine === 'duckdb' ? statSync(join(dir, 'parallax.duckdb')).size : null,
			date: new Date().toISOString(),
			load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
		};
	} finally {
		clearInterval(sampler);
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

const mb = (bytes) => (bytes === null ? '–' : `${Math.round(bytes / 2 ** 20)} MB`);
const s = (ms) => (ms / 1000).toFixed(2);
/** Results recorded before a column existed show a dash. */
const ms = (value) => (value === undefined ? '–' : String(Math.round(value)));

export function growthTable(results) {
	const sorted = [...results].sort((a, b) => a.engine.localeCompare(b.engine) || a.rows - b.rows);
	return [
		'| store | rows | import s | rows/s | aggregate (week) ms, first / median | charts page data ms, first / median (gzip KB) | one outlet picked ms, first / median | app peak RSS | PostgreSQL peak RSS (sum) | DuckDB file | load average |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
		...sorted.map(
			(r) =>
				`| ${r.engine === 'duckdb' ? 'DuckDB' : 'PostgreSQL'} | ${r.rows.toLocaleString('en-GB')} | ${s(r.importMs)} | ${Math.round(r.rows / (r.importMs / 1000)).toLocaleString('en-GB')} | ${Math.round(r.firstAggregateMs)} / ${Math.round(r.aggregateMs)} | ${ms(r.firstChartDataMs)} / ${Math.round(r.chartDataMs)} (${(r.chartDataBytes / 1024).toFixed(0)}) | ${ms(r.firstOutletMs)} / ${ms(r.outletMs)} | ${mb(r.serverPeakRss)} | ${mb(r.postgresPeakRss)} | ${mb(r.storeBytes)} | ${r.load} |`
		)
	].join('\n');
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const sizes = option('sizes', '100000,1000000').split(',').map(Number);
	const engines = option('engines', 'duckdb,postgres').split(',');
	const port = Number(option('port', 4608));
	const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : [];
	const results = previous.filter((r) => !(sizes.includes(r.rows) && engines.includes(r.engine)));
	for (const rows of sizes) {
		const file = join(ROOT, 'bench/out', `coverage-dataset-${rows}.csv`);
		if (!existsSync(file) || !existsSync(`${file}.manifest.json`)) await generate({ rows, shape: 'dataset', out: file });
		for (const engine of engines) {
			const result = await step(engine, rows, port, file);
			console.log(JSON.stringify(result));
			results.push(result);
			writeFileSync(RESULTS, JSON.stringify(results, null, 1));
		}
	}
	const text = growthTable(results);
	console.log(`\n${text}\n`);
	if (args.includes('--no-write')) return;
	const docPath = join(ROOT, 'docs/benchmarks.md');
	const section = `<!-- growth:start -->\n${text}\n<!-- growth:end -->`;
	const current = readFileSync(docPath, 'utf8');
	writeFileSync(
		docPath,
		current.includes('<!-- growth:start -->')
			? current.replace(/<!-- growth:start -->[\s\S]*<!-- growth:end -->/, section)
			: `${current.trimEnd()}\n\n## Growth curve\n\n${section}\n`
	);
	console.log('wrote docs/benchmarks.md');
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		}
	);
}
