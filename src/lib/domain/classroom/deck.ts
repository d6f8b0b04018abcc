import { z } from 'zod';
import type { Ledger } from '../ledger/ledger';
import { id, type Claim, type Event, type Perspective } from '../ledger/schemas';
import { perspectivesFor } from '../ledger/views';

/**
 * A lesson deck is stored only in its link: the code is base64url of a small JSON payload that
 * holds ids, never copies of the data, so a deck always shows the current, checked dataset and
 * a teacher needs no account or server storage.
 */

export const DECK_VERSION = 1;
export const MAX_TITLE = 120;
export const MAX_QUESTION = 240;
// Caps keep the worst-case link (about 13 kB) under the 16 kB request-header limit of Node servers.
export const MAX_ITEMS = 40;

export type DeckItem =
	| { kind: 'event'; id: string }
	/** perspectives: the chosen subset, in order; undefined means "all perspectives on the claim". */
	| { kind: 'claim'; id: string; perspectives?: string[] }
	| { kind: 'perspective'; id: string }
	| { kind: 'question'; text: string };

export interface Deck {
	title: string;
	items: DeckItem[];
}

const question = z.string().trim().min(1).max(MAX_QUESTION);

/** One encoded item: a tuple whose first element says what it is. */
export const DeckItemSchema = z.union([
	z.tuple([z.literal('e'), id]),
	z.tuple([z.literal('c'), id]),
	z.tuple([z.literal('c'), id, z.array(id).max(MAX_ITEMS)]),
	z.tuple([z.literal('p'), id]),
	z.tuple([z.literal('q'), question])
]);
type EncodedItem = z.infer<typeof DeckItemSchema>;

/** The payload shape. Items are checked one by one afterwards so one bad item does not lose the deck. */
export const DeckPayloadSchema = z.object({
	v: z.literal(DECK_VERSION),
	t: z.string().trim().max(MAX_TITLE).default(''),
	i: z.array(z.unknown()).max(MAX_ITEMS)
});

function toTuple(item: DeckItem): EncodedItem {
	switch (item.kind) {
		case 'event':
			return ['e', item.id];
		case 'claim':
			return item.perspectives ? ['c', item.id, item.perspectives] : ['c', item.id];
		case 'perspective':
			return ['p', item.id];
		case 'question':
			return ['q', item.text];
	}
}

function fromTuple(tuple: EncodedItem): DeckItem {
	switch (tuple[0]) {
		case 'e':
			return { kind: 'event', id: tuple[1] };
		case 'c':
			return tuple.length === 3 ? { kind: 'claim', id: tuple[1], perspectives: tuple[2] } : { kind: 'claim', id: tuple[1] };
		case 'p':
			return { kind: 'perspective', id: tuple[1] };
		case 'q':
			return { kind: 'question', text: tuple[1] };
	}
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new Error('not base64url');
	const base64 = code.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeDeck(deck: Deck): string {
	const payload = { v: DECK_VERSION, t: deck.title.trim().slice(0, MAX_TITLE), i: deck.items.map(toTuple) };
	return toBase64Url(new TextEncoder().encode(JSON.stringify(payload)));
}

export type DecodeResult = { ok: true; deck: Deck; notices: string[] } | { ok: false; reason: string };

export function decodeDeck(code: string): DecodeResult {
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(code)));
	} catch {
		return { ok: false, reason: 'This deck link is damaged: it may have been cut short when it was copied.' };
	}
	const payload = DeckPayloadSchema.safeParse(json);
	if (!payload.success) return { ok: false, reason: 'This deck link was made by a different version of Parallax and cannot be read.' };
	const items: DeckItem[] = [];
	let unreadable = 0;
	for (const raw of payload.data.i) {
		const item = DeckItemSchema.safeParse(raw);
		if (item.success) items.push(fromTuple(item.data));
		else unreadable += 1;
	}
	const notices =
		unreadable > 0
			? [
					`${unreadable} item${unreadable === 1 ? '' : 's'} in this link could not be read and ${unreadable === 1 ? 'was' : 'were'} left out.`
				]
			: [];
	return { ok: true, deck: { title: payload.data.t, items }, notices };
}

