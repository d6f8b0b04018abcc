import { deckForEvent } from '$lib/server/classroom';
import { exerciseData } from '$lib/server/exercise';

export function load({ params }) {
	const { deck, frames } = deckForEvent(params.eventId);
	return {
		...exerciseData(deck.items, frames),
		title: deck.title,
		storageKey: `parallax:exercise:event:${params.eventId}`,
		backHref: `/events/${params.eventId}`,
		backLabel: 'Back to the event'
	};
}
