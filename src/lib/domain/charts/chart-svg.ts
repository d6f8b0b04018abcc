import type { FrameStance } from './aggregate';

/**
 * A chart as a standalone SVG file, drawn from the same numbers as the on-screen chart and its
 * data table. Chart.js draws to a canvas, which only exports pixels; researchers putting a chart
 * into a paper or a slide want vectors they can restyle, so this draws the two chart kinds
 * Parallax has (lines over periods, stacked bars per category) itself.
 */
export interface SvgSeries {
	label: string;
	colour: string;
	values: (number | null)[];
	/** A series of one stance is filled with its pattern (as on screen); adopted ones are solid. */
	stance?: FrameStance;
	/** A line's dash pattern, as on screen: it tells datasets apart where a line has one colour in each. */
	dash?: number[];
}

export interface SvgChart {
	kind: 'line' | 'bar';
	title: string;
	caption: string;
	categories: string[];
	series: SvgSeries[];
	stacked?: boolean;
	/** Values are shares 0–1, labelled as percentages. */
	percent?: boolean;
	/** Event markers: index into `categories`, numbered in order as on screen. */
	markers?: { index: number; label: string }[];
	/** The reader's language as Intl names it: the axis and the values are written as it writes numbers (1 204,5 in Ukrainian). */
	locale?: string;
}

const dashArray = (s: SvgSeries) => (s.dash?.length ? ` stroke-dasharray="${s.dash.join(' ')}"` : '');

/** The marks of each stance, as the canvas draws them (stripes, cross-hatch, dots over a pale tint). */
function stancePatternDef(id: string, colour: string, stance: FrameStance): string {
	const c = escapeXml(colour);
	const tint = `<rect width="8" height="8" fill="${c}" fill-opacity="0.28"/>`;
	const marks =
		stance === ''
			? `<circle cx="4" cy="4" r="1.8" fill="${c}"/>`
			: `<path d="M-8 8L0 0M0 8L8 0M8 8L16 0${stance === 'contests' ? 'M-8 0L0 8M0 0L8 8M8 0L16 8' : ''}" stroke="${c}" stroke-width="2"/>`;
	return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse">${tint}${marks}</pattern>`;
}

/** Fills for each series: its colour, or a pattern for codes the outlet does not adopt. */
function seriesFills(series: SvgSeries[]): { fills: string[]; defs: string } {
	const defs: string[] = [];
	const fills = series.map((s, k) => {
		if (s.stance === undefined || s.stance === 'adopts') return escapeXml(s.colour);
		defs.push(stancePatternDef(`stance-${k}`, s.colour, s.stance));
		return `url(#stance-${k})`;
	});
	return { fills, defs: defs.length > 0 ? `<defs>${defs.join('')}</defs>` : '' };
}

const WIDTH = 960;
const PLOT = { left: 64, right: 24, top: 56, height: 320 };
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** Text and attribute values are escaped: labels come from data files and uploads. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A "nice" axis maximum and step (1, 2 or 5 × 10^k) with about five ticks. */
export function niceScale(max: number): { max: number; step: number } {
	if (!(max > 0)) return { max: 1, step: 0.2 };
	const rough = max / 5;
	const magnitude = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
	return { max: Math.ceil(max / step - 1e-9) * step, step };
}

/**
 * The row of each label, given its centre and half its width, in the order given: the first row
 * where it clears every label before it, so that numbers of events close in time never overprint.
 */
export function labelRows(labels: { at: number; half: number }[], gap = 2): number[] {
	const ends: number[] = [];
	return labels.map(({ at, half }) => {
		let row = ends.findIndex((end) => at - half >= end + gap);
		if (row < 0) row = ends.length;
		ends[row] = Math.max(ends[row] ?? -Infinity, at + half);
		return row;
	});
}

