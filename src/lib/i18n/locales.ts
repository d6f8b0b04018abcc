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
