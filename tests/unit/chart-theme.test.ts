import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartTheme, resolveColour, rootLookup } from '../../src/lib/components/charts/theme';
import { chartConfig, isHidden } from '../../src/lib/components/charts/chart-config';
import type { ChartSpec } from '../../src/lib/components/charts/context.svelte';
import { colourFor, FIXED_GROUPS } from '../../src/lib/domain/charts/palette';
import { ledger } from '../../src/lib/server/ledger';

/** A stand-in for getComputedStyle(el).getPropertyValue: browsers may keep the space after the colon. */
const styles =
	(values: Record<string, string>) =>
	(property: string): string =>
		values[property] ?? '';

const dark = styles({
	'--text': ' #eceae4',
	'--surface': '#1e2126',
	'--chart-grid': 'rgb(255 255 255 / 0.12)',
	'--chart-series-1': ' #7064ac',
	'--chart-group-ukrainian-media': '#0072b2'
});

describe('resolveColour', () => {
	it('reads a variable from the styles in force, trimmed', () => {
		expect(resolveColour('var(--chart-series-1)', dark, 'black')).toBe('#7064ac');
		expect(resolveColour(' var( --chart-group-ukrainian-media ) ', dark, 'black')).toBe('#0072b2');
	});

	it('passes a literal colour through and falls back for an undefined variable', () => {
		expect(resolveColour('#123456', dark, 'black')).toBe('#123456');
		expect(resolveColour('var(--chart-series-99)', dark, 'black')).toBe('black');
	});
});

describe('chartTheme', () => {
	it("takes the page's text and surface colours and the chart grid", () => {
		expect(chartTheme(dark)).toEqual({ text: '#eceae4', grid: 'rgb(255 255 255 / 0.12)', background: '#1e2126' });
	});
});

describe('chartConfig', () => {
	const spec: ChartSpec = {
		id: 'coverage',
		title: 'Coverage',
		caption: 'n = 3',
		kind: 'line',
		categories: [
			{ key: '2025-01', label: 'Jan 2025' },
			{ key: '2025-02', label: 'Feb 2025' }
		],
		categoryHeader: 'Period',
		series: [
			{ key: 'threat', label: 'Threat', colour: 'var(--chart-series-1)', values: [1, null] },
			{ key: 'other', label: 'Other', colour: 'var(--chart-series-2)', values: [2, 0] }
		],
		stacked: false,
		percent: false,
		markers: [{ index: 1, label: 'Summit' }],
		shadeGaps: true,
		overTime: true,
		unit: ''
	};
	const drawing = { lookup: dark, hidden: { other: true }, animate: false, format: String };

	it('draws each series in its resolved colour, the text colour when its variable is missing', () => {
		const { data } = chartConfig(spec, drawing);
		expect(data.datasets.map((d) => [d.label, d.borderColor, d.hidden])).toEqual([
			['Threat', '#7064ac', false],
			['Other', '#eceae4', true]
		]);
		expect(data.labels).toEqual(['Jan 2025', 'Feb 2025']);
	});

	it('fills a series of a stance other than adopts with its pattern, never "No frame coded"', () => {
		const split: ChartSpec = {
			...spec,
			kind: 'bar',
			series: [
				{ key: 'threat:adopts', label: 'Threat (adopted)', colour: '#111111', values: [1, 0], frame: 'threat', stance: 'adopts' },
				{ key: 'threat:reports', label: 'Threat (reported)', colour: '#111111', values: [1, 0], frame: 'threat', stance: 'reports' },
				{ key: 'uncoded', label: 'No frame coded', colour: '#8c8c8c', values: [1, 0], frame: 'uncoded', stance: '' }
			]
		};
		const pattern = (colour: string, stance: string) => (stance === 'adopts' ? colour : `${stance} in ${colour}`);
		const { data } = chartConfig(split, { ...drawing, hidden: {}, pattern });
		expect(data.datasets.map((d) => d.backgroundColor)).toEqual(['#111111', 'reports in #111111', '#8c8c8c']);
	});

	it('gives axes and markers the theme, and animates only when asked', () => {
		const { options } = chartConfig(spec, drawing);
		expect(options.scales?.x?.ticks?.color).toBe('#eceae4');
		expect(options.scales?.y?.grid?.color).toBe('rgb(255 255 255 / 0.12)');
		expect(options.plugins?.parallaxMarkers).toEqual({ markers: spec.markers, text: '#eceae4', background: '#1e2126', shadeGaps: true });
		expect(options.animation).toBe(false);
		expect(chartConfig(spec, { ...drawing, animate: true }).options.animation).toEqual({ duration: 250 });
	});
});

