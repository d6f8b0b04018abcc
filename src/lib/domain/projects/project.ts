import { gwetAc1, meanOf, perLabelAlpha, type LabelSet } from '../classroom/agreement';
import { STANCES, type Stance } from '../ledger/checks';
import { toCsv } from '../ledger/table';
import type { SampleKind } from './sample';
import { suggestedOf, type SuggestionModel, type SuggestionRow } from './suggestions';

/**
 * A coding project: a sample of one saved dataset's articles that one or more researchers code
 * with a codebook, compare, and adjudicate.
 */
export interface CodingProject {
	id: string;
	datasetId: string;
	ownerId: string;
	title: string;
	sampleKind: SampleKind;
	/** The size asked for; a stratified or random draw from fewer articles holds fewer. */
	sampleSize: number;
	seed: number;
	codebookId: string;
	codebookVersion: string;
	createdAt: number;
}

/** One article of the sample, copied from the dataset when the project was drawn. */
export interface ProjectItem {
	/** Its place in coding order, from 1. */
	position: number;
	date: string;
	outlet: string;
	group: string;
	title: string;
	url: string;
	/** The article's text or summary as the dataset kept it (see articleText); '' when the upload had none. */
	text: string;
}

/** What one code says of one article: the frames it carries and each frame's stance. */
export interface FrameCode {
	frames: string[];
	/** One per frame, in the same order. */
	stances: Stance[];
}

export interface CodeRecord extends FrameCode {
	position: number;
	coderId: string;
	/** Epoch milliseconds. */
	codedAt: number;
	codebookId: string;
	codebookVersion: string;
}

export interface Adjudication extends FrameCode {
	position: number;
	decidedBy: string;
	reason: string;
	decidedAt: number;
	codebookId: string;
	codebookVersion: string;
}

/** The next stance in the cycle adopts → reports → contests → adopts. */
export function nextStance(stance: Stance): Stance {
	return STANCES[(STANCES.indexOf(stance) + 1) % STANCES.length]!;
}

/** A code with `frame` ticked (as adopted) or unticked, frames kept in codebook order. */
export function toggleFrame(code: FrameCode, frame: string, order: readonly string[]): FrameCode {
	const stances = new Map(code.frames.map((f, i) => [f, code.stances[i] ?? 'adopts']));
	if (stances.has(frame)) stances.delete(frame);
	else stances.set(frame, 'adopts');
	const frames = order.filter((f) => stances.has(f));
	return { frames, stances: frames.map((f) => stances.get(f)!) };
}

export function cycleStance(code: FrameCode, frame: string): FrameCode {
	const at = code.frames.indexOf(frame);
	if (at < 0) return code;
	return { frames: code.frames, stances: code.stances.map((s, i) => (i === at ? nextStance(s) : s)) };
}

const sameCode = (a: FrameCode, b: FrameCode) =>
	a.frames.length === b.frames.length && a.frames.every((f, i) => b.frames.includes(f) && b.stances[b.frames.indexOf(f)] === a.stances[i]);

export interface FrameAgreement {
	frame: string;
	alpha: number | null;
	ac1: number | null;
	/** How many codes ticked the frame. */
	ticks: number;
}

export interface ProjectAgreement {
	perFrame: FrameAgreement[];
	/** Mean of the frames' defined alphas, as the class results report it. */
	alpha: number | null;
	/** Mean of the frames' defined AC1s. */
	ac1: number | null;
	/** Articles coded by at least two coders: the units agreement is computed on. */
	pairable: number;
	/** Articles each coder has coded, by coder id. */
	coded: Record<string, number>;
}

/**
 * Krippendorff's alpha and Gwet's AC1 per frame, each frame a binary variable per article, over
 * the articles at least two coders coded. An article a coder has not coded is a missing value.
 */
export function projectAgreement(
	positions: readonly number[],
	coderIds: readonly string[],
	codes: readonly CodeRecord[],
	frames: readonly string[]
): ProjectAgreement {
	const byItem = new Map<string, CodeRecord>(codes.map((c) => [`${c.position}\u0000${c.coderId}`, c]));
	const codings: LabelSet[][] = positions.map((p) => coderIds.map((coder) => byItem.get(`${p}\u0000${coder}`)?.frames ?? null));
	const { perLabel, mean } = perLabelAlpha(codings, frames);
	const perFrame = frames.map((frame) => ({
		frame,
		alpha: perLabel[frame]!.alpha,
		ac1: gwetAc1(codings.map((unit) => unit.map((set) => (set === null ? null : set.includes(frame))))),
		ticks: codes.filter((c) => c.frames.includes(frame)).length
	}));
	const coded = Object.fromEntries(coderIds.map((coder) => [coder, codes.filter((c) => c.coderId === coder).length]));
	return {
		perFrame,
		alpha: mean,
		// A frame nobody ticked has perfect AC1 by construction; counting it would flatter the coders.
		ac1: meanOf(perFrame.filter((f) => f.ticks > 0).map((f) => f.ac1)),
		pairable: codings.filter((unit) => unit.filter((set) => set !== null).length >= 2).length,
		coded
	};
}

/** Articles two or more coders coded differently (in frames or in a frame's stance), in coding order. */
export function disagreements(codes: readonly CodeRecord[]): { position: number; codes: CodeRecord[] }[] {
	const byPosition = new Map<number, CodeRecord[]>();
	for (const code of codes) byPosition.set(code.position, [...(byPosition.get(code.position) ?? []), code]);
	return [...byPosition]
		.filter(([, list]) => list.length >= 2 && list.some((c) => !sameCode(c, list[0]!)))
		.sort(([a], [b]) => a - b)
		.map(([position, list]) => ({ position, codes: list }));
}

