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
import * as classroom from './messages/classroom';
import * as codebooks from './messages/codebooks';
import * as coding from './messages/coding';
import * as datasets from './messages/datasets';
import * as decks from './messages/decks';
import * as disputes from './messages/disputes';
import * as method from './messages/method';
import * as site from './messages/site';
import * as upload from './messages/upload';

import { interpolate, isLocale, type Locale } from './locales';

export { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES, type Locale } from './locales';

/** Each feature's messages; keys carry the feature's prefix, so they never collide when merged. */
export const features = [
	site,
	method,
	charts,
	article,
	classroom,
	decks,
	upload,
	datasets,
	account,
	codebooks,
	coding,
	changelog,
	disputes
];

const en = {
	...site.en,
	...method.en,
	...charts.en,
	...article.en,
	...classroom.en,
	...decks.en,
	...upload.en,
	...datasets.en,
	...account.en,
	...codebooks.en,
	...coding.en,
	...changelog.en,
	...disputes.en
} as const;

export type MessageKey = keyof typeof en;

const uk: Partial<Record<MessageKey, string>> = Object.assign({}, ...features.map((f) => f.uk));

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { en, uk };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(catalogues[locale][key] ?? en[key], params);
}

const merged = new Map<Locale, Record<MessageKey, string>>();

/**
 * Every message in one language (English where it lags), as the root layout sends it to the page.
 * Built once per language: the layout asks on every request.
 */
export function messagesFor(locale: Locale): Record<MessageKey, string> {
	let messages = merged.get(locale);
	if (!messages) merged.set(locale, (messages = { ...en, ...catalogues[locale] }));
	return messages;
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
