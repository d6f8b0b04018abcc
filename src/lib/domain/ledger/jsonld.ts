import type { Claim, Event } from './schemas';

/**
 * schema.org `Claim` for one claim page, so search engines and fact-checking tools can read who
 * said what, when and where. No ClaimReview: Parallax sets perspectives beside a claim, it
 * does not rate it.
 */
export function claimJsonLd(claim: Claim, event: Event, pageUrl: string): Record<string, unknown> {
	const appearance = { '@type': 'CreativeWork', url: claim.url, name: claim.venue, datePublished: claim.date };
	return {
		'@context': 'https://schema.org',
		'@type': 'Claim',
		'@id': pageUrl,
		url: pageUrl,
		text: claim.quote || claim.paraphrase,
		// The quote is in English when given; otherwise the text is the project's English paraphrase.
		inLanguage: 'en',
		datePublished: claim.date,
		author: speaker(claim),
		appearance,
		firstAppearance: appearance,
		about: { '@type': 'Event', name: event.title, startDate: event.start_date, endDate: event.end_date }
	};
}

/**
 * A speaker whose role says it is an outlet or agency is an Organization (e.g. "Russian state
 * news agency", "Russian state media"); everyone else in the data is a named official.
 */
const OUTLET_ROLE = /\b(news agency|state media|broadcaster|outlet|newspaper|channel)\b/i;

function speaker(claim: Claim): Record<string, unknown> {
	if (OUTLET_ROLE.test(claim.speaker_role)) return { '@type': 'Organization', name: claim.speaker, description: claim.speaker_role };
	return { '@type': 'Person', name: claim.speaker, jobTitle: claim.speaker_role };
}

/**
 * JSON for a `<script type="application/ld+json">` text node: `<`, `>` and `&` as \u escapes,
 * so no text inside can close the script element, and HTML escaping of the text node is a no-op.
 */
export function jsonLdText(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
