import type { ChartData, ChartOptions } from 'chart.js';
import type { ChartSpec } from './context.svelte';
import { chartTheme, resolveColour, type StyleLookup } from './theme';
import { UNCODED, type FrameStance } from '$lib/domain/charts/aggregate';

export interface Drawing {
	/** The styles in force as the chart is drawn, so the colours follow the colour scheme. */
	lookup: StyleLookup;
	hidden: Readonly<Record<string, boolean>>;
	animate: boolean;
	format: (value: number | null) => string;
	/** Fills a series of one stance; without it every series is solid (as in tests, where there is no canvas). */
	pattern?: (colour: string, stance: FrameStance) => string | CanvasPattern;
}

/** Own entries only: a line named `constructor` or `toString` (an upload's outlet may be) is not hidden by Object's. */
export const isHidden = (hidden: Readonly<Record<string, boolean>>, key: string): boolean =>
	Object.hasOwn(hidden, key) && hidden[key] === true;

/** What Chart.js draws for a chart: its numbers (`data`) and everything else (`options`). */
export function chartConfig(
	spec: ChartSpec,
	{ lookup, hidden, animate, format, pattern }: Drawing
): { data: ChartData<'line' | 'bar'>; options: ChartOptions<'line' | 'bar'> } {
	const { kind, categories, series, stacked, percent, markers, shadeGaps, unit } = spec;
	const theme = chartTheme(lookup);
	const datasets = series.map((s) => {
		const colour = resolveColour(s.colour, lookup, theme.text);
		return {
			label: s.label,
			data: s.values,
			// "No frame coded" has no stance to show: it stays solid grey.
			backgroundColor: s.stance !== undefined && s.frame !== UNCODED && pattern ? pattern(colour, s.stance) : colour,
			borderColor: colour,
			borderWidth: kind === 'line' ? 2 : 0,
			borderDash: s.dash ?? [],
			pointRadius: kind === 'line' && categories.length > 60 ? 0 : 2.5,
			spanGaps: false,
			hidden: isHidden(hidden, s.key)
		};
	});
	const ticks = { color: theme.text };
	const grid = { color: theme.grid };
	return {
		data: { labels: categories.map((c) => c.label), datasets },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: animate ? { duration: 250 } : false,
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { stacked, ticks: { ...ticks, maxRotation: 60, autoSkip: true }, grid },
				y: {
					stacked,
					beginAtZero: true,
					max: percent && stacked ? 1 : undefined,
					title: { display: unit !== '', text: unit, color: theme.text },
					ticks: {
						...ticks,
						// Articles are whole; a measured value (1.35 % of GDP) needs its decimals.
						precision:
							percent || (unit !== '' && !series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)))) ? undefined : 0,
						callback: (value) => (percent ? `${Math.round(Number(value) * 100)}%` : format(Number(value)))
					},
					grid
				}
			},
			plugins: {
				legend: { display: false },
				tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.raw as number | null)}` } },
				parallaxMarkers: { markers, text: theme.text, background: theme.background, shadeGaps }
			}
		}
	};
}
