import pg from 'pg';
import { CLASS_SCHEMA } from './classes';
import { PROJECT_SCHEMA } from './projects';
import { CUBE_SCHEMA, SCHEMA } from './sql';
import { PART_COLUMNS, PART_TEXT_COLUMNS, type DatasetPart } from './part';
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

const COLUMNS = Object.keys(PART_COLUMNS).join(', ');

/**
 * COPY … FROM STDIN with one part's text as its data. pg has no COPY of its own: the server asks
 * the running query for the data, which here is the part's text, sent whole.
 */
class CopyIn extends pg.Query {
	constructor(
		sql: string,
		private readonly csv: Uint8Array,
		done: (error: Error | undefined, result: { rowCount: number | null }) => void
	) {
		super(sql, done);
	}

	handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }) {
		connection.sendCopyFromChunk(Buffer.from(this.csv.buffer, this.csv.byteOffset, this.csv.byteLength));
		connection.endCopyFrom();
	}
}

function copyIn(client: pg.PoolClient, sql: string, csv: Uint8Array): Promise<number | null> {
	return new Promise((resolve, reject) => {
		client.query(new CopyIn(sql, csv, (error, result) => (error ? reject(error) : resolve(result.rowCount))));
	});
}

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

	/**
	 * Each part is COPied, PostgreSQL's own CSV reader, into a table of this transaction, and moved
	 * into coverage_rows with the dataset's id at the end: COPY cannot set a column the text lacks.
	 * Empty cells are '' (FORCE_NOT_NULL), as the table wants them.
	 */
	protected async load(client: pg.PoolClient, datasetId: string, parts: AsyncIterable<DatasetPart>, stats: DatasetStats) {
		await client.query(`CREATE TEMP TABLE import_rows ON COMMIT DROP AS SELECT ${COLUMNS} FROM coverage_rows WITH NO DATA`);
		const copy = `COPY import_rows FROM STDIN (FORMAT csv, FORCE_NOT_NULL (${PART_TEXT_COLUMNS.join(', ')}))`;
		for await (const part of parts) {
			stats.add(part);
			const copied = await copyIn(client, copy, part.csv);
			if (copied !== part.rows) throw new Error(`PostgreSQL read ${copied} of the ${part.rows} rows of a part`);
		}
		await client.query(`INSERT INTO coverage_rows (dataset_id, ${COLUMNS}) SELECT $1, ${COLUMNS} FROM import_rows`, [datasetId]);
	}

	async close() {
		await this.pool.end();
	}
}