/** Wraps a caption into lines of at most `width` characters, breaking at spaces. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

export function chartSvg(chart: SvgChart): string {
	const { categories, series, percent = false } = chart;
	const { fills, defs } = seriesFills(series);
	const stacked = chart.stacked ?? false;
	const plotWidth = WIDTH - PLOT.left - PLOT.right;
	const n = categories.length;

	const top = stacked
		? Math.max(0, ...categories.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)))
		: Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
	const scale = percent && stacked ? { max: 1, step: 0.2 } : niceScale(top);
	const y = (v: number) => round(PLOT.top + PLOT.height - (v / scale.max) * PLOT.height);
	const band = n > 0 ? plotWidth / n : plotWidth;
	const x = (i: number) => round(PLOT.left + band * i + band / 2);
	const locale = chart.locale ?? 'en-GB';
	const tick = (v: number) => (percent ? `${Math.round(v * 100)}%` : v.toLocaleString(locale));
	const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
	const value = (v: number | null) =>
		v === null ? '–' : percent ? `${(v * 100).toLocaleString(locale, oneDecimal)}%` : v.toLocaleString(locale);

	const out: string[] = [];
	out.push(`<text x="${PLOT.left}" y="28" font-size="18" font-weight="700">${escapeXml(chart.title)}</text>`);

	// Grid and y-axis labels.
	for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) {
		const at = y(v);
		out.push(`<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${at}" y2="${at}" stroke="#d9d9d9" stroke-width="1"/>`);
		out.push(`<text x="${PLOT.left - 8}" y="${round(at + 4)}" font-size="11" text-anchor="end">${escapeXml(tick(v))}</text>`);
	}

	// x-axis labels. A few named categories (outlet groups) are wrapped flat under their bars;
	// many periods are thinned to about 16 and turned, so long series stay legible.
	const axisY = PLOT.top + PLOT.height;
	let labelSpace: number;
	if (chart.kind === 'bar' && n <= 12) {
		const lines = categories.map((label) => wrap(label, Math.max(6, Math.floor(band / 7))));
		lines.forEach((wrapped, i) =>
			wrapped.forEach((line, k) =>
				out.push(`<text x="${x(i)}" y="${axisY + 16 + k * 13}" font-size="11" text-anchor="middle">${escapeXml(line)}</text>`)
			)
		);
		labelSpace = 16 + Math.max(1, ...lines.map((l) => l.length)) * 13;
	} else {
		const every = Math.max(1, Math.ceil(n / 16));
		categories.forEach((label, i) => {
			if (i % every !== 0) return;
			out.push(
				`<text x="${x(i)}" y="${axisY + 16}" font-size="11" text-anchor="end" transform="rotate(-40 ${x(i)} ${axisY + 16})">${escapeXml(label)}</text>`
			);
		});
		labelSpace = 16 + Math.min(80, 7 * Math.max(0, ...categories.map((c) => c.length)));
	}

	// Event markers: a dashed line each, numbered as on screen, with the numbers stacked where
	// events are close in time; a key under the caption names them.
	const markers = (chart.markers ?? []).map((marker, k) => ({ ...marker, number: k + 1 })).filter((m) => m.index >= 0 && m.index < n);
	const rows = labelRows(markers.map((m) => ({ at: x(m.index), half: 3.5 * String(m.number).length + 3 })));
	markers.forEach((marker, k) => {
		const at = x(marker.index);
		out.push(
			`<g><title>${escapeXml(`${marker.number}. ${marker.label}`)}</title><line x1="${at}" x2="${at}" y1="${PLOT.top}" y2="${axisY}" stroke="#555555" stroke-dasharray="4 3"/>` +
				`<text x="${at}" y="${PLOT.top + 12 + rows[k]! * 13}" font-size="11" font-weight="700" text-anchor="middle" paint-order="stroke" stroke="#ffffff" stroke-width="3">${marker.number}</text></g>`
		);
	});

	if (chart.kind === 'bar') {
		const barWidth = stacked ? band * 0.7 : (band * 0.8) / Math.max(1, series.length);
		const base = new Array<number>(n).fill(0);
		series.forEach((s, k) => {
			const bars: string[] = [];
			s.values.forEach((v, i) => {
				if (v === null || v <= 0) return;
				const from = stacked ? base[i]! : 0;
				const left = stacked ? x(i) - barWidth / 2 : PLOT.left + band * i + band * 0.1 + barWidth * k;
				bars.push(
					`<rect x="${round(left)}" y="${y(from + v)}" width="${round(barWidth)}" height="${round(y(from) - y(from + v))}">` +
						`<title>${escapeXml(`${categories[i]}, ${s.label}: ${value(v)}`)}</title></rect>`
				);
				if (stacked) base[i] = from + v;
			});
			out.push(`<g fill="${fills[k]}" data-series="${escapeXml(s.label)}">${bars.join('')}</g>`);
		});
	} else {
		series.forEach((s) => {
			// A null is a gap (outside the collection window), so the line breaks there instead of dropping to zero.
			const runs: string[] = [];
			let run: string[] = [];
			s.values.forEach((v, i) => {
				if (v === null) {
					if (run.length) runs.push(run.join(' '));
					run = [];
				} else run.push(`${run.length ? 'L' : 'M'}${x(i)},${y(v)}`);
			});
			if (run.length) runs.push(run.join(' '));
			const points = s.values
				.map((v, i) =>
					v === null
						? ''
						: `<circle cx="${x(i)}" cy="${y(v)}" r="${n > 60 ? 1.5 : 2.5}"><title>${escapeXml(`${categories[i]}, ${s.label}: ${value(v)}`)}</title></circle>`
				)
				.join('');
			out.push(
				`<g data-series="${escapeXml(s.label)}"><path d="${runs.join(' ')}" fill="none" stroke="${escapeXml(s.colour)}" stroke-width="2"${dashArray(s)}/>` +
					`<g fill="${escapeXml(s.colour)}">${points}</g></g>`
			);
		});
	}
	out.push(`<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${axisY}" y2="${axisY}" stroke="#333333"/>`);

	// Legend, then the caption with source and n, below the axis labels.
	let legendY = axisY + labelSpace + 24;
	let legendX = PLOT.left;
	for (const [k, s] of series.entries()) {
		const width = 28 + s.label.length * 6.5;
		if (legendX + width > WIDTH - PLOT.right) {
			legendX = PLOT.left;
			legendY += 20;
		}
		// A dashed line's key is a stretch of the line itself, so the key shows which dataset it is.
		const swatch = s.dash?.length
			? `<line x1="${legendX - 4}" x2="${legendX + 14}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${escapeXml(s.colour)}" stroke-width="3"${dashArray(s)}/>`
			: `<rect x="${legendX}" y="${legendY - 10}" width="12" height="12" fill="${fills[k]}"/>`;
		out.push(swatch + `<text x="${legendX + 18}" y="${legendY}" font-size="12">${escapeXml(s.label)}</text>`);
		legendX += width;
	}
	const key = markers.length > 0 ? ` Events: ${markers.map((m) => `${m.number}. ${m.label}`).join('; ')}.` : '';
	const captionLines = wrap(chart.caption + key, 140);
	captionLines.forEach((line, i) =>
		out.push(`<text x="${PLOT.left}" y="${legendY + 28 + i * 16}" font-size="12" fill="#444444">${escapeXml(line)}</text>`)
	);
	const height = legendY + 28 + captionLines.length * 16 + 12;

	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}" fill="#1b1d21" role="img" aria-labelledby="chart-title chart-desc">` +
		`<title id="chart-title">${escapeXml(chart.title)}</title><desc id="chart-desc">${escapeXml(chart.caption)}</desc>` +
		`${defs}<rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>\n`
	);
}
