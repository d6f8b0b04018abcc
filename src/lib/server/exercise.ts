import { bundledCodebooks, codebookFrames, PARALLAX_CODEBOOK, recode } from '$lib/domain/ledger/codebook';
import { deckClaims, type ResolvedItem } from '$lib/domain/classroom/deck';
import type { Frame, Perspective } from '$lib/domain/ledger/schemas';
import { ledger } from './ledger';

/**
 * The claims to code, the frames to choose from, and the perspectives revealed in feedback.
 * In another codebook, each claim's Parallax frames are translated through its crosswalk and the
 * student chooses among that codebook's frames.
 */
export function exerciseData(items: ResolvedItem[], frames: Record<string, Frame>, codebookId: string | null = null) {
	const codebooks = bundledCodebooks(ledger());
	const codebook = codebooks.find((c) => c.id === codebookId) ?? codebooks[0]!;
	const perspectivesByClaim: Record<string, Perspective[]> = {};
	for (const item of items) if (item.kind === 'claim') perspectivesByClaim[item.claim.id] ??= item.perspectives;
	const switcher = {
		codebook: codebook.id,
		codebooks: codebooks.map(({ id, label }) => ({ id, label }))
	};
	if (codebook.id === PARALLAX_CODEBOOK) {
		return { claims: deckClaims(items), perspectivesByClaim, choices: frameChoices(frames), frames, ...switcher };
	}
	const choices = codebookFrames(codebook, Object.values(frames));
	const claims = deckClaims(items).map((claim) => ({ ...claim, frame_codes: recode(claim.frame_codes, codebook) }));
	return { claims, perspectivesByClaim, choices, frames: Object.fromEntries(choices.map((f) => [f.id, f])), ...switcher };
}

/** The Parallax frames a student codes claims with. */
export function frameChoices(frames: Record<string, Frame>): Frame[] {
	// Claims are coded only with Russian-state frames, so offering the alliance frames would be a trick question.
	return Object.values(frames).filter((f) => f.family === 'russian-state');
}
