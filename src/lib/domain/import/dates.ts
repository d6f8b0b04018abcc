import { isRealIsoDate } from '../ledger/schemas';
import type { ImportMessage } from './messages';

/**
 * Date formats seen in coverage exports. Each turns a cell into a calendar day (yyyy-mm-dd);
 * a time of day or UTC offset is dropped, because the charts count whole days as written.
 * Each is named to readers by `dateFormLabel`, in their language.
 */
export const DATE_FORMATS = ['iso', 'iso-datetime', 'dmy-dot', 'ymd-compact', 'ym-compact', 'dmy-slash', 'mdy-slash'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** "dd/mm/yyyy (day first)" */
export const dateFormLabel = (format: DateFormat): ImportMessage => ({ key: `import.dateForm.${format}` as const });

const SHAPES: Record<DateFormat, RegExp> = {
	iso: /^(\d{4})-(\d{2})-(\d{2})$/,
	'iso-datetime': /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
	'dmy-dot': /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
	'ymd-compact': /^(\d{4})(\d{2})(\d{2})$/,
	'ym-compact': /^(\d{4})(\d{2})$/,
	'dmy-slash': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
	'mdy-slash': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
};

const pad = (n: string) => n.padStart(2, '0');

/** Whether a cell is written in `format`, real day or not: "31/02/2024" is, in dd/mm/yyyy. */
export const writtenAs = (value: string, format: DateFormat): boolean =>
	SHAPES[format].test(value.trim()) || (format === 'iso-datetime' && SHAPES.iso.test(value.trim()));

/** The day a cell names in `format`, or null when it is not a date (or not a real one: 2025-02-30). */
export function parseDate(value: string, format: DateFormat): string | null {
	// Media Cloud writes a story without a time of day as a bare date in its date-time column.
	const match = SHAPES[format].exec(value.trim()) ?? (format === 'iso-datetime' ? SHAPES.iso.exec(value.trim()) : null);
	if (!match) return null;
	const [, a = '', b = '', c = ''] = match;
	let iso: string;
	switch (format) {
		case 'iso':
		case 'iso-datetime':
		case 'ymd-compact':
			iso = `${a}-${b}-${c}`;
			break;
		case 'ym-compact':
			iso = `${a}-${b}-01`;
			break;
		case 'dmy-dot':
		case 'dmy-slash':
			iso = `${c}-${pad(b)}-${pad(a)}`;
			break;
		case 'mdy-slash':
			iso = `${c}-${pad(a)}-${pad(b)}`;
			break;
	}
	return isRealIsoDate(iso) ? iso : null;
}

export interface DateDetection {
	/** The format to use, or null when no format fits or the choice is ambiguous. */
	format: DateFormat | null;
	/** Formats that fit every value equally well; the user has to choose between them. */
	ambiguous: DateFormat[];
	/** Share (0–1) of the non-empty values whose shape matches `format` (or the ambiguous ones). */
	fit: number;
}

/**
 * Which format a column's dates are written in. Shapes decide, not validity: "31/02/2024" still
 * says "day first" and is reported as an error later. Slashed dates are ambiguous unless some
 * value has a first part (day first) or second part (month first) above 12; we then ask rather
 * than guess, because a wrong guess silently moves data between months.
 */
export function detectDateFormat(values: string[]): DateDetection {
	const cells = values.map((v) => v.trim()).filter((v) => v !== '');
	if (cells.length === 0) return { format: null, ambiguous: [], fit: 0 };
	let best: DateFormat | null = null;
	let bestCount = 0;
	for (const format of DATE_FORMATS) {
		if (format === 'mdy-slash') continue; // shares its shape with dmy-slash; resolved below
		const count = cells.filter((v) => SHAPES[format].test(v)).length;
		if (count > bestCount) [best, bestCount] = [format, count];
	}
	const fit = bestCount / cells.length;
	// Fewer than half the cells look like dates: this is not a date column (or the wrong one).
	if (best === null || fit < 0.5) return { format: null, ambiguous: [], fit };
	if (best !== 'dmy-slash') return { format: best, ambiguous: [], fit };

	let dayFirst = false;
	let monthFirst = false;
	for (const v of cells) {
		const m = SHAPES['dmy-slash'].exec(v);
		if (!m) continue;
		if (Number(m[1]) > 12) dayFirst = true;
		if (Number(m[2]) > 12) monthFirst = true;
	}
	if (dayFirst && !monthFirst) return { format: 'dmy-slash', ambiguous: [], fit };
	if (monthFirst && !dayFirst) return { format: 'mdy-slash', ambiguous: [], fit };
	return { format: null, ambiguous: ['dmy-slash', 'mdy-slash'], fit };
}
