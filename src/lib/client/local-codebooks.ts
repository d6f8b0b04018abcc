import type { Codebook } from '$lib/domain/ledger/codebook';

/**
 * Codebooks researchers upload are small, so they live in localStorage: available on every
 * page of this browser, never sent to the server.
 */
const KEY = 'parallax:codebooks';

export function localCodebooks(): Codebook[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(parsed) ? (parsed as Codebook[]).filter((c) => typeof c?.id === 'string' && Array.isArray(c.frames)) : [];
	} catch {
		return [];
	}
}

export function saveLocalCodebook(codebook: Codebook) {
	localStorage.setItem(KEY, JSON.stringify([...localCodebooks().filter((c) => c.id !== codebook.id), codebook]));
}

export function removeLocalCodebook(id: string) {
	localStorage.setItem(KEY, JSON.stringify(localCodebooks().filter((c) => c.id !== id)));
}
