import type { FrameStance } from '$lib/domain/charts/aggregate';
import { listColumn, numberColumn, textColumn, type PackedRecords } from '$lib/domain/charts/packed-records';
import { SUMMED } from '$lib/domain/charts/coverage';
import type { Dataset, DatasetMeta } from '$lib/domain/import/dataset';
import type { Dispute, Resolution } from '$lib/domain/ledger/disputes';
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
	datasetStats,
	stancesFromDb,
	toUser
} from './common';
import type { DatasetPart } from './part';
import { ACCOUNT_SQL, CODING_SQL, DATASET_SELECT, DISPUTE_INSERT, DISPUTE_RESOLVE, disputeQuery, whereClause } from './sql';
import type {
	AggregateRow,
	ChartShape,
	CodingAnswerRecord,
	CodingSessionRecord,
	CodingStudentRecord,
	DistinctColumn,
	NewDataset,
	PendingSignup,
	RowFilter,
	Store,
	User
} from './types';

/** How an engine spells lists, which is where DuckDB and PostgreSQL SQL part ways. */
export interface Dialect {
	/** A `;`-joined text as a list of its parts. */
	split(text: string): string;
	/** A list literal of the given SQL values. */
	list(...items: string[]): string;
	/** True when two lists share an item. */
	overlap(a: string, b: string): string;
	/** True when `item` is in `list`. */
	contains(list: string, item: string): string;
}

/** Every stored row's own day and outlet: grouping by them merges only rows the charts cannot tell apart. */
export const FINEST_SHAPE: ChartShape = { period: 'day', outlets: true };

/** The SELECT expressions and GROUP BY list of a chart shape; a dropped outlet is ''. */
function shapeColumns(shape: ChartShape) {
	const value = shape.mean ? 'AVG(count)' : 'SUM(count)';
	const period = shape.period === 'day' ? 'date' : `CAST(date_trunc('${shape.period}', date) AS DATE)`;
	const events = shape.events !== false;
	const languages = shape.languages !== false;
	return {
		value,
		period,
		outlet: shape.outlets ? 'outlet' : "''",
		event: events ? 'event' : `'${SUMMED}'`,
		language: languages ? 'language' : `'${SUMMED}'`,
		groupBy: [
			period,
			...(shape.outlets ? ['outlet'] : []),
			'outlet_group',
			...(events ? ['event'] : []),
			...(languages ? ['language'] : []),
			'frame_codes',
			'frame_stances'
		].join(', ')
	};
}

/**
 * Every column, so that only identical rows tie: pages read by OFFSET then neither skip nor
 * repeat a row, whichever order an engine gives ties.
 */
const ROW_ORDER = 'date, outlet, url, outlet_group, event, language, frame_codes, frame_stances, count, title, text';

export type DatasetStats = ReturnType<typeof datasetStats>;

/** Each row's frames as a list to unnest, with '' standing for an uncoded row. */
const framesOrUncoded = (d: Dialect) => `CASE WHEN frame_codes = '' THEN ${d.list("''")} ELSE ${d.split('frame_codes')} END`;

/**
 * Each row's stances as a list unnested beside framesOrUncoded() in the same SELECT: both
 * engines step through the two lists together, padding the shorter with NULL, so each frame
 * meets its own stance and a frame without one gets NULL (read as '').
 */
const stancesOf = (d: Dialect) => d.split("coalesce(frame_stances, '')");

/** Days since 1970-01-01 of a DATE expression, spelled alike in both engines. */
const epochDay = (date: string) => `CAST(${date} - DATE '1970-01-01' AS INTEGER)`;
const periodStart = (unit: 'week' | 'month') => `CAST(date_trunc('${unit}', date) AS DATE)`;

