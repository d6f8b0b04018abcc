/**
 * Every interface string in one catalogue, kept in one file per feature under ./messages and
 * looked up here. English is the source; each feature file must give every key in Ukrainian too,
 * and a language added later that lags falls back to English rather than showing a key name.
 * Data (claims, summaries, frame labels, outlet names) is not translated here: it keeps its
 * source language, with quotes in their original.
 */
import * as account from './messages/account';
import * as article from './messages/article';
import * as changelog from './messages/changelog';
import * as charts from './messages/charts';
import * as classes from './messages/classes';
import * as classroom from './messages/classroom';
import * as codebooks from './messages/codebooks';
import * as coding from './messages/coding';
import * as datasets from './messages/datasets';
import * as decks from './messages/decks';
import * as importing from './messages/import';
import * as disputes from './messages/disputes';
import * as method from './messages/method';
import * as projects from './messages/projects';
import * as search from './messages/search';
import * as site from './messages/site';
import * as suggest from './messages/suggest';
import * as upload from './messages/upload';

import type { Message } from '$lib/domain/message';
import { interpolate, isLocale, renderMessage, type Locale } from './locales';

export { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES, type Locale } from './locales';

const FEATURES = {
	site,
	method,
	charts,
	article,
	classroom,
	decks,
	upload,
	importing,
	datasets,
	account,
	codebooks,
	coding,
	changelog,
	disputes,
	classes,
	projects,
	search,
	suggest
};
export type Feature = keyof typeof FEATURES;

/** Each feature's messages; keys carry the feature's prefix, so they never collide when merged. */
export const features = Object.values(FEATURES);

/**
 * The features whose messages a route's page and components use, for the routes a class opens
 * most (tests/unit/i18n-routes.test.ts reads each route's components and checks every key is
 * here). The layout and the error page need `site` and `changelog` everywhere. A route not
 * listed gets every message. The compare view's page drops from about 180 to 150 KB.
 */
const ALWAYS: Feature[] = ['site', 'changelog'];
export const ROUTE_FEATURES: Record<string, Feature[]> = {
	'/': [...ALWAYS],
	'/events/[id]': [...ALWAYS, 'charts', 'disputes', 'article'],
	'/claims/[id]': [...ALWAYS, 'disputes', 'article'],
	'/charts': [...ALWAYS, 'charts'],
	'/article': [...ALWAYS, 'article', 'disputes'],
	'/method': [...ALWAYS, 'method', 'charts', 'disputes'],
	'/method/suggestions': [...ALWAYS, 'suggest'],
	'/search': [...ALWAYS, 'search']
};

const en = {
	...site.en,
	...method.en,
	...charts.en,
	...article.en,
	...classroom.en,
	...decks.en,
	...upload.en,
	...importing.en,
	...datasets.en,
	...account.en,
	...codebooks.en,
	...coding.en,
	...changelog.en,
	...disputes.en,
	...classes.en,
	...projects.en,
	...search.en,
	...suggest.en
} as const;

export type MessageKey = keyof typeof en;
/** A counted key's stem: `import.n.row` for `import.n.row.one` … `.other`, as a message's `plural` names it. */
export type PluralStem = { [K in MessageKey]: K extends `${infer Stem}.other` ? Stem : never }[MessageKey];
/** Any key a message from domain or server code may carry. */
export type MessageRef = MessageKey | PluralStem;

const uk: Partial<Record<MessageKey, string>> = Object.assign({}, ...features.map((f) => f.uk));

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { en, uk };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(catalogues[locale][key] ?? en[key], params);
}

/** A message from domain or server code, in one language (English where it lags). */
export function translateMessage(locale: Locale, message: Message<MessageRef>): string {
	return renderMessage(message, locale, (key) => catalogues[locale][key as MessageKey] ?? en[key as MessageKey]);
}

/**
 * A form's problems by field, in the reader's language. Form schemas give catalogue keys as their
 * messages; `{value}` is the field as entered and `params` fills the rest (limits). A message
 * that is no key (a check shared with the data files) is shown as it is.
 */
export function fieldErrors(
	issues: readonly { path: readonly PropertyKey[]; message: string }[],
	locale: Locale,
	form: Record<string, string>,
	params: Record<string, string | number> = {}
): Record<string, string> {
	return Object.fromEntries(
		issues.map((issue) => {
			const field = String(issue.path[0]);
			const value = JSON.stringify((form[field] ?? '').trim());
			return [field, issue.message in en ? translate(locale, issue.message as MessageKey, { value, ...params }) : issue.message];
		})
	);
}

const merged = new Map<string, Partial<Record<MessageKey, string>>>();

/**
 * The messages a route needs in one language (English where it lags), as the root layout sends
 * them to the page. Built once per language and route: the layout asks on every request.
 */
export function messagesFor(locale: Locale, routeId: string | null = null): Partial<Record<MessageKey, string>> {
	const names = (routeId !== null && ROUTE_FEATURES[routeId]) || null;
	const key = `${locale} ${names ? routeId : '*'}`;
	let messages = merged.get(key);
	if (!messages) {
		const all = { ...en, ...catalogues[locale] };
		const keep = names ? new Set(names.flatMap((name) => Object.keys(FEATURES[name].en))) : null;
		messages = keep ? Object.fromEntries(Object.entries(all).filter(([k]) => keep.has(k))) : all;
		merged.set(key, messages);
	}
	return messages;
}

/** The reader's language: the one they chose (cookie) if it is supported, else their browser's. */
export function localeFor(chosen: string | undefined, acceptLanguage: string | null): Locale {
	return isLocale(chosen) ? chosen : negotiate(acceptLanguage);
}

/** The first supported language in an Accept-Language header, else English. */
export function negotiate(header: string | null): Locale {
	for (const part of (header ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
		if (isLocale(tag)) return tag;
	}
	return 'en';
}

export { en as englishMessages, uk as ukrainianMessages };
