import { z } from 'zod';
import { meanOf, perLabelAlpha, unitAlpha, type LabelSet } from './agreement';
import type { Message } from '../message';
import { escapeRegExp } from '../regexp';
import type { Claim, Perspective } from '../ledger/schemas';

/**
 * Live class coding: students code the same claims with frames, blind to who said them, and the
 * class's agreement is computed as they go. Everything here is pure so the summary the teacher
 * sees, the stream and the CSV export are the same computation.
 */

/** Sessions close this long after the last join, answer or reveal. */
export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
export const MAX_NICKNAME = 30;

/**
 * What a class-coding session says to a student or a teacher, as catalogue keys: the server
 * returns them and the page, or the error page, says them in the reader's language.
 */
export const CODING_MESSAGE_KEYS = [
	'coding.error.noOrigin',
	'coding.error.notFound',
	'coding.error.noSession',
	'coding.error.ended',
	'coding.error.nickname',
	'coding.error.nicknameLong',
	'coding.error.nicknameTaken',
	'coding.error.rejoinWrong',
	'coding.error.notInSession',
	'coding.error.chooseFrame'
] as const;
export type CodingMessage = Message<(typeof CODING_MESSAGE_KEYS)[number]>;

/** Its messages are keys of CODING_MESSAGE_KEYS; nicknameLong takes `{max}` (MAX_NICKNAME). */
export const nicknameSchema = z
	.string()
	.trim()
	.min(1, 'coding.error.nickname' satisfies CodingMessage['key'])
	.max(MAX_NICKNAME, 'coding.error.nicknameLong' satisfies CodingMessage['key']);

