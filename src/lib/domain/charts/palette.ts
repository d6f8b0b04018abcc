/**
 * Colour-blind-safe palettes: Okabe–Ito for outlet groups, Paul Tol's "muted" and "light"
 * schemes for frames and outlets. A key gets its colour from its position in the codebook or
 * group list, so the same frame or group has the same colour on every chart.
 */
export const GROUP_COLOURS: Record<string, string> = {
	'russian-official': '#D55E00',
	'russian-state-media': '#E69F00',
	'russian-private-media': '#CC79A7',
	'russian-independent-media': '#009E73',
	'ukrainian-media': '#0072B2',
	'international-media': '#56B4E9'
};

const EXTRA = ['#F0E442', '#999999', '#882255', '#44AA99'];

export const SERIES_COLOURS = [
	'#332288',
	'#88CCEE',
	'#44AA99',
	'#117733',
	'#999933',
	'#DDCC77',
	'#CC6677',
	'#882255',
	'#AA4499',
	'#EE8866',
	'#77AADD',
	'#FFAABB',
	'#BBCC33',
	'#99DDFF'
];

export const UNCODED_COLOUR = '#BBBBBB';

export function colourFor(key: string, order: string[], fixed: Record<string, string> = {}): string {
	if (key === 'uncoded') return UNCODED_COLOUR;
	const known = fixed[key];
	if (known) return known;
	const i = order.indexOf(key);
	const palette = Object.keys(fixed).length > 0 ? EXTRA : SERIES_COLOURS;
	return palette[(i >= 0 ? i : hash(key)) % palette.length] ?? UNCODED_COLOUR;
}

function hash(text: string): number {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
	return h;
}
