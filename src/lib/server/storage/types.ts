import type { CoverageRecord } from '$lib/domain/aggregate';
import type { Dataset, DatasetMeta } from '$lib/domain/dataset';
import type { Dispute, Resolution } from '$lib/domain/disputes';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/schemas';

export interface User {
	id: string;
	email: string;
	name: string;
	passwordHash: string;
}

export interface NewDataset {
	id: string;
	ownerId: string;
	meta: DatasetMeta;
	shareToken: string;
	createdAt: string;
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

export interface AggregateRow {
	period: string;
	group: string;
	frame: string;
	count: number;
}

/**
 * The one interface every storage engine implements: DuckDB embedded by default,
 * PostgreSQL when DATABASE_URL is set. Access rules live above this layer.
 */
export interface Store {
	readonly engine: 'duckdb' | 'postgres';

	createUser(user: User): Promise<void>;
	userByEmail(email: string): Promise<User | undefined>;
	userById(id: string): Promise<User | undefined>;

	createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
	sessionUser(tokenHash: string, now: Date): Promise<User | undefined>;
	deleteSession(tokenHash: string): Promise<void>;

	/**
	 * Store a dataset and all its rows in one transaction: if any batch fails or the
	 * process dies, nothing of the dataset is visible afterwards.
	 */
	createDataset(dataset: NewDataset, batches: AsyncIterable<DatasetRow[]>): Promise<Dataset>;
	datasets(): Promise<Dataset[]>;
	dataset(id: string): Promise<Dataset | undefined>;
	updateDataset(id: string, meta: DatasetMeta): Promise<void>;
	deleteDataset(id: string): Promise<void>;

	records(datasetId: string, filter?: RowFilter): Promise<CoverageRecord[]>;
	rows(datasetId: string, filter: RowFilter, limit: number, offset: number): Promise<DatasetRow[]>;
	/** Counts per period (week or month, UTC, ISO weeks) × outlet group × frame ('' = uncoded). */
	aggregate(datasetId: string, granularity: 'week' | 'month', filter: RowFilter): Promise<AggregateRow[]>;

	/** Record a reader's dispute of a label; it starts open. */
	createDispute(dispute: Dispute): Promise<void>;
	/** Disputes oldest first: all, only open ones, or only resolved (accepted or rejected) ones. */
	disputes(status?: 'open' | 'resolved'): Promise<Dispute[]>;
	/** Resolve an open dispute; false when there is no such open dispute. */
	resolveDispute(id: string, resolution: { status: Resolution; note: string; resolvedAt: string }): Promise<boolean>;

	close(): Promise<void>;
}
