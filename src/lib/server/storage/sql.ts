import type { RowFilter } from './types';

/**
 * SQL shared by the DuckDB and PostgreSQL stores. Both speak close enough to the same
 * dialect for the schema and the filters; only bulk loading and list functions differ.
 */
export const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS users (
		id VARCHAR PRIMARY KEY,
		email VARCHAR NOT NULL UNIQUE,
		name VARCHAR NOT NULL,
		password_hash VARCHAR NOT NULL,
		created_at TIMESTAMP NOT NULL
	)`,
	// Added after the first release: an account proves it owns its email before it is used.
	`ALTER TABLE users ADD COLUMN IF NOT EXISTS verified_at TIMESTAMP`,
	// A sign-up's name and password wait here until its link is opened, so whoever signs up with an
	// address they do not own never sets the password of the account its owner then confirms.
	`CREATE TABLE IF NOT EXISTS email_tokens (
		token_hash VARCHAR PRIMARY KEY,
		user_id VARCHAR NOT NULL,
		expires_at TIMESTAMP NOT NULL,
		name VARCHAR,
		password_hash VARCHAR
	)`,
	`CREATE TABLE IF NOT EXISTS sessions (
		token_hash VARCHAR PRIMARY KEY,
		user_id VARCHAR NOT NULL,
		expires_at TIMESTAMP NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS datasets (
		id VARCHAR PRIMARY KEY,
		owner_id VARCHAR NOT NULL,
		title VARCHAR NOT NULL,
		description VARCHAR NOT NULL,
		source VARCHAR NOT NULL,
		licence VARCHAR NOT NULL,
		citation VARCHAR NOT NULL,
		visibility VARCHAR NOT NULL,
		share_token VARCHAR NOT NULL,
		created_at VARCHAR NOT NULL,
		row_count BIGINT NOT NULL,
		article_count DOUBLE PRECISION NOT NULL,
		window_start DATE,
		window_end DATE
	)`,
	// Added with measures: what the numbers are, as MeasureSchema JSON. Datasets saved before
	// it have none and are articles, which is what they were charted as.
	`ALTER TABLE datasets ADD COLUMN IF NOT EXISTS measure VARCHAR`,
	`CREATE TABLE IF NOT EXISTS coverage_rows (
		dataset_id VARCHAR NOT NULL,
		date DATE NOT NULL,
		outlet VARCHAR NOT NULL,
		outlet_group VARCHAR NOT NULL,
		event VARCHAR NOT NULL,
		language VARCHAR NOT NULL,
		frame_codes VARCHAR NOT NULL,
		count DOUBLE PRECISION NOT NULL,
		title VARCHAR NOT NULL,
		url VARCHAR NOT NULL
	)`,
	// Added after the first release: one stance per frame code, `;`-joined like them ('' for none recorded).
	`ALTER TABLE coverage_rows ADD COLUMN IF NOT EXISTS frame_stances VARCHAR DEFAULT ''`,
	// Added with coding projects: the article's text or summary, cut to ARTICLE_TEXT_MAX ('' for none).
	`ALTER TABLE coverage_rows ADD COLUMN IF NOT EXISTS text VARCHAR DEFAULT ''`,
	`CREATE TABLE IF NOT EXISTS coding_sessions (
		id VARCHAR PRIMARY KEY,
		join_code VARCHAR NOT NULL,
		teacher_hash VARCHAR NOT NULL,
		title VARCHAR NOT NULL,
		claim_ids VARCHAR NOT NULL,
		origin VARCHAR NOT NULL,
		revealed BOOLEAN NOT NULL,
		created_at BIGINT NOT NULL,
		expires_at BIGINT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS coding_students (
		session_id VARCHAR NOT NULL,
		id VARCHAR NOT NULL,
		nickname VARCHAR NOT NULL,
		token_hash VARCHAR NOT NULL,
		PRIMARY KEY (session_id, id),
		UNIQUE (session_id, nickname)
	)`,
	`CREATE TABLE IF NOT EXISTS coding_answers (
		session_id VARCHAR NOT NULL,
		student_id VARCHAR NOT NULL,
		claim_id VARCHAR NOT NULL,
		frame_codes VARCHAR NOT NULL,
		PRIMARY KEY (session_id, student_id, claim_id)
	)`,
	`CREATE TABLE IF NOT EXISTS disputes (
		id VARCHAR PRIMARY KEY,
		kind VARCHAR NOT NULL,
		subject VARCHAR NOT NULL,
		label VARCHAR NOT NULL,
		reason VARCHAR NOT NULL,
		source_url VARCHAR NOT NULL,
		contact_email VARCHAR NOT NULL,
		created_at VARCHAR NOT NULL,
		status VARCHAR NOT NULL,
		resolution_note VARCHAR NOT NULL,
		resolved_at VARCHAR
	)`
];

/**
 * Counts pre-summed per dataset × day × outlet group × frame × stance at import. Its size is
 * bounded by days × groups × frames, not by rows (about 120,000 rows for a million articles over
 * five years), so aggregates that filter only by date, group and frame never scan the articles.
 * Periods are epoch days: integers convert to JavaScript far faster than dates or strings.
 */
export const CUBE_SCHEMA = [
	`CREATE TABLE IF NOT EXISTS coverage_cube (
		dataset_id VARCHAR NOT NULL,
		day INTEGER NOT NULL,
		week INTEGER NOT NULL,
		month INTEGER NOT NULL,
		outlet_group VARCHAR NOT NULL,
		frame VARCHAR NOT NULL,
		count DOUBLE PRECISION NOT NULL
	)`,
	// Added after the cube's first release, so older cubes gain it: '' for every count they hold.
	`ALTER TABLE coverage_cube ADD COLUMN IF NOT EXISTS stance VARCHAR DEFAULT ''`
];

/** Coding-session statements, identical in both engines (both take $n placeholders and ON CONFLICT). */
export const CODING_SQL = {
	insertSession: 'INSERT INTO coding_sessions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
	session: 'SELECT * FROM coding_sessions WHERE id = $1',
	byJoinCode: 'SELECT * FROM coding_sessions WHERE join_code = $1 AND expires_at > $2 ORDER BY created_at DESC LIMIT 1',
	touch: 'UPDATE coding_sessions SET expires_at = $2, revealed = revealed OR $3 WHERE id = $1',
	deleteAnswers: 'DELETE FROM coding_answers WHERE session_id IN (SELECT id FROM coding_sessions WHERE expires_at < $1)',
	deleteStudents: 'DELETE FROM coding_students WHERE session_id IN (SELECT id FROM coding_sessions WHERE expires_at < $1)',
	deleteSessions: 'DELETE FROM coding_sessions WHERE expires_at < $1',
	insertStudent: 'INSERT INTO coding_students VALUES ($1, $2, $3, $4)',
	studentToken: 'UPDATE coding_students SET token_hash = $3 WHERE session_id = $1 AND id = $2',
	students: 'SELECT id, nickname, token_hash FROM coding_students WHERE session_id = $1 ORDER BY nickname',
	saveAnswer: `INSERT INTO coding_answers VALUES ($1, $2, $3, $4)
		ON CONFLICT (session_id, student_id, claim_id) DO UPDATE SET frame_codes = excluded.frame_codes`,
	answers: 'SELECT student_id, claim_id, frame_codes FROM coding_answers WHERE session_id = $1'
};

export const DISPUTE_INSERT = `INSERT INTO disputes VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', '', NULL)`;
export const DISPUTE_SELECT = `SELECT * FROM disputes`;
/** Only an open dispute can be resolved, so a second resolution (two owners at once) changes nothing. */
export const DISPUTE_RESOLVE = `UPDATE disputes SET status = $2, resolution_note = $3, resolved_at = $4
	WHERE id = $1 AND status = 'open' RETURNING id`;

export function disputeQuery(status?: 'open' | 'resolved'): string {
	const where = status === 'open' ? ` WHERE status = 'open'` : status === 'resolved' ? ` WHERE status <> 'open'` : '';
	return `${DISPUTE_SELECT}${where} ORDER BY created_at, id`;
}

export const DATASET_SELECT = `SELECT d.id, d.owner_id, u.name AS owner_name, d.title, d.description, d.source,
	d.licence, d.citation, d.visibility, d.share_token, d.created_at, d.row_count, d.article_count,
	CAST(d.window_start AS VARCHAR) AS window_start, CAST(d.window_end AS VARCHAR) AS window_end, d.measure
	FROM datasets d LEFT JOIN users u ON u.id = d.owner_id`;

/**
 * WHERE clause for a row filter, with numbered placeholders ($1…) that both engines accept.
 * `frameMatch(p)` is the engine's way of saying "the ;-joined frame_codes contain any of p".
 */
export function whereClause(
	datasetId: string,
	filter: RowFilter,
	frameMatch: (placeholder: string) => string
): { sql: string; params: unknown[] } {
	const params: unknown[] = [datasetId];
	const parts = ['dataset_id = $1'];
	const add = (value: unknown) => {
		params.push(value);
		return `$${params.length}`;
	};
	if (filter.from) parts.push(`date >= CAST(${add(filter.from)} AS DATE)`);
	if (filter.to) parts.push(`date <= CAST(${add(filter.to)} AS DATE)`);
	const inList = (column: string, values: string[] | undefined) => {
		if (values && values.length > 0) parts.push(`${column} IN (${values.map((v) => add(v)).join(', ')})`);
	};
	inList('outlet_group', filter.groups);
	inList('outlet', filter.outlets);
	inList('event', filter.events);
	inList('language', filter.languages);
	if (filter.frames && filter.frames.length > 0) parts.push(frameMatch(add(filter.frames.join(';'))));
	return { sql: parts.join(' AND '), params };
}

/** Account statements both engines run as written (timestamps are passed as ISO strings). */
export const ACCOUNT_SQL = {
	insertUser: 'INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, now())',
	insertEmailToken: 'INSERT INTO email_tokens VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5)',
	emailToken: 'SELECT user_id, name, password_hash, expires_at > CAST($2 AS TIMESTAMP) AS live FROM email_tokens WHERE token_hash = $1',
	applySignup: 'UPDATE users SET name = $2, password_hash = $3 WHERE id = $1',
	deleteEmailToken: 'DELETE FROM email_tokens WHERE token_hash = $1',
	verifyUser: 'UPDATE users SET verified_at = CAST($2 AS TIMESTAMP) WHERE id = $1 AND verified_at IS NULL'
};
