import pg from 'pg';
import type { CoverageRecord } from '$lib/domain/charts/aggregate';
import type { Dataset, DatasetMeta } from '$lib/domain/import/dataset';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import {
	codingAnswerFromRow,
	codingSessionFromRow,
	codingSessionParams,
	codingStudentFromRow,
	datasetFromRow,
	datasetInsertParams,
	datasetRowFromDb,
	disputeFromRow,
	disputeParams,
	summarise,
	toUser
} from './common';
import type { Dispute, Resolution } from '$lib/domain/ledger/disputes';
import { CLASS_SCHEMA } from './classes';
import { CODING_SQL, DATASET_SELECT, DISPUTE_INSERT, DISPUTE_RESOLVE, disputeQuery, SCHEMA, whereClause } from './sql';
import type {
	AggregateRow,
	CodingAnswerRecord,
	CodingSessionRecord,
	CodingStudentRecord,
	NewDataset,
	RowFilter,
	Store,
	User
} from './types';

// DATE columns as 'yyyy-mm-dd' strings, not JS Dates shifted by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);
// DOUBLE PRECISION as numbers.
pg.types.setTypeParser(701, (value) => Number(value));

const frameMatch = (p: string) => `string_to_array(frame_codes, ';') && string_to_array(${p}, ';')`;
const BATCH = 5000;

/** PostgreSQL, selected by DATABASE_URL, so several app instances can share one database. */
export class PostgresStore implements Store {
	readonly engine = 'postgres' as const;

	private constructor(private readonly pool: pg.Pool) {}

	static async open(connectionString: string): Promise<PostgresStore> {
		const pool = new pg.Pool({ connectionString, max: 10 });
		// A lost connection must surface as an error on the next query, not crash the process.
		pool.on('error', (error) => console.error('PostgreSQL connection error:', error.message));
		const client = await pool.connect();
		try {
			// Serialise schema creation across instances that start at the same time.
			await client.query('SELECT pg_advisory_lock(4242)');
			for (const statement of [...SCHEMA, ...CLASS_SCHEMA]) await client.query(statement);
			await client.query('CREATE INDEX IF NOT EXISTS coverage_rows_dataset ON coverage_rows (dataset_id, date)');
			await client.query('SELECT pg_advisory_unlock(4242)');
		} finally {
			client.release();
		}
		return new PostgresStore(pool);
	}

	private async all(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
		return (await this.pool.query(sql, params)).rows;
	}

	async createUser(user: User) {
		await this.pool.query('INSERT INTO users VALUES ($1, $2, $3, $4, now())', [user.id, user.email, user.name, user.passwordHash]);
	}

	async userByEmail(email: string) {
		return toUser((await this.all('SELECT * FROM users WHERE email = $1', [email]))[0]);
	}

	async userById(id: string) {
		return toUser((await this.all('SELECT * FROM users WHERE id = $1', [id]))[0]);
	}

