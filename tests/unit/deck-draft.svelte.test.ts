import { describe, expect, it } from 'vitest';
import { decodeDeck, MAX_ITEMS, MAX_QUESTION, type DeckItem } from '../../src/lib/domain/classroom/deck';
import { DeckDraft } from '../../src/lib/components/classroom/deck-draft.svelte';

const items = (draft: DeckDraft) => draft.entries.map((e) => e.item);

describe('DeckDraft', () => {
	it('starts as a copy of the deck it was opened with, and its code decodes to the same deck', () => {
		const start = { title: 'Week 3', items: [{ kind: 'event', id: 'hague' } as DeckItem, { kind: 'claim', id: 'c1' } as DeckItem] };
		const draft = new DeckDraft(start);
		draft.add({ kind: 'claim', id: 'c2' });
		expect(start.items).toHaveLength(2);
		expect(draft.deck).toEqual({ title: 'Week 3', items: [...start.items, { kind: 'claim', id: 'c2' }] });
		expect(decodeDeck(draft.code)).toEqual({ ok: true, deck: draft.deck, notices: [] });
	});

	it('is blank only with no title and no entries', () => {
		const draft = new DeckDraft(undefined);
		expect(draft.blank).toBe(true);
		draft.title = 'Lesson';
		expect(draft.blank).toBe(false);
		draft.title = '';
		draft.add({ kind: 'event', id: 'hague' });
		expect(draft.blank).toBe(false);
	});

	it('knows which library items are in the deck', () => {
		const draft = new DeckDraft(undefined);
		draft.add({ kind: 'claim', id: 'c1' });
		expect(draft.has('claim', 'c1')).toBe(true);
		expect(draft.has('perspective', 'c1')).toBe(false);
		draft.remove(0);
		expect(draft.has('claim', 'c1')).toBe(false);
	});

	it('refuses to add past the limit', () => {
		const draft = new DeckDraft(undefined);
		for (let i = 0; i < MAX_ITEMS; i++) expect(draft.add({ kind: 'claim', id: `c${i}` })).toBeDefined();
		expect(draft.full).toBe(true);
		expect(draft.add({ kind: 'claim', id: 'one-more' })).toBeUndefined();
		expect(draft.entries).toHaveLength(MAX_ITEMS);
	});

	it('adds a whole event once, skipping claims already in the deck and stopping when full', () => {
		const draft = new DeckDraft(undefined);
		draft.add({ kind: 'claim', id: 'c2' });
		draft.addWholeEvent('hague', ['c1', 'c2', 'c3']);
		expect(items(draft)).toEqual([
			{ kind: 'claim', id: 'c2' },
			{ kind: 'event', id: 'hague' },
			{ kind: 'claim', id: 'c1' },
			{ kind: 'claim', id: 'c3' }
		]);
		draft.addWholeEvent('hague', ['c1', 'c2', 'c3']);
		expect(draft.entries).toHaveLength(4);

		const many = Array.from({ length: MAX_ITEMS + 5 }, (_, i) => `m${i}`);
		draft.addWholeEvent('other', many);
		expect(draft.entries).toHaveLength(MAX_ITEMS);
	});

	it('moves entries and keeps their keys', () => {
		const draft = new DeckDraft({ title: '', items: ['a', 'b', 'c'].map((id) => ({ kind: 'event', id }) as DeckItem) });
		const keys = draft.entries.map((e) => e.key);
		expect(new Set(keys).size).toBe(3);
		const moved = draft.move(0, 2);
		expect(moved?.item).toEqual({ kind: 'event', id: 'a' });
		expect(draft.entries.map((e) => e.key)).toEqual([keys[1], keys[2], keys[0]]);
		expect(draft.move(0, 3)).toBeUndefined();
		expect(draft.move(1, -1)).toBeUndefined();
		expect(draft.move(1, 1)).toBeUndefined();
		expect(draft.entries.map((e) => e.key)).toEqual([keys[1], keys[2], keys[0]]);
	});

	it('removes the entry at an index and says which it was', () => {
		const draft = new DeckDraft({ title: '', items: ['a', 'b'].map((id) => ({ kind: 'event', id }) as DeckItem) });
		expect(draft.remove(0)?.item).toEqual({ kind: 'event', id: 'a' });
		expect(draft.remove(5)).toBeUndefined();
		expect(items(draft)).toEqual([{ kind: 'event', id: 'b' }]);
	});

	it('stores a chosen subset of perspectives in order, and "all" as no list', () => {
		const draft = new DeckDraft({ title: '', items: [{ kind: 'claim', id: 'c1' }] });
		const available = ['p1', 'p2', 'p3'];
		draft.togglePerspective(0, 'p2', false, available);
		expect(items(draft)).toEqual([{ kind: 'claim', id: 'c1', perspectives: ['p1', 'p3'] }]);
		draft.togglePerspective(0, 'p1', false, available);
		draft.togglePerspective(0, 'p2', true, available);
		expect(items(draft)).toEqual([{ kind: 'claim', id: 'c1', perspectives: ['p2', 'p3'] }]);
		draft.togglePerspective(0, 'p1', true, available);
		expect(items(draft)).toEqual([{ kind: 'claim', id: 'c1' }]);
	});

	it('adds a trimmed, capped question and clears the form; an empty one is refused', () => {
		const draft = new DeckDraft(undefined);
		draft.question = '   ';
		expect(draft.addQuestion()).toBeUndefined();
		expect(draft.questionMissing).toBe(true);
		expect(draft.entries).toHaveLength(0);

		draft.question = `  Why? ${'x'.repeat(MAX_QUESTION)}`;
		const entry = draft.addQuestion();
		expect(entry?.item).toEqual({ kind: 'question', text: `Why? ${'x'.repeat(MAX_QUESTION)}`.slice(0, MAX_QUESTION) });
		expect(draft.questionMissing).toBe(false);
		expect(draft.question).toBe('');
	});
});
