import pg from 'pg';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import { stanceCell } from '$lib/domain/import/dataset';
import { CLASS_SCHEMA } from './classes';
import { PROJECT_SCHEMA } from './projects';
import { CUBE_SCHEMA, SCHEMA } from './sql';
import { cubeBackfill, SqlStore, type DatasetStats, type Dialect } from './sql-store';

// DATE columns as 'yyyy-mm-dd' strings, not JS Dates shifted by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);
// DOUBLE PRECISION as numbers.
pg.types.setTypeParser(701, (value) => Number(value));

const POSTGRES: Dialect = {
	split: (text) => `string_to_array(${text}, ';')`,
	list: (...items) => `ARRAY[${items.join(', ')}]`,
	overlap: (a, b) => `${a} && ${b}`,
	contains: (list, item) => `${item} = ANY(${list})`
};

const BATCH = 5000;

/** PostgreSQL, selected by DATABASE_URL, so several app instances can share one database. */
export class PostgresStore extends SqlStore<pg.PoolClient> {
	readonly engine = 'postgres' as const;
	protected readonly dialect = POSTGRES;

	private constructor(private readonly pool: pg.Pool) {
		super();
	}

	static async open(connectionString: string): Promise<PostgresStore> {
		// Dates cast to text read as 'yyyy-mm-dd' (as DuckDB writes them), whatever the server's default style.
		const pool = new pg.Pool({ connectionString, max: 10, options: '-c DateStyle=ISO,YMD' });
		// A lost connection must surface as an error on the next query, not crash the process.
		pool.on('error', (error) => console.error('PostgreSQL connection error:', error.message));
		const client = await pool.connect();
		try {
			// Serialise schema creation across instances that start at the same time.
			await client.query('SELECT pg_advisory_lock(4242)');
			for (const statement of [...SCHEMA, ...CUBE_SCHEMA, ...CLASS_SCHEMA, ...PROJECT_SCHEMA]) await client.query(statement);
			await client.query('CREATE INDEX IF NOT EXISTS coverage_rows_dataset ON coverage_rows (dataset_id, date)');
			// An aggregate reads one dataset's cube, often a range of its days, not every dataset's.
			await client.query('CREATE INDEX IF NOT EXISTS coverage_cube_dataset ON coverage_cube (dataset_id, day)');
			// Datasets stored before the cube existed get theirs once, on the first start that needs it.
			await client.query(cubeBackfill(POSTGRES));
			await client.query('SELECT pg_advisory_unlock(4242)');
		} finally {
			client.release();
		}
		return new PostgresStore(pool);
	}

	protected async all(sql: string, params: unknown[] = []) {
		return (await this.pool.query(sql, params)).rows;
	}

	protected async columns(sql: string, params: unknown[] = []) {
		const result = await this.pool.query<unknown[]>({ text: sql, values: params, rowMode: 'array' });
		return result.fields.map((_, column) => result.rows.map((row) => row[column]));
	}

	protected write(sql: string, params: unknown[] = []) {
		return this.all(sql, params);
	}

	/**
	 * One transaction on one pooled client. A connection lost between statements (while an
	 * import waits for its next batch) is reported on the client, not on a query: unheard, it
	 * would crash the process; heard, it is what the next statement fails with, and the client
	 * is discarded instead of going back to the pool.
	 */
	protected async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
		const client = await this.pool.connect();
		let lost: Error | undefined;
		const onError = (error: Error) => (lost = error);
		client.on('error', onError);
		try {
			await client.query('BEGIN');
			await work(client);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined);
			throw lost ?? error;
		} finally {
			client.off('error', onError);
			client.release(lost);
		}
	}

	protected async run(client: pg.PoolClient, sql: string, params: unknown[] = []) {
		await client.query(sql, params);
	}

	protected async load(client: pg.PoolClient, datasetId: string, batches: AsyncIterable<DatasetRow[]>, stats: DatasetStats) {
		const flush = async (rows: DatasetRow[]) => {
			if (rows.length === 0) return;
			// One round trip per batch: columns as arrays, unnested server-side.
			await client.query(
				`INSERT INTO coverage_rows (dataset_id, date, outlet, outlet_group, event, language, frame_codes, count, title, url, frame_stances, text)
				 SELECT $1, d, o, g, e, l, f, c, t, u, s, x.text
				 FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[], $10::text[],
				             $11::text[], $12::text[])
				   AS x(d, o, g, e, l, f, c, t, u, s, text)`,
				[
					datasetId,
					rows.map((r) => r.date),
					rows.map((r) => r.outlet),
					rows.map((r) => r.group),
					rows.map((r) => r.event),
					rows.map((r) => r.language),
					rows.map((r) => r.frames.join(';')),
					rows.map((r) => r.count),
					rows.map((r) => r.title),
					rows.map((r) => r.url),
					rows.map((r) => stanceCell(r.stances)),
					rows.map((r) => r.text ?? '')
				]
			);
		};
		let pending: DatasetRow[] = [];
		for await (const batch of batches) {
			for (const row of batch) {
				stats.add(row);
				pending.push(row);
			}
			if (pending.length >= BATCH) {
				await flush(pending);
				pending = [];
			}
		}
		await flush(pending);
	}

	async close() {
		await this.pool.end();
	}
}
