import { deckClaims, type ResolvedItem } from '$lib/domain/deck';
import type { Frame, Perspective } from '$lib/domain/schemas';

/** The claims to code, the frames to choose from, and the perspectives revealed in feedback. */
export function exerciseData(items: ResolvedItem[], frames: Record<string, Frame>) {
	const claims = deckClaims(items);
	const perspectivesByClaim: Record<string, Perspective[]> = {};
	for (const item of items)
		if (item.kind === 'claim') perspectivesByClaim[item.claim.id] ??= item.perspectives;
	return { claims, perspectivesByClaim, choices: frameChoices(frames), frames };
}

/** The frames a student codes claims with. */
export function frameChoices(frames: Record<string, Frame>): Frame[] {
	// Claims are coded only with Russian-state frames, so offering the alliance frames would be a trick question.
	return Object.values(frames).filter((f) => f.family === 'russian-state');
}
