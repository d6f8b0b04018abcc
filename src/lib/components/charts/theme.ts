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
