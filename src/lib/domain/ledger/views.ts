import type { Ledger } from './ledger';
import type { Claim, Event, Frame, Perspective, Relation, SemevalNarrative, SourceType } from './schemas';

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
	'intergovernmental-body': 'Intergovernmental body',
	government: 'Government',
	'court-or-investigation': 'Court or investigation',
	'independent-media': 'Independent media',
	'ukrainian-media': 'Ukrainian media',
	'fact-checker': 'Fact-checker',
	'research-institute': 'Research institute',
	'human-rights-organisation': 'Human rights organisation',
	'russian-official-or-state-media': 'Russian official or state media',
	'russian-independent-media': 'Russian independent media'
};

export const RELATION_LABELS: Record<Relation, string> = {
	disputes: 'Disputes',
	'adds-context': 'Adds context',
	corroborates: 'Corroborates',
	repeats: 'Repeats (Russian official or state source)'
};

export const TRANSLATOR_LABELS: Record<string, string> = {
	publisher: "the publisher's own English version",
	project: 'translated by the Parallax project',
	machine: 'machine translation'
};

export interface EventSummary {
	event: Event;
	claims: number;
	perspectives: number;
	sources: number;
	coverage: number;
}

/** Distinct sources: perspective publishers plus the speakers of claims. */
function distinctSources(claims: Claim[], perspectives: Perspective[]): number {
	return new Set([...claims.map((c) => c.speaker), ...perspectives.map((p) => p.source_name)]).size;
}

export function eventSummaries(ledger: Ledger): EventSummary[] {
	return ledger.events.map((event) => {
		const claims = ledger.claims.filter((c) => c.event_id === event.id);
		const perspectives = ledger.perspectives.filter((p) => p.event_id === event.id);
		return {
			event,
			claims: claims.length,
			perspectives: perspectives.length,
			sources: distinctSources(claims, perspectives),
			coverage: ledger.coverage.filter((c) => c.event_id === event.id).length
		};
	});
}

export function ledgerTotals(ledger: Ledger) {
	return {
		events: ledger.events.length,
		claims: ledger.claims.length,
		perspectives: ledger.perspectives.length,
		sources: distinctSources(ledger.claims, ledger.perspectives),
		perspectiveSources: new Set(ledger.perspectives.map((p) => p.source_name)).size,
		sourceTypes: new Set(ledger.perspectives.map((p) => p.source_type)).size,
		coverage: ledger.coverage.length,
		outlets: ledger.outlets.length
	};
}

/**
 * Each narrative's name as an anchor and a catalogue key, in the taxonomy's order (SEMEVAL_NARRATIVES,
 * which is not imported: pages import this module, and schemas.ts would bring zod along).
 */
export const NARRATIVE_SLUGS = {
	'Blaming the war on others rather than the invader': 'blaming-the-war-on-others-rather-than-the-invader',
	'Discrediting Ukraine': 'discrediting-ukraine',
	'Russia is the Victim': 'russia-is-the-victim',
	'Praise of Russia': 'praise-of-russia',
	'Overpraising the West': 'overpraising-the-west',
	'Speculating war outcomes': 'speculating-war-outcomes',
	'Discrediting the West, Diplomacy': 'discrediting-the-west-diplomacy',
	'Negative Consequences for the West': 'negative-consequences-for-the-west',
	'Distrust towards Media': 'distrust-towards-media',
	'Amplifying war-related fears': 'amplifying-war-related-fears',
	'Hidden plots by secret schemes of powerful groups': 'hidden-plots-by-secret-schemes-of-powerful-groups'
} as const satisfies Record<SemevalNarrative, string>;
export type NarrativeSlug = (typeof NARRATIVE_SLUGS)[SemevalNarrative];

export interface YearGroup<T> {
	year: string;
	events: T[];
}

/**
 * Orders ISO dates (YYYY-MM-DD), whose character order is their calendar order. localeCompare
 * would start the ICU collator, tens of milliseconds on a phone, for no difference.
 */
