/**
 * Wraps text from users (a dataset title, an owner's name) in a first-strong isolate, so a
 * right-to-left override or embedding inside it cannot reorder the text around it. For places
 * that take a plain string (an <option>, a title attribute, a canvas label); in markup, <bdi>
 * does the same.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}

/**
 * Text without the isolates isolate() added, for files that leave the page (a chart's CSV or
 * SVG): invisible there, they would make a column header unfindable by name in R or pandas.
 */
export function withoutIsolates(text: string): string {
	return text.replace(/[\u2066-\u2069]/g, '');
}
