import { deckForEvent } from '$lib/server/classroom';
import { exerciseData } from '$lib/server/exercise';

export function load({ params, url }) {
	const { deck, frames } = deckForEvent(params.eventId);
	return {
		...exerciseData(deck.items, frames, url.searchParams.get('codebook')),
		title: deck.title,
		storageKey: `parallax:exercise:event:${params.eventId}:${url.searchParams.get('codebook') ?? 'parallax'}`,
		backHref: `/events/${params.eventId}`
	};
}
