import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { CoverageRecord } from '$lib/domain/charts/aggregate';
import type { Dataset, DatasetMeta } from '$lib/domain/import/dataset';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
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

const frameMatch = (p: string) => `list_has_any(string_split(frame_codes, ';'), string_split(${p}, ';'))`;

const epochDay = (expression: string) => `CAST(epoch(${expression}) / 86400 AS INTEGER)`;

/**
 * Counts pre-summed per dataset × day × outlet group × frame at import. Its size is bounded by
 * days × groups × frames, not by rows (about 120,000 rows for a million articles over five years),
 * so chart aggregates that filter only by date, group and frame never scan the articles. Periods
 * are epoch days: integers convert to JavaScript far faster than dates or strings.
 */
const CUBE_SCHEMA = `CREATE TABLE IF NOT EXISTS coverage_cube (
	dataset_id VARCHAR NOT NULL,
	day INTEGER NOT NULL,
	week INTEGER NOT NULL,
	month INTEGER NOT NULL,
	outlet_group VARCHAR NOT NULL,
	frame VARCHAR NOT NULL,
	count DOUBLE PRECISION NOT NULL
)`;

/** Fills the cube from coverage_rows for the datasets `which` selects (a subquery of ids). */
const cubeInsert = (which: string) => `INSERT INTO coverage_cube
	SELECT dataset_id, ${epochDay('date')}, ${epochDay("date_trunc('week', date)")}, ${epochDay("date_trunc('month', date)")},
	       outlet_group, frame, SUM(count)
	FROM (SELECT dataset_id, date, outlet_group, count,
	             unnest(CASE WHEN frame_codes = '' THEN [''] ELSE string_split(frame_codes, ';') END) AS frame
	      FROM coverage_rows WHERE dataset_id IN (${which}))
	GROUP BY ALL ORDER BY 1, 2`;

/**
 * An import's rows go to DuckDB as CSV parts that its own reader inserts: the appender's call per
 * value cost several times what read_csv does, and while DuckDB's threads read one part the
 * JavaScript thread already parses the next. Parts bound the temporary disk and memory an import
 * holds to about two of them.
 */
const PART_ROWS = 50_000;

/** Reads a part as partLine wrote it; no cell is NULL in the table, so an empty cell is ''. */
const PART_INSERT = `INSERT INTO coverage_rows
	SELECT $1, date, coalesce(outlet, ''), coalesce(outlet_group, ''), coalesce(event, ''), coalesce(language, ''),
	       coalesce(frame_codes, ''), count, coalesce(title, ''), coalesce(url, '')
	FROM read_csv($2, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
		columns = {'date': 'DATE', 'outlet': 'VARCHAR', 'outlet_group': 'VARCHAR', 'event': 'VARCHAR', 'language': 'VARCHAR',
		           'frame_codes': 'VARCHAR', 'count': 'DOUBLE', 'title': 'VARCHAR', 'url': 'VARCHAR'})`;

const partCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const partLine = (r: DatasetRow) =>
	`${r.date},${partCell(r.outlet)},${partCell(r.group)},${partCell(r.event)},${partCell(r.language)},${partCell(r.frames.join(';'))},${r.count},${partCell(r.title)},${partCell(r.url)}\n`;

const isoDays = new Map<number, string>();
function isoDay(epochDays: number): string {
	let iso = isoDays.get(epochDays);
	if (iso === undefined) {
		iso = new Date(epochDays * 86_400_000).toISOString().slice(0, 10);
		isoDays.set(epochDays, iso);
	}
	return iso;
}

/**
 * The embedded default: one DuckDB file, no server to start. Memory and threads are set
 * explicitly because DuckDB would otherwise take up to 80% of RAM.
 */
export class DuckDbStore implements Store {
	readonly engine = 'duckdb' as const;
	private writeQueue: Promise<unknown> = Promise.resolve();