	async createSession(tokenHash: string, userId: string, expiresAt: Date) {
		await this.pool.query('INSERT INTO sessions VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt.toISOString()]);
	}

	async sessionUser(tokenHash: string, now: Date) {
		const rows = await this.all(
			`SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
			[tokenHash, now.toISOString()]
		);
		return toUser(rows[0]);
	}

	async deleteSession(tokenHash: string) {
		await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
	}

	/**
	 * One transaction on one pooled client. A connection lost between statements (while an
	 * import waits for its next batch) is reported on the client, not on a query: unheard, it
	 * would crash the process; heard, it is what the next statement fails with, and the client
	 * is discarded instead of going back to the pool.
	 */
	private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
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

	async createDataset(dataset: NewDataset, batches: AsyncIterable<DatasetRow[]>): Promise<Dataset> {
		await this.transaction(async (client) => {
			const stats = summarise();
			const flush = async (rows: DatasetRow[]) => {
				if (rows.length === 0) return;
				// One round trip per batch: columns as arrays, unnested server-side.
				await client.query(
					`INSERT INTO coverage_rows
					 SELECT $1, d, o, g, e, l, f, c, t, u
					 FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[], $10::text[])
					   AS x(d, o, g, e, l, f, c, t, u)`,
					[
						dataset.id,
						rows.map((r) => r.date),
						rows.map((r) => r.outlet),
						rows.map((r) => r.group),
						rows.map((r) => r.event),
						rows.map((r) => r.language),
						rows.map((r) => r.frames.join(';')),
						rows.map((r) => r.count),
						rows.map((r) => r.title),
						rows.map((r) => r.url)
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
			await client.query(
				`INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
				datasetInsertParams(dataset, stats)
			);
		});
		const stored = await this.dataset(dataset.id);
		if (!stored) throw new Error(`dataset ${dataset.id} vanished after commit`);
		return stored;
	}

	async datasets() {
		return (await this.all(`${DATASET_SELECT} ORDER BY d.created_at DESC`)).map(datasetFromRow);
	}

	async dataset(id: string) {
		const row = (await this.all(`${DATASET_SELECT} WHERE d.id = $1`, [id]))[0];
		return row ? datasetFromRow(row) : undefined;
	}

	async updateDataset(id: string, meta: DatasetMeta) {
		await this.pool.query(
			`UPDATE datasets SET title = $2, description = $3, source = $4, licence = $5, citation = $6, visibility = $7
			 WHERE id = $1`,
			[id, meta.title, meta.description, meta.source, meta.licence, meta.citation, meta.visibility]
		);
	}

	async deleteDataset(id: string) {
		await this.transaction(async (client) => {
			await client.query('DELETE FROM coverage_rows WHERE dataset_id = $1', [id]);
			await client.query('DELETE FROM datasets WHERE id = $1', [id]);
		});
	}

	async records(datasetId: string, filter: RowFilter = {}): Promise<CoverageRecord[]> {
		const where = whereClause(datasetId, filter, frameMatch);
		const rows = await this.all(
			`SELECT date, outlet, outlet_group, event, language, frame_codes, count FROM coverage_rows WHERE ${where.sql}`,
			where.params
		);
		return rows.map((r) => {
			const { date, outlet, group, event, language, frames, count } = datasetRowFromDb(r);
			return { date, outlet, group, event, language, frames, count };
		});
	}

	async rows(datasetId: string, filter: RowFilter, limit: number, offset: number): Promise<DatasetRow[]> {
		const where = whereClause(datasetId, filter, frameMatch);
		const rows = await this.all(
			`SELECT date, outlet, outlet_group, event, language, frame_codes, count, title, url
			 FROM coverage_rows WHERE ${where.sql} ORDER BY date, outlet, url LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
			where.params
		);
		return rows.map(datasetRowFromDb);
	}

	async aggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const where = whereClause(datasetId, filter, frameMatch);
		const frames = filter.frames ?? [];
		const params = [...where.params];
		const keep = frames.length > 0 ? `WHERE frame = ANY($${params.push(frames)})` : '';
		const rows = await this.all(
			`SELECT to_char(date_trunc('${granularity}', date), 'YYYY-MM-DD') AS period, outlet_group, frame, SUM(count) AS count
			 FROM (SELECT date, outlet_group, count,
			         unnest(CASE WHEN frame_codes = '' THEN ARRAY[''] ELSE string_to_array(frame_codes, ';') END) AS frame
			       FROM coverage_rows WHERE ${where.sql}) x ${keep}
			 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
			params
		);
		return rows.map((r) => ({
			period: String(r.period),
			group: String(r.outlet_group),
			frame: String(r.frame),
			count: Number(r.count)
		}));
	}

	async createCodingSession(session: CodingSessionRecord) {
		await this.pool.query(CODING_SQL.insertSession, codingSessionParams(session));
	}

	async codingSession(id: string) {
		return codingSessionFromRow((await this.all(CODING_SQL.session, [id]))[0]);
	}

	async codingSessionByJoinCode(joinCode: string, now: number) {
		return codingSessionFromRow((await this.all(CODING_SQL.byJoinCode, [joinCode, now]))[0]);
	}

	async touchCodingSession(id: string, expiresAt: number, revealed = false) {
		await this.pool.query(CODING_SQL.touch, [id, expiresAt, revealed]);
	}

	async deleteCodingSessionsBefore(before: number) {
		const client = await this.pool.connect();
		try {
			await client.query('BEGIN');
			await client.query(CODING_SQL.deleteAnswers, [before]);
			await client.query(CODING_SQL.deleteStudents, [before]);
			await client.query(CODING_SQL.deleteSessions, [before]);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined);
			throw error;
		} finally {
			client.release();
		}
	}

	async addCodingStudent(sessionId: string, student: CodingStudentRecord) {
		await this.pool.query(CODING_SQL.insertStudent, [sessionId, student.id, student.nickname, student.tokenHash]);
	}

	async codingStudents(sessionId: string) {
		return (await this.all(CODING_SQL.students, [sessionId])).map(codingStudentFromRow);
	}

	async saveCodingAnswer(sessionId: string, answer: CodingAnswerRecord) {
		await this.pool.query(CODING_SQL.saveAnswer, [sessionId, answer.studentId, answer.claimId, answer.frames.join(';')]);
	}

	async codingAnswers(sessionId: string) {
		return (await this.all(CODING_SQL.answers, [sessionId])).map(codingAnswerFromRow);
	}

	async createDispute(dispute: Dispute) {
		await this.pool.query(DISPUTE_INSERT, disputeParams(dispute));
	}

	async disputes(status?: 'open' | 'resolved') {
		return (await this.all(disputeQuery(status))).map(disputeFromRow);
	}

	async resolveDispute(id: string, resolution: { status: Resolution; note: string; resolvedAt: string }) {
		const result = await this.pool.query(DISPUTE_RESOLVE, [id, resolution.status, resolution.note, resolution.resolvedAt]);
		return (result.rowCount ?? 0) > 0;
	}

	async query(sql: string, params: unknown[] = []) {
		return this.all(sql, params);
	}

	async execute(statements: { sql: string; params?: unknown[] }[]) {
		await this.transaction(async (client) => {
			for (const s of statements) await client.query(s.sql, s.params ?? []);
		});
	}

	async close() {
		await this.pool.end();
	}
}
