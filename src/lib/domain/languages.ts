import { cutText } from './ledger/article-text';

/**
 * Language cells as exports write them: codes ("ru"), English names ("Russian"), the language's
 * own name ("русский"), joined lists ("Spanish+Castilian") and free text. Names that stand for
 * one ISO 639-1 code unambiguously are read as that code; anything else is kept as written.
 */

/** Two-letter code → names it is written as (English first, then the language's own). */
const NAMES: Record<string, string[]> = {
	ar: ['Arabic', 'العربية'],
	az: ['Azerbaijani', 'Azeri', 'azərbaycan'],
	be: ['Belarusian', 'Byelorussian', 'беларуская'],
	bg: ['Bulgarian', 'български'],
	cs: ['Czech', 'čeština'],
	da: ['Danish', 'dansk'],
	de: ['German', 'Deutsch'],
	el: ['Greek', 'Ελληνικά'],
	en: ['English'],
	es: ['Spanish', 'Castilian', 'español', 'castellano'],
	et: ['Estonian', 'eesti'],
	fa: ['Persian', 'Farsi', 'فارسی'],
	fi: ['Finnish', 'suomi'],
	fr: ['French', 'français'],
	he: ['Hebrew', 'עברית'],
	hr: ['Croatian', 'hrvatski'],
	hu: ['Hungarian', 'magyar'],
	hy: ['Armenian', 'հայերեն'],
	it: ['Italian', 'italiano'],
	ja: ['Japanese', '日本語'],
	ka: ['Georgian', 'ქართული'],
	kk: ['Kazakh', 'қазақ тілі'],
	lt: ['Lithuanian', 'lietuvių'],
	lv: ['Latvian', 'latviešu'],
	nl: ['Dutch', 'Flemish', 'Nederlands'],
	no: ['Norwegian', 'norsk'],
	pl: ['Polish', 'polski'],
	pt: ['Portuguese', 'português'],
	ro: ['Romanian', 'Moldavian', 'Moldovan', 'română'],
	ru: ['Russian', 'русский', 'русский язык'],
	sk: ['Slovak', 'slovenčina'],
	sl: ['Slovenian', 'Slovene', 'slovenščina'],
	sr: ['Serbian', 'српски', 'srpski'],
	sv: ['Swedish', 'svenska'],
	tr: ['Turkish', 'Türkçe'],
	uk: ['Ukrainian', 'українська', 'українська мова'],
	zh: ['Chinese', '中文']
};

/**
 * The same languages' ISO 639-2 codes (bibliographic and terminological where they differ), as
 * GDELT and library exports write them.
 */
const THREE_LETTER: Record<string, string[]> = {
	ar: ['ara'],
	az: ['aze'],
	be: ['bel'],
	bg: ['bul'],
	cs: ['ces', 'cze'],
	da: ['dan'],
	de: ['deu', 'ger'],
	el: ['ell', 'gre'],
	en: ['eng'],
	es: ['spa'],
	et: ['est'],
	fa: ['fas', 'per'],
	fi: ['fin'],
	fr: ['fra', 'fre'],
	he: ['heb'],
	hr: ['hrv'],
	hu: ['hun'],
	hy: ['hye', 'arm'],
	it: ['ita'],
	ja: ['jpn'],
	ka: ['kat', 'geo'],
	kk: ['kaz'],
	lt: ['lit'],
	lv: ['lav'],
	nl: ['nld', 'dut'],
	no: ['nor'],
	pl: ['pol'],
	pt: ['por'],
	ro: ['ron', 'rum'],
	ru: ['rus'],
	sk: ['slk', 'slo'],
	sl: ['slv'],
	sr: ['srp'],
	sv: ['swe'],
	tr: ['tur'],
	uk: ['ukr'],
	zh: ['zho', 'chi']
};

const byName = (table: Record<string, string[]>) =>
	new Map(Object.entries(table).flatMap(([code, names]) => names.map((name) => [name.toLocaleLowerCase('und'), code] as const)));
const BY_NAME = byName(NAMES);
// Apart from the names: three letters after an outlet ("Sport - Tur") are no language name.
const BY_THREE_LETTERS = byName(THREE_LETTER);

/** The longest language value a row keeps; longer cells are shortened, never refused. */
export const LANGUAGE_MAX = 35;

/** What joins several languages in one cell. */
const SEVERAL = /\s*[+;,|/]\s*/;

export interface LanguageReading {
	/** The value stored: a lower-case code, or the cell as written. */
	value: string;
	/** The cell named a language that was read as `value`. */
	named: boolean;
	/** The cell named several languages; `value` is the first. */
	several: boolean;
	/** The cell was longer than LANGUAGE_MAX and was shortened. */
	clipped: boolean;
	/** The cell was not empty and named no language this knows: it is kept as written. */
	unknown: boolean;
}

/** One trimmed language cell as the value a row keeps. */
export function readLanguage(cell: string): LanguageReading {
	const whole = codeOf(cell);
	if (whole) return { value: whole, named: whole !== cell, several: false, clipped: false, unknown: false };
	// Free text may hold a comma too: a cell is a list only when its first part is a language.
	const first = cell.split(SEVERAL).find((p) => p !== '') ?? '';
	const code = first === cell ? null : codeOf(first);
	if (code) return { value: code, named: code !== first, several: true, clipped: false, unknown: false };
	const clipped = cell.length > LANGUAGE_MAX;
	return {
		value: cutText(cell, LANGUAGE_MAX),
		named: false,
		several: false,
		clipped,
		unknown: cell !== ''
	};
}

/** Whether a value is the English or native name of a language ("Russian", "русский"). */
export const isLanguageName = (value: string) => BY_NAME.has(value.toLocaleLowerCase('und'));

/** The ISO 639-1 code a value is or names (a region aside: ru-RU, pt_BR), or null. */
function codeOf(value: string): string | null {
	if (/^[a-z]{2}$/i.test(value)) return value.toLowerCase();
	const tagged = /^([a-z]{2})[-_][a-z0-9]{2,4}$/i.exec(value);
	if (tagged) return tagged[1]!.toLowerCase();
	const lower = value.toLocaleLowerCase('und');
	return BY_NAME.get(lower) ?? BY_THREE_LETTERS.get(lower) ?? null;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/**
 * A language value for the reader: a code in the reader's language ("ru" → "Russian"), anything
 * else as written. Intl.DisplayNames throws on values that are not language tags, so only
 * two-letter codes reach it, and a failure falls back to the value.
 */
export function languageLabel(value: string, locale: string): string {
	if (!/^[a-z]{2}$/.test(value)) return value;
	let names = displayNames.get(locale);
	if (names === undefined) {
		try {
			names = new Intl.DisplayNames([locale], { type: 'language' });
		} catch {
			names = null;
		}
		displayNames.set(locale, names);
	}
	try {
		return names?.of(value) ?? value;
	} catch {
		return value;
	}
}
