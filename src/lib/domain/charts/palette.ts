/**
 * Series colours are CSS custom properties (app.css defines them for light and dark), so a
 * series carries `var(--chart-…)` and the screen's colour scheme picks the shade. A key gets its
 * colour from its position in the codebook or group list, so the same frame or group has the
 * same colour on every chart.
 */
export const FIXED_GROUPS = [
	'russian-official',
	'russian-state-media',
	'russian-private-media',
	'russian-independent-media',
	'ukrainian-media',
	'international-media'
];

/** How many numbered colours app.css defines in each set. */
const EXTRA_COUNT = 4;
const SERIES_COUNT = 18;

/**
 * A key in `fixed` has its own colour. Any other takes a numbered colour by its place among the
 * other keys of `order`: from the extra set, which no fixed group's colour resembles, while they
 * fit in it, and from the larger series set when there are more (a dataset's own groups often are
 * five or more, and four colours made two of them alike).
 */
export function colourFor(key: string, order: string[], fixed: readonly string[] = []): string {
	if (key === 'uncoded') return 'var(--chart-uncoded)';
	if (fixed.includes(key)) return `var(--chart-group-${key})`;
	const others = fixed.length > 0 ? order.filter((k) => !fixed.includes(k)) : order;
	const i = others.indexOf(key);
	const [set, count] = fixed.length > 0 && others.length <= EXTRA_COUNT ? ['extra', EXTRA_COUNT] : ['series', SERIES_COUNT];
	return `var(--chart-${set}-${((i >= 0 ? i : hash(key)) % count) + 1})`;
}

function hash(text: string): number {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
	return h;
}
