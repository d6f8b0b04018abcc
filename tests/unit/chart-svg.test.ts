import { describe, expect, it } from 'vitest';
import { chartSvg, labelRows, escapeXml, niceScale } from '../../src/lib/domain/charts/chart-svg';

const titles = (svg: string) => [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

describe('chartSvg', () => {
	it('picks axis maxima of 1, 2 or 5 × 10^k with about five steps', () => {
		expect(niceScale(7)).toEqual({ max: 8, step: 2 });
		expect(niceScale(100)).toEqual({ max: 100, step: 20 });
		expect(niceScale(0)).toEqual({ max: 1, step: 0.2 });
	});

	it('draws a line per series, breaks it at gaps, and labels every point with its value', () => {
		const svg = chartSvg({
			kind: 'line',
			title: 'Coverage over time',
			caption: 'Source: test; n = 9 articles.',
			categories: ['2025-06', '2025-07', '2025-08'],
			series: [
				{ label: 'State media', colour: '#E69F00', values: [4, null, 2] },
				{ label: 'Independent', colour: '#009E73', values: [1, 2, 0] }
			],
			markers: [{ index: 0, label: 'Hague summit' }]
		});
		expect(svg.startsWith('<?xml')).toBe(true);
		const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]!);
		// The gap splits the first line into two runs that each start with a move.
		expect(paths[0]!.match(/M/g)).toHaveLength(2);
		expect(paths[1]!.match(/M/g)).toHaveLength(1);
		expect(titles(svg)).toEqual(
			expect.arrayContaining(['1. Hague summit', '2025-06, State media: 4', '2025-08, State media: 2', '2025-07, Independent: 2'])
		);
		expect(titles(svg)).not.toContain('2025-07, State media: 0');
		expect(svg).toContain('<title id="chart-title">Coverage over time</title>');
		expect(svg).toContain('Source: test; n = 9 articles.');
	});

	it('writes the axis and the values as the reader’s language writes numbers', () => {
		const chart = {
			kind: 'bar' as const,
			title: 'Value',
			caption: '',
			categories: ['2024'],
			series: [{ label: 'GDP', colour: '#E69F00', values: [12500.5] }]
		};
		const uk = chartSvg({ ...chart, locale: 'uk' });
		expect(titles(uk)).toContain('2024, GDP: 12\u00a0500,5');
		expect(uk).toContain('>15\u00a0000<');
		expect(titles(chartSvg(chart))).toContain('2024, GDP: 12,500.5');
		const shares = chartSvg({
			...chart,
			series: [{ label: 'Frame', colour: '#E69F00', values: [0.125, null] }],
			categories: ['a', 'b'],
			percent: true,
			locale: 'uk'
		});
		expect(titles(shares)).toContain('a, Frame: 12,5%');
	});

	it('dashes each dataset’s lines and their keys as on screen, so lines of one colour stay apart', () => {
		const svg = chartSvg({
			kind: 'line',
			title: 'Side by side',
			caption: 'Two datasets.',
			categories: ['2025-06', '2025-07'],
			series: [
				{ label: 'A: State media', colour: '#E69F00', values: [4, 2], dash: [] },
				{ label: 'B: State media', colour: '#E69F00', values: [1, 2], dash: [8, 4] }
			]
		});
		expect(
			[...svg.matchAll(/<path d="[^"]*" fill="none" stroke="#E69F00" stroke-width="2"( stroke-dasharray="([^"]*)")?/g)].map(
				(m) => m[2] ?? ''
			)
		).toEqual(['', '8 4']);
		// The solid line keeps a square key; the dashed one is keyed by a stretch of its dashes.
		expect(svg).toMatch(/<rect x="\d+" y="\d+" width="12" height="12" fill="#E69F00"\/><text[^>]*>A: State media</);
		expect(svg).toMatch(/<line [^>]*stroke="#E69F00" stroke-width="3" stroke-dasharray="8 4"\/><text[^>]*>B: State media</);
	});

	it('fills codes the outlet does not adopt with their stance’s pattern in the frame’s colour, bars and legend alike', () => {
		const svg = chartSvg({
			kind: 'bar',
			title: 'Frames by outlet group',
			caption: '',
			categories: ['Ukrainian media'],
			series: [
				{ label: 'NATO threat (adopted)', colour: '#332288', values: [1], stance: 'adopts' },
				{ label: 'NATO threat (reported)', colour: '#332288', values: [4], stance: 'reports' },
				{ label: 'NATO threat (contested)', colour: '#332288', values: [2], stance: 'contests' },
				{ label: 'NATO threat (stance not recorded)', colour: '#332288', values: [1], stance: '' }
			],
			stacked: true
		});
		const fills = [...svg.matchAll(/<g fill="([^"]*)" data-series/g)].map((m) => m[1]);
		expect(fills).toEqual(['#332288', 'url(#stance-1)', 'url(#stance-2)', 'url(#stance-3)']);
		expect(svg.match(/<pattern id="stance-\d"/g)).toHaveLength(3);
		// Striped, cross-hatched (two sets of lines) and dotted.
		expect(svg).toMatch(/<pattern id="stance-1"[^>]*>.*?<path d="M-8 8L0 0M0 8L8 0M8 8L16 0"/);
		expect(svg).toMatch(/<pattern id="stance-2"[^>]*>.*?M-8 0L0 8/);
		expect(svg).toMatch(/<pattern id="stance-3"[^>]*>.*?<circle/);
		expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="12" height="12" fill="url\(#stance-/g)).toHaveLength(3);
	});

	it('stacks shares to 100% and escapes labels that come from data', () => {
		const svg = chartSvg({
			kind: 'bar',
			title: 'Frames <by> group',
			caption: 'c',
			categories: ['A & B'],
			series: [
				{ label: '"Threat"', colour: '#332288', values: [0.25] },
				{ label: 'Other', colour: '#88CCEE', values: [0.75] }
			],
			stacked: true,
			percent: true
		});
		expect(svg).not.toContain('<by>');
		expect(svg).toContain('Frames &lt;by&gt; group');
		expect(titles(svg)).toEqual(expect.arrayContaining(['A &amp; B, &quot;Threat&quot;: 25.0%', 'A &amp; B, Other: 75.0%']));
		const heights = [...svg.matchAll(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="([^"]*)"><title>/g)].map((m) => Number(m[1]));
		// 320 px of plot: a quarter and three quarters of it.
		expect(heights).toEqual([80, 240]);
		expect(svg).toContain('>100%</text>');
	});

	it('numbers every event marker, stacking the numbers of events close in time, and names them in a key', () => {
		// 144 months: events a month apart are about 6 px apart, far too close for numbers side by side.
		const markers = [
			{ index: 0, label: 'First' },
			...Array.from({ length: 10 }, (_, k) => ({ index: 96 + k, label: `Event ${k + 2}` })),
			{ index: 140, label: 'Last' }
		];
		const svg = chartSvg({
			kind: 'line',
			title: 't',
			caption: 'c',
			categories: Array.from({ length: 144 }, (_, i) => `p${i}`),
			series: [{ label: 's', colour: '#000000', values: new Array(144).fill(1) }],
			markers
		});
		const numbers = [
			...svg.matchAll(/<line x1="([^"]*)"[^>]*stroke-dasharray="4 3"\/><text x="([^"]*)" y="([^"]*)"[^>]*>(\d+)<\/text>/g)
		].map((m) => ({
			line: Number(m[1]),
			x: Number(m[2]),
			y: Number(m[3]),
			number: Number(m[4])
		}));
		// One number per marker, on its own line.
		expect(numbers.map((n) => n.number)).toEqual(markers.map((_, k) => k + 1));
		expect(numbers.every((n) => n.x === n.line)).toBe(true);
		// No two numbers in the same row closer than their width.
		for (const a of numbers) {
			for (const b of numbers) {
				if (a !== b && a.y === b.y) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(10);
			}
		}
		expect(new Set(numbers.map((n) => n.y)).size).toBeGreaterThan(1);
		// Far apart, the first and last sit in the first row.
		expect(numbers[0]!.y).toBe(numbers.at(-1)!.y);
		expect(svg).toContain('Events: 1. First; 2. Event 2;');
		expect(svg).toContain('12. Last.');
	});

	it('puts each label in the first row where it clears the ones before it', () => {
		expect(
			labelRows([
				{ at: 0, half: 5 },
				{ at: 6, half: 5 },
				{ at: 12, half: 5 },
				{ at: 30, half: 5 }
			])
		).toEqual([0, 1, 0, 0]);
		expect(
			labelRows([
				{ at: 10, half: 9 },
				{ at: 10, half: 9 },
				{ at: 10, half: 9 }
			])
		).toEqual([0, 1, 2]);
	});

	it('escapes all five XML specials', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});
});
