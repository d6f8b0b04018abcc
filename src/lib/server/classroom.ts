import { error } from '@sveltejs/kit';
import { decodeDeck, eventDeck, resolveDeck, type ResolvedDeck } from '$lib/domain/classroom/deck';
import { frameIndex } from '$lib/domain/ledger/views';
import { ledger } from './ledger';

/** What every classroom page needs: the deck, looked up in the dataset, and the codebook. */
export function deckFromCode(code: string) {
	const decoded = decodeDeck(code);
	if (!decoded.ok) error(404, decoded.reason);
	return withFrames(resolveDeck(decoded.deck, ledger(), decoded.notices));
}

export function deckForEvent(eventId: string) {
	const deck = eventDeck(ledger(), eventId);
	if (!deck) error(404, `There is no event with the id "${eventId}".`);
	return withFrames(resolveDeck(deck, ledger()));
}

function withFrames(deck: ResolvedDeck) {
	return { deck, frames: frameIndex(ledger().frames) };
}
