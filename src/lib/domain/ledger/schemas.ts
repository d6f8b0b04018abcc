import { z } from 'zod';
import { isHttpsUrl, isRealIsoDate, STANCES } from './checks';
import { ARTICLE_TEXT_MAX } from './article-text';

export { isHttpsUrl, isRealIsoDate, STANCES, type Stance } from './checks';

// zod probes for eval with `Function('')` to compile fast parsers; the pages' CSP forbids eval, so
// in a browser or worker the probe is reported as a CSP violation on every page. Skip it there.
if (typeof document !== 'undefined' || 'importScripts' in globalThis) z.config({ jitless: true });

/**
 * One zod schema per data kind. The same schemas validate the bundled CSVs on the server,
 * in unit tests, and (later) uploads in the browser worker, so a rule lives in one place.
 * Every schema describes a CSV row: cells arrive as strings, and list-valued cells are
 * `;`-separated.
 */

const ID = /^[a-z0-9][a-z0-9-]*$/;

export const id = z.string().trim().regex(ID, 'must be lower-case letters, digits and hyphens (e.g. "hague-summit-2025")');

/** A calendar date written yyyy-mm-dd that exists (rejects 2025-02-30). */
export const isoDate = z
	.string()
	.trim()
	.refine((value) => isRealIsoDate(value), {
		error: (issue) => `${JSON.stringify(issue.input)} is not a real date in the form yyyy-mm-dd`
	});

export const httpsUrl = z
	.string()
	.trim()
	.refine(isHttpsUrl, { error: (issue) => `${JSON.stringify(issue.input)} is not a well-formed https URL` });

const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().trim().default('');

/** `a;b;c` → ['a','b','c']; empty cell → []. */
function listOf<T extends string>(item: z.ZodType<T, string>) {
	return z
		.string()
		.trim()
		.default('')
		.transform((value) =>
			value === ''
				? []
				: value
						.split(';')
						.map((part) => part.trim())
						.filter((part) => part !== '')
		)
		.pipe(z.array(item));
}

export const MAX_QUOTE_WORDS = 30;

