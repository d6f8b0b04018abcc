import { z } from 'zod';
import type { Ledger } from './ledger';
import { CodebookFrameSchema, id, type Frame } from './schemas';
import { parseTable, type TableIssue } from './table';
import { perLabelAlpha, type AlphaResult } from '../classroom/agreement';
import { PARALLAX_CODEBOOK, POLICY_FRAMES_CODEBOOK, recode, type Codebook } from './crosswalk';

export { LOCAL_CODEBOOK_PREFIX, PARALLAX_CODEBOOK, POLICY_FRAMES_CODEBOOK, recode, type Codebook } from './crosswalk';

export function bundledCodebooks(ledger: Pick<Ledger, 'frames' | 'policyFrames'>): Codebook[] {
	return [
		{
			id: PARALLAX_CODEBOOK,
			label: 'Parallax codebook',
			description: 'The project’s own frames for this topic, grounded in the SemEval-2025 Task 10 narrative taxonomy.',
			frames: ledger.frames.map(({ id, label, definition, cues }) => ({ id, label, definition, cues })),
			crosswalk: Object.fromEntries(ledger.frames.map((f) => [f.id, [f.id]]))
		},
		{
			id: POLICY_FRAMES_CODEBOOK,
			label: 'Policy Frames Codebook',
			description: 'The 15 issue-general dimensions of Boydstun, Gross, Resnik and Smith (2014).',
			frames: ledger.policyFrames,
			crosswalk: Object.fromEntries(ledger.frames.map((f) => [f.id, [f.policy_frame]]))
		}
	];
}

/**
 * A codebook's frames in the shape the frame chips and exercises read. Families only colour
 * the chips; a non-Parallax codebook has no families, so its frames share one.
 */
export function codebookFrames(codebook: Codebook, parallax: Frame[]): Frame[] {
	if (codebook.id === PARALLAX_CODEBOOK) return parallax;
	return codebook.frames.map((f) => ({
		...f,
		family: 'alliance-ukrainian',
		semeval_narrative: '',
		policy_frame: f.id
	}));
}

export const CrosswalkRowSchema = z.object({ parallax_frame: id, frame: id });

export interface UploadedCodebook {
	codebook: Codebook | null;
	issues: TableIssue[];
}

/**
 * A researcher's codebook (CSV: id, label, definition, cues) and crosswalk (CSV:
 * parallax_frame, frame). Every crosswalk row must name a known Parallax frame and a frame of
 * the uploaded codebook; problems come back as file:row:column messages.
 */
export function uploadedCodebook(
	input: { id: string; label: string; codebookFile: string; codebookText: string; crosswalkFile: string; crosswalkText: string },
	parallaxIds: readonly string[]
): UploadedCodebook {
	const frames = parseTable(input.codebookFile, input.codebookText, CodebookFrameSchema);
	const crosswalk = parseTable(input.crosswalkFile, input.crosswalkText, CrosswalkRowSchema);
	const issues = [...frames.issues, ...crosswalk.issues];
	const known = new Set(parallaxIds);
	// A Parallax frame the crosswalk leaves out has no counterpart: it maps to nothing rather than
	// leaking into the researcher's codebook under its Parallax id.
	const map: Record<string, string[]> = Object.fromEntries(parallaxIds.map((f) => [f, []]));
	crosswalk.rows.forEach((row, i) => {
		const at = { file: input.crosswalkFile, row: crosswalk.rowNumbers[i] ?? 0 };
		if (!known.has(row.parallax_frame))
			issues.push({ ...at, column: 'parallax_frame', reason: `"${row.parallax_frame}" is not a Parallax frame id` });
		else if (!frames.ids.has(row.frame))
			issues.push({ ...at, column: 'frame', reason: `"${row.frame}" is not a frame of the uploaded codebook` });
		else (map[row.parallax_frame] ??= []).push(row.frame);
	});
	if (issues.length > 0) return { codebook: null, issues };
	return {
		codebook: {
			id: input.id,
			label: input.label,
			description: `Uploaded from ${input.codebookFile}, with the crosswalk ${input.crosswalkFile}; kept in this browser.`,
			frames: frames.rows,
			crosswalk: map
		},
		issues
	};
}

export const CodingRowSchema = z.object({
	claim_id: id,
	frames: z
		.string()
		.trim()
		.default('')
		.transform((v) =>
			v === ''
				? []
				: [
						...new Set(
							v
								.split(';')
								.map((f) => f.trim())
								.filter(Boolean)
						)
					]
		)
});

export interface CodingComparison {
	/** Claims coded in both codings. */
	items: { claimId: string; bundled: string[]; uploaded: string[] }[];
	perFrame: Record<string, AlphaResult>;
	/** Mean of the per-frame alphas that are defined (Krippendorff, nominal, each frame binary). */
	alpha: number | null;
	/** Share of claims where the two codings chose exactly the same frames. */
	exactShare: number;
	issues: TableIssue[];
}

/**
 * Agreement between a researcher's coding of bundled claims (CSV: claim_id, frames, frames in
 * the chosen codebook's ids) and the bundled coding translated into that codebook.
 */
export function compareCodings(
	file: string,
	text: string,
	claims: readonly { id: string; frame_codes: readonly string[] }[],
	codebook: Codebook
): CodingComparison {
	const parsed = parseTable(file, text, CodingRowSchema);
	const issues = [...parsed.issues];
	const byId = new Map(claims.map((c) => [c.id, c]));
	const frameIds = new Set(codebook.frames.map((f) => f.id));
	const items: CodingComparison['items'] = [];
	parsed.rows.forEach((row, i) => {
		const at = { file, row: parsed.rowNumbers[i] ?? 0 };
		const claim = byId.get(row.claim_id);
		const unknown = row.frames.filter((f) => !frameIds.has(f));
		if (!claim) issues.push({ ...at, column: 'claim_id', reason: `"${row.claim_id}" is not a bundled claim id` });
		else if (unknown.length > 0)
			issues.push({
				...at,
				column: 'frames',
				reason: `"${unknown.join(';')}" ${unknown.length === 1 ? 'is not a frame' : 'are not frames'} of ${codebook.label}`
			});
		else items.push({ claimId: claim.id, bundled: recode(claim.frame_codes, codebook), uploaded: row.frames });
	});
	const labels = codebook.frames.map((f) => f.id);
	const { perLabel, mean } = perLabelAlpha(
		items.map((item) => [item.bundled, item.uploaded]),
		labels
	);
	const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
	return {
		items,
		perFrame: perLabel,
		alpha: mean,
		exactShare: items.length === 0 ? 0 : items.filter((i) => same(i.bundled, i.uploaded)).length / items.length,
		issues
	};
}
