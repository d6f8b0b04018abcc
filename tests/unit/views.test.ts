import { describe, expect, it } from 'vitest';
import { SEMEVAL_NARRATIVES, type SemevalNarrative } from '../../src/lib/domain/ledger/schemas';
import {
	byNarrative,
	byStartYear,
	claimGist,
	codingNoteText,
	eventTimeline,
	formatDate,
	formatDateRange,
	NARRATIVE_SLUGS
} from '../../src/lib/domain/ledger/views';
import { readLedger } from '../../src/lib/server/ledger';

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

describe('dates in words', () => {
	const intl = (iso: string, locale: string) =>
		new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

	it('writes a calendar day in the reader’s language, the same day whatever the time zone', () => {
		expect(formatDate('2022-03-31')).toBe('31 March 2022');
		expect(formatDate('2022-03-31', 'uk')).toBe('31 березня 2022 р.');
		expect(formatDateRange('2022-02-24', '2022-03-31', 'uk')).toBe('24 лютого 2022 р. – 31 березня 2022 р.');
		expect(formatDateRange('2022-02-24', '2022-02-24')).toBe('24 February 2022');
	});

	it('writes every month as the browser’s own formatter does', () => {
		for (let month = 1; month <= 12; month++)
			for (const day of ['01', '09', '28']) {
				const iso = `2014-${String(month).padStart(2, '0')}-${day}`;
				expect(formatDate(iso, 'en')).toBe(intl(iso, 'en-GB'));
				expect(formatDate(iso, 'uk')).toBe(intl(iso, 'uk-UA'));
			}
	});

	it('leaves what is not a four-digit-year date to the formatter', () => {
		expect(formatDate('not a date')).toBe('Invalid Date');
		expect(formatDate('0999-05-03', 'uk')).toBe(intl('0999-05-03', 'uk-UA'));
	});
});

describe('events grouped by narrative and year', () => {
	const item = (id: string, start_date: string, narratives: SemevalNarrative[]) => ({ event: { id, start_date, narratives } });
	const items = [
		item('hague', '2025-06-24', ['Russia is the Victim', 'Discrediting the West, Diplomacy']),
		item('mh17', '2014-07-17', ['Distrust towards Media', 'Russia is the Victim']),
		item('bucha', '2022-04-02', ['Distrust towards Media']),
		item('crimea', '2014-03-06', ['Russia is the Victim'])
	];

	it('files each event under the year it began, earliest year and date first', () => {
		expect(byStartYear(items).map((y) => [y.year, y.events.map((e) => e.event.id)])).toEqual([
			['2014', ['crimea', 'mh17']],
			['2022', ['bucha']],
			['2025', ['hague']]
		]);
	});

	it('lists each narrative in use, in the taxonomy’s order, with its events by year', () => {
		const groups = byNarrative(items);
		expect(groups.map((g) => [g.slug, g.count])).toEqual([
			['russia-is-the-victim', 3],
			['discrediting-the-west-diplomacy', 1],
			['distrust-towards-media', 2]
		]);
		expect(groups[0]!.narrative).toBe('Russia is the Victim');
		expect(groups[0]!.years.map((y) => [y.year, y.events.map((e) => e.event.id)])).toEqual([
			['2014', ['crimea', 'mh17']],
			['2025', ['hague']]
		]);
		expect(groups[2]!.years.map((y) => y.year)).toEqual(['2014', '2022']);
	});

	it('gives every narrative of the taxonomy an anchor of its own, in the taxonomy’s order', () => {
		expect(Object.keys(NARRATIVE_SLUGS)).toEqual([...SEMEVAL_NARRATIVES]);
		const slugs = SEMEVAL_NARRATIVES.map((n) => NARRATIVE_SLUGS[n]);
		expect(new Set(slugs).size).toBe(SEMEVAL_NARRATIVES.length);
		for (const slug of slugs) expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
	});

	it('files every bundled event under each narrative it uses', () => {
		const events = readLedger('data').events.map((event) => ({ event }));
		const groups = byNarrative(events);
		for (const { event } of events)
			for (const narrative of event.narratives) {
				const group = groups.find((g) => g.narrative === narrative)!;
				expect(group.years.find((y) => y.year === event.start_date.slice(0, 4))!.events.map((e) => e.event.id)).toContain(event.id);
			}
		expect(groups.reduce((n, g) => n + g.count, 0)).toBe(events.reduce((n, { event }) => n + event.narratives.length, 0));
	});
});

describe('an event’s timeline', () => {
	const base = { speaker_role: 'r', venue: 'v', language: 'en', quote: '', quote_original: '', quote_translation_by: '' as const };
	const claims = [
		{
			...base,
			id: 'c2',
			event_id: 'e',
			speaker: 'Lavrov',
			date: '2025-06-26',
			paraphrase: 'p',
			frame_codes: ['x'],
			coding_note: 'n',
			url: 'https://example.org/2'
		},
		{
			...base,
			id: 'c1',
			event_id: 'e',
			speaker: 'Putin',
			date: '2025-06-20',
			paraphrase: 'p',
			frame_codes: ['x'],
			coding_note: 'n',
			url: 'https://example.org/1'
		}
	];
	const perspective = (id: string, date: string, claim_ids: string[]) => ({
		id,
		event_id: 'e',
		claim_ids,
		source_name: `Source ${id}`,
		source_type: 'fact-checker' as const,
		relation: 'disputes' as const,
		summary: 's',
		quote: '',
		quote_language: '',
		quote_by: '',
		date,
		url: `https://example.org/${id}`
	});

	it('puts claims and perspectives in date order, a day’s claims before its perspectives', () => {
		const entries = eventTimeline(claims, [perspective('p1', '2025-06-26', ['c2', 'c1']), perspective('p2', '2016-07-09', [])]);
		expect(entries.map((e) => [e.date, e.kind, e.id])).toEqual([
			['2016-07-09', 'perspective', 'p2'],
			['2025-06-20', 'claim', 'c1'],
			['2025-06-26', 'claim', 'c2'],
			['2025-06-26', 'perspective', 'p1']
		]);
	});

	it('names who spoke, the relation, and the claims a perspective answers', () => {
		const [entry] = eventTimeline([], [perspective('p1', '2025-06-26', ['c2', 'gone'])]);
		expect(entry).toEqual({ kind: 'perspective', id: 'p1', date: '2025-06-26', who: 'Source p1', relation: 'disputes', answers: [] });
		const [, , answer] = eventTimeline(claims, [perspective('p1', '2025-06-26', ['c2', 'c1'])]);
		expect(answer).toMatchObject({
			answers: [
				{ speaker: 'Lavrov', claims: [{ id: 'c2', date: '2025-06-26' }] },
				{ speaker: 'Putin', claims: [{ id: 'c1', date: '2025-06-20' }] }
			]
		});
		// Two claims by one speaker: one name, both claims.
		const again = { ...claims[0]!, id: 'c3', date: '2025-06-27' };
		const [, , , both] = eventTimeline([...claims, again], [perspective('p1', '2025-06-28', ['c2', 'c1', 'c3'])]);
		expect(both).toMatchObject({
			answers: [
				{
					speaker: 'Lavrov',
					claims: [
						{ id: 'c2', date: '2025-06-26' },
						{ id: 'c3', date: '2025-06-27' }
					]
				},
				{ speaker: 'Putin', claims: [{ id: 'c1', date: '2025-06-20' }] }
			]
		});
	});
});
