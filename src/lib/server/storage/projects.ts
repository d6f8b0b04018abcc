import type { Stance } from '$lib/domain/ledger/checks';
import type { Adjudication, CodeRecord, CodingProject, ProjectItem } from '$lib/domain/projects/project';
import type { SampleKind } from '$lib/domain/projects/sample';
import type { SuggestionModel, SuggestionRow } from '$lib/domain/projects/suggestions';
import type { Sql } from './classes';

/**
 * Coding projects, their coders, articles, codes and adjudications: every statement lives here,
 * run through the store's generic query/execute so both engines share it. Every read goes
 * through `forMember`, which answers undefined for a project the user does not code in; the
 * routes turn that into the same 404 as for an id that does not exist.
 */
export const PROJECT_SCHEMA = [
	`CREATE TABLE IF NOT EXISTS coding_projects (
		id VARCHAR PRIMARY KEY,
		dataset_id VARCHAR NOT NULL,
		owner_id VARCHAR NOT NULL,
		title VARCHAR NOT NULL,
		sample_kind VARCHAR NOT NULL,
		sample_size INTEGER NOT NULL,
		seed BIGINT NOT NULL,
		codebook_id VARCHAR NOT NULL,
		codebook_version VARCHAR NOT NULL,
		invite_hash VARCHAR NOT NULL UNIQUE,
		created_at BIGINT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS project_coders (
		project_id VARCHAR NOT NULL,
		user_id VARCHAR NOT NULL,
		joined_at BIGINT NOT NULL,
		PRIMARY KEY (project_id, user_id)
	)`,
	`CREATE TABLE IF NOT EXISTS project_items (
		project_id VARCHAR NOT NULL,
		position INTEGER NOT NULL,
		date VARCHAR NOT NULL,
		outlet VARCHAR NOT NULL,
		outlet_group VARCHAR NOT NULL,
		title VARCHAR NOT NULL,
		url VARCHAR NOT NULL,
		text VARCHAR NOT NULL,
		PRIMARY KEY (project_id, position)
	)`,
	`CREATE TABLE IF NOT EXISTS project_codes (
		project_id VARCHAR NOT NULL,
		position INTEGER NOT NULL,
		coder_id VARCHAR NOT NULL,
		frame_codes VARCHAR NOT NULL,
		frame_stances VARCHAR NOT NULL,
		coded_at BIGINT NOT NULL,
		codebook_id VARCHAR NOT NULL,
		codebook_version VARCHAR NOT NULL,
		PRIMARY KEY (project_id, position, coder_id)
	)`,
	`CREATE TABLE IF NOT EXISTS project_adjudications (
		project_id VARCHAR NOT NULL,
		position INTEGER NOT NULL,
		frame_codes VARCHAR NOT NULL,
		frame_stances VARCHAR NOT NULL,
		decided_by VARCHAR NOT NULL,
		reason VARCHAR NOT NULL,
		decided_at BIGINT NOT NULL,
		codebook_id VARCHAR NOT NULL,
		codebook_version VARCHAR NOT NULL,
		PRIMARY KEY (project_id, position)
	)`,
	`CREATE TABLE IF NOT EXISTS project_suggestion_models (
		project_id VARCHAR PRIMARY KEY,
		trained_at BIGINT NOT NULL,
		trained_by VARCHAR NOT NULL,
		training_items INTEGER NOT NULL,
		project_items INTEGER NOT NULL,
		micro_f1 DOUBLE PRECISION,
		macro_f1 DOUBLE PRECISION,
		codebook_id VARCHAR NOT NULL,
		codebook_version VARCHAR NOT NULL,
		frames VARCHAR NOT NULL,
		report VARCHAR NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS project_suggestions (
		project_id VARCHAR NOT NULL,
		position INTEGER NOT NULL,
		probabilities VARCHAR NOT NULL,
		PRIMARY KEY (project_id, position)
	)`
];

const PROJECT_TABLES = [
	'project_suggestions',
	'project_suggestion_models',
	'project_adjudications',
	'project_codes',
	'project_items',
	'project_coders'
];

const list = (value: unknown) => (String(value ?? '') === '' ? [] : String(value).split(';'));

