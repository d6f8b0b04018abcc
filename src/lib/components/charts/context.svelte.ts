import { getContext, setContext } from 'svelte';
import type { FrameStance } from '$lib/domain/charts/aggregate';
import { formatNumber } from '$lib/i18n';

export interface ChartSeries {
	key: string;
	label: string;
	/** A CSS colour, usually `var(--chart-…)` so that it follows the colour scheme. */
	colour: string;
	values: (number | null)[];
	/** Set where a series is one frame in one stance (frames by group, split by stance). */
	frame?: string;
	stance?: FrameStance;
	/** The frame's own label, without the stance the series label adds. */
	frameLabel?: string;
	/** A line's dash pattern (Chart.js borderDash), where lines of several datasets share a chart. */
	dash?: number[];
}

export interface ChartMarker {
	/** Index into `categories`. */
	index: number;
	label: string;
}

/** What a chart shows: the panel's props, read by every part. */
export interface ChartSpec {
	id: string;
	title: string;
	caption: string;
	kind: 'line' | 'bar';
	/** x-axis categories (periods or outlet groups), also the table's rows. */
	categories: { key: string; label: string }[];
	categoryHeader: string;
	series: ChartSeries[];
	stacked: boolean;
	/** Values are shares 0–1, shown as percentages. */
	percent: boolean;
	markers: ChartMarker[];
	/** Shade periods where every series is null (outside the collection window). */
	shadeGaps: boolean;
	/** Categories are periods: the data table then says that "–" marks a gap, not a zero. */
	overTime: boolean;
	/** What the values are ("articles", "% of GDP"): the axis title, the table's and the download's. */
	unit: string;
	/**
	 * For charts that count frame codes: which ones, as the CSV's stance column says it (adopts,
	 * all, or '' where the dataset records no stance). Split series carry their own.
	 */
	stance?: string;
}

export interface ChartContext {
	readonly spec: ChartSpec;
	readonly empty: boolean;
	/** Series the reader switched off in the legend: off the canvas and out of the exported drawing. */
	readonly hidden: Readonly<Record<string, boolean>>;
	/** Switches these series off, or on again. */
	setHidden(keys: readonly string[], hide: boolean): void;
	/** A value as the tooltip and the table print it. */
	format(value: number | null): string;
}

const key = Symbol('chart');

/** Where a page keeps a chart's hidden series itself, such as in its link. */
export interface HiddenSeries {
	readonly keys: readonly string[];
	set(keys: readonly string[], hide: boolean): void;
}

/**
 * `spec` is a getter so that the parts see the panel's props as they change; so is `kept`, the
 * page's own record of hidden series, without which the panel keeps them for as long as it lives.
 */
export function setChartContext(spec: () => ChartSpec, kept: () => HiddenSeries | undefined): ChartContext {
	const own: Record<string, boolean> = $state({});
	const fromPage = $derived.by(() => {
		const keys = kept()?.keys;
		return keys && Object.fromEntries(keys.map((key) => [key, true]));
	});
	const context: ChartContext = {
		get spec() {
			return spec();
		},
		get empty() {
			const { series, categories } = spec();
			return series.length === 0 || categories.length === 0;
		},
		get hidden() {
			return fromPage ?? own;
		},
		setHidden(keys, hide) {
			const page = kept();
			if (page) page.set(keys, hide);
			else for (const key of keys) own[key] = hide;
		},
		format(value) {
			if (value === null) return '–';
			return spec().percent ? `${(value * 100).toFixed(1)}%` : formatNumber(value);
		}
	};
	return setContext(key, context);
}

export function useChart(): ChartContext {
	const context = getContext<ChartContext | undefined>(key);
	if (!context) throw new Error('Chart parts belong inside a ChartPanel.');
	return context;
}
