import type { Ledger } from './ledger';
import type { Claim, Event, Perspective } from './schemas';
import { claimGist, gistIsQuote, SOURCE_TYPE_LABELS } from './views';
import { escapeRegExp } from '../regexp';

/** A query longer than this is cut: nobody types more, and each term is scanned over the whole ledger. */
export const MAX_QUERY_LENGTH = 200;
/** Shorter queries match nearly everything, which helps nobody. */
export const MIN_QUERY_LENGTH = 2;
/** Results shown per kind; the count line still says how many matched. */
export const RESULTS_PER_KIND = 50;

/**
 * Text as search compares it: lower case, accents dropped (é → e, ё → е, ї → і), apostrophes
 * of every kind made one, spaces collapsed. Й keeps its breve: it is a letter of its own in
 * Russian and Ukrainian, not an и with an accent.
 */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/и\u0306/g, 'й')
		.replace(/\p{M}/gu, '')
		.replace(/[\u2019\u02BC\u2018`´]/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

/** The query's words, folded; every one must occur in an item for it to match. */
export function queryTerms(query: string): string[] {
	const folded = foldText(query.slice(0, MAX_QUERY_LENGTH));
	if (folded.replace(/\s/g, '').length < MIN_QUERY_LENGTH) return [];
	return [...new Set(folded.split(' '))];
}

/**
 * Latin spellings of each Cyrillic letter, as names are romanised in English sources (Russian and
 * Ukrainian both): speakers and outlets are named in Latin letters here, and a reader typing
 * «песков» is looking for Peskov.
 */
const LATIN: Record<string, string[]> = {
	а: ['a'],
	б: ['b'],
	в: ['v', 'w'],
	г: ['g', 'h'],
	ґ: ['g'],
	д: ['d'],
	е: ['e', 'ye'],
	є: ['ye', 'ie', 'e'],
	ж: ['zh', 'j'],
	з: ['z'],
	и: ['i', 'y'],
	і: ['i'],
	й: ['y', 'i', 'j', ''],
	к: ['k', 'c'],
	л: ['l'],
	м: ['m'],
	н: ['n'],
	о: ['o'],
	п: ['p'],
	р: ['r'],
	// ss as in Vassily, the UN's spelling of Небензя's first name (Василий).
	с: ['s', 'ss'],
	т: ['t'],
	у: ['u', 'ou'],
	ф: ['f'],
	х: ['kh', 'h'],
	ц: ['ts', 'c', 'tz'],
	ч: ['ch'],
	ш: ['sh'],
	щ: ['shch', 'sch'],
	ъ: [''],
	ы: ['y', 'i'],
	ь: [''],
	э: ['e'],
	ю: ['yu', 'iu', 'ju'],
	я: ['ya', 'ia', 'ja'],
	"'": ['']
};

/**
 * Latin text with what tells romanisations of one name apart taken out: y read as i, kh as h, a
 * doubled letter as one. Sergei and Sergey, Vasily and Vassily, Polyanskiy and Polyansky,
 * Zelensky and Zelenskyy read alike.
 */
function romanSkeleton(text: string): string {
	return text
		.replace(/kh/g, 'h')
		.replace(/y/g, 'i')
		.replace(/([a-z])\1+/g, '$1');
}

/**
 * A skeleton shorter than this is matched only as typed, and a longer one only from the start of
 * a word: "khan" as "han" would find "than", "tass" as "tas" "fantastic".
 */
const SKELETON_MIN = 4;

/** A folded text, and its romanisation skeleton when a term asks for it. */
class Folded {
	private skeletonText: string | undefined;
	constructor(readonly text: string) {}
	get skeleton(): string {
		return (this.skeletonText ??= romanSkeleton(this.text));
	}
}

/**
 * Whether a folded text holds a term: as typed; for a Cyrillic term, spelt in Latin letters; for
 * a Latin one, spelt in another romanisation.
 */
type Term = (haystack: Folded) => boolean;

function termOf(term: string): Term {
	if (!/[\u0400-\u04ff]/.test(term)) {
		const skeleton = romanSkeleton(term);
		if (skeleton.length < SKELETON_MIN || !/[a-z]/.test(term)) return (haystack) => haystack.text.includes(term);
		const wordStart = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(skeleton)}`, 'u');
		return (haystack) => haystack.text.includes(term) || wordStart.test(haystack.skeleton);
	}
	const latin = new RegExp([...term].map((c) => (LATIN[c] ? `(?:${LATIN[c].join('|')})` : escapeRegExp(c))).join(''));
	return (haystack) => haystack.text.includes(term) || latin.test(haystack.text);
}