function toProject(row: Record<string, unknown> | undefined): CodingProject | undefined {
	if (!row) return undefined;
	return {
		id: String(row.id),
		datasetId: String(row.dataset_id),
		ownerId: String(row.owner_id),
		title: String(row.title),
		sampleKind: String(row.sample_kind) as SampleKind,
		sampleSize: Number(row.sample_size),
		seed: Number(row.seed),
		codebookId: String(row.codebook_id),
		codebookVersion: String(row.codebook_version),
		createdAt: Number(row.created_at)
	};
}

function toItem(row: Record<string, unknown>): ProjectItem {
	return {
		position: Number(row.position),
		date: String(row.date),
		outlet: String(row.outlet),
		group: String(row.outlet_group),
		title: String(row.title),
		url: String(row.url),
		text: String(row.text)
	};
}

const codeOf = (row: Record<string, unknown>) => ({ frames: list(row.frame_codes), stances: list(row.frame_stances) as Stance[] });

function toCode(row: Record<string, unknown>): CodeRecord {
	return {
		position: Number(row.position),
		coderId: String(row.coder_id),
		...codeOf(row),
		codedAt: Number(row.coded_at),
		codebookId: String(row.codebook_id),
		codebookVersion: String(row.codebook_version)
	};
}

function toAdjudication(row: Record<string, unknown>): Adjudication {
	return {
		position: Number(row.position),
		...codeOf(row),
		decidedBy: String(row.decided_by),
		reason: String(row.reason),
		decidedAt: Number(row.decided_at),
		codebookId: String(row.codebook_id),
		codebookVersion: String(row.codebook_version)
	};
}

/** A project as the list of one coder's projects shows it. */
export interface CoderProject extends CodingProject {
	/** The dataset's title now: the project's own is the title the dataset had when the sample was drawn. */
	datasetTitle: string;
	ownerName: string;
	items: number;
	/** Of those, the articles this coder has coded. */
	coded: number;
}

/** A project with how much work is in it: what deleting it would lose. */
export interface ProjectHoldings extends CodingProject {
	codes: number;
	/** Coders who have coded at least one article. */
	coders: number;
	adjudications: number;
}

export class ProjectStore {
	constructor(private readonly sql: Sql) {}

	/** The project, its owner as its first coder, and its articles, in one transaction. */
	async create(project: CodingProject, inviteHash: string, items: readonly ProjectItem[]): Promise<void> {
		const p = project;
		await this.sql.execute([
			{
				sql: 'INSERT INTO coding_projects VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
				params: [
					p.id,
					p.datasetId,
					p.ownerId,
					p.title,
					p.sampleKind,
					p.sampleSize,
					p.seed,
					p.codebookId,
					p.codebookVersion,
					inviteHash,
					p.createdAt
				]
			},
			{ sql: 'INSERT INTO project_coders VALUES ($1, $2, $3)', params: [p.id, p.ownerId, p.createdAt] },
			...items.map((i) => ({
				sql: 'INSERT INTO project_items VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
				params: [p.id, i.position, i.date, i.outlet, i.group, i.title, i.url, i.text]
			}))
		]);
	}

	/** The project if this user codes in it (its owner always does). */
	async forMember(projectId: string, userId: string): Promise<CodingProject | undefined> {
		const rows = await this.sql.query(
			`SELECT p.* FROM coding_projects p JOIN project_coders c ON c.project_id = p.id WHERE p.id = $1 AND c.user_id = $2`,
			[projectId, userId]
		);
		return toProject(rows[0]);
	}

	async byInvite(inviteHash: string): Promise<CodingProject | undefined> {
		return toProject((await this.sql.query('SELECT * FROM coding_projects WHERE invite_hash = $1', [inviteHash]))[0]);
	}

	/** A new invite link replaces the old one, which stops working. */
	async setInvite(projectId: string, inviteHash: string): Promise<void> {
		await this.sql.execute([{ sql: 'UPDATE coding_projects SET invite_hash = $2 WHERE id = $1', params: [projectId, inviteHash] }]);
	}