	private constructor(
		private readonly instance: DuckDBInstance,
		/** Where imports stage their parts; beside a database file, so that opening it clears what a killed import left. */
		private readonly staging: string
	) {}

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
			for (const statement of SCHEMA) await connection.run(statement);
			await connection.run(CUBE_SCHEMA);
			for (const statement of CLASS_SCHEMA) await connection.run(statement);
			// Datasets stored before the cube existed get theirs once, on the first start that needs it.
			await connection.run(cubeInsert('SELECT id FROM datasets WHERE id NOT IN (SELECT DISTINCT dataset_id FROM coverage_cube)'));
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
	private write<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
		const next = this.writeQueue.then(() => this.withConnection(work));
		this.writeQueue = next.catch(() => undefined);
		return next;
	}

	private async all(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
		return this.withConnection(async (c) => {
			const reader = await c.runAndReadAll(sql, params as DuckDBValue[]);
			return reader.getRowObjectsJson() as Record<string, unknown>[];
		});
	}

	/** Results as columns: for thousands of rows, far cheaper to convert than row objects. */
	private async columns(sql: string, params: unknown[] = []): Promise<unknown[][]> {
		return this.withConnection(async (c) => (await c.runAndReadAll(sql, params as DuckDBValue[])).getColumnsJson() as unknown[][]);
	}

	async createUser(user: User) {
		await this.write((c) => c.run('INSERT INTO users VALUES ($1, $2, $3, $4, now())', [user.id, user.email, user.name, user.passwordHash]));
	}

	async userByEmail(email: string) {
		return toUser((await this.all('SELECT * FROM users WHERE email = $1', [email]))[0]);
	}

	async userById(id: string) {
		return toUser((await this.all('SELECT * FROM users WHERE id = $1', [id]))[0]);
	}

	async createSession(tokenHash: string, userId: string, expiresAt: Date) {
		await this.write((c) =>
			c.run('INSERT INTO sessions VALUES ($1, $2, CAST($3 AS TIMESTAMP))', [tokenHash, userId, expiresAt.toISOString()])
		);
	}

	async sessionUser(tokenHash: string, now: Date) {
		const rows = await this.all(
			`SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
			 WHERE s.token_hash = $1 AND s.expires_at > CAST($2 AS TIMESTAMP)`,
			[tokenHash, now.toISOString()]
		);
		return toUser(rows[0]);
	}

	async deleteSession(tokenHash: string) {
		await this.write((c) => c.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]));
	}

	async createDataset(dataset: NewDataset, batches: AsyncIterable<DatasetRow[]>): Promise<Dataset> {
		await this.write((c) =>
			inTransaction(c, async () => {
				await mkdir(this.staging, { recursive: true });
				const dir = await mkdtemp(join(this.staging, 'part-'));
				const stats = summarise();
				let part: string[] = [];
				let partRows = 0;
				let inserting: Promise<void> = Promise.resolve();
				// DuckDB reads one part on its threads while this thread collects the next; a part
				// waits for the one before it, so the connection runs one statement at a time.
				const insert = (text: string, rows: number) => {
					const file = join(dir, `${stats.rows}.csv`);
					inserting = inserting.then(async () => {
						await writeFile(file, text);
						const inserted = await c.run(PART_INSERT, [dataset.id, file]);
						await rm(file, { force: true });
						if (inserted.rowsChanged !== rows) throw new Error(`DuckDB read ${inserted.rowsChanged} of the ${rows} rows in ${file}`);
					});
					// Awaited before the transaction ends; this only keeps an early failure from counting as unhandled.
					inserting.catch(() => undefined);
				};
				try {
					for await (const batch of batches) {
						part.push(batch.map(partLine).join(''));
						partRows += batch.length;
						for (const row of batch) stats.add(row);
						if (partRows >= PART_ROWS) {
							await inserting;
							insert(part.join(''), partRows);
							part = [];
							partRows = 0;
						}
					}
					if (partRows > 0) insert(part.join(''), partRows);
					await inserting;
				} finally {
					await inserting.catch(() => undefined);
					await rm(dir, { recursive: true, force: true });
				}
				await c.run(cubeInsert('$1'), [dataset.id]);
				await c.run(
					`INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
						CAST($13 AS DATE), CAST($14 AS DATE))`,
					datasetInsertParams(dataset, stats) as DuckDBValue[]
				);
			})
		);
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
		await this.write((c) =>
			c.run(
				`UPDATE datasets SET title = $2, description = $3, source = $4, licence = $5, citation = $6, visibility = $7
				 WHERE id = $1`,
				[id, meta.title, meta.description, meta.source, meta.licence, meta.citation, meta.visibility]
			)
		);
	}

	async deleteDataset(id: string) {
		await this.write((c) =>
			inTransaction(c, async () => {
				await c.run('DELETE FROM coverage_rows WHERE dataset_id = $1', [id]);
				await c.run('DELETE FROM coverage_cube WHERE dataset_id = $1', [id]);
				await c.run('DELETE FROM datasets WHERE id = $1', [id]);
			})
		);
	}

	async records(datasetId: string, filter: RowFilter = {}): Promise<CoverageRecord[]> {
		const where = whereClause(datasetId, filter, frameMatch);
		return this.withConnection(async (c) => {
			const reader = await c.runAndReadAll(
				`SELECT CAST(date AS VARCHAR) AS date, outlet, outlet_group, event, language, frame_codes, count
				 FROM coverage_rows WHERE ${where.sql}`,
				where.params as DuckDBValue[]
			);
			const [dates, outlets, groups, events, languages, frames, counts] = reader.getColumnsJson() as unknown[][];
			const out: CoverageRecord[] = new Array(dates?.length ?? 0);
			for (let i = 0; i < out.length; i++) {
				const codes = String(frames?.[i] ?? '');
				out[i] = {
					date: String(dates?.[i]),
					outlet: String(outlets?.[i]),
					group: String(groups?.[i]),
					event: String(events?.[i]),
					language: String(languages?.[i]),
					frames: codes === '' ? [] : codes.split(';'),
					count: Number(counts?.[i])
				};
			}
			return out;
		});
	}

	async rows(datasetId: string, filter: RowFilter, limit: number, offset: number): Promise<DatasetRow[]> {
		const where = whereClause(datasetId, filter, frameMatch);
		const rows = await this.all(
			`SELECT CAST(date AS VARCHAR) AS date, outlet, outlet_group, event, language, frame_codes, count, title, url
			 FROM coverage_rows WHERE ${where.sql} ORDER BY date, outlet, url LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
			where.params
		);
		return rows.map(datasetRowFromDb);
	}

	async aggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const byArticle = [filter.outlets, filter.events, filter.languages].some((values) => values && values.length > 0);
		return byArticle ? this.aggregateRows(datasetId, granularity, filter) : this.aggregateCube(datasetId, granularity, filter);
	}

	private async aggregateCube(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const params: unknown[] = [datasetId];
		const add = (value: unknown) => `$${params.push(value)}`;
		const parts = ['dataset_id = $1'];
		if (filter.from) parts.push(`day >= CAST(${add(filter.from)} AS DATE) - DATE '1970-01-01'`);
		if (filter.to) parts.push(`day <= CAST(${add(filter.to)} AS DATE) - DATE '1970-01-01'`);
		if (filter.groups?.length) parts.push(`outlet_group IN (${filter.groups.map(add).join(', ')})`);
		if (filter.frames?.length) parts.push(`frame IN (${filter.frames.map(add).join(', ')})`);
		const [periods = [], groups = [], frames = [], counts = []] = await this.columns(
			`SELECT ${granularity} AS period, outlet_group, frame, SUM(count) AS count
			 FROM coverage_cube WHERE ${parts.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
			params
		);
		return periods.map((period, i) => ({
			period: isoDay(Number(period)),
			group: String(groups[i]),
			frame: String(frames[i]),
			count: Number(counts[i])
		}));
	}

	/** Outlet, event and language filters need the articles themselves: the cube has no such columns. */
	private async aggregateRows(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const where = whereClause(datasetId, filter, frameMatch);
		const frames = filter.frames ?? [];
		const params = [...where.params];
		const keep = frames.length > 0 ? `WHERE list_contains(string_split($${params.push(frames.join(';'))}, ';'), frame)` : '';
		// Summing per (period, group, frame list) first splits each frame list once per period and
		// group instead of once per stored row; the sums are the same.
		const [periods = [], groups = [], frameCol = [], counts = []] = await this.columns(
			`SELECT period, outlet_group, frame, SUM(count) AS count
			 FROM (SELECT period, outlet_group, count,
			         unnest(CASE WHEN frame_codes = '' THEN [''] ELSE string_split(frame_codes, ';') END) AS frame
			       FROM (SELECT CAST(date_trunc('${granularity}', date) AS VARCHAR) AS period, outlet_group, frame_codes, SUM(count) AS count
			             FROM coverage_rows WHERE ${where.sql} GROUP BY 1, 2, 3)) ${keep}
			 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
			params
		);
		return periods.map((period, i) => ({
			period: String(period).slice(0, 10),
			group: String(groups[i]),
			frame: String(frameCol[i]),
			count: Number(counts[i])
		}));
	}

	async createCodingSession(session: CodingSessionRecord) {
		await this.write((c) => c.run(CODING_SQL.insertSession, codingSessionParams(session) as DuckDBValue[]));
	}

	async codingSession(id: string) {
		return codingSessionFromRow((await this.all(CODING_SQL.session, [id]))[0]);
	}

	async codingSessionByJoinCode(joinCode: string, now: number) {
		return codingSessionFromRow((await this.all(CODING_SQL.byJoinCode, [joinCode, now]))[0]);
	}

	async touchCodingSession(id: string, expiresAt: number, revealed = false) {
		await this.write((c) => c.run(CODING_SQL.touch, [id, expiresAt, revealed]));
	}

	async deleteCodingSessionsBefore(before: number) {
		await this.write((c) =>
			inTransaction(c, async () => {
				await c.run(CODING_SQL.deleteAnswers, [before]);
				await c.run(CODING_SQL.deleteStudents, [before]);
				await c.run(CODING_SQL.deleteSessions, [before]);
			})
		);
	}

	async addCodingStudent(sessionId: string, student: CodingStudentRecord) {
		await this.write((c) => c.run(CODING_SQL.insertStudent, [sessionId, student.id, student.nickname, student.tokenHash]));
	}

	async codingStudents(sessionId: string) {
		return (await this.all(CODING_SQL.students, [sessionId])).map(codingStudentFromRow);
	}

	async saveCodingAnswer(sessionId: string, answer: CodingAnswerRecord) {
		await this.write((c) => c.run(CODING_SQL.saveAnswer, [sessionId, answer.studentId, answer.claimId, answer.frames.join(';')]));
	}

	async codingAnswers(sessionId: string) {
		return (await this.all(CODING_SQL.answers, [sessionId])).map(codingAnswerFromRow);
	}

	async createDispute(dispute: Dispute) {
		await this.write((c) => c.run(DISPUTE_INSERT, disputeParams(dispute) as DuckDBValue[]));
	}

	async disputes(status?: 'open' | 'resolved') {
		return (await this.all(disputeQuery(status))).map(disputeFromRow);
	}

	async resolveDispute(id: string, resolution: { status: Resolution; note: string; resolvedAt: string }) {
		return this.write(async (c) => {
			const reader = await c.runAndReadAll(DISPUTE_RESOLVE, [id, resolution.status, resolution.note, resolution.resolvedAt]);
			return reader.getRows().length > 0;
		});
	}

	async query(sql: string, params: unknown[] = []) {
		return this.all(sql, params);
	}

	async execute(statements: { sql: string; params?: unknown[] }[]) {
		await this.write((c) =>
			inTransaction(c, async () => {
				for (const s of statements) await c.run(s.sql, (s.params ?? []) as DuckDBValue[]);
			})
		);
	}

	async close() {
		await this.writeQueue;
		this.instance.closeSync();
	}
}