// No 0/O or 1/I/L: the code is read off a projector and typed on a phone.
export const JOIN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normaliseJoinCode(raw: string): string {
	return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export interface Coder {
	id: string;
	nickname: string;
}

export interface CodedAnswer {
	studentId: string;
	claimId: string;
	frames: string[];
}

/** What a student sees before the reveal: the words only, nothing that identifies the speaker or outlet. */
export interface BlindItem {
	id: string;
	quote: string;
	paraphrase: string;
}

export function blindItem(claim: Claim): BlindItem {
	return { id: claim.id, quote: redactSpeaker(claim.quote, claim.speaker), paraphrase: redactSpeaker(claim.paraphrase, claim.speaker) };
}

// Words of a speaker field that describe a role or a country rather than name anyone.
const NOT_NAMES = new Set([
	'Russian',
	'Russia',
	'Deputy',
	'Foreign',
	'Minister',
	'Ministry',
	'Affairs',
	'Defence',
	'Defense',
	'State',
	'Federation',
	'Chief',
	'General',
	'Staff',
	'The',
	'And',
	'News',
	'Agency'
]);
/**
 * Paraphrases are written "Peskov said …", which would give the speaker away; every name in the
 * speaker field is replaced, and a run of them ("Alexander Grushko") becomes one placeholder. An
 * outlet reporting someone ("RT (reporting Alexander Grushko, …)") gets a placeholder of its own,
 * or the words would read "[speaker] reported [speaker] as saying".
 */
export function redactSpeaker(text: string, speaker: string): string {
	const reporting = /^(.+?)\s*\(reporting\s+(.+)\)$/.exec(speaker);
	if (!reporting) return redactNames(text, speaker, '[speaker]');
	return redactNames(redactNames(text, reporting[2]!, '[speaker]'), reporting[1]!, '[outlet]');
}

function redactNames(text: string, speaker: string, placeholder: string): string {
	const names = [...new Set(speaker.match(/\p{Lu}[\p{L}'’-]+/gu) ?? [])].filter((w) => !NOT_NAMES.has(w));
	if (names.length === 0 || text === '') return text;
	const name = `(?:${names.map(escapeRegExp).join('|')})(?:['’]s)?`;
	return text.replace(new RegExp(`(?<![\\p{L}])${name}(?:\\s+${name})*(?![\\p{L}])`, 'gu'), placeholder);
}

export type SessionItem =
	{ revealed: false; item: BlindItem } | { revealed: true; item: BlindItem; claim: Claim; perspectives: Perspective[] };

export interface ItemSummary {
	claimId: string;
	/** Students who coded this claim. */
	coders: number;
	/** Frame id → number of students who ticked it. */
	counts: Record<string, number>;
	/** Agreement on this claim, frames as units (see unitAlpha). */
	alpha: number | null;
}

export interface ClassSummary {
	joined: number;
	/** Students who coded at least one claim. */
	coders: number;
	items: ItemSummary[];
	frames: { frameId: string; alpha: number | null }[];
	/** Mean of the per-frame alphas that are defined. */
	overall: number | null;
	/** Mean of the per-claim alphas that are defined. */
	itemMean: number | null;
}

/** codings[item][student]: the frames ticked, or null when that student has not coded that claim. */
function codingMatrix(claimIds: readonly string[], coders: readonly Coder[], answers: readonly CodedAnswer[]): LabelSet[][] {
	const byKey = new Map(answers.map((a) => [`${a.claimId}\u0000${a.studentId}`, a.frames]));
	return claimIds.map((claimId) => coders.map((coder) => byKey.get(`${claimId}\u0000${coder.id}`) ?? null));
}

export function classSummary(
	claimIds: readonly string[],
	frameIds: readonly string[],
	coders: readonly Coder[],
	answers: readonly CodedAnswer[]
): ClassSummary {
	const known = new Set(claimIds);
	const relevant = answers.filter((a) => known.has(a.claimId));
	const matrix = codingMatrix(claimIds, coders, relevant);
	const { perLabel, mean } = perLabelAlpha(matrix, frameIds);
	const items = claimIds.map((claimId, i) => {
		const row = matrix[i] ?? [];
		const counts: Record<string, number> = Object.fromEntries(frameIds.map((f) => [f, 0]));
		for (const set of row) if (set) for (const f of set) if (f in counts) counts[f] = (counts[f] ?? 0) + 1;
		return { claimId, coders: row.filter((s) => s !== null).length, counts, alpha: unitAlpha(row, frameIds).alpha };
	});
	return {
		joined: coders.length,
		coders: new Set(relevant.map((a) => a.studentId)).size,
		items,
		frames: frameIds.map((frameId) => ({ frameId, alpha: perLabel[frameId]?.alpha ?? null })),
		overall: mean,
		itemMean: meanOf(items.map((i) => i.alpha))
	};
}

export const EXPORT_COLUMNS = ['row_type', 'student', 'claim_n', 'claim_id', 'frame_id', 'value', 'coders', 'text', 'speaker'];

/**
 * First a row per claim: its number on the teacher's screen, the words the students coded (quote
 * or paraphrase, speaker masked) and, once revealed, who said it. Then one row per student ×
 * claim × frame (value 1 ticked, 0 not; students who did not code a claim get no rows for it, as
 * alpha treats them as missing); once revealed, the project's own coding per claim × frame; then
 * the alpha rows: per frame, per claim, and the two means. Undefined alphas are left blank rather
 * than written as 0.
 */
export function exportRows(
	items: readonly SessionItem[],
	frameIds: readonly string[],
	coders: readonly Coder[],
	answers: readonly CodedAnswer[]
): Record<string, unknown>[] {
	const claimIds = items.map((entry) => entry.item.id);
	const summary = classSummary(claimIds, frameIds, coders, answers);
	const matrix = codingMatrix(claimIds, coders, answers);
	const rows: Record<string, unknown>[] = [];
	items.forEach((entry, i) =>
		rows.push({
			row_type: 'claim',
			claim_n: i + 1,
			claim_id: entry.item.id,
			text: entry.item.quote ? `“${entry.item.quote}”` : entry.item.paraphrase,
			speaker: entry.revealed ? entry.claim.speaker : ''
		})
	);
	claimIds.forEach((claimId, i) =>
		coders.forEach((coder, j) => {
			const set = matrix[i]?.[j];
			if (set)
				for (const frameId of frameIds)
					rows.push({
						row_type: 'code',
						student: coder.nickname,
						claim_n: i + 1,
						claim_id: claimId,
						frame_id: frameId,
						value: set.includes(frameId) ? 1 : 0
					});
		})
	);
	items.forEach((entry, i) => {
		if (!entry.revealed) return;
		for (const frameId of frameIds)
			rows.push({
				row_type: 'project',
				claim_n: i + 1,
				claim_id: entry.item.id,
				frame_id: frameId,
				value: entry.claim.frame_codes.includes(frameId) ? 1 : 0
			});
	});
	const alpha = (value: number | null) => (value === null ? '' : Number(value.toFixed(6)));
	for (const f of summary.frames)
		rows.push({ row_type: 'alpha_frame', frame_id: f.frameId, value: alpha(f.alpha), coders: summary.coders });
	summary.items.forEach((item, i) =>
		rows.push({ row_type: 'alpha_claim', claim_n: i + 1, claim_id: item.claimId, value: alpha(item.alpha), coders: item.coders })
	);
	rows.push({ row_type: 'alpha_mean_of_frames', value: alpha(summary.overall), coders: summary.coders });
	rows.push({ row_type: 'alpha_mean_of_claims', value: alpha(summary.itemMean), coders: summary.coders });
	return rows;
}
