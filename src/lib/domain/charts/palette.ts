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
const SERIES_COUNT = 14;

/** Groups outside `fixed` take the extra set, so they never share a colour with a fixed group. */
export function colourFor(key: string, order: string[], fixed: readonly string[] = []): string {
	if (key === 'uncoded') return 'var(--chart-uncoded)';
	if (fixed.includes(key)) return `var(--chart-group-${key})`;
	const i = order.indexOf(key);
	const [set, count] = fixed.length > 0 ? ['extra', EXTRA_COUNT] : ['series', SERIES_COUNT];
	return `var(--chart-${set}-${((i >= 0 ? i : hash(key)) % count) + 1})`;
}

function hash(text: string): number {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
	return h;
}
