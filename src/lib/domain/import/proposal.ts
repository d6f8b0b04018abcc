import type { Measure } from '../charts/measure';
import { countsPerSeries, type ColumnMapping, type FormatId } from './formats';
import type { ImportMessage } from './messages';
import { detectDecimalMark, isMissingMark, parseNumber } from './numbers';

/**
 * What the mapping proposes from the headers and the sample's values, with the reasons it gives
 * the researcher: which column holds the numbers, which names the lines, and what the numbers
 * are. Every proposal is a starting point the researcher can change.
 */
export interface ColumnProposal {
	count: string | null;
	series: string | null;
	reasons: ImportMessage[];
}

export interface MeasureProposal {
	measure: Measure;
	reasons: ImportMessage[];
}

// Header words, matched on the header split into words (camelCase and snake_case too).
/** Count words that say what is counted, unlike "number" or "n", which also end identifiers (Page number). */
const COUNT_NOUN_LIST = 'count|counts|mentions?|articles?|stories|story|records?|events?|hits|volume|frequency|freq';
const COUNT_NOUNS = new RegExp(`^(${COUNT_NOUN_LIST})$`);
const COUNT_WORDS = new RegExp(`^(${COUNT_NOUN_LIST}|n|num|number|value)$`);
const TOTAL_WORDS = /^(total|totals|all|sum|overall)$/;
const RATIO_WORDS = /^(ratio|share|percent|percentage|pct|proportion|rate|normali[sz]ed|%)$/;
const ID_WORDS = /^(id|code|type|class|category|kind|year|month|day|lat|latitude|lon|long|longitude|page|length|words?|chars?|characters)$/;
const SERIES_WORDS =
	/^(name|names|person|people|country|countries|actor|actors|series|outlet|outlets|source|sources|media|query|queries|topic|topics|candidate|party|channel|station|speaker)$/;
const ARTICLE_WORDS = /^(articles?|stories|story)$/;

function words(header: string): string[] {
	return header
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z%]+/)
		.filter((w) => w !== '');
}
const named = (header: string, pattern: RegExp) => words(header).some((w) => pattern.test(w));
/** An English compound names what it is by its last word: RecordCount is a count, SubEventType a type. */
const namedLast = (header: string, pattern: RegExp) => pattern.test(words(header).at(-1) ?? '');

/** The numbers of a column whose values are nearly all numbers (a stray typo allowed), else null. */
function numbers(values: string[], decimal: '.' | ','): number[] | null {
	const present = values.map((v) => v.trim()).filter((v) => v !== '' && !isMissingMark(v));
	if (present.length === 0) return null;
	const parsed = present.map((v) => parseNumber(v, decimal)).filter((n): n is number => n !== null);
	return parsed.length >= present.length * 0.9 ? parsed : null;
}

const valuesOf = (sample: string[][], columns: string[], column: string) => {
	const i = columns.indexOf(column);
	return sample.map((r) => r[i] ?? '');
};

/**
 * The column of numbers and the column naming the lines of a file the format list does not
 * know. A file with titles or links is one article per row, so a number in it (a word count) is
 * not proposed as a count. Totals and ratios are passed over for the count: they say something
 * about all series or about another count, not what each row counts.
 */
export function proposeColumns(columns: string[], sample: string[][], mapping: ColumnMapping, delimiter: string): ColumnProposal {
	const reasons: ImportMessage[] = [];
	const taken = new Set(
		[mapping.date, mapping.title, mapping.url, mapping.outletUrl, mapping.stance].filter((c): c is string => c !== null)
	);
	const numeric = columns.filter((c) => {
		if (taken.has(c)) return false;
		const values = valuesOf(sample, columns, c);
		return numbers(values, detectDecimalMark(values, delimiter)) !== null;
	});
	let count = mapping.count;
	if (count) reasons.push({ key: 'import.propose.countNamed', params: { column: count } });
	else if (!mapping.title && !mapping.url) {
		const skipped = numeric.filter((c) => named(c, TOTAL_WORDS) || named(c, RATIO_WORDS));
		// An identifier's column (Page number, SubEventType) is passed over, unless its name ends in
		// what it counts (RecordCount, event_id_count).
		const usable = numeric.filter((c) => !skipped.includes(c) && (namedLast(c, COUNT_NOUNS) || !named(c, ID_WORDS)));
		count = usable.find((c) => namedLast(c, COUNT_WORDS)) ?? usable.find((c) => named(c, COUNT_WORDS)) ?? null;
		if (count) reasons.push({ key: 'import.propose.countNamed', params: { column: count } });
		else if (usable.length === 1) {
			count = usable[0]!;
			reasons.push({ key: 'import.propose.countValues', params: { column: count } });
		}
		if (count && skipped.length > 0) reasons.push({ key: 'import.propose.countSkipped', params: { columns: skipped.join('”, “') } });
	}
	if (!count) return { count: null, series: mapping.outlet, reasons };

	let series = mapping.outlet;
	if (!series) {
		const candidates = columns.filter((c) => {
			if (taken.has(c) || numeric.includes(c) || c === count) return false;
			const values = valuesOf(sample, columns, c).map((v) => v.trim());
			const distinct = new Set(values.filter((v) => v !== ''));
			// Names repeat (one per period); free text and identifiers do not.
			return distinct.size >= 1 && distinct.size < values.length && [...distinct].every((v) => v.length <= 120);
		});
		series = candidates.find((c) => named(c, SERIES_WORDS)) ?? candidates[0] ?? null;
	}
	if (series) {
		const distinct = new Set(valuesOf(sample, columns, series).filter((v) => v.trim() !== '')).size;
		reasons.push({ key: 'import.propose.series', params: { column: series, count: distinct } });
	}
	return { count, series, reasons };
}

