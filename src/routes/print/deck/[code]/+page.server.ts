import { deckFromCode } from '$lib/server/classroom';

export function load({ params }) {
	return deckFromCode(params.code);
}
