import type { Claim, Event } from './schemas';
import type { Dataset } from '../import/dataset';
import { STANCES } from './schemas';

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
 * schema.org `Dataset` for a stored dataset's page: what it covers and the columns it measures,
 * frames with their stances among them, so a reader's tools know a code's stance travels with it.
 * Only a public dataset names its download: a link-shared one's needs its token.
 */
export function datasetJsonLd(dataset: Dataset, pageUrl: string, origin: string): Record<string, unknown> {
	const variable = (name: string, description: string) => ({ '@type': 'PropertyValue', name, description });
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		'@id': pageUrl,
		url: pageUrl,
		name: dataset.title,
		...(dataset.description && { description: dataset.description }),
		creator: { '@type': 'Person', name: dataset.ownerName },
		dateCreated: dataset.createdAt,
		...(dataset.windowStart && { temporalCoverage: `${dataset.windowStart}/${dataset.windowEnd ?? dataset.windowStart}` }),
		...(dataset.licence && { license: dataset.licence }),
		...(dataset.citation && { citation: dataset.citation }),
		...(dataset.source && { isBasedOn: dataset.source }),
		variableMeasured: [
			variable('frames', 'Frame codes of each article, `;`-separated.'),
			variable(
				'stances',
				`How the outlet uses each frame, one per frame code in the same order: ${STANCES.join(', ')}; empty where the upload recorded none.`
			),
			countVariable(dataset)
		],
		...(dataset.visibility === 'public' && {
			distribution: {
				'@type': 'DataDownload',
				encodingFormat: 'text/csv',
				contentUrl: `${origin}/api/datasets/${dataset.id}/rows?format=csv`
			}
		})
	};
}

const COMBINED = {
	sum: 'values of one series in a period add up',
	mean: 'values of one series in a period are averaged',
	last: 'the latest value of a series in a period stands for it'
} as const;

/** A measured value's count is not articles: it says its unit and how values combine. */
function countVariable({ measure }: Dataset) {
	if (measure.kind === 'articles')
		return {
			'@type': 'PropertyValue',
			name: 'count',
			description: 'Articles the row stands for (1 for an article; a count for period rows).'
		};
	return {
		'@type': 'PropertyValue',
		name: 'count',
		description: `The row's value${measure.unit ? ` in ${measure.unit}` : ''}; ${COMBINED[measure.combine]}.`,
		...(measure.unit && { unitText: measure.unit })
	};
}

/**
 * JSON for a `<script type="application/ld+json">` text node: `<`, `>` and `&` as \u escapes,
 * so no text inside can close the script element, and HTML escaping of the text node is a no-op.
 */
export function jsonLdText(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
