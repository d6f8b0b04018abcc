/**
 * What a dataset's numbers are. Articles are counted: each row is one article, or a count of
 * articles, and counts add up. A measured value (% of GDP, events, a tone score) has a unit and
 * a rule for combining several values: values of one series within a period, and of several
 * series in one line (a group, "other"). MeasureSchema (measure-schema.ts) checks the browser's
 * copy, the saved dataset and the save request; this module has no zod, so chart pages load none.
 */
export const COMBINES = ['sum', 'mean', 'last'] as const;
export type Combine = (typeof COMBINES)[number];

export type Measure =
	| { kind: 'articles' }
	| {
			kind: 'value';
			/** As the researcher writes it: "% of GDP", "events", "score"; '' when the file gives none. */
			unit: string;
			combine: Combine;
			/** What the lines are, in the plural ("countries"), for the summary line; '' says "series". */
			series: string;
	  };
export type ValueMeasure = Extract<Measure, { kind: 'value' }>;

export const ARTICLES: Measure = { kind: 'articles' };

/** Does the measure add its values up, so that an empty cell is a real zero and sums are exact? */
export const sums = (measure: Measure) => measure.kind === 'articles' || measure.combine === 'sum';

/**
 * Values of several series combined into one line's cell. Within one series, `last` keeps the
 * value of the latest date; across series there is no latest, and the series' last values are
 * added, as stock levels (followers, totals so far) add up.
 */
export class Cell {
	/** Sum of the combined values, and how many there were. */
	total = 0;
	n = 0;
	add(value: number) {
		this.total += value;
		this.n++;
	}
	value(combine: Combine): number {
		return combine === 'mean' ? this.total / this.n : this.total;
	}
}

/** One series' values within one period: every value for a sum or mean, the latest for `last`. */
export class SeriesCell {
	total = 0;
	n = 0;
	latest = '';
	last = 0;
	add(date: string, value: number) {
		this.total += value;
		this.n++;
		// Two values on the same day are one reading each; the later row wins, as a spreadsheet's would.
		if (date >= this.latest) {
			this.latest = date;
			this.last = value;
		}
	}
	value(combine: Combine): number {
		return combine === 'sum' ? this.total : combine === 'mean' ? this.total / this.n : this.last;
	}
}

/** The unit as a noun for axes and headers: the researcher's unit, or "articles". */
export function unitLabel(measure: Measure, articles: string, noUnit: string): string {
	if (measure.kind === 'articles') return articles;
	return measure.unit || noUnit;
}

/** How a measured value is rounded for a sentence: whole from 100, one decimal from 1, two significant digits below. */
export function valueRounding(value: number): Intl.NumberFormatOptions {
	const size = Math.abs(value);
	if (size >= 1 || size === 0) return { maximumFractionDigits: size >= 100 ? 0 : 1 };
	return { maximumSignificantDigits: 2 };
}

/** Enough digits to recompute a share or rate; no float noise (0.30000000000000004). */
export function noFloatNoise(value: number): number {
	return Number(value.toPrecision(12));
}