function matches(terms: Term[], ...fields: string[]): boolean {
	const haystack = new Folded(foldText(fields.join('\n')));
	return terms.every((term) => term(haystack));
}

// The ledger is read once per process; folding its rows once rather than on every query keeps a
// search to plain substring scans.
const foldedRows = new WeakMap<object, Folded>();

function rowMatches(terms: Term[], row: object, fields: () => string[]): boolean {
	let haystack = foldedRows.get(row);
	if (haystack === undefined) foldedRows.set(row, (haystack = new Folded(foldText(fields().join('\n')))));
	return terms.every((term) => term(haystack));
}

export interface EventHit {
	id: string;
	title: string;
	start_date: string;
	end_date: string;
}

export interface ClaimHit {
	id: string;
	event_id: string;
	event_title: string;
	speaker: string;
	date: string;
	gist: string;
	quoted: boolean;
}

/** One person quoted in claims, with every claim of theirs. */
export interface SpeakerHit {
	speaker: string;
	roles: string[];
	claims: ClaimHit[];
}

/** One publisher of perspectives, with the perspectives that matched (all of them when its name did). */
export interface SourceHit {
	source_name: string;
	source_types: Perspective['source_type'][];
	perspectives: {
		id: string;
		event_id: string;
		event_title: string;
		date: string;
		relation: Perspective['relation'];
		url: string;
	}[];
}

interface Kind<T> {
	total: number;
	items: T[];
}

export interface SearchResults {
	/** The query as it was read (trimmed and cut to the longest allowed). */
	query: string;
	/** False when the query was too short to search with. */
	searched: boolean;
	total: number;
	events: Kind<EventHit>;
	claims: Kind<ClaimHit>;
	speakers: Kind<SpeakerHit>;
	sources: Kind<SourceHit>;
	/** When nothing matched: the query with each unknown word replaced by the nearest the ledger uses, if that finds something. */
	suggestion: string | null;
}

function kind<T>(all: T[], limit: number): Kind<T> {
	return { total: all.length, items: all.slice(0, limit) };
}

/**
 * Events, claims, speakers and sources matching every word of `query`, case and accents aside,
 * in any script. Events come in date order, claims by date, speakers and sources by name.
 */
export function searchLedger(
	ledger: Pick<Ledger, 'events' | 'claims' | 'perspectives'>,
	query: string,
	limit = RESULTS_PER_KIND
): SearchResults {
	const text = query.trim().slice(0, MAX_QUERY_LENGTH);
	const terms = queryTerms(text).map(termOf);
	const none = { total: 0, items: [] };
	if (terms.length === 0)
		return { query: text, searched: false, total: 0, events: none, claims: none, speakers: none, sources: none, suggestion: null };

	const titles = new Map(ledger.events.map((e) => [e.id, e.title]));
	const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
	const byName = (a: string, b: string) => a.localeCompare(b, 'en');
	const claimHit = (c: Claim): ClaimHit => ({
		id: c.id,
		event_id: c.event_id,
		event_title: titles.get(c.event_id) ?? c.event_id,
		speaker: c.speaker,
		date: c.date,
		gist: claimGist(c),
		quoted: gistIsQuote(c)
	});

	const events: EventHit[] = ledger.events
		.filter((e: Event) => rowMatches(terms, e, () => [e.title, e.summary, ...e.narratives]))
		.sort((a, b) => a.start_date.localeCompare(b.start_date))
		.map(({ id, title, start_date, end_date }) => ({ id, title, start_date, end_date }));

	const claims = ledger.claims
		.filter((c) => rowMatches(terms, c, () => [c.speaker, c.speaker_role, c.venue, c.quote, c.quote_original, c.paraphrase]))
		.sort(byDate)
		.map(claimHit);

	const bySpeaker = new Map<string, Claim[]>();
	for (const claim of ledger.claims) bySpeaker.set(claim.speaker, [...(bySpeaker.get(claim.speaker) ?? []), claim]);
	const speakers: SpeakerHit[] = [...bySpeaker]
		.filter(([speaker, said]) => matches(terms, speaker, ...said.map((c) => c.speaker_role)))
		.sort(([a], [b]) => byName(a, b))
		.map(([speaker, said]) => ({
			speaker,
			roles: [...new Set(said.map((c) => c.speaker_role))],
			claims: [...said].sort(byDate).map(claimHit)
		}));

	const bySource = new Map<string, Perspective[]>();
	for (const p of ledger.perspectives) bySource.set(p.source_name, [...(bySource.get(p.source_name) ?? []), p]);
	const sources: SourceHit[] = [];
	for (const [name, published] of bySource) {
		const types = [...new Set(published.map((p) => p.source_type))];
		const named = matches(terms, name, ...types.map((type) => SOURCE_TYPE_LABELS[type]));
		const shown = named
			? published
			: published.filter((p) => rowMatches(terms, p, () => [name, SOURCE_TYPE_LABELS[p.source_type], p.summary, p.quote]));
		if (shown.length === 0) continue;
		sources.push({
			source_name: name,
			source_types: types,
			perspectives: [...shown].sort(byDate).map((p) => ({
				id: p.id,
				event_id: p.event_id,
				event_title: titles.get(p.event_id) ?? p.event_id,
				date: p.date,
				relation: p.relation,
				url: p.url
			}))
		});
	}
	sources.sort((a, b) => byName(a.source_name, b.source_name));
	const total = events.length + claims.length + speakers.length + sources.length;

	return {
		query: text,
		searched: true,
		total,
		events: kind(events, limit),
		claims: kind(claims, limit),
		speakers: kind(speakers, limit),
		sources: kind(sources, limit),
		suggestion: total === 0 ? suggest(ledger, text) : null
	};
}

