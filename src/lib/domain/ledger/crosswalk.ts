import type { CodebookFrame } from './schemas';

// Apart from codebook.ts, whose upload schemas bring zod and the CSV parser along: the charts on
// every event page recode frames through this.

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
