import { deckFromCode } from '$lib/server/classroom';
import { exerciseData } from '$lib/server/exercise';
import { ledger } from '$lib/server/ledger';
import { eventSummaries } from '$lib/domain/ledger/views';

export function load({ url }) {
	const code = url.searchParams.get('deck');
	if (!code) return { set: undefined, events: eventSummaries(ledger()) };
	const { deck, frames } = deckFromCode(code);
	return {
		set: {
			...exerciseData(deck.items, frames, url.searchParams.get('codebook')),
			title: deck.title,
			notices: deck.notices,
			storageKey: `parallax:exercise:deck:${deck.code}:${url.searchParams.get('codebook') ?? 'parallax'}`,
			backHref: `/decks/${deck.code}`
		},
		events: []
	};
}
