import { deckForEvent } from '$lib/server/classroom';

export function load({ params }) {
	return deckForEvent(params.id);
}
