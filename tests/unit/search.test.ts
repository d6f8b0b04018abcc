import { describe, expect, it } from 'vitest';
import type { Claim, Event, Perspective } from '../../src/lib/domain/ledger/schemas';
import { foldText, queryTerms, searchLedger } from '../../src/lib/domain/ledger/search';
import { readLedger } from '../../src/lib/server/ledger';

const event = (id: string, title: string, start_date: string, narratives: Event['narratives'] = []): Event => ({
	id,
	title,
	start_date,
	end_date: start_date,
	summary: `Summary of ${title}.`,
	source_urls: ['https://example.org/e'],
	narratives
});

const claim = (id: string, event_id: string, speaker: string, date: string, quote_original = '', quote = 'A quote.'): Claim => ({
	id,
	event_id,
	speaker,
	speaker_role: 'Minister of Foreign Affairs',
	venue: 'Press conference',
	date,
	language: quote_original ? 'ru' : 'en',
	quote,
	quote_original,
	quote_translation_by: quote_original ? 'project' : '',
	paraphrase: 'Said something.',
	frame_codes: ['nato-threat'],
	coding_note: 'note',
	url: `https://example.org/${id}`
});

const perspective = (id: string, event_id: string, source_name: string, date: string, quote = '', quote_language = ''): Perspective => ({
	id,
	event_id,
	claim_ids: [],
	source_name,
	source_type: 'fact-checker',
	relation: 'disputes',
	summary: 'Finds otherwise.',
	quote,
	quote_language,
	quote_by: '',
	date,
	url: `https://example.org/${id}`
});

const ledger = {
	events: [
		event('hague', 'NATO summit in The Hague', '2025-06-24', ['Russia is the Victim']),
		event('mh17', 'MH17 shot down over Donbas', '2014-07-17', ['Distrust towards Media'])
	],
	claims: [
		claim('c2', 'hague', 'Sergey Lavrov', '2025-06-27', 'Альянс остаётся угрозой'),
		claim('c1', 'hague', 'Sergey Lavrov', '2025-06-26'),
		claim('c3', 'mh17', 'Sergei Lavrov', '2014-07-21'),
		claim('c4', 'mh17', 'Maria Zakharova', '2014-07-20', '', 'The Dutch Safety Board is biased.')
	],
	perspectives: [
		perspective('p1', 'mh17', 'Bellingcat', '2015-10-08'),
		perspective('p2', 'mh17', 'Bellingcat', '2016-05-03', 'A Buk launcher of the 53rd brigade', 'en'),
		perspective('p3', 'hague', 'Генштаб ЗСУ', '2025-06-28', 'Вибухи в Оленівці, які спричинили загибель', 'uk')
	]
};

describe('text as search compares it', () => {
	it('ignores case and accents in Latin and Cyrillic script, and makes ё an е', () => {
		expect(foldText('Éléonore São Paulo')).toBe('eleonore sao paulo');
		expect(foldText('ОСТАЁТСЯ Вооружённым')).toBe('остается вооруженным');
		expect(foldText('Ї ї')).toBe('і і');
	});

	it('keeps й a letter of its own, and makes every apostrophe one', () => {
		expect(foldText('Мой ймовірні')).toBe('мой ймовірні');
		expect(foldText('мой')).not.toBe(foldText('мои'));
		expect(foldText('м’ясо мʼясо')).toBe("м'ясо м'ясо");
	});

	it('reads a query as its distinct words, and none when it is too short', () => {
		expect(queryTerms('  Lavrov   NATO lavrov ')).toEqual(['lavrov', 'nato']);
		expect(queryTerms('a')).toEqual([]);
		expect(queryTerms('   ')).toEqual([]);
		expect(queryTerms('ab')).toEqual(['ab']);
	});
});

