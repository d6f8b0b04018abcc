/**
 * Words for the interface as a catalogue key and its values. Domain and server code name what
 * to say; the page (or the API, in English) says it in the reader's language. A value may be a
 * message itself (a reason inside "row 3, column date: …"), and `plural` picks the key's plural
 * form for that number (`import.n.row.one`, `.few`, `.many`, `.other`), as the language counts.
 */
export interface Message<K extends string = string> {
	key: K;
	params?: Record<string, string | number | Message<K>>;
	plural?: number;
}

/** The plural forms every counted key has, in every language: Intl.PluralRules' names. */
export const PLURAL_FORMS = ['one', 'few', 'many', 'other'] as const;
