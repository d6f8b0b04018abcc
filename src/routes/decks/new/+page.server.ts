import { decodeDeck, resolveDeck, type Deck } from '$lib/domain/classroom/deck';
import { ledger } from '$lib/server/ledger';

export function load({ url }) {
	const data = ledger();
	const from = url.searchParams.get('from');
	let initial: Deck | undefined;
	let notices: string[] = [];
	if (from) {
		const decoded = decodeDeck(from);
		if (!decoded.ok) notices = [`${decoded.reason} Starting a new deck instead.`];
		else {
			// Editing starts from the cleaned deck, so ids that no longer exist are not carried forward.
			const resolved = resolveDeck(decoded.deck, data, decoded.notices);
			const clean = decodeDeck(resolved.code);
			initial = clean.ok ? { ...clean.deck, title: decoded.deck.title } : undefined;
			notices = resolved.notices;
		}
	}
	return { events: data.events, claims: data.claims, perspectives: data.perspectives, initial, notices };
}