	/** Projects on this dataset that this user codes in, newest first. */
	async onDataset(datasetId: string, userId: string): Promise<CodingProject[]> {
		const rows = await this.sql.query(
			`SELECT p.* FROM coding_projects p JOIN project_coders c ON c.project_id = p.id
			 WHERE p.dataset_id = $1 AND c.user_id = $2 ORDER BY p.created_at DESC, p.id`,
			[datasetId, userId]
		);
		return rows.map((r) => toProject(r)!);
	}

	/** Every project this user owns or codes in, newest first, with their progress in it. */
	async forCoder(userId: string): Promise<CoderProject[]> {
		const rows = await this.sql.query(
			`SELECT p.*, COALESCE(d.title, p.title) AS dataset_title, u.name AS owner_name,
				(SELECT COUNT(*) FROM project_items i WHERE i.project_id = p.id) AS item_count,
				(SELECT COUNT(*) FROM project_codes k WHERE k.project_id = p.id AND k.coder_id = $1) AS coded_count
			 FROM coding_projects p JOIN project_coders c ON c.project_id = p.id AND c.user_id = $1
			 JOIN users u ON u.id = p.owner_id LEFT JOIN datasets d ON d.id = p.dataset_id
			 ORDER BY p.created_at DESC, p.id`,
			[userId]
		);
		return rows.map((r) => ({
			...toProject(r)!,
			datasetTitle: String(r.dataset_title),
			ownerName: String(r.owner_name),
			items: Number(r.item_count),
			coded: Number(r.coded_count)
		}));
	}

	/** Every project on the dataset, whoever codes in it, with how many codes, coders and adjudications it holds. */
	async holdingsOnDataset(datasetId: string): Promise<ProjectHoldings[]> {
		const rows = await this.sql.query(
			`SELECT p.*,
				(SELECT COUNT(*) FROM project_codes k WHERE k.project_id = p.id) AS code_count,
				(SELECT COUNT(DISTINCT k.coder_id) FROM project_codes k WHERE k.project_id = p.id) AS coder_count,
				(SELECT COUNT(*) FROM project_adjudications a WHERE a.project_id = p.id) AS adjudication_count
			 FROM coding_projects p WHERE p.dataset_id = $1 ORDER BY p.created_at DESC, p.id`,
			[datasetId]
		);
		return rows.map((r) => ({
			...toProject(r)!,
			codes: Number(r.code_count),
			coders: Number(r.coder_count),
			adjudications: Number(r.adjudication_count)
		}));
	}

	async addCoder(projectId: string, userId: string, at: number): Promise<void> {
		await this.sql.execute([
			{
				sql: 'INSERT INTO project_coders VALUES ($1, $2, $3) ON CONFLICT (project_id, user_id) DO NOTHING',
				params: [projectId, userId, at]
			}
		]);
	}

	/** Coders in the order they joined (the owner first), with their names. */
	async coders(projectId: string): Promise<{ id: string; name: string }[]> {
		const rows = await this.sql.query(
			`SELECT u.id, u.name FROM project_coders c JOIN users u ON u.id = c.user_id
			 WHERE c.project_id = $1 ORDER BY c.joined_at, u.id`,
			[projectId]
		);
		return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
	}

	async items(projectId: string): Promise<ProjectItem[]> {
		return (await this.sql.query('SELECT * FROM project_items WHERE project_id = $1 ORDER BY position', [projectId])).map(toItem);
	}

	/** Replaces the coder's earlier code of the article, if any. */
	async saveCode(projectId: string, code: CodeRecord): Promise<void> {
		await this.sql.execute([
			{
				sql: `INSERT INTO project_codes VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
					ON CONFLICT (project_id, position, coder_id) DO UPDATE SET frame_codes = excluded.frame_codes,
					frame_stances = excluded.frame_stances, coded_at = excluded.coded_at, codebook_id = excluded.codebook_id,
					codebook_version = excluded.codebook_version`,
				params: [
					projectId,
					code.position,
					code.coderId,
					code.frames.join(';'),
					code.stances.join(';'),
					code.codedAt,
					code.codebookId,
					code.codebookVersion
				]
			}
		]);
	}