describe('searching the ledger', () => {
	it('marks a claim hit as quoted only when its gist opens a quote, not a paraphrase', () => {
		const paraphrased = { ...ledger, claims: [claim('c9', 'hague', 'Dmitry Peskov', '2025-06-24', '', '')] };
		expect(searchLedger(paraphrased, 'peskov').claims.items[0]).toMatchObject({ gist: 'Said something.', quoted: false });
	});

	it('finds a speaker under every spelling the query fits, with their claims in date order', () => {
		const results = searchLedger(ledger, 'lavrov');
		expect(results.speakers.items.map((s) => s.speaker)).toEqual(['Sergei Lavrov', 'Sergey Lavrov']);
		expect(results.speakers.items[1]!.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
		expect(results.speakers.items[1]!.roles).toEqual(['Minister of Foreign Affairs']);
		expect(results.claims.items.map((c) => c.id)).toEqual(['c3', 'c1', 'c2']);
		expect(results.claims.items[0]).toMatchObject({
			event_id: 'mh17',
			event_title: 'MH17 shot down over Donbas',
			gist: 'A quote.',
			quoted: true
		});
		expect(results.events.total).toBe(0);
		expect(results.total).toBe(5);
	});

	it('matches a Russian quote typed with е for ё and in capitals', () => {
		const results = searchLedger(ledger, 'ОСТАЕТСЯ угрозой');
		expect(results.claims.items.map((c) => c.id)).toEqual(['c2']);
		expect(results.searched).toBe(true);
	});

	it('matches Ukrainian text in a source and its quotes', () => {
		expect(searchLedger(ledger, 'оленівці').sources.items).toEqual([
			{
				source_name: 'Генштаб ЗСУ',
				source_types: ['fact-checker'],
				perspectives: [
					{
						id: 'p3',
						event_id: 'hague',
						event_title: 'NATO summit in The Hague',
						date: '2025-06-28',
						relation: 'disputes',
						url: 'https://example.org/p3'
					}
				]
			}
		]);
		expect(searchLedger(ledger, 'генштаб').sources.items.map((s) => s.source_name)).toEqual(['Генштаб ЗСУ']);
	});

	it('lists all of a source’s perspectives when its name matches, only the matching ones otherwise', () => {
		expect(searchLedger(ledger, 'bellingcat').sources.items[0]!.perspectives.map((p) => p.id)).toEqual(['p1', 'p2']);
		expect(searchLedger(ledger, 'buk launcher').sources.items[0]!.perspectives.map((p) => p.id)).toEqual(['p2']);
	});

	it('finds events by title, summary and narrative, earliest first', () => {
		expect(searchLedger(ledger, 'summary of').events.items.map((e) => e.id)).toEqual(['mh17', 'hague']);
		expect(searchLedger(ledger, 'distrust media').events.items.map((e) => e.id)).toEqual(['mh17']);
	});

	it('needs every word to match, in one item', () => {
		expect(searchLedger(ledger, 'lavrov zakharova').total).toBe(0);
		expect(searchLedger(ledger, 'zakharova dutch').claims.items.map((c) => c.id)).toEqual(['c4']);
	});

	it('says when nothing matches, and does not search with too short a query', () => {
		const none = searchLedger(ledger, 'nothing like this');
		expect(none).toMatchObject({ searched: true, total: 0, query: 'nothing like this' });
		const short = searchLedger(ledger, ' x ');
		expect(short).toMatchObject({ searched: false, total: 0, query: 'x' });
	});

	it('shows at most the limit of each kind, and counts them all', () => {
		const results = searchLedger(ledger, 'lavrov', 2);
		expect(results.claims).toMatchObject({ total: 3 });
		expect(results.claims.items).toHaveLength(2);
		expect(results.total).toBe(5);
	});

	it('cuts a very long query', () => {
		expect(searchLedger(ledger, `lavrov ${'x'.repeat(500)}`).query).toHaveLength(200);
	});
});

describe('searching the bundled ledger', () => {
	const bundled = readLedger('data');

	it('suggests the nearest word the ledger uses when nothing matches, and only a suggestion that finds something', () => {
		const misspelt = searchLedger(bundled, 'Lavrof');
		expect(misspelt.total).toBe(0);
		expect(misspelt.suggestion).toBe('lavrov');
		expect(searchLedger(bundled, 'denazification').suggestion).toBe('nazi');
		expect(searchLedger(bundled, 'Zaharowa NATO').suggestion).toBe('zakharova nato');
		// Found: no suggestion. Nonsense and short words: none either.
		expect(searchLedger(bundled, 'Lavrov').suggestion).toBeNull();
		expect(searchLedger(bundled, 'qqqqqqqq').suggestion).toBeNull();
		expect(searchLedger(bundled, 'natx').suggestion).toBeNull();
	});

	it('finds Lavrov as one speaker, with every claim of his', () => {
		const results = searchLedger(bundled, 'Lavrov');
		const lavrovClaims = bundled.claims.filter((c) => /Lavrov/.test(c.speaker));
		expect(results.speakers.items.map((s) => s.speaker)).toEqual(['Sergey Lavrov']);
		expect(results.speakers.items[0]!.claims.map((c) => c.id).sort()).toEqual(lavrovClaims.map((c) => c.id).sort());
		expect(results.claims.items.map((c) => c.id)).toEqual(expect.arrayContaining(lavrovClaims.map((c) => c.id)));
	});

	it('finds speakers named in Latin letters when the query spells them in Cyrillic, as Russian or Ukrainian readers type them', () => {
		const speakers = (query: string) => searchLedger(bundled, query).speakers.items.map((s) => s.speaker);
		for (const [cyrillic, latin] of [
			['Песков', 'Peskov'],
			['Путін', 'Putin']
		]) {
			expect(speakers(latin!).length).toBeGreaterThan(0);
			expect(speakers(cyrillic!)).toEqual(speakers(latin!));
		}
		// A name mentioned in claims, under each of its English spellings (Zelensky, Zelenskyy, Zelenskiy).
		const zelensky = searchLedger(bundled, 'Zelensky').claims.items.map((c) => c.id);
		expect(zelensky.length).toBeGreaterThan(0);
		expect(searchLedger(bundled, 'Зеленский').claims.items.map((c) => c.id)).toEqual(expect.arrayContaining(zelensky));
		expect(searchLedger(bundled, 'Лавров').claims.total).toBe(searchLedger(bundled, 'Lavrov').claims.total);
		// Each diplomat is one speaker under his surname in Cyrillic (Russian or Ukrainian), and with his first name in Russian.
		for (const [cyrillic, latin] of [
			['лавров', 'Sergey Lavrov'],
			['Сергей Лавров', 'Sergey Lavrov'],
			['Небензя', 'Vassily Nebenzia'],
			['Василий Небензя', 'Vassily Nebenzia'],
			['Василь Небензя', 'Vassily Nebenzia'],
			['Полянский', 'Dmitry Polyanskiy'],
			['Полянський', 'Dmitry Polyanskiy'],
			['Дмитрий Полянский', 'Dmitry Polyanskiy']
		])
			expect(speakers(cyrillic!), cyrillic).toEqual([latin]);
		// Every word still has to match: a Cyrillic name and a Latin word narrow each other.
		expect(searchLedger(bundled, 'Песков nosuchword').total).toBe(0);
	});

	it('finds a speaker under another romanisation of the name, as older sources and readers spell it', () => {
		const speakers = (query: string) => searchLedger(bundled, query).speakers.items.map((s) => s.speaker);
		for (const [typed, named] of [
			['Sergei Lavrov', 'Sergey Lavrov'],
			['Vasily Nebenzya', 'Vassily Nebenzia'],
			['Dmitri Polyansky', 'Dmitry Polyanskiy'],
			['Sergey Shoygu', 'Sergei Shoigu'],
			['Valeriy Gerasimov', 'Valery Gerasimov'],
			['Maria Zaharova', 'Maria Zakharova'],
			['Yury Bukharev', 'Yuri Bukharev']
		])
			expect(speakers(typed!), typed).toEqual([named]);
		expect(speakers('Sergei')).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Ryabkov']));
		// Each word still has to match in some spelling.
		expect(speakers('Sergei Peskov')).toEqual([]);
	});

	it('matches another romanisation only from the start of a word, and never a skeleton under four letters', () => {
		const ledger = {
			events: [],
			perspectives: [],
			claims: [
				{
					...bundled.claims[0]!,
					speaker: 'A',
					speaker_role: 'more than a hand',
					venue: 'fantastic stability',
					quote: 'q',
					quote_original: '',
					paraphrase: ''
				}
			]
		};
		for (const term of ['khan', 'tass', 'bill', 'ally']) expect(searchLedger(ledger, term).claims.total, term).toBe(0);
		expect(searchLedger(ledger, 'stabilitty').claims.total).toBe(1);
	});

	it('matches short Latin words only as typed', () => {
		const ledger = {
			events: [],
			perspectives: [],
			claims: [{ ...bundled.claims[0]!, speaker: 'A', speaker_role: 'need', venue: '', quote: 'q', quote_original: '', paraphrase: '' }]
		};
		expect(searchLedger(ledger, 'need').claims.total).toBe(1);
		expect(searchLedger(ledger, 'ned').claims.total).toBe(0);
	});

	it('finds a Russian original quote written with ё when the query has е', () => {
		const withYo = bundled.claims.find((c) => c.quote_original.includes('вооружённым'))!;
		expect(searchLedger(bundled, 'вооруженным путем').claims.items.map((c) => c.id)).toContain(withYo.id);
	});
});
