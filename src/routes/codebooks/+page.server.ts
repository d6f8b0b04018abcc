import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import { ledger } from '$lib/server/ledger';

export function load() {
	const data = ledger();
	return {
		codebooks: bundledCodebooks(data),
		parallaxFrames: data.frames.map(({ id, label }) => ({ id, label })),
		claims: data.claims.map(({ id, frame_codes, speaker, date }) => ({ id, frame_codes, speaker, date }))
	};
}
