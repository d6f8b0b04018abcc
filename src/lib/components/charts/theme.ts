/** Reads a custom property as computed on some element, e.g. `getComputedStyle(el).getPropertyValue`. */
export type StyleLookup = (property: string) => string;

export interface ChartTheme {
	text: string;
	grid: string;
	background: string;
}

const VARIABLE = /^var\(\s*(--[\w-]+)\s*\)$/;

/**
 * A colour as the canvas needs it: a canvas cannot read `var(--chart-…)`, so a variable is
 * looked up in the styles in force when the chart is drawn. A variable that is not defined
 * falls back, so a series is never drawn invisibly.
 */
export function resolveColour(colour: string, lookup: StyleLookup, fallback: string): string {
	const name = VARIABLE.exec(colour.trim())?.[1];
	if (!name) return colour;
	return lookup(name).trim() || fallback;
}

/** The page's own text and surface colours, so the chart matches the card it sits on. */
export function chartTheme(lookup: StyleLookup): ChartTheme {
	const text = lookup('--text').trim();
	return {
		text,
		grid: resolveColour('var(--chart-grid)', lookup, text),
		background: lookup('--surface').trim()
	};
}

/** The root's custom properties as read, per colour scheme. */
const rootValues = new Map<string, Map<string, string>>();

/**
 * Looks custom properties up on the page's root, each once per colour scheme. app.css defines the
 * chart colours there alone (a light and a dark set), and reading a computed style after a filter
 * change had the browser recalculate the page's styles in the middle of every chart's update.
 */
export function rootLookup(scheme: 'light' | 'dark'): StyleLookup {
	let values = rootValues.get(scheme);
	if (!values) rootValues.set(scheme, (values = new Map()));
	let style: CSSStyleDeclaration | undefined;
	return (property) => {
		let value = values.get(property);
		if (value === undefined) {
			style ??= getComputedStyle(document.documentElement);
			values.set(property, (value = style.getPropertyValue(property)));
		}
		return value;
	};
}