export type ResolvedItem =
	| { kind: 'event'; event: Event }
	| { kind: 'claim'; claim: Claim; event: Event; perspectives: Perspective[] }
	| { kind: 'perspective'; perspective: Perspective; event: Event }
	| { kind: 'question'; text: string };

export interface ResolvedDeck {
	title: string;
	items: ResolvedItem[];
	/** Plain-language notes about anything that was dropped, for a visible notice. */
	notices: string[];
	/** The deck as it will be shown, re-encoded without the dropped ids. */
	code: string;
}

export type DeckData = Pick<Ledger, 'events' | 'claims' | 'perspectives'>;

/** Look every id up in the dataset; ids that no longer exist are dropped and listed in notices. */
export function resolveDeck(deck: Deck, data: DeckData, notices: string[] = []): ResolvedDeck {
	const events = new Map(data.events.map((e) => [e.id, e]));
	const claims = new Map(data.claims.map((c) => [c.id, c]));
	const perspectives = new Map(data.perspectives.map((p) => [p.id, p]));
	const missing: string[] = [];
	const kept: DeckItem[] = [];
	const items: ResolvedItem[] = [];

	for (const item of deck.items) {
		if (item.kind === 'question') {
			kept.push(item);
			items.push(item);
		} else if (item.kind === 'event') {
			const event = events.get(item.id);
			if (!event) missing.push(`event “${item.id}”`);
			else {
				kept.push(item);
				items.push({ kind: 'event', event });
			}
		} else if (item.kind === 'perspective') {
			const perspective = perspectives.get(item.id);
			const event = perspective && events.get(perspective.event_id);
			if (!perspective || !event) missing.push(`perspective “${item.id}”`);
			else {
				kept.push(item);
				items.push({ kind: 'perspective', perspective, event });
			}
		} else {
			const claim = claims.get(item.id);
			const event = claim && events.get(claim.event_id);
			if (!claim || !event) {
				missing.push(`claim “${item.id}”`);
				continue;
			}
			const all = perspectivesFor(claim.id, data.perspectives).sort((a, b) => a.date.localeCompare(b.date));
			let chosen = all;
			let ids: string[] | undefined;
			if (item.perspectives) {
				const onClaim = new Map(all.map((p) => [p.id, p]));
				chosen = [];
				ids = [];
				for (const pid of item.perspectives) {
					const perspective = onClaim.get(pid);
					if (!perspective) missing.push(`perspective “${pid}” on claim “${claim.id}”`);
					else {
						chosen.push(perspective);
						ids.push(pid);
					}
				}
			}
			kept.push(ids ? { kind: 'claim', id: claim.id, perspectives: ids } : { kind: 'claim', id: claim.id });
			items.push({ kind: 'claim', claim, event, perspectives: chosen });
		}
	}

	const all = [...notices];
	if (missing.length > 0)
		all.push(
			`${missing.length === 1 ? 'One item is' : `${missing.length} items are`} no longer in the dataset and ${missing.length === 1 ? 'was' : 'were'} left out: ${missing.join(', ')}.`
		);
	const title = deck.title.trim() || 'Untitled deck';
	return { title, items, notices: all, code: encodeDeck({ title: deck.title, items: kept }) };
}

/** An event presented on its own: its context, then every claim with all its perspectives. */
export function eventDeck(data: DeckData, eventId: string): Deck | undefined {
	const event = data.events.find((e) => e.id === eventId);
	if (!event) return undefined;
	const claims = data.claims.filter((c) => c.event_id === eventId).sort((a, b) => a.date.localeCompare(b.date));
	return {
		title: event.title,
		items: [{ kind: 'event', id: event.id }, ...claims.map((c) => ({ kind: 'claim' as const, id: c.id }))]
	};
}

/** The claims a deck asks students to code, in deck order, each once. */
export function deckClaims(items: ResolvedItem[]): Claim[] {
	const seen = new Set<string>();
	const claims: Claim[] = [];
	for (const item of items)
		if (item.kind === 'claim' && !seen.has(item.claim.id)) {
			seen.add(item.claim.id);
			claims.push(item.claim);
		}
	return claims;
}