/** Words are tokens with a letter or digit; a free-standing dash or ellipsis is not a word. */
export function wordCount(value: string): number {
	return value.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const shortQuote = optionalText.refine((value) => wordCount(value) <= MAX_QUOTE_WORDS, {
	error: (issue) => `quote has ${wordCount(String(issue.input))} words; quotes are limited to ${MAX_QUOTE_WORDS} (paraphrase the rest)`
});

/** The top-level Ukraine-war narratives of the SemEval-2025 Task 10 taxonomy, as published. */
export const SEMEVAL_NARRATIVES = [
	'Blaming the war on others rather than the invader',
	'Discrediting Ukraine',
	'Russia is the Victim',
	'Praise of Russia',
	'Overpraising the West',
	'Speculating war outcomes',
	'Discrediting the West, Diplomacy',
	'Negative Consequences for the West',
	'Distrust towards Media',
	'Amplifying war-related fears',
	'Hidden plots by secret schemes of powerful groups'
] as const;
export type SemevalNarrative = (typeof SEMEVAL_NARRATIVES)[number];

const narrative = z.enum(SEMEVAL_NARRATIVES, {
	error: (issue) => `${JSON.stringify(issue.input)} is not one of the 11 SemEval-2025 Task 10 Ukraine-war narratives`
});

export const FRAME_FAMILIES = ['russian-state', 'alliance-ukrainian'] as const;
export type FrameFamily = (typeof FRAME_FAMILIES)[number];

export const FrameSchema = z.object({
	id,
	label: text,
	family: z.enum(FRAME_FAMILIES),
	definition: text,
	/** Wording that signals the frame, `;`-separated. */
	cues: listOf(text),
	/** Closest narrative in the SemEval-2025 Task 10 taxonomy, if any. */
	semeval_narrative: z.union([z.literal(''), narrative]).default(''),
	/** Crosswalk: the closest dimension of the Policy Frames Codebook (an id in policy_frames.csv). */
	policy_frame: id
});
export type Frame = z.infer<typeof FrameSchema>;

/** A frame of another codebook (the Policy Frames Codebook, or one a researcher uploads). */
export const CodebookFrameSchema = z.object({
	id,
	label: text,
	definition: text,
	cues: listOf(text)
});
export type CodebookFrame = z.infer<typeof CodebookFrameSchema>;

export const EventSchema = z
	.object({
		id,
		title: text,
		start_date: isoDate,
		end_date: isoDate,
		summary: text,
		source_urls: listOf(httpsUrl).refine((urls) => urls.length > 0, 'needs at least one source URL'),
		/** The SemEval narratives the event's claims use. */
		narratives: listOf(narrative)
	})
	.refine((event) => event.end_date >= event.start_date, {
		path: ['end_date'],
		message: 'end_date is before start_date'
	});
export type Event = z.infer<typeof EventSchema>;

export const TRANSLATORS = ['', 'publisher', 'project', 'machine'] as const;

export const ClaimSchema = z
	.object({
		id,
		event_id: id,
		speaker: text,
		speaker_role: text,
		venue: text,
		date: isoDate,
		language: z
			.string()
			.trim()
			.regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
		quote: shortQuote,
		quote_original: shortQuote,
		quote_translation_by: z.enum(TRANSLATORS).default(''),
		paraphrase: text,
		frame_codes: listOf(id).refine((codes) => codes.length > 0, 'needs at least one frame code'),
		coding_note: text,
		url: httpsUrl
	})
	.refine((claim) => claim.quote_original === '' || claim.quote !== '', {
		path: ['quote'],
		message: 'an original-language quote needs its English rendering in quote'
	})
	.refine((claim) => claim.quote_original === '' || claim.quote_translation_by !== '', {
		path: ['quote_translation_by'],
		message: 'say who translated the quote (publisher, project or machine)'
	});
export type Claim = z.infer<typeof ClaimSchema>;

export const SOURCE_TYPES = [
	'intergovernmental-body',
	'government',
	'court-or-investigation',
	'independent-media',
	'ukrainian-media',
	'fact-checker',
	'research-institute',
	'human-rights-organisation',
	'russian-official-or-state-media',
	'russian-independent-media'
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * `corroborates` is independent support for the claim's substance; a Russian official or state
 * source saying the same again only `repeats` it.
 */
export const RELATIONS = ['disputes', 'adds-context', 'corroborates', 'repeats'] as const;
export type Relation = (typeof RELATIONS)[number];

export const PerspectiveSchema = z
	.object({
		id,
		event_id: id,
		claim_ids: listOf(id),
		source_name: text,
		source_type: z.enum(SOURCE_TYPES),
		relation: z.enum(RELATIONS),
		summary: text,
		quote: shortQuote,
		/** Quotes are kept as published, in a dozen languages: the page marks each for screen readers and fonts. */
		quote_language: z
			.string()
			.trim()
			.regex(/^([a-z]{2}(-[A-Z][a-z]{3})?)?$/, 'must be a language tag such as ru, uk or zh-Hant'),
		/** Whose words the quote is when they are not the source's own: an outlet quoting a speaker must not read as the outlet speaking. */
		quote_by: optionalText,
		date: isoDate,
		url: httpsUrl
	})
	.refine((perspective) => (perspective.quote === '') === (perspective.quote_language === ''), {
		path: ['quote_language'],
		message: 'a quote needs its language, and only a quote has one'
	})
	.refine((perspective) => perspective.quote !== '' || perspective.quote_by === '', {
		path: ['quote_by'],
		message: 'only a quote can be someone else’s words'
	});
export type Perspective = z.infer<typeof PerspectiveSchema>;

export const OutletGroupSchema = z.object({
	id,
	label: text,
	description: text
});
export type OutletGroup = z.infer<typeof OutletGroupSchema>;

export const OutletSchema = z.object({
	id,
	name: text,
	domain: z
		.string()
		.trim()
		.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a bare domain such as "tass.com"'),
	country: z
		.string()
		.trim()
		.regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code'),
	language: z
		.string()
		.trim()
		.regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
	group: id,
	group_basis: text,
	group_basis_url: httpsUrl
});
export type Outlet = z.infer<typeof OutletSchema>;

export const TITLE_KINDS = ['headline', 'description'] as const;

/** One real article in the bundled coverage file. */
export const CoverageRowSchema = z
	.object({
		date: isoDate,
		outlet_id: id,
		event_id: id,
		frame_codes: listOf(id),
		/** One stance per frame code, in the same order. */
		frame_stances: listOf(z.enum(STANCES)),
		language: z
			.string()
			.trim()
			.regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
		// A bracketed title was once a headline rebuilt from the address; a title is now the
		// headline as published or a plain description saying it is one.
		title: text.refine(
			(value) => !/^\[.*\]$/s.test(value),
			'must not be in square brackets: give the headline, or a description with title_kind description'
		),
		title_kind: z.enum(TITLE_KINDS),
		url: httpsUrl
	})
	.refine((row) => row.frame_stances.length === row.frame_codes.length, {
		path: ['frame_stances'],
		message: 'needs one stance (adopts, reports or contests) per frame code, in the same order'
	});
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

/** A sentence of the seed article, with the frames and claims it echoes. */
export const ArticleSentenceSchema = z.object({
	n: z.coerce.number().int().positive(),
	text,
	frame_codes: listOf(id),
	claim_ids: listOf(id),
	note: optionalText
});
export type ArticleSentence = z.infer<typeof ArticleSentenceSchema>;

/**
 * One change to the bundled data, so that readers citing a version can see what moved since.
 * `file` names the data file changed (or manifest.json); `source` is the evidence, if any.
 */
export const ChangelogEntrySchema = z.object({
	date: isoDate,
	file: z
		.string()
		.trim()
		.regex(/^([a-z_]+\.csv|manifest\.json)$/, 'must be a data file name such as "outlets.csv" or manifest.json'),
	change: text,
	reason: text,
	source: z.union([z.literal(''), httpsUrl]).default('')
});
export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

export const ManifestFileSchema = z.object({
	file: z.string().regex(/^[a-z_]+\.csv$/),
	kind: z.enum([
		'frames',
		'policy_frames',
		'events',
		'claims',
		'perspectives',
		'outlet_groups',
		'outlets',
		'coverage',
		'article',
		'changelog'
	]),
	description: text,
	provenance: text,
	licence: text,
	coded_by: text,
	coded_at: isoDate,
	synthetic: z.boolean()
});

export const ManifestSchema = z.object({
	title: text,
	version: text,
	description: text,
	files: z.array(ManifestFileSchema).min(1)
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type DataKind = z.infer<typeof ManifestFileSchema>['kind'];

/**
 * http(s), a host of letter-digit-hyphen labels (none punycode) ending in a letter, then nothing
 * or a path, query or fragment: a form every URL parser accepts, with a dot in the host.
 */
const PLAIN_WEB_URL =
	/^https?:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?!xn--)[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?:[/?#]\S*)?$/i;

/**
 * An http(s) address; uploads carry the plain-http links older exports hold. Links are checked
 * on every row of an upload, and the plain form needs no URL object.
 */
export function isWebUrl(value: string): boolean {
	if (PLAIN_WEB_URL.test(value)) return true;
	// The URL parser drops line breaks and encodes spaces, so a cell of two links would pass as one.
	if (/\s/.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}

export const webUrl = z
	.string()
	.trim()
	.refine(isWebUrl, { error: (issue) => `${JSON.stringify(issue.input)} is not a web address` });

// Control characters other than tab and line breaks are never meant as text: they come from
// binary junk or broken exports, and they corrupt terminals and spreadsheets downstream.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first control character in `value` as U+0007, or null when it holds none. */
export function controlCharacter(value: string): string | null {
	const code = value.match(CONTROL)?.[0]?.charCodeAt(0);
	return code === undefined ? null : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text from an upload: bounded, so one runaway cell cannot bloat the store, and free of control characters. */
function uploadedText(max: number) {
	return z
		.string()
		.trim()
		.max(max, {
			error: (issue) =>
				`is ${String(issue.input).length.toLocaleString('en-GB')} characters long; the most is ${max.toLocaleString('en-GB')}`
		})
		.refine((value) => !CONTROL.test(value), {
			error: (issue) => `contains the control character ${controlCharacter(String(issue.input))}, which text may not hold`
		});
}

export const TITLE_MAX = 2000;

/**
 * Whether the title schema accepts `value` and keeps it as it is. Titles are nearly all distinct,
 * so an upload checks one per row; zod runs jitless in the browser and costs microseconds a call.
 */
export function isPlainTitle(value: string): boolean {
	return value.length <= TITLE_MAX && value.trim() === value && !CONTROL.test(value);
}

/**
 * One coverage row after an upload's columns were mapped and its cells converted: a single
 * article (count 1) or a count for one period and series. The browser worker checks every
 * row with it, and a server import must check again with the same schema.
 */
export const ImportedCoverageRowSchema = z.object({
	date: isoDate,
	/** Outlet name or domain; for count rows, the series. */
	outlet: uploadedText(300).min(1, 'must not be empty'),
	/** An outlet group given by the file itself; '' when groups are mapped per outlet. */
	group: uploadedText(200).default(''),
	event: uploadedText(200).default(''),
	language: uploadedText(35).default(''),
	title: uploadedText(TITLE_MAX).default(''),
	url: z.union([z.literal(''), webUrl]),
	/** The article's text or summary, as articleText() kept it; left out when the upload has none. */
	text: z.string().max(ARTICLE_TEXT_MAX).optional(),
	frames: z.array(uploadedText(200).min(1, 'must not be empty')),
	/** One stance per frame ('' where none is recorded); left out when the row records none. */
	stances: z.array(z.enum([...STANCES, ''])).optional(),
	count: z
		.number({ error: 'is not a number' })
		// Whether a number may be negative depends on what the dataset measures: the mapping checks it.
		.refine(Number.isFinite, 'is not a finite number')
});
export type ImportedCoverageRow = z.infer<typeof ImportedCoverageRowSchema>;
