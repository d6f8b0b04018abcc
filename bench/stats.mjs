// Summaries and the one results table the suite prints and writes to docs/benchmarks.md.

export function summary(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values.length };
}

/** Nearest-rank percentile, so p95 of 30 samples is an observed sample, not an interpolation. */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const fmt = (v, digits = 2) => (typeof v === 'number' ? v.toFixed(digits) : String(v));

/** A spread as "median (min–max)". */
export function spread(s, digits = 2, unit = '') {
	return `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

/**
 * One row per measure: what was measured, the number (ratio or ms) with its spread, the
 * baseline it was measured against, the target and whether it was met.
 */
export function table(rows) {
	const header = ['benchmark', 'measured (median, min–max)', 'baseline / detail', 'target', 'met'];
	const lines = [
		header,
		header.map(() => '---'),
		...rows.map((r) => [r.name, r.value, r.detail, r.target, r.met === null ? 'n/a' : r.met ? 'yes' : 'NO'])
	];
	return lines.map((cells) => `| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`).join('\n');
}
