import { z } from 'zod';
import type { Ledger } from './ledger';
import { CodebookFrameSchema, id, type CodebookFrame, type Frame } from './schemas';
import { parseTable, type TableIssue } from './table';

/**
 * A codebook is data: a list of frames plus a crosswalk from Parallax's own frame codes to its
 * codes. Charts and exercises can switch codebook; coded items are translated through the
 * crosswalk, so the same coding can be read in either vocabulary.
 */
export interface Codebook {
	id: string;
	label: string;
	description: string;
	frames: CodebookFrame[];
	/** Parallax frame id → this codebook's frame ids. */
	crosswalk: Record<string, string[]>;
}

export const PARALLAX_CODEBOOK = 'parallax';
export const POLICY_FRAMES_CODEBOOK = 'pfc';
export const LOCAL_CODEBOOK_PREFIX = 'local-';

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
 * Translate Parallax frame codes into a codebook's codes, without duplicates. Codes the
 * crosswalk does not know are kept as they are: an upload may already use the target codebook.
 */
export function recode(codes: readonly string[], codebook: Codebook): string[] {
	const out: string[] = [];
	for (const code of codes) {
		for (const target of codebook.crosswalk[code] ?? [code]) if (!out.includes(target)) out.push(target);
	}
	return out;
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
