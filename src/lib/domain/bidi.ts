/**
 * Wraps text from users (a dataset title, an owner's name) in a first-strong isolate, so a
 * right-to-left override or embedding inside it cannot reorder the text around it. For places
 * that take a plain string (an <option>, a title attribute, a canvas label); in markup, <bdi>
 * does the same.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}
