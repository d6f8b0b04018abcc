import { ARTICLES } from '$lib/domain/charts/measure';
import { readMeasure } from '$lib/domain/charts/measure-schema';
import type { FrameStance } from '$lib/domain/charts/aggregate';
import type { Dataset, Visibility } from '$lib/domain/import/dataset';
import type { Dispute, DisputeKind, DisputeStatus } from '$lib/domain/ledger/disputes';
import type { ImportedCoverageRow as DatasetRow } from '$lib/domain/ledger/schemas';
import type { DatasetPart } from './part';
import type { CodingAnswerRecord, CodingSessionRecord, CodingStudentRecord, NewDataset, User } from './types';

/** Row counts and date window, accumulated while a dataset's parts stream in. */
export function datasetStats() {
	const stats = {
		rows: 0,
		articles: 0,
		start: null as string | null,
		end: null as string | null,
		add(part: DatasetPart) {
			stats.rows += part.rows;
			stats.articles += part.articles;
			if (part.start !== null && (stats.start === null || part.start < stats.start)) stats.start = part.start;
			if (part.end !== null && (stats.end === null || part.end > stats.end)) stats.end = part.end;
		}
	};
	return stats;
}

export function datasetFromRow(row: Record<string, unknown>): Dataset {
	return {
		id: String(row.id),
		ownerId: String(row.owner_id),
		ownerName: String(row.owner_name ?? ''),
		title: String(row.title),
		description: String(row.description),
		source: String(row.source),
		licence: String(row.licence),
		citation: String(row.citation),
		visibility: String(row.visibility) as Visibility,
		shareToken: String(row.share_token),
		createdAt: String(row.created_at),
		rowCount: Number(row.row_count),
		articleCount: Number(row.article_count),
		windowStart: row.window_start ? String(row.window_start).slice(0, 10) : null,
		windowEnd: row.window_end ? String(row.window_end).slice(0, 10) : null,
		measure: readMeasure(row.measure ?? null)
	};
}

export function toUser(row: Record<string, unknown> | undefined): User | undefined {
	if (!row) return undefined;
	return {
		id: String(row.id),
		email: String(row.email),
		name: String(row.name),
		passwordHash: String(row.password_hash),
		verified: row.verified_at !== null && row.verified_at !== undefined
	};
}

const list = (value: unknown) => (String(value ?? '') === '' ? [] : String(value).split(';'));

export function codingSessionFromRow(row: Record<string, unknown> | undefined): CodingSessionRecord | undefined {
	if (!row) return undefined;
	return {
		id: String(row.id),
		joinCode: String(row.join_code),
		teacherHash: String(row.teacher_hash),
		title: String(row.title),
		claimIds: list(row.claim_ids),
		origin: String(row.origin),
		revealed: row.revealed === true || row.revealed === 'true',
		createdAt: Number(row.created_at),
		expiresAt: Number(row.expires_at)
	};
}

export function codingSessionParams(s: CodingSessionRecord): unknown[] {
	return [s.id, s.joinCode, s.teacherHash, s.title, s.claimIds.join(';'), s.origin, s.revealed, s.createdAt, s.expiresAt];
}

export function codingStudentFromRow(row: Record<string, unknown>): CodingStudentRecord {
	return { id: String(row.id), nickname: String(row.nickname), tokenHash: String(row.token_hash) };
}

export function codingAnswerFromRow(row: Record<string, unknown>): CodingAnswerRecord {
	return { studentId: String(row.student_id), claimId: String(row.claim_id), frames: list(row.frame_codes) };
}

/** A coverage_rows row as both engines return it (frames and their stances stored `;`-joined). */
export function datasetRowFromDb(r: Record<string, unknown>): DatasetRow {
	const frames = list(r.frame_codes);
	const stances = stancesFromDb(r.frame_stances, frames.length);
	const text = String(r.text ?? '');
	return {
		date: String(r.date),
		outlet: String(r.outlet),
		group: String(r.outlet_group),
		event: String(r.event),
		language: String(r.language),
		frames,
		...(stances && { stances }),
		count: Number(r.count),
		title: String(r.title),
		url: String(r.url),
		...(text !== '' && { text })
	};
}

/** A stored frame_stances cell, one per frame; undefined for rows stored without any. */
export function stancesFromDb(value: unknown, frames: number): FrameStance[] | undefined {
	const stored = String(value ?? '');
	if (stored === '') return undefined;
	const stances = stored.split(';') as FrameStance[];
	return Array.from({ length: frames }, (_, i) => stances[i] ?? '');
}

export function disputeFromRow(row: Record<string, unknown>): Dispute {
	return {
		id: String(row.id),
		kind: String(row.kind) as DisputeKind,
		subject: String(row.subject),
		label: String(row.label),
		reason: String(row.reason),
		sourceUrl: String(row.source_url),
		contactEmail: String(row.contact_email),
		createdAt: String(row.created_at),
		status: String(row.status) as DisputeStatus,
		resolutionNote: String(row.resolution_note),
		resolvedAt: row.resolved_at === null || row.resolved_at === undefined ? null : String(row.resolved_at)
	};
}

export function disputeParams(d: Dispute): unknown[] {
	return [d.id, d.kind, d.subject, d.label, d.reason, d.sourceUrl, d.contactEmail, d.createdAt];
}

/** The datasets row, in column order, written last inside an import's transaction. */
export function datasetInsertParams(dataset: NewDataset, stats: ReturnType<typeof datasetStats>): unknown[] {
	const { meta } = dataset;
	return [
		dataset.id,
		dataset.ownerId,
		meta.title,
		meta.description,
		meta.source,
		meta.licence,
		meta.citation,
		meta.visibility,
		dataset.shareToken,
		dataset.createdAt,
		stats.rows,
		stats.articles,
		stats.start,
		stats.end,
		JSON.stringify(dataset.measure ?? ARTICLES)
	];
}
