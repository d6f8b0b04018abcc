import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import { CLASS_SCHEMA } from './classes';
import { PROJECT_SCHEMA } from './projects';
import { CUBE_SCHEMA, SCHEMA } from './sql';
import { datasetRowFromDb } from './common';
import { cubeBackfill, SqlStore, type DatasetStats, type Dialect } from './sql-store';
import { PART_COLUMNS, PART_TEXT_COLUMNS, type DatasetPart } from './part';
import type { RowFilter } from './types';

async function inTransaction(c: DuckDBConnection, work: () => Promise<void>): Promise<void> {
	await c.run('BEGIN TRANSACTION');
	try {
		await work();
		await c.run('COMMIT');
	} catch (error) {
		// A COMMIT that failed (a full disk, say) has already ended the transaction; the error of
		// this ROLLBACK would hide why.
		await c.run('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

const DUCKDB: Dialect = {
	split: (text) => `string_split(${text}, ';')`,
	list: (...items) => `[${items.join(', ')}]`,
	overlap: (a, b) => `list_has_any(${a}, ${b})`,
	contains: (list, item) => `list_contains(${list}, ${item})`
};

/**
 * An import's parts go to DuckDB as files that its own CSV reader inserts: the appender's call per
 * value cost several times what read_csv does, and while DuckDB's threads read one part the import
 * worker already parses the next. No cell is NULL in the table, so an empty cell is ''.
 */
const PART_INSERT = `INSERT INTO coverage_rows (dataset_id, ${Object.keys(PART_COLUMNS).join(', ')})
	SELECT $1, ${Object.keys(PART_COLUMNS)
		.map((column) => (PART_TEXT_COLUMNS.includes(column) ? `coalesce(${column}, '')` : column))
		.join(', ')}
	FROM read_csv($2, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
		columns = {${Object.entries(PART_COLUMNS)
			.map(([column, type]) => `'${column}': '${type}'`)
			.join(', ')}})`;

/**
 * The embedded default: one DuckDB file, no server to start. Memory and threads are set
 * explicitly because DuckDB would otherwise take up to 80% of RAM.
 */
export class DuckDbStore extends SqlStore<DuckDBConnection> {
	readonly engine = 'duckdb' as const;
	protected readonly dialect = DUCKDB;
	private writeQueue: Promise<unknown> = Promise.resolve();

	private constructor(
		private readonly instance: DuckDBInstance,
		/** Where imports stage their parts; beside a database file, so that opening it clears what a killed import left. */
		private readonly staging: string
	) {
		super();
	}

	static async open(path: string, options: { memoryLimit?: string; threads?: number } = {}): Promise<DuckDbStore> {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		const instance = await DuckDBInstance.create(path, {
			memory_limit: options.memoryLimit ?? '1GB',
			threads: String(options.threads ?? 2)
		});
		const staging = path === ':memory:' ? join(tmpdir(), 'parallax-import') : `${path}.import`;
		// After the database opened, so that a read-only disk is reported for the database file.
		if (path !== ':memory:') rmSync(staging, { recursive: true, force: true });
		const store = new DuckDbStore(instance, staging);
		const connection = await instance.connect();
		try {
			for (const statement of [...SCHEMA, ...CUBE_SCHEMA, ...CLASS_SCHEMA, ...PROJECT_SCHEMA]) await connection.run(statement);
			// Datasets stored before the cube existed get theirs once, on the first start that needs it.
			await connection.run(cubeBackfill(DUCKDB));
		} finally {
			connection.closeSync();
		}
		return store;
	}

	private async withConnection<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
		const connection = await this.instance.connect();
		try {
			return await work(connection);
		} finally {
			connection.closeSync();
		}
	}

	/** DuckDB allows one writer at a time per table without conflicts; serialise writes in-process. */
	private serialised<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
		const next = this.writeQueue.then(() => this.withConnection(work));
		this.writeQueue = next.catch(() => undefined);
		return next;
	}

	protected async all(sql: string, params: unknown[] = []) {
		return this.withConnection(
			async (c) => (await c.runAndReadAll(sql, params as DuckDBValue[])).getRowObjectsJson() as Record<string, unknown>[]
		);
	}

	/**
	 * Values as DuckDB gives them (strings, numbers, bigints for counts, null), which every caller
	 * converts: made JSON first, 36,000 chart records' columns took three times as long to read.
	 */
	protected async columns(sql: string, params: unknown[] = []) {
		return this.withConnection(async (c) => (await c.runAndReadAll(sql, params as DuckDBValue[])).getColumns() as unknown[][]);
	}

	protected write(sql: string, params: unknown[] = []) {
		return this.serialised(
			async (c) => (await c.runAndReadAll(sql, params as DuckDBValue[])).getRowObjectsJson() as Record<string, unknown>[]
		);
	}

	protected transaction(work: (c: DuckDBConnection) => Promise<void>) {
		return this.serialised((c) => inTransaction(c, () => work(c)));
	}

	protected async run(c: DuckDBConnection, sql: string, params: unknown[] = []) {
		await c.run(sql, params as DuckDBValue[]);
	}

	protected async load(c: DuckDBConnection, datasetId: string, parts: AsyncIterable<DatasetPart>, stats: DatasetStats) {
		await mkdir(this.staging, { recursive: true });
		const dir = await mkdtemp(join(this.staging, 'part-'));
		try {
			// DuckDB reads each part on its threads while the import worker parses the next ones: the
			// upload route takes parts ahead of this reader (readAhead), so the worker never waits here.
			for await (const part of parts) {
				const file = join(dir, `${stats.rows}.csv`);
				stats.add(part);
				await writeFile(file, part.csv);
				const inserted = await c.run(PART_INSERT, [datasetId, file]);
				await rm(file, { force: true });
				if (inserted.rowsChanged !== part.rows) throw new Error(`DuckDB read ${inserted.rowsChanged} of the ${part.rows} rows in ${file}`);
			}
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}

	/**
	 * One query read a chunk at a time on its own connection: pages read by OFFSET sorted every row
	 * again for each page, which made an export's work grow with the square of its rows. A chunk's
	 * rows become objects only as each batch is asked for, so a small batch is a short task.
	 */
	override async *rowBatches(datasetId: string, filter: RowFilter, batchRows = 256): AsyncGenerator<DatasetRow[]> {
		const query = this.rowQuery(datasetId, filter);
		const connection = await this.instance.connect();
		try {
			const result = await connection.stream(query.sql, query.params as DuckDBValue[]);
			const names = result.columnNames();
			for await (const chunk of result) {
				const vectors = names.map((_, column) => chunk.getColumnVector(column));
				for (let start = 0; start < chunk.rowCount; start += batchRows) {
					const batch: DatasetRow[] = [];
					for (let i = start; i < Math.min(start + batchRows, chunk.rowCount); i++) {
						const row: Record<string, unknown> = {};
						for (let column = 0; column < names.length; column++) row[names[column]!] = vectors[column]!.getItem(i);
						batch.push(datasetRowFromDb(row));
					}
					yield batch;
				}
			}
		} finally {
			connection.closeSync();
		}
	}

	async close() {
		await this.writeQueue;
		this.instance.closeSync();
	}
}