export function compareIsoDates(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Events by the year they began, earliest first; an event spanning years is filed under its first. */
export function byStartYear<T extends { event: Pick<Event, 'start_date'> }>(items: readonly T[]): YearGroup<T>[] {
	const sorted = [...items].sort((a, b) => compareIsoDates(a.event.start_date, b.event.start_date));
	const groups: YearGroup<T>[] = [];
	for (const item of sorted) {
		const year = item.event.start_date.slice(0, 4);
		const last = groups.at(-1);
		if (last?.year === year) last.events.push(item);
		else groups.push({ year, events: [item] });
	}
	return groups;
}

export interface NarrativeGroup<T> {
	narrative: SemevalNarrative;
	slug: NarrativeSlug;
	count: number;
	years: YearGroup<T>[];
}

/**
 * Events under each SemEval narrative their claims use, in the taxonomy's order, each by year.
 * An event with several narratives is under each; narratives no event uses are left out.
 */
export function byNarrative<T extends { event: Pick<Event, 'start_date' | 'narratives'> }>(items: readonly T[]): NarrativeGroup<T>[] {
	return (Object.keys(NARRATIVE_SLUGS) as SemevalNarrative[])
		.map((narrative) => {
			const events = items.filter((item) => item.event.narratives.includes(narrative));
			return { narrative, slug: NARRATIVE_SLUGS[narrative], count: events.length, years: byStartYear(events) };
		})
		.filter((group) => group.count > 0);
}

export interface CompareView {
	event: Event;
	claims: Claim[];
	perspectives: Perspective[];
	/** Perspectives with no claim_ids: context on the event as a whole. */
	eventWide: Perspective[];
	frames: Record<string, Frame>;
	previous: Event | undefined;
	next: Event | undefined;
}

export function compareView(ledger: Ledger, eventId: string): CompareView | undefined {
	const index = ledger.events.findIndex((e) => e.id === eventId);
	const event = ledger.events[index];
	if (!event) return undefined;
	const byDate = (a: { date: string }, b: { date: string }) => compareIsoDates(a.date, b.date);
	const perspectives = ledger.perspectives.filter((p) => p.event_id === eventId).sort(byDate);
	return {
		event,
		claims: ledger.claims.filter((c) => c.event_id === eventId).sort(byDate),
		perspectives,
		eventWide: perspectives.filter((p) => p.claim_ids.length === 0),
		frames: frameIndex(ledger.frames),
		previous: ledger.events[index - 1],
		next: ledger.events[index + 1]
	};
}

/**
 * A value's label, or the value itself where there is none: a group of a researcher's own is
 * named by its value, and may be called "constructor" without reading the object's prototype.
 */
export const labelOf = (labels: Record<string, string>, value: string): string => (Object.hasOwn(labels, value) ? labels[value]! : value);

export function frameIndex(frames: Frame[]): Record<string, Frame> {
	return Object.fromEntries(frames.map((f) => [f.id, f]));
}

/** Whether `claimGist` is the opening of a quote (shown in quotation marks) or of a paraphrase (never in them). */
export const gistIsQuote = (claim: Pick<Claim, 'quote'>): boolean => claim.quote !== '';

/** A claim's first words, so that one speaker's claims (in a link, a deck's list) can be told apart. */
export function claimGist(claim: Pick<Claim, 'quote' | 'paraphrase'>): string {
	const words = (claim.quote || claim.paraphrase).split(/\s+/).filter(Boolean);
	return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

/**
 * A coding note as readers see it: the notes name frames by their codes ("signals nato-threat"),
 * which mean nothing to a student, so each known code is shown as its label in quotes. Codes the
 * frames given do not know (another codebook's) stay as written.
 */
export function codingNoteText(note: string, frames: Record<string, Pick<Frame, 'label'>>): string {
	return note.replace(/(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])/g, (code) => {
		const frame = Object.hasOwn(frames, code) ? frames[code] : undefined;
		return frame ? `“${frame.label}”` : code;
	});
}

export type TimelineEntry =
	| { kind: 'claim'; id: string; date: string; who: string }
	| { kind: 'perspective'; id: string; date: string; who: string; relation: Relation; answers: TimelineAnswer[] };

/** A speaker a perspective answers, with each of their claims it answers (several claims, one name). */
export interface TimelineAnswer {
	speaker: string;
	claims: { id: string; date: string }[];
}

/**
 * An event's claims and perspectives in date order, for an overview of who said what when. On one
 * day the claims come first, since perspectives answer them; otherwise the ledger's order holds.
 */
export function eventTimeline(claims: readonly Claim[], perspectives: readonly Perspective[]): TimelineEntry[] {
	const byId = new Map(claims.map((c) => [c.id, c]));
	const entries: TimelineEntry[] = [
		...claims.map((c) => ({ kind: 'claim' as const, id: c.id, date: c.date, who: c.speaker })),
		...perspectives.map((p) => ({
			kind: 'perspective' as const,
			id: p.id,
			date: p.date,
			who: p.source_name,
			relation: p.relation,
			answers: answersBySpeaker(p.claim_ids.flatMap((id) => byId.get(id) ?? []))
		}))
	];
	// Array sort is stable, so entries of one kind on one day keep the ledger's order.
	return entries.sort((a, b) => compareIsoDates(a.date, b.date) || (a.kind === b.kind ? 0 : a.kind === 'claim' ? -1 : 1));
}

/** Claims grouped by speaker, in the order each speaker first appears: "Nebenzia, Nebenzia" said nothing. */
function answersBySpeaker(claims: readonly Claim[]): TimelineAnswer[] {
	const groups = new Map<string, TimelineAnswer>();
	for (const claim of claims) {
		const group = groups.get(claim.speaker) ?? { speaker: claim.speaker, claims: [] };
		group.claims.push({ id: claim.id, date: claim.date });
		groups.set(claim.speaker, group);
	}
	return [...groups.values()];
}

export function perspectivesFor(claimId: string, perspectives: Perspective[]): Perspective[] {
	return perspectives.filter((p) => p.claim_ids.includes(claimId));
}

const MONTHS = {
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
	uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня']
} as const;

/**
 * A calendar date in words, in the interface language ('en-GB' style for English: 3 May 2026),
 * as toLocaleDateString writes it. Its words are written here because Intl's date formatter costs
 * a millisecond or two per call and tens of milliseconds to start (ICU's data) on a phone: an event
 * page's hundred dates were most of its hydration. Dates are calendar days, so they are read in
 * UTC to avoid day shifts.
 */
export function formatDate(iso: string, locale: 'en' | 'uk' = 'en'): string {
	const date = new Date(`${iso}T00:00:00Z`);
	const year = date.getUTCFullYear();
	// Only four-digit years are written here; anything else (or no date at all) as Intl writes it.
	if (!(year >= 1000 && year <= 9999))
		return date.toLocaleDateString(locale === 'uk' ? 'uk-UA' : 'en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
	const words = `${date.getUTCDate()} ${MONTHS[locale][date.getUTCMonth()]} ${year}`;
	return locale === 'uk' ? `${words} р.` : words;
}

export function formatDateRange(start: string, end: string, locale: 'en' | 'uk' = 'en'): string {
	return start === end ? formatDate(start, locale) : `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
}

export function hostOf(url: string): string {
	return new URL(url).hostname.replace(/^www\./, '');
}

/** Outlets per page of a group's list on /method/outlets: the largest group has hundreds. */
export const OUTLETS_PER_PAGE = 100;

/** The group's outlets in the order the list shows them (by name). */
export function outletsOfGroup(ledger: Ledger, groupId: string): Ledger['outlets'] {
	return ledger.outlets.filter((o) => o.group === groupId).sort((a, b) => a.name.localeCompare(b.name));
}

/** Where an outlet's row is: its group's list, on the page that holds it. */
export function outletHref(ledger: Ledger, outletId: string): string | undefined {
	const outlet = ledger.outlets.find((o) => o.id === outletId);
	if (!outlet) return undefined;
	const page = Math.floor(outletsOfGroup(ledger, outlet.group).findIndex((o) => o.id === outletId) / OUTLETS_PER_PAGE) + 1;
	return `/method/outlets/${outlet.group}${page > 1 ? `?page=${page}` : ''}#outlet-${outlet.id}`;
}
