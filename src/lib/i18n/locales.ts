import type { Message } from '$lib/domain/message';
/**
 * The languages and the template filling, without any messages: the browser imports this, and
 * gets the messages of its one language as page data from the root layout instead of bundling
 * every feature's strings in both languages into each page's JavaScript.
 */
export const LOCALES = ['en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'parallax_lang';
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', uk: 'Українська' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/**
 * A number as the language writes it: 1,204 in English, 1 204 in Ukrainian, where a comma is the
 * decimal mark and "5,002 rows" would read as five rows and a bit.
 */
/** The locale Intl formats a language's numbers in: British English, whose grouping the ledger's figures use. */
export const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

export function formatNumberIn(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
	// Made on first use and kept: a phone's browser takes a tenth of a second or more to build its
	// first number format, and most messages (a chart's series names) have no number in them.
	// Without options (a data table's every cell) the key is the locale alone.
	const key = options ? `${locale} ${JSON.stringify(options)}` : locale;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(locale), options)));
	return format.format(value);
}

const ONE_DECIMAL = { maximumFractionDigits: 1 };

/**
 * A message from domain or server code in one language: nested messages first, numbers written
 * as the language writes them (1,204 in English, 1 204 in Ukrainian), the plural form chosen by
 * the language's rules. `lookup` gives a key's template, or undefined to show the key itself.
 */
export function renderMessage(message: Message, locale: Locale, lookup: (key: string) => string | undefined): string {
	const numbers = (value: number) => formatNumberIn(locale, value, ONE_DECIMAL);
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.params ?? {}))
		params[name] = typeof value === 'number' ? numbers(value) : typeof value === 'string' ? value : renderMessage(value, locale, lookup);
	let key = message.key;
	if (message.plural !== undefined) {
		key = `${key}.${(pluralRules[locale] ??= new Intl.PluralRules(locale)).select(message.plural)}`;
		params.count ??= numbers(message.plural);
	}
	return interpolate(lookup(key) ?? key, params);
}
