import { deckForEvent } from '$lib/server/classroom';

// Only params.eventId is read, so moving between steps does not reload the data.
export function load({ params }) {
	const eventId = params.eventId;
	return { eventId, ...deckForEvent(eventId) };
}