// Words the ledger's searched text uses, once per process (the ledger is read once).
const vocabularies = new WeakMap<object, Set<string>>();

function vocabulary(ledger: Pick<Ledger, 'events' | 'claims' | 'perspectives'>): Set<string> {
	let words = vocabularies.get(ledger.claims);
	if (words) return words;
	const texts = [
		...ledger.events.flatMap((e) => [e.title, e.summary]),
		...ledger.claims.flatMap((c) => [c.speaker, c.speaker_role, c.venue, c.quote, c.quote_original, c.paraphrase]),
		...ledger.perspectives.flatMap((p) => [p.source_name, p.summary, p.quote])
	];
	words = new Set(foldText(texts.join(' ')).match(/[\p{L}\p{N}]{3,}/gu) ?? []);
	vocabularies.set(ledger.claims, words);
	return words;
}

/**
 * The nearest word for a query word the ledger does not use: a misspelling one or two letters off
 * (Lavrof, Zaharowa), else the longest word it contains (denazification holds nazi). Short words
 * are left alone: at three or four letters, one letter off is another word.
 */
function nearestWord(term: string, words: Set<string>): string | null {
	if (term.length < 5 || words.has(term)) return null;
	const allowed = term.length >= 8 ? 2 : 1;
	let best: string | null = null;
	let bestDistance = allowed + 1;
	for (const word of words) {
		if (Math.abs(word.length - term.length) > allowed) continue;
		const distance = editDistance(term, word, bestDistance);
		if (distance < bestDistance) [best, bestDistance] = [word, distance];
	}
	if (best !== null) return best;
	let contained: string | null = null;
	for (const word of words) if (word.length >= 4 && term.includes(word) && word.length > (contained?.length ?? 0)) contained = word;
	return contained;
}

/** Levenshtein distance, stopping at `cap` (any distance at or above it is as good as none). */
function editDistance(a: string, b: string, cap: number): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let least = i;
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			least = Math.min(least, row[j]!);
		}
		if (least >= cap) return cap;
		previous = row;
	}
	return previous[b.length]!;
}

function suggest(ledger: Pick<Ledger, 'events' | 'claims' | 'perspectives'>, text: string): string | null {
	const words = vocabulary(ledger);
	let changed = false;
	const suggested = queryTerms(text).map((term) => {
		const near = nearestWord(term, words);
		if (near === null) return term;
		changed = true;
		return near;
	});
	if (!changed) return null;
	const query = suggested.join(' ');
	return searchLedger(ledger, query).total > 0 ? query : null;
}
