import { page } from '$app/state';
import { formatDate as formatDateIn, formatDateRange as formatDateRangeIn } from '$lib/domain/ledger/views';
import type { MessageKey, MessageRef } from './catalogue';
import type { Message } from '$lib/domain/message';
import { formatNumberIn, interpolate, isLocale, renderMessage, type Locale } from './locales';

/** The page's interface language, from the layout's data (cookie, else the browser's preference). */
export function locale(): Locale {
	const value = page.data.locale;
	return isLocale(value) ? value : 'en';
}

/**
 * The `lang` for ledger content (event titles and summaries, claims, perspectives, frames, outlet
 * groups): it is written in English only and not translated, so in any other interface language it
 * must say so for screen readers (WCAG 3.1.2). Undefined in English, where the page's own lang holds.
 */
export function contentLang(): 'en' | undefined {
	return locale() === 'en' ? undefined : 'en';
}

/** Translate an interface string for the current page, from the messages the root layout sent. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return interpolate(page.data.messages?.[key] ?? key, params);
}

/** A message from domain or server code (a key and its values), for the current page. */
export function say(message: Message<MessageRef>): string {
	return renderMessage(message, locale(), (key) => page.data.messages?.[key]);
}

/** Who made the English of a quote, in the interface language; an unknown value is shown as written. */
export function translatorLabel(by: string): string {
	return by === 'publisher' || by === 'project' || by === 'machine' ? t(`translator.${by}`) : by;
}

/** A number as the page's interface language writes it (1,204 or 1 204). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return formatNumberIn(locale(), value, options);
}

/** A calendar date in words, in the page's interface language. */
export function formatDate(iso: string): string {
	return formatDateIn(iso, locale());
}

export function formatDateRange(start: string, end: string): string {
	return formatDateRangeIn(start, end, locale());
}