/** "Country" → "countries": what the lines are, for the summary line. */
export function pluralNoun(header: string): string {
	const noun = words(header).join(' ');
	if (noun === '' || noun.length > 40) return '';
	if (/(s|x|ch|sh)$/.test(noun)) return noun.endsWith('s') ? noun : `${noun}es`;
	if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
	return `${noun}s`;
}

/** The unit a count column's name suggests: "RecordCount" → "events", "NumMentions" → "mentions". */
function unitFromHeader(header: string): string {
	const w = words(header);
	if (w.some((x) => /^(records?|events?)$/.test(x))) return 'events';
	const noun = w.filter((x) => !/^(count|counts|num|number|n|of|total|value|values)$/.test(x)).join(' ');
	return noun.length <= 30 ? noun : '';
}

/**
 * What the numbers are. Rows without a count are articles; so are counts of articles or
 * stories, and counts on rows that have titles or links. Values named or shaped like percentages are averaged; whole numbers add up; other
 * decimals are a measured value, averaged, whose unit the researcher gives.
 */
export function proposeMeasure(input: {
	format: FormatId;
	columns: string[];
	sample: string[][];
	mapping: ColumnMapping;
}): MeasureProposal {
	const { format, columns, sample, mapping } = input;
	const reshape = mapping.reshape;
	const seriesColumn = reshape ? (reshape.series[0] ?? '') : (mapping.outlet ?? '');
	const series = pluralNoun(seriesColumn);
	if (format === 'gdelt-events') {
		return { measure: { kind: 'value', unit: 'events', combine: 'sum', series }, reasons: [{ key: 'import.propose.events' }] };
	}
	if (!mapping.count && !reshape) return { measure: { kind: 'articles' }, reasons: [{ key: 'import.propose.articles' }] };
	const header = reshape ? '' : (mapping.count ?? '');
	const raw = reshape ? reshape.periods.flatMap((p) => valuesOf(sample, columns, p)) : valuesOf(sample, columns, header);
	const seriesNames = seriesColumn ? valuesOf(sample, columns, seriesColumn) : [];
	if (
		// Rows with titles or links are articles, so their count column counts articles.
		!countsPerSeries(mapping) ||
		format === 'mediacloud-attention' ||
		named(header, ARTICLE_WORDS) ||
		seriesNames.some((s) => named(s, ARTICLE_WORDS))
	) {
		return {
			measure: { kind: 'articles' },
			reasons: [{ key: 'import.propose.articleCounts', params: { column: header || seriesColumn } }]
		};
	}
	if (header && named(header, RATIO_WORDS)) {
		return {
			measure: { kind: 'value', unit: '%', combine: 'mean', series },
			reasons: [{ key: 'import.propose.percentHeader', params: { column: header } }]
		};
	}
	const values = numbers(raw, mapping.decimal) ?? [];
	const whole = values.every(Number.isInteger);
	if (values.length > 0 && !whole && values.every((n) => n >= 0 && n <= 100)) {
		return { measure: { kind: 'value', unit: '%', combine: 'mean', series }, reasons: [{ key: 'import.propose.percentValues' }] };
	}
	// The DOC API's raw volume (timelinevolraw) counts matching articles; its default mode gives percentages.
	if (format === 'gdelt-timeline' && values.length > 0 && whole) {
		return { measure: { kind: 'articles' }, reasons: [{ key: 'import.propose.gdeltArticles' }] };
	}
	if (whole) {
		const unit = unitFromHeader(header);
		return {
			measure: { kind: 'value', unit, combine: 'sum', series },
			reasons: [{ key: 'import.propose.wholeNumbers', params: { unit: unit || '—' } }]
		};
	}
	return { measure: { kind: 'value', unit: '', combine: 'mean', series }, reasons: [{ key: 'import.propose.decimals' }] };
}
