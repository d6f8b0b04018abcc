import type { FrameStance } from '$lib/domain/charts/aggregate';
import type { PackedRecords } from '$lib/domain/charts/packed-records';
import type { Measure } from '$lib/domain/charts/measure';
import type { Dataset, DatasetMeta } from '$lib/domain/import/dataset';
import type { Dispute, Resolution } from '$lib/domain/ledger/disputes';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import type { DatasetPart } from './part';

export interface User {
	id: string;
	email: string;
	name: string;
	passwordHash: string;
	/** Whether the account has opened the link sent to its email address. */
	verified: boolean;
}

/** What a sign-up chose, kept with its link until the address is proved. */
export interface PendingSignup {
	name: string;
	passwordHash: string;
}

export interface NewDataset {
	id: string;
	ownerId: string;
	meta: DatasetMeta;
	shareToken: string;
	createdAt: string;
	/** What its numbers are; articles when left out. */
	measure?: Measure;
}

export type DistinctColumn = 'outlet' | 'outlet_group' | 'event' | 'language' | 'frame';

/** How finely packedRecords() sums a dataset's rows. */
export interface ChartShape {
	period: 'day' | 'week' | 'month';
	outlets: boolean;
	/** False sums every event together, under SUMMED; kept unless said. */
	events?: boolean;
	/** False sums every language together, under SUMMED; kept unless said. */
	languages?: boolean;
	/**
	 * Rows of one record are averaged instead of added: readings of a measured value that is not
	 * a sum (several on one day and series are one mean reading).
	 */
	mean?: boolean;
}

/** Filters the store applies in SQL (the subset of chart filters that narrows rows). */
export interface RowFilter {
	from?: string | null;
	to?: string | null;
	groups?: string[];
	outlets?: string[];
	events?: string[];
	languages?: string[];
	frames?: string[];
}

/** A live class-coding session; times are epoch milliseconds so both engines store them alike. */
export interface CodingSessionRecord {
	id: string;
	joinCode: string;
	/** Hash of the teacher's secret; the secret itself lives only in the teacher's cookie. */
	teacherHash: string;
	title: string;
	claimIds: string[];
	/** Where it was started from, for the way back: `/decks/…` or `/events/…`. */
	origin: string;
	revealed: boolean;
	createdAt: number;
	expiresAt: number;
}

export interface CodingStudentRecord {
	id: string;
	nickname: string;
	tokenHash: string;
}

export interface CodingAnswerRecord {
	studentId: string;
	claimId: string;
	frames: string[];
}

export interface AggregateRow {
	period: string;
	group: string;
	frame: string;
	/** How the outlets use the frame; '' where the dataset records no stance (and for uncoded articles). */
	stance: FrameStance;
	count: number;
}

/**
 * The one interface every storage engine implements: DuckDB embedded by default,
 * PostgreSQL when DATABASE_URL is set. Access rules live above this layer.
 */
export interface Store {
	readonly engine: 'duckdb' | 'postgres';

	/** New accounts start unverified. */
	createUser(user: Omit<User, 'verified'>): Promise<void>;
	userByEmail(email: string): Promise<User | undefined>;
	userById(id: string): Promise<User | undefined>;

	/** A one-time link token for proving an email address (only its hash is stored), with the sign-up it confirms, if any. */
	createEmailToken(tokenHash: string, userId: string, expiresAt: Date, signup?: PendingSignup): Promise<void>;
	/** Spends a link token: the user it was for and its sign-up if it was unexpired, else undefined. */
	useEmailToken(tokenHash: string, now: Date): Promise<{ userId: string; signup?: PendingSignup } | undefined>;
	/** Sets the name and password a confirmed sign-up chose. */
	applySignup(userId: string, signup: PendingSignup): Promise<void>;
	markVerified(userId: string, at: Date): Promise<void>;

	createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
	sessionUser(tokenHash: string, now: Date): Promise<User | undefined>;
	deleteSession(tokenHash: string): Promise<void>;

	/**
	 * Store a dataset and all its rows in one transaction: if any part fails or the
	 * process dies, nothing of the dataset is visible afterwards.
	 */
	createDataset(dataset: NewDataset, parts: AsyncIterable<DatasetPart>): Promise<Dataset>;
	datasets(): Promise<Dataset[]>;
	dataset(id: string): Promise<Dataset | undefined>;
	updateDataset(id: string, meta: DatasetMeta): Promise<void>;
	deleteDataset(id: string): Promise<void>;

