/** Kept apart from the schemas so that pages showing article texts load no zod. */

/** How much of an article's text or summary an upload keeps, for coding the article in the app. */
export const ARTICLE_TEXT_MAX = 2000;

/**
 * An uploaded text cell as kept: control characters and runs of white space (line breaks too)
 * become one space, and a text longer than ARTICLE_TEXT_MAX is cut there, its last character
 * an ellipsis to mark the cut.
 */
export function articleText(cell: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what this removes
	return cutText(cell.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim(), ARTICLE_TEXT_MAX);
}

/** `text` as it is when it has at most `max` characters, else cut to `max`, its last an ellipsis marking the cut. */
export function cutText(text: string, max: number): string {
	if (text.length <= max) return text;
	// Never between the two halves of a surrogate pair.
	const cut = /[\uD800-\uDBFF]/.test(text[max - 2]!) ? max - 2 : max - 1;
	return `${text.slice(0, cut)}…`;
}