/**
 * Fills coverage_cube from coverage_rows for the datasets `which` selects (a placeholder or a
 * subquery of ids). Weeks and months are worked out once per summed day rather than once per
 * article, and grouped by fewer keys: PostgreSQL's sort before its grouping is most of the cost.
 * Written in day order, so a dataset's days lie together for the date ranges that read them.
 */
const cubeInsert = (
	d: Dialect,
	which: string
) => `INSERT INTO coverage_cube (dataset_id, day, week, month, outlet_group, frame, stance, count)
	SELECT dataset_id, ${epochDay('date')}, ${epochDay(periodStart('week'))}, ${epochDay(periodStart('month'))},
	       outlet_group, frame, stance, count
	FROM (SELECT dataset_id, date, outlet_group, frame, coalesce(stance, '') AS stance, SUM(count) AS count
	      FROM (SELECT dataset_id, date, outlet_group, count, unnest(${framesOrUncoded(d)}) AS frame, unnest(${stancesOf(d)}) AS stance
	            FROM coverage_rows WHERE dataset_id IN (${which})) by_frame
	      GROUP BY 1, 2, 3, 4, 5) by_day
	ORDER BY 1, 2`;

/**
 * Fills the cube of every dataset stored before it existed, run when a store opens. Asked per
 * dataset (an index probe in PostgreSQL), so a start with none missing reads next to nothing.
 */
export const cubeBackfill = (d: Dialect) =>
	cubeInsert(d, 'SELECT id FROM datasets d WHERE NOT EXISTS (SELECT 1 FROM coverage_cube c WHERE c.dataset_id = d.id)');

const isoDays = new Map<number, string>();
function isoDay(epochDays: number): string {
	let iso = isoDays.get(epochDays);
	if (iso === undefined) {
		iso = new Date(epochDays * 86_400_000).toISOString().slice(0, 10);
		isoDays.set(epochDays, iso);
	}
	return iso;
}

/** Summed records as one array per field, read out of an engine. */
interface RecordTexts {
	dates: string[];
	outlets: string[];
	groups: string[];
	events: string[];
	languages: string[];
	frameCells: string[];
	stanceCells: string[];
	counts: number[];
}

/** Records of recordTexts() packed as the charts page receives them: all of them, or those at `rows`. */
function packTexts(records: RecordTexts, rows?: number[]): PackedRecords {
	const slice = <T>(column: T[]) => (rows ? rows.map((i) => column[i]!) : column);
	const codes = slice(records.frameCells);
	const stanceCells = slice(records.stanceCells);
	const frameList = (cell: string) => (cell === '' ? [] : cell.split(';'));
	const frameCount = (cell: string) => (cell === '' ? 0 : cell.split(';').length);
	// A stance cell is read against as many frames as its record has, so both make its key.
	const stanceKeys = stanceCells.map((cell, i) => (cell === '' ? undefined : `${frameCount(codes[i]!)}:${cell}`));
	return {
		length: rows?.length ?? records.dates.length,
		columns: {
			date: textColumn(slice(records.dates)),
			outlet: textColumn(slice(records.outlets)),
			group: textColumn(slice(records.groups)),
			event: textColumn(slice(records.events)),
			language: textColumn(slice(records.languages)),
			frames: listColumn(codes, frameList),
			// Left out when no record has stances, as from records without them.
			...(stanceKeys.some((key) => key !== undefined) && {
				stances: listColumn(stanceKeys, (_, i) => stancesFromDb(stanceCells[i], frameCount(codes[i]!))!)
			}),
			count: numberColumn(slice(records.counts))
		}
	};
}

/**
 * Everything both engines do alike, written once: the statements, the row mapping, the dataset
 * transaction. An engine supplies its connection (`C`, what a transaction runs on), its bulk
 * load and its Dialect.
 */
export abstract class SqlStore<C> implements Store {
	abstract readonly engine: Store['engine'];
	protected abstract readonly dialect: Dialect;
	/** Tables that hold a dataset's rows, emptied of them when it is deleted. */
	protected readonly rowTables: string[] = ['coverage_rows', 'coverage_cube'];

