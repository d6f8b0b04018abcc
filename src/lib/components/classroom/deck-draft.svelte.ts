import { encodeDeck, MAX_ITEMS, MAX_QUESTION, type Deck, type DeckItem } from '$lib/domain/classroom/deck';

export interface Entry {
	/** Stable across moves so keyed rendering keeps each row (and its focus) intact. */
	key: number;
	item: DeckItem;
}

/**
 * The deck a teacher is building: its title, its entries in order and the question being written.
 * It starts as a copy of the deck it was opened with and is never reset from outside, so later
 * changes to that deck cannot wipe the teacher's work.
 */
export class DeckDraft {
	title = $state('');
	entries: Entry[] = $state([]);
	question = $state('');
	/** The question form was sent empty. */
	questionMissing = $state(false);

	#nextKey = 0;

	readonly full = $derived(this.entries.length >= MAX_ITEMS);
	readonly deck: Deck = $derived({ title: this.title, items: this.entries.map((e) => e.item) });
	readonly code = $derived(encodeDeck(this.deck));
	/** Nothing to keep: no title and no entries. */
	readonly blank = $derived(this.entries.length === 0 && !this.title);
	readonly #inDeck = $derived(new Set(this.entries.flatMap(({ item }) => (item.kind === 'question' ? [] : [`${item.kind}:${item.id}`]))));

	constructor(start: Deck | undefined) {
		this.title = start?.title ?? '';
		this.entries = (start?.items ?? []).map((item) => this.#wrap(item));
	}

	has(kind: 'event' | 'claim' | 'perspective', id: string): boolean {
		return this.#inDeck.has(`${kind}:${id}`);
	}

	/** Appends an item unless the deck is full; the new entry, or undefined. */
	add(item: DeckItem): Entry | undefined {
		if (this.full) return undefined;
		this.entries.push(this.#wrap(item));
		return this.entries.at(-1);
	}

	/** The event and its claims, skipping what is already in the deck and stopping when it is full. */
	addWholeEvent(eventId: string, claimIds: string[]) {
		if (!this.has('event', eventId)) this.add({ kind: 'event', id: eventId });
		for (const id of claimIds) if (!this.has('claim', id)) this.add({ kind: 'claim', id });
	}

	/** Adds the question being written and clears the form; an empty question is refused. */
	addQuestion(): Entry | undefined {
		const text = this.question.trim();
		this.questionMissing = !text;
		if (!text) return undefined;
		const entry = this.add({ kind: 'question', text: text.slice(0, MAX_QUESTION) });
		this.question = '';
		return entry;
	}

	/** Moves the entry at `from` to position `to`; the moved entry, or undefined when nothing moved. */
	move(from: number, to: number): Entry | undefined {
		if (to < 0 || to >= this.entries.length || from === to) return undefined;
		const [entry] = this.entries.splice(from, 1);
		if (!entry) return undefined;
		this.entries.splice(to, 0, entry);
		return entry;
	}

	/** Drops the entry at `index`; the removed entry, or undefined. */
	remove(index: number): Entry | undefined {
		return this.entries.splice(index, 1)[0];
	}

	/**
	 * Shows or hides one perspective on a claim entry. `available` is every perspective on the
	 * claim, in the order a deck shows them.
	 */
	togglePerspective(index: number, perspectiveId: string, on: boolean, available: string[]) {
		const entry = this.entries[index];
		if (!entry || entry.item.kind !== 'claim') return;
		const current = new Set(entry.item.perspectives ?? available);
		if (on) current.add(perspectiveId);
		else current.delete(perspectiveId);
		const chosen = available.filter((id) => current.has(id));
		const id = entry.item.id;
		// "All" is stored as no list, which keeps the link short and picks up perspectives added later.
		entry.item = chosen.length === available.length ? { kind: 'claim', id } : { kind: 'claim', id, perspectives: chosen };
	}

	#wrap(item: DeckItem): Entry {
		return { key: this.#nextKey++, item };
	}
}
