/**
 * Checks and value lists the schemas use that pages need too. They live apart from schemas.ts
 * because importing that brings zod into a page's JavaScript (its schemas are built when the
 * module loads), and the compare view must stay within its size budget.
 */

/** A calendar date written yyyy-mm-dd that exists (rejects 2025-02-30). */
export function isRealIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname.includes('.');
	} catch {
		return false;
	}
}

/**
 * How an article holds a frame: in its own voice, attributed to a named actor without endorsement
 * (as the SemEval-2025 Task 10 guidelines treat attribution), or raised in order to rebut it.
 */
export const STANCES = ['adopts', 'reports', 'contests'] as const;
export type Stance = (typeof STANCES)[number];