	/**
	 * Chart records with SUM(count) per distinct date, outlet, group, event, language and frame list,
	 * packed as the charts page receives them: the charts only add counts up, so they draw the same
	 * as from the rows themselves. A coarser shape sums whole weeks or months, or all outlets
	 * together (outlet '').
	 */
	packedRecords(datasetId: string, filter?: RowFilter, shape?: ChartShape): Promise<PackedRecords>;
	/**
	 * packedRecords() of just these outlets, one answer per outlet (empty for an outlet without
	 * rows): picked outlets are never summed together, so a selection's records are its outlets'
	 * put together, and an outlet read once serves every selection that holds it.
	 */
	packedRecordsByOutlet(datasetId: string, outlets: string[], shape: ChartShape & { outlets: true }): Promise<Map<string, PackedRecords>>;
	/** How many records packedRecords() would return for this shape, counted without reading them. */
	recordGroups(datasetId: string, filter: RowFilter, shape: ChartShape): Promise<number>;
	/**
	 * recordGroups() of the whole dataset split by outlet, for a shape that keeps outlets: the
	 * count for any set of outlets is then the sum of theirs, with no query per selection.
	 */
	recordGroupsByOutlet(datasetId: string, shape: ChartShape & { outlets: true }): Promise<Map<string, number>>;
	/** The dataset's distinct values of one column, or its frame codes, sorted. */
	distinct(datasetId: string, column: DistinctColumn): Promise<string[]>;
	rows(datasetId: string, filter: RowFilter, limit: number, offset: number): Promise<DatasetRow[]>;
	/**
	 * Every row the filter keeps, in rows()' order, in batches of at most `batchRows` (by default
	 * what suits the engine): the next batch is read only when the caller asks for it, so a whole
	 * dataset can be written out without holding it.
	 */
	rowBatches(datasetId: string, filter: RowFilter, batchRows?: number): AsyncIterable<DatasetRow[]>;
	/** Counts per period (week or month, UTC, ISO weeks) × outlet group × frame ('' = uncoded) × stance. */
	aggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]>;

	createCodingSession(session: CodingSessionRecord): Promise<void>;
	codingSession(id: string): Promise<CodingSessionRecord | undefined>;
	/** The session holding this join code that is still open at `now`. */
	codingSessionByJoinCode(joinCode: string, now: number): Promise<CodingSessionRecord | undefined>;
	/** Records activity (pushing expiry back) and, optionally, the reveal. */
	touchCodingSession(id: string, expiresAt: number, revealed?: boolean): Promise<void>;
	/** Removes sessions, their students and answers, that expired before `before`. */
	deleteCodingSessionsBefore(before: number): Promise<void>;
	addCodingStudent(sessionId: string, student: CodingStudentRecord): Promise<void>;
	codingStudents(sessionId: string): Promise<CodingStudentRecord[]>;
	/** Moves a student to a new device: the token of the old one no longer signs them in. */
	setCodingStudentToken(sessionId: string, studentId: string, tokenHash: string): Promise<void>;
	/** Replaces the student's earlier answer on the claim, if any. */
	saveCodingAnswer(sessionId: string, answer: CodingAnswerRecord): Promise<void>;
	codingAnswers(sessionId: string): Promise<CodingAnswerRecord[]>;
	/** Record a reader's dispute of a label; it starts open. */
	createDispute(dispute: Dispute): Promise<void>;
	/** Disputes oldest first: all, only open ones, or only resolved (accepted or rejected) ones. */
	disputes(status?: 'open' | 'resolved'): Promise<Dispute[]>;
	/** Resolve an open dispute; false when there is no such open dispute. */
	resolveDispute(id: string, resolution: { status: Resolution; note: string; resolvedAt: string }): Promise<boolean>;

	/** Plain statements for features that keep their own SQL (classes): $n placeholders, rows as objects. */
	query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
	/** Statements run in order in one transaction. */
	execute(statements: { sql: string; params?: unknown[] }[]): Promise<void>;

	close(): Promise<void>;
}