describe('value axis', () => {
	const spec = {
		kind: 'line',
		categories: [],
		series: [],
		stacked: false,
		percent: false,
		markers: [],
		shadeGaps: false,
		unit: ''
	} as unknown as ChartSpec;
	const tick = (percent: boolean) => {
		const { options } = chartConfig(
			{ ...spec, percent },
			{ lookup: () => '', hidden: {}, animate: false, format: (v) => `formatted ${v}` }
		);
		const callback = (options.scales?.y?.ticks as { callback: (value: number) => string }).callback;
		return callback(25000);
	};

	it('writes counts as the page writes numbers (25,000), shares as percentages', () => {
		expect(tick(false)).toBe('formatted 25000');
		expect(tick(true)).toBe('2500000%');
	});
});

describe('colourFor', () => {
	it('names a variable per fixed group, per position otherwise, and one for uncoded', () => {
		const groups = [...FIXED_GROUPS, 'new-group'];
		expect(colourFor('ukrainian-media', groups, FIXED_GROUPS)).toBe('var(--chart-group-ukrainian-media)');
		// Numbered by place among the groups that are not Parallax's own.
		expect(colourFor('new-group', groups, FIXED_GROUPS)).toBe('var(--chart-extra-1)');
		// Five or more of them take the series set: the extra set has four colours.
		const own = ['a', 'b', 'c', 'd', 'e'];
		expect(own.map((g) => colourFor(g, [...FIXED_GROUPS, ...own], FIXED_GROUPS))).toEqual(
			own.map((_, i) => `var(--chart-series-${i + 1})`)
		);
		expect(colourFor('frame-c', ['frame-a', 'frame-b', 'frame-c'])).toBe('var(--chart-series-3)');
		expect(colourFor('uncoded', ['frame-a'])).toBe('var(--chart-uncoded)');
	});

	it('gives each of the bundled codebook’s frames a colour of its own', () => {
		const frames = ledger().frames.map((f) => f.id);
		expect(new Set(frames.map((f) => colourFor(f, frames))).size).toBe(frames.length);
	});

	it('wraps round the numbered sets, and every name it can give is defined in app.css', () => {
		const css = readFileSync('src/app.css', 'utf8');
		const frames = Array.from({ length: 30 }, (_, i) => `frame-${i}`);
		const groups = [...FIXED_GROUPS, ...frames];
		const fewGroups = [...FIXED_GROUPS, ...frames.slice(0, 4)];
		const names = new Set([
			...frames.map((f) => colourFor(f, frames)),
			...groups.map((g) => colourFor(g, groups, FIXED_GROUPS)),
			...fewGroups.map((g) => colourFor(g, fewGroups, FIXED_GROUPS)),
			colourFor('uncoded', frames)
		]);
		expect(names.size).toBe(18 + 6 + 4 + 1);
		for (const name of names) expect(css).toContain(`${name.slice(4, -1)}:`);
	});
});

describe('rootLookup', () => {
	afterEach(() => vi.unstubAllGlobals());

	it("reads the root's styles once per colour scheme, and each property once, whatever the number of charts drawn", () => {
		let scheme: 'light' | 'dark' = 'light';
		const sets = { light: { '--text': '#1b1d21' }, dark: { '--text': '#eceae4' } };
		const reads: string[] = [];
		vi.stubGlobal('document', { documentElement: {} });
		vi.stubGlobal('getComputedStyle', () => {
			const set: Record<string, string> = sets[scheme];
			reads.push(`style ${scheme}`);
			return { getPropertyValue: (property: string) => (reads.push(property), set[property] ?? '') };
		});
		for (let chart = 0; chart < 3; chart++) expect(rootLookup('light')('--text')).toBe('#1b1d21');
		scheme = 'dark';
		for (let chart = 0; chart < 3; chart++) expect(rootLookup('dark')('--text')).toBe('#eceae4');
		expect(rootLookup('light')('--text')).toBe('#1b1d21');
		expect(reads).toEqual(['style light', '--text', 'style dark', '--text']);
	});
});

describe('colours of a dataset’s own groups', () => {
	/** WCAG 2 contrast of two #rrggbb colours. */
	const contrast = (a: string, b: string) => {
		const luminance = (hex: string) => {
			const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
				const c = parseInt(hex.slice(i, i + 2), 16) / 255;
				return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
		return (high! + 0.05) / (low! + 0.05);
	};

	it('draws the first on white with at least 3:1 contrast, where Okabe–Ito’s yellow had 1.3:1', () => {
		const css = readFileSync('src/app.css', 'utf8');
		const light = css.match(/--chart-extra-1: (#[0-9a-f]{6});/)?.[1];
		expect(colourFor('own-group', ['own-group', ...FIXED_GROUPS], FIXED_GROUPS)).toBe('var(--chart-extra-1)');
		expect(contrast(light!, '#ffffff')).toBeGreaterThanOrEqual(3);
	});
});

describe('hidden lines', () => {
	it('are the legend’s own entries: an outlet named after an Object method is drawn', () => {
		expect(isHidden({ ru: true, ua: false }, 'ru')).toBe(true);
		expect(isHidden({ ru: true, ua: false }, 'ua')).toBe(false);
		expect(isHidden({}, 'constructor')).toBe(false);
		expect(isHidden({}, 'toString')).toBe(false);
	});
});
