// Server-side benchmarks (issue 7, 3 and 4), loaded through Vite so they run the app's real
// modules ($lib aliases and all) rather than copies.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { datasetBatches } from '$lib/server/import';
import { DuckDbStore } from '$lib/server/storage/duckdb';
import { SCHEMA } from '$lib/server/storage/sql';
import { importOverHttp } from './import-http.mjs';

const fileBody = (path: string) => Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
const LIMITS = { bytes: 1e12, rows: 1e9 };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await work();
	return { ms: performance.now() - start, value };
}

/**
 * The real import. `http` posts the file to the built app, as a researcher's upload arrives
 * (the import worker parses and checks while the main thread stores). `in-process` calls
 * datasetBatches + createDataset here, where Vite cannot start the worker, so parsing and
 * storing take turns: it is for the smoke test, which runs before the build.
 */
async function realImport(path: string, dir: string, run: number, via: ImportVia) {
	const db = join(dir, `real-${run}.duckdb`);
	if (via === 'http') {
		const { ms, rows, id } = await importOverHttp(path, db, 4496);
		return { ms, rows, id, store: await DuckDbStore.open(db) };
	}
	const store = await DuckDbStore.open(db);
	try {
		const id = `bench-${run}`;
		const { ms, value } = await timed(() =>
			store.createDataset(
				{
					id,
					ownerId: 'bench',
					meta: {
						title: 'Synthetic benchmark data',
						description: '',
						source: 'synthetic',
						licence: '',
						citation: '',
						visibility: 'private'
					},
					shareToken: 'bench',
					createdAt: new Date().toISOString()
				},
				datasetBatches(fileBody(path), LIMITS)
			)
		);
		return { ms, rows: value.rowCount, id, store };
	} catch (error) {
		await store.close();
		throw error;
	}
}

/** Parsing alone: the same papaparse stream over the same bytes, rows counted and dropped. */
async function parseOnly(path: string) {
	return timed(async () => {
		const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: 'greedy' }) as unknown as NodeJS.ReadWriteStream;
		createReadStream(path, { encoding: 'utf8' }).pipe(parser);
		let rows = -1;
		for await (const _ of parser as AsyncIterable<string[]>) rows++;
		return rows;
	});
}

/**
 * DuckDB's fastest bulk load of the same rows: its own CSV reader straight into the table
 * (empty cells read as NULL there, and the table wants '' as the import stores them).
 */
async function bulkInsert(path: string, dir: string, run: number) {
	const instance = await DuckDBInstance.create(join(dir, `floor-${run}.duckdb`), { memory_limit: '1GB', threads: '2' });
	const c = await instance.connect();
	try {
		for (const statement of SCHEMA) await c.run(statement);
		return await timed(async () => {
			await c.run(
				`INSERT INTO coverage_rows (dataset_id, date, outlet, outlet_group, event, language, frame_codes, count, title, url)
				 SELECT 'floor', date, outlet, coalesce("group", ''), coalesce(event, ''), coalesce(language, ''),
				   coalesce(frames, ''), count, coalesce(title, ''), coalesce(url, '')
				 FROM read_csv($1, header = true, quote = '"', escape = '"', all_varchar = false,
				   columns = {'date': 'DATE', 'outlet': 'VARCHAR', 'group': 'VARCHAR', 'event': 'VARCHAR', 'language': 'VARCHAR',
				              'frames': 'VARCHAR', 'count': 'DOUBLE', 'title': 'VARCHAR', 'url': 'VARCHAR'})`,
				[path]
			);
		});
	} finally {
		c.closeSync();
		instance.closeSync();
	}
}

export interface ServerResults {
	via: ImportVia;
	rows: number;
	importMs: number[];
	floorMs: number[];
	parseMs: number[];
	insertMs: number[];
	aggregateMs: number[];
	aggregateFilteredMs: number[];
	aggregateRows: number;
}

/** Runs `runs` imports against the floor, then times aggregate queries over the last import. */
export type ImportVia = 'http' | 'in-process';

export async function serverBenches(path: string, runs = 3, queries = 7, via: ImportVia = 'http'): Promise<ServerResults> {
	const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
	const out: ServerResults = {
		via,
		rows: 0,
		importMs: [],
		floorMs: [],
		parseMs: [],
		insertMs: [],
		aggregateMs: [],
		aggregateFilteredMs: [],
		aggregateRows: 0
	};
	try {
		for (let run = 0; run < runs; run++) {
			// Interleaved, so drift in the machine's speed hits both sides alike.
			const parse = await parseOnly(path);
			const insert = await bulkInsert(path, dir, run);
			const real = await realImport(path, dir, run, via);
			if (parse.value !== real.rows) throw new Error(`parse saw ${parse.value} rows, the import stored ${real.rows}`);
			out.rows = real.rows;
			out.parseMs.push(parse.ms);
			out.insertMs.push(insert.ms);
			out.floorMs.push(parse.ms + insert.ms);
			out.importMs.push(real.ms);
			if (run === runs - 1) {
				const id = real.id;
				const all = await real.store.aggregate(id, 'week', {});
				out.aggregateRows = all.length;
				for (let q = 0; q < queries; q++) {
					out.aggregateMs.push((await timed(() => real.store.aggregate(id, 'week', {}))).ms);
					out.aggregateFilteredMs.push((await timed(() => real.store.aggregate(id, 'week', { from: '2022-03-01', to: '2023-02-28' }))).ms);
				}
			}
			await real.store.close();
		}
		return out;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
