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
	const plain = cell.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
	if (plain.length <= ARTICLE_TEXT_MAX) return plain;
	// Never between the two halves of a surrogate pair.
	const cut = /[\uD800-\uDBFF]/.test(plain[ARTICLE_TEXT_MAX - 2]!) ? ARTICLE_TEXT_MAX - 2 : ARTICLE_TEXT_MAX - 1;
	return `${plain.slice(0, cut)}…`;
}
