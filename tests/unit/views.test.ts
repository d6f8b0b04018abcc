import { describe, expect, it } from 'vitest';
import { claimGist, codingNoteText } from '../../src/lib/domain/ledger/views';

describe('coding notes as readers see them', () => {
	const frames = { 'nato-threat': { label: 'NATO as threat and encirclement' }, 'blame-west': { label: 'The West as instigator' } };

	it('shows each known frame code as its label', () => {
		expect(codingNoteText("'неизбежного противостояния' signals nato-threat; prolonging the war signals blame-west.", frames)).toBe(
			"'неизбежного противостояния' signals “NATO as threat and encirclement”; prolonging the war signals “The West as instigator”."
		);
		expect(codingNoteText('frames NATO as adversary (nato-threat)', frames)).toBe(
			'frames NATO as adversary (“NATO as threat and encirclement”)'
		);
	});

	it('leaves unknown codes, codes inside longer words and ordinary hyphenated words alone', () => {
		expect(codingNoteText('signals escalation-arms-race and anti-nato-threat, a long-term challenge', frames)).toBe(
			'signals escalation-arms-race and anti-nato-threat, a long-term challenge'
		);
		expect(codingNoteText('the has-own-property trap: constructor-x', { constructor: { label: 'x' } })).toBe(
			'the has-own-property trap: constructor-x'
		);
	});
});

describe('a claim by its first words', () => {
	it('takes the quote, or the paraphrase when there is none, cut after eight words', () => {
		expect(claimGist({ quote: 'one two three four five six seven eight nine', paraphrase: 'p' })).toBe(
			'one two three four five six seven eight…'
		);
		expect(claimGist({ quote: '', paraphrase: '  Putin said  Russia would cut spending ' })).toBe('Putin said Russia would cut spending');
	});
});