/**
 * What every code of a disputed article agrees on: the frames all of them carry, each with its
 * stance where all give the same one, else none (null). An adjudication starts from this, so that
 * the form leans towards no coder, the adjudicator's own code included.
 */
export function commonCode(codes: readonly FrameCode[]): { frames: string[]; stances: (Stance | null)[] } {
	const first = codes[0];
	if (!first) return { frames: [], stances: [] };
	const frames = first.frames.filter((frame) => codes.every((c) => c.frames.includes(frame)));
	const stanceOf = (code: FrameCode, frame: string) => code.stances[code.frames.indexOf(frame)];
	const stances = frames.map((frame) => {
		const stance = stanceOf(first, frame) ?? null;
		return codes.every((c) => stanceOf(c, frame) === stance) ? stance : null;
	});
	return { frames, stances };
}

export type FinalSource = 'adjudication' | 'agreed';

/**
 * Each article's final code: the adjudication where there is one, else the coders' code where
 * two or more coded it and all agree. Articles still in dispute, or coded once, have none.
 */
export function finalCodes(
	codes: readonly CodeRecord[],
	adjudications: readonly Adjudication[]
): Map<number, FrameCode & { source: FinalSource }> {
	const finals = new Map<number, FrameCode & { source: FinalSource }>();
	const byPosition = new Map<number, CodeRecord[]>();
	for (const code of codes) byPosition.set(code.position, [...(byPosition.get(code.position) ?? []), code]);
	for (const [position, list] of byPosition) {
		if (list.length >= 2 && list.every((c) => sameCode(c, list[0]!))) {
			finals.set(position, { frames: list[0]!.frames, stances: list[0]!.stances, source: 'agreed' });
		}
	}
	for (const a of adjudications) finals.set(a.position, { frames: a.frames, stances: a.stances, source: 'adjudication' });
	return finals;
}

/** Final codes counted per outlet group and frame, for the frames-by-group table of a coded sample. */
export function framesByGroup(
	items: readonly ProjectItem[],
	finals: ReadonlyMap<number, Pick<FrameCode, 'frames'>>
): Map<string, Map<string, number>> {
	const counts = new Map<string, Map<string, number>>();
	for (const item of items) {
		const final = finals.get(item.position);
		if (!final) continue;
		const group = counts.get(item.group) ?? new Map<string, number>();
		for (const frame of final.frames) group.set(frame, (group.get(frame) ?? 0) + 1);
		counts.set(item.group, group);
	}
	return counts;
}

export const EXPORT_COLUMNS = [
	'item',
	'date',
	'outlet',
	'group',
	'title',
	'url',
	'source',
	'coder',
	'frames',
	'stances',
	'coded_at',
	'codebook',
	'codebook_version',
	'reason',
	'probability'
];

/**
 * The project's codes as CSV: one row per article and coder (source `human`), then the
 * adjudicated final code of each adjudicated article (source `adjudication`, coder = who decided),
 * then the model's suggestion for each article (source `suggestion`, coder `model`, no stance,
 * each suggested frame's probability), so no reader can take a suggestion for a human code.
 */
export function codesCsv(
	items: readonly ProjectItem[],
	codes: readonly CodeRecord[],
	adjudications: readonly Adjudication[],
	names: ReadonlyMap<string, string>,
	suggestions?: { model: SuggestionModel; rows: readonly SuggestionRow[] }
): string {
	const byPosition = new Map(items.map((i) => [i.position, i]));
	const row = (
		position: number,
		source: string,
		who: string,
		code: FrameCode,
		at: number,
		book: string,
		version: string,
		reason: string,
		probability = ''
	) => {
		const item = byPosition.get(position);
		return {
			item: position,
			date: item?.date ?? '',
			outlet: item?.outlet ?? '',
			group: item?.group ?? '',
			title: item?.title ?? '',
			url: item?.url ?? '',
			source,
			coder: names.get(who) ?? who,
			frames: code.frames.join(';'),
			stances: code.stances.join(';'),
			coded_at: new Date(at).toISOString(),
			codebook: book,
			codebook_version: version,
			reason,
			probability
		};
	};
	const sorted = [...codes].sort((a, b) => a.position - b.position || a.coderId.localeCompare(b.coderId));
	return toCsv(EXPORT_COLUMNS, [
		...sorted.map((c) => row(c.position, 'human', c.coderId, c, c.codedAt, c.codebookId, c.codebookVersion, '')),
		...[...adjudications]
			.sort((a, b) => a.position - b.position)
			.map((a) => row(a.position, 'adjudication', a.decidedBy, a, a.decidedAt, a.codebookId, a.codebookVersion, a.reason)),
		...(suggestions?.rows ?? []).map((r) => {
			const { model } = suggestions!;
			const frames = suggestedOf(model.frames, r.probabilities);
			const probability = frames.map((f) => r.probabilities[model.frames.indexOf(f)]!.toFixed(4)).join(';');
			return row(
				r.position,
				'suggestion',
				'model',
				{ frames, stances: [] },
				model.trainedAt,
				model.codebookId,
				model.codebookVersion,
				'',
				probability
			);
		})
	]);
}