	/** A read. */
	protected abstract all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
	/** A read as columns: for thousands of rows, cheaper to convert than row objects. */
	protected abstract columns(sql: string, params?: unknown[]): Promise<unknown[][]>;
	/** One write statement on its own; the rows it returns. */
	protected abstract write(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
	/** Several statements that succeed or fail together. */
	protected abstract transaction(work: (c: C) => Promise<void>): Promise<void>;
	/** One statement inside a transaction. */
	protected abstract run(c: C, sql: string, params?: unknown[]): Promise<void>;
	/** Stores every part of a dataset inside its transaction, adding each to `stats`. */
	protected abstract load(c: C, datasetId: string, parts: AsyncIterable<DatasetPart>, stats: DatasetStats): Promise<void>;
	abstract close(): Promise<void>;

	protected frameMatch = (p: string) => this.dialect.overlap(this.dialect.split('frame_codes'), this.dialect.split(p));

	async query(sql: string, params: unknown[] = []) {
		return this.all(sql, params);
	}

	async execute(statements: { sql: string; params?: unknown[] }[]) {
		await this.transaction(async (c) => {
			for (const s of statements) await this.run(c, s.sql, s.params ?? []);
		});
	}

	async createUser(user: Omit<User, 'verified'>) {
		await this.write(ACCOUNT_SQL.insertUser, [user.id, user.email, user.name, user.passwordHash]);
	}

	async createEmailToken(tokenHash: string, userId: string, expiresAt: Date, signup?: PendingSignup) {
		await this.write(ACCOUNT_SQL.insertEmailToken, [
			tokenHash,
			userId,
			expiresAt.toISOString(),
			signup?.name ?? null,
			signup?.passwordHash ?? null
		]);
	}

	/**
	 * Read, then delete: two clicks racing on one link can at most both confirm the same account
	 * for whoever holds the link, which one click does anyway.
	 */
	async useEmailToken(tokenHash: string, now: Date) {
		const [token] = await this.all(ACCOUNT_SQL.emailToken, [tokenHash, now.toISOString()]);
		if (token) await this.write(ACCOUNT_SQL.deleteEmailToken, [tokenHash]);
		if (!token?.live) return undefined;
		const signup = token.password_hash ? { name: String(token.name), passwordHash: String(token.password_hash) } : undefined;
		return { userId: String(token.user_id), signup };
	}

	async applySignup(userId: string, signup: PendingSignup) {
		await this.write(ACCOUNT_SQL.applySignup, [userId, signup.name, signup.passwordHash]);
	}

	async markVerified(userId: string, at: Date) {
		await this.write(ACCOUNT_SQL.verifyUser, [userId, at.toISOString()]);
	}

	async userByEmail(email: string) {
		return toUser((await this.all('SELECT * FROM users WHERE email = $1', [email]))[0]);
	}

	async userById(id: string) {
		return toUser((await this.all('SELECT * FROM users WHERE id = $1', [id]))[0]);
	}

	async createSession(tokenHash: string, userId: string, expiresAt: Date) {
		await this.write('INSERT INTO sessions VALUES ($1, $2, CAST($3 AS TIMESTAMP))', [tokenHash, userId, expiresAt.toISOString()]);
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
		await this.write('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
	}

	async createDataset(dataset: NewDataset, parts: AsyncIterable<DatasetPart>): Promise<Dataset> {
		await this.transaction(async (c) => {
			const stats = datasetStats();
			await this.load(c, dataset.id, parts, stats);
			await this.run(c, cubeInsert(this.dialect, '$1'), [dataset.id]);
			await this.run(
				c,
				`INSERT INTO datasets (id, owner_id, title, description, source, licence, citation, visibility, share_token, created_at,
				   row_count, article_count, window_start, window_end, measure)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CAST($13 AS DATE), CAST($14 AS DATE), $15)`,
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
		await this.write(
			`UPDATE datasets SET title = $2, description = $3, source = $4, licence = $5, citation = $6, visibility = $7
			 WHERE id = $1`,
			[id, meta.title, meta.description, meta.source, meta.licence, meta.citation, meta.visibility]
		);
	}

	async deleteDataset(id: string) {
		await this.transaction(async (c) => {
			for (const table of this.rowTables) await this.run(c, `DELETE FROM ${table} WHERE dataset_id = $1`, [id]);
			await this.run(c, 'DELETE FROM datasets WHERE id = $1', [id]);
		});
	}

	async packedRecords(datasetId: string, filter: RowFilter = {}, shape: ChartShape = FINEST_SHAPE): Promise<PackedRecords> {
		return packTexts(await this.recordTexts(whereClause(datasetId, filter, this.frameMatch), shape));
	}

	async packedRecordsByOutlet(datasetId: string, outlets: string[], shape: ChartShape & { outlets: true }) {
		// Unordered: sorting the records took a new outlet's read from about 30 to about 60 ms, and
		// the charts add them up in any order.
		const records = await this.recordTexts(whereClause(datasetId, { outlets }, this.frameMatch), shape, false);
		const rows = new Map<string, number[]>(outlets.map((outlet) => [outlet, []]));
		records.outlets.forEach((outlet, i) => rows.get(outlet)?.push(i));
		return new Map([...rows].map(([outlet, own]) => [outlet, packTexts(records, own)]));
	}

	/**
	 * The records a shape sums the rows a filter keeps into, as texts, in the order of the shape's
	 * columns unless `ordered` is false. Turning each text cell into a JavaScript string is most of the cost of
	 * reading them out of either engine, so the five short texts of a record are read as one and
	 * split once per distinct combination: days as numbers and one text per record took 22,000
	 * records' reading from 56–120 ms to 17–50 ms. Stored texts hold no control character (the
	 * row schema refuses them), so U+001F cannot occur inside one.
	 */
	private async recordTexts(where: { sql: string; params: unknown[] }, shape: ChartShape, ordered = true): Promise<RecordTexts> {
		const { value, period, outlet, event, language, groupBy } = shapeColumns(shape);
		const [days = [], keys = [], counts = []] = await this.columns(
			`SELECT ${epochDay(period)} AS day,
			        concat_ws(chr(31), ${outlet}, outlet_group, ${event}, ${language}, frame_codes, coalesce(frame_stances, '')) AS texts,
			        ${value} AS count
			 FROM coverage_rows WHERE ${where.sql} GROUP BY ${groupBy}${ordered ? ` ORDER BY ${groupBy}` : ''}`,
			where.params
		);
		const split = new Map<string, string[]>();
		const records: RecordTexts = {
			dates: days.map((day) => isoDay(Number(day))),
			outlets: [],
			groups: [],
			events: [],
			languages: [],
			frameCells: [],
			stanceCells: [],
			counts: counts.map(Number)
		};
		for (const key of keys as string[]) {
			let texts = split.get(key);
			if (!texts) split.set(key, (texts = key.split('\u001f')));
			records.outlets.push(texts[0]!);
			records.groups.push(texts[1]!);
			records.events.push(texts[2]!);
			records.languages.push(texts[3]!);
			records.frameCells.push(texts[4]!);
			records.stanceCells.push(texts[5]!);
		}
		return records;
	}

	async recordGroups(datasetId: string, filter: RowFilter, shape: ChartShape): Promise<number> {
		const where = whereClause(datasetId, filter, this.frameMatch);
		const [row] = await this.all(
			`SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM coverage_rows WHERE ${where.sql} GROUP BY ${shapeColumns(shape).groupBy}) g`,
			where.params
		);
		return Number(row?.n ?? 0);
	}

	async recordGroupsByOutlet(datasetId: string, shape: ChartShape & { outlets: true }): Promise<Map<string, number>> {
		const [outlets = [], counts = []] = await this.columns(
			`SELECT outlet, COUNT(*) AS n FROM (SELECT outlet FROM coverage_rows WHERE dataset_id = $1 GROUP BY ${shapeColumns(shape).groupBy}) g GROUP BY outlet`,
			[datasetId]
		);
		return new Map(outlets.map((outlet, i) => [String(outlet), Number(counts[i])]));
	}

	async distinct(datasetId: string, column: DistinctColumn): Promise<string[]> {
		// Frames are read from the cube, where each is a value of its own ('' for rows without any).
		const [values = []] = await this.columns(
			column === 'frame'
				? `SELECT DISTINCT frame FROM coverage_cube WHERE dataset_id = $1 AND frame <> '' ORDER BY frame`
				: `SELECT DISTINCT ${column} FROM coverage_rows WHERE dataset_id = $1 ORDER BY ${column}`,
			[datasetId]
		);
		return values.map(String);
	}

	async rows(datasetId: string, filter: RowFilter, limit: number, offset: number): Promise<DatasetRow[]> {
		const query = this.rowQuery(datasetId, filter);
		const rows = await this.all(`${query.sql} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`, query.params);
		return rows.map(datasetRowFromDb);
	}

	/**
	 * Pages read by OFFSET: each sorts the rows again, which an engine that can read one query's
	 * answer a batch at a time avoids by overriding this.
	 */
	async *rowBatches(datasetId: string, filter: RowFilter, batchRows = 10_000): AsyncGenerator<DatasetRow[]> {
		for (let offset = 0; ; offset += batchRows) {
			const rows = await this.rows(datasetId, filter, batchRows, offset);
			if (rows.length > 0) yield rows;
			if (rows.length < batchRows) return;
		}
	}

	/** The rows a filter keeps, as datasetRowFromDb reads them, in ROW_ORDER. */
	protected rowQuery(datasetId: string, filter: RowFilter): { sql: string; params: unknown[] } {
		const where = whereClause(datasetId, filter, this.frameMatch);
		return {
			sql: `SELECT CAST(date AS VARCHAR) AS date, outlet, outlet_group, event, language, frame_codes, frame_stances, count, title, url, text
			 FROM coverage_rows WHERE ${where.sql} ORDER BY ${ROW_ORDER}`,
			params: where.params
		};
	}

	/** From the cube unless the filter names outlets, events or languages: only the articles themselves hold those. */
	async aggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const byArticle = [filter.outlets, filter.events, filter.languages].some((values) => values && values.length > 0);
		return byArticle ? this.rowAggregate(datasetId, granularity, filter) : this.cubeAggregate(datasetId, granularity, filter);
	}

	private async cubeAggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const params: unknown[] = [datasetId];
		const add = (value: unknown) => `$${params.push(value)}`;
		const parts = ['dataset_id = $1'];
		if (filter.from) parts.push(`day >= ${epochDay(`CAST(${add(filter.from)} AS DATE)`)}`);
		if (filter.to) parts.push(`day <= ${epochDay(`CAST(${add(filter.to)} AS DATE)`)}`);
		if (filter.groups?.length) parts.push(`outlet_group IN (${filter.groups.map(add).join(', ')})`);
		if (filter.frames?.length) parts.push(`frame IN (${filter.frames.map(add).join(', ')})`);
		const [periods = [], groups = [], frames = [], stances = [], counts = []] = await this.columns(
			`SELECT ${granularity} AS period, outlet_group, frame, stance, SUM(count) AS count
			 FROM coverage_cube WHERE ${parts.join(' AND ')} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
			params
		);
		return periods.map((period, i) => ({
			period: isoDay(Number(period)),
			group: String(groups[i]),
			frame: String(frames[i]),
			stance: String(stances[i]) as FrameStance,
			count: Number(counts[i])
		}));
	}

	private async rowAggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]> {
		const where = whereClause(datasetId, filter, this.frameMatch);
		const frames = filter.frames ?? [];
		const params = [...where.params];
		const keep =
			frames.length > 0 ? `WHERE ${this.dialect.contains(this.dialect.split(`$${params.push(frames.join(';'))}`), 'frame')}` : '';
		// Summing per (period, group, frame list) first splits each frame list once per period and
		// group instead of once per stored row; the sums are the same.
		const [periods = [], groups = [], frameCol = [], stanceCol = [], counts = []] = await this.columns(
			`SELECT period, outlet_group, frame, coalesce(stance, '') AS stance, SUM(count) AS count
			 FROM (SELECT period, outlet_group, count, unnest(${framesOrUncoded(this.dialect)}) AS frame,
			              unnest(${stancesOf(this.dialect)}) AS stance
			       FROM (SELECT CAST(CAST(date_trunc('${granularity}', date) AS DATE) AS VARCHAR) AS period, outlet_group, frame_codes,
			                    frame_stances, SUM(count) AS count
			             FROM coverage_rows WHERE ${where.sql} GROUP BY 1, 2, 3, 4) by_list) by_frame ${keep}
			 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
			params
		);
		return periods.map((period, i) => ({
			period: String(period),
			group: String(groups[i]),
			frame: String(frameCol[i]),
			stance: String(stanceCol[i]) as FrameStance,
			count: Number(counts[i])
		}));
	}

	async createCodingSession(session: CodingSessionRecord) {
		await this.write(CODING_SQL.insertSession, codingSessionParams(session));
	}

	async codingSession(id: string) {
		return codingSessionFromRow((await this.all(CODING_SQL.session, [id]))[0]);
	}

	async codingSessionByJoinCode(joinCode: string, now: number) {
		return codingSessionFromRow((await this.all(CODING_SQL.byJoinCode, [joinCode, now]))[0]);
	}

	async touchCodingSession(id: string, expiresAt: number, revealed = false) {
		await this.write(CODING_SQL.touch, [id, expiresAt, revealed]);
	}

	async deleteCodingSessionsBefore(before: number) {
		await this.transaction(async (c) => {
			await this.run(c, CODING_SQL.deleteAnswers, [before]);
			await this.run(c, CODING_SQL.deleteStudents, [before]);
			await this.run(c, CODING_SQL.deleteSessions, [before]);
		});
	}

	async addCodingStudent(sessionId: string, student: CodingStudentRecord) {
		await this.write(CODING_SQL.insertStudent, [sessionId, student.id, student.nickname, student.tokenHash]);
	}

	async setCodingStudentToken(sessionId: string, studentId: string, tokenHash: string) {
		await this.write(CODING_SQL.studentToken, [sessionId, studentId, tokenHash]);
	}

	async codingStudents(sessionId: string) {
		return (await this.all(CODING_SQL.students, [sessionId])).map(codingStudentFromRow);
	}

	async saveCodingAnswer(sessionId: string, answer: CodingAnswerRecord) {
		await this.write(CODING_SQL.saveAnswer, [sessionId, answer.studentId, answer.claimId, answer.frames.join(';')]);
	}

	async codingAnswers(sessionId: string) {
		return (await this.all(CODING_SQL.answers, [sessionId])).map(codingAnswerFromRow);
	}

	async createDispute(dispute: Dispute) {
		await this.write(DISPUTE_INSERT, disputeParams(dispute));
	}

	async disputes(status?: 'open' | 'resolved') {
		return (await this.all(disputeQuery(status))).map(disputeFromRow);
	}

	async resolveDispute(id: string, resolution: { status: Resolution; note: string; resolvedAt: string }) {
		return (await this.write(DISPUTE_RESOLVE, [id, resolution.status, resolution.note, resolution.resolvedAt])).length > 0;
	}
}
