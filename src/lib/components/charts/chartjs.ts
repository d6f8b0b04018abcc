import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartType,
	type Plugin
} from 'chart.js';
import { labelRows } from '$lib/domain/charts/chart-svg';

interface MarkerOptions {
	markers: { index: number; label: string }[];
	text: string;
	background: string;
	/** Shade periods where every series is null (outside the collection window). */
	shadeGaps: boolean;
}

declare module 'chart.js' {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	interface PluginOptionsByType<TType extends ChartType> {
		parallaxMarkers?: MarkerOptions;
	}
}

/**
 * Paints an opaque background (so exported PNGs are readable), shades periods where every
 * series is a gap, and draws labelled event markers.
 */
const markersPlugin: Plugin = {
	id: 'parallaxMarkers',
	beforeDraw(chart, _args, options: MarkerOptions) {
		const { ctx, chartArea, scales } = chart;
		ctx.save();
		ctx.fillStyle = options.background;
		ctx.fillRect(0, 0, chart.width, chart.height);
		const x = scales.x;
		const labels = chart.data.labels ?? [];
		if (options.shadeGaps && x && labels.length > 1) {
			const step = x.getPixelForValue(1) - x.getPixelForValue(0) || 0;
			ctx.fillStyle = 'rgba(128,128,128,0.16)';
			labels.forEach((_, i) => {
				const gap = chart.data.datasets.every((d) => d.data[i] === null || d.data[i] === undefined);
				if (gap) ctx.fillRect(x.getPixelForValue(i) - step / 2, chartArea.top, step, chartArea.bottom - chartArea.top);
			});
		}
		ctx.restore();
	},
	afterDatasetsDraw(chart, _args, options: MarkerOptions) {
		const { ctx, chartArea, scales } = chart;
		const x = scales.x;
		if (!x || !options.markers?.length) return;
		ctx.save();
		ctx.strokeStyle = options.text;
		ctx.fillStyle = options.text;
		ctx.setLineDash([4, 4]);
		ctx.font = 'bold 11px system-ui, sans-serif';
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		// Markers are numbered, not labelled, and the numbers of events close in time are stacked
		// so that they stay legible; the numbers are explained in a list under the chart.
		const pixels = options.markers.map((marker) => x.getPixelForValue(marker.index));
		const rows = labelRows(pixels.map((at) => ({ at, half: 9 })));
		pixels.forEach((px, n) => {
			const stack = rows[n]!;
			ctx.setLineDash([4, 4]);
			ctx.beginPath();
			ctx.moveTo(px, chartArea.top);
			ctx.lineTo(px, chartArea.bottom);
			ctx.stroke();
			ctx.setLineDash([]);
			const cy = chartArea.top + 9 + stack * 20;
			ctx.beginPath();
			ctx.arc(px, cy, 9, 0, Math.PI * 2);
			ctx.fillStyle = options.text;
			ctx.fill();
			ctx.fillStyle = options.background;
			ctx.fillText(String(n + 1), px, cy + 0.5);
		});
		ctx.restore();
	}
};

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, markersPlugin);

export { Chart };
