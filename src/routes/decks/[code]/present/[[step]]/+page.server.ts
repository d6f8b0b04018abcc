import { deckFromCode } from '$lib/server/classroom';

// Only params.code is read, so moving between steps does not reload the data.
export function load({ params }) {
	return deckFromCode(params.code);
}