	/** All codes in the project, or only one coder's. */
	async codes(projectId: string, coderId?: string): Promise<CodeRecord[]> {
		const rows = await this.sql.query(
			`SELECT * FROM project_codes WHERE project_id = $1${coderId === undefined ? '' : ' AND coder_id = $2'} ORDER BY position, coder_id`,
			coderId === undefined ? [projectId] : [projectId, coderId]
		);
		return rows.map(toCode);
	}

	/** Replaces an earlier adjudication of the article, if any. */
	async adjudicate(projectId: string, a: Adjudication): Promise<void> {
		await this.sql.execute([
			{
				sql: `INSERT INTO project_adjudications VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
					ON CONFLICT (project_id, position) DO UPDATE SET frame_codes = excluded.frame_codes,
					frame_stances = excluded.frame_stances, decided_by = excluded.decided_by, reason = excluded.reason,
					decided_at = excluded.decided_at, codebook_id = excluded.codebook_id, codebook_version = excluded.codebook_version`,
				params: [
					projectId,
					a.position,
					a.frames.join(';'),
					a.stances.join(';'),
					a.decidedBy,
					a.reason,
					a.decidedAt,
					a.codebookId,
					a.codebookVersion
				]
			}
		]);
	}

	async adjudications(projectId: string): Promise<Adjudication[]> {
		return (await this.sql.query('SELECT * FROM project_adjudications WHERE project_id = $1 ORDER BY position', [projectId])).map(
			toAdjudication
		);
	}

	/** Replaces the project's model and all its suggestions at once, so none outlive the model that made them. */
	async saveSuggestions(projectId: string, model: SuggestionModel, rows: readonly SuggestionRow[]): Promise<void> {
		const m = model;
		await this.sql.execute([
			{ sql: 'DELETE FROM project_suggestions WHERE project_id = $1', params: [projectId] },
			{ sql: 'DELETE FROM project_suggestion_models WHERE project_id = $1', params: [projectId] },
			{
				sql: 'INSERT INTO project_suggestion_models VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
				params: [
					projectId,
					m.trainedAt,
					m.trainedBy,
					m.trainingItems,
					m.projectItems,
					m.microF1,
					m.macroF1,
					m.codebookId,
					m.codebookVersion,
					m.frames.join(';'),
					JSON.stringify(m.report)
				]
			},
			...rows.map((r) => ({
				sql: 'INSERT INTO project_suggestions VALUES ($1, $2, $3)',
				// Four decimals: what a coder reads, and a fifth of the bytes of a full double.
				params: [projectId, r.position, r.probabilities.map((p) => p.toFixed(4)).join(';')]
			}))
		]);
	}

	async suggestionModel(projectId: string): Promise<SuggestionModel | undefined> {
		const row = (await this.sql.query('SELECT * FROM project_suggestion_models WHERE project_id = $1', [projectId]))[0];
		if (!row) return undefined;
		const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
		return {
			trainedAt: Number(row.trained_at),
			trainedBy: String(row.trained_by),
			trainingItems: Number(row.training_items),
			projectItems: Number(row.project_items),
			microF1: orNull(row.micro_f1),
			macroF1: orNull(row.macro_f1),
			codebookId: String(row.codebook_id),
			codebookVersion: String(row.codebook_version),
			frames: list(row.frames),
			report: JSON.parse(String(row.report))
		};
	}

	async suggestions(projectId: string): Promise<SuggestionRow[]> {
		const rows = await this.sql.query('SELECT * FROM project_suggestions WHERE project_id = $1 ORDER BY position', [projectId]);
		return rows.map((r) => ({ position: Number(r.position), probabilities: list(r.probabilities).map(Number) }));
	}

	/** Removes every project drawn from the dataset, with everything coded in it. */
	async removeForDataset(datasetId: string): Promise<void> {
		const ids = (await this.sql.query('SELECT id FROM coding_projects WHERE dataset_id = $1', [datasetId])).map((r) => String(r.id));
		await this.sql.execute(
			ids.flatMap((id) => [
				...PROJECT_TABLES.map((table) => ({ sql: `DELETE FROM ${table} WHERE project_id = $1`, params: [id] })),
				{ sql: 'DELETE FROM coding_projects WHERE id = $1', params: [id] }
			])
		);
	}
}
