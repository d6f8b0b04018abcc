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

interface MarkerOptions {
	markers: { index: number; label: string }[];
	text: string;
	background: string;
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
		if (x && labels.length > 1) {
			const step = (x.getPixelForValue(1) - x.getPixelForValue(0)) || 0;
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
		ctx.font = '12px system-ui, sans-serif';
		options.markers.forEach((marker, n) => {
			const px = x.getPixelForValue(marker.index);
			ctx.beginPath();
			ctx.moveTo(px, chartArea.top);
			ctx.lineTo(px, chartArea.bottom);
			ctx.stroke();
			const width = ctx.measureText(marker.label).width;
			const left = Math.min(px + 4, chartArea.right - width - 2);
			ctx.fillText(marker.label, left, chartArea.top + 12 + (n % 3) * 14);
		});
		ctx.restore();
	}
};

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	markersPlugin
);

export { Chart };
