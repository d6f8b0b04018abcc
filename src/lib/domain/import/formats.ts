import type { DateFormat } from './dates';

/**
 * Export formats Parallax recognises from their header line (see docs of each source; the
 * shapes are summarised in shared/research/formats.md). Recognition only pre-fills the
 * mapping form; the researcher can change every choice.
 */
export const FORMATS = {
	'mediacloud-legacy': 'Media Cloud story export (older)',
	'mediacloud-current': 'Media Cloud story export (current)',
	'mediacloud-attention': 'Media Cloud attention over time',
	'gdelt-timeline': 'GDELT DOC API timeline',
	'gdelt-events': 'GDELT 2.0 event file',
	'euvsdisinfo-database': 'EUvsDisinfo database (semicolon export)',
	'euvsdisinfo-cases': 'EUvsDisinfo cases (scraped)',
	parallax: 'Parallax coverage',
	unknown: 'Unknown format: map the columns by hand'
} as const;
export type FormatId = keyof typeof FORMATS;

/** GDELT 2.0 event files have no header; these are the codebook's 61 column names. */
export const GDELT_EVENT_COLUMNS = [
	'GLOBALEVENTID',
	'SQLDATE',
	'MonthYear',
	'Year',
	'FractionDate',
	'Actor1Code',
	'Actor1Name',
	'Actor1CountryCode',
	'Actor1KnownGroupCode',
	'Actor1EthnicCode',
	'Actor1Religion1Code',
	'Actor1Religion2Code',
	'Actor1Type1Code',
	'Actor1Type2Code',
	'Actor1Type3Code',
	'Actor2Code',
	'Actor2Name',
	'Actor2CountryCode',
	'Actor2KnownGroupCode',
	'Actor2EthnicCode',
	'Actor2Religion1Code',
	'Actor2Religion2Code',
	'Actor2Type1Code',
	'Actor2Type2Code',
	'Actor2Type3Code',
	'IsRootEvent',
	'EventCode',
	'EventBaseCode',
	'EventRootCode',
	'QuadClass',
	'GoldsteinScale',
	'NumMentions',
	'NumSources',
	'NumArticles',
	'AvgTone',
	'Actor1Geo_Type',
	'Actor1Geo_FullName',
	'Actor1Geo_CountryCode',
	'Actor1Geo_ADM1Code',
	'Actor1Geo_ADM2Code',
	'Actor1Geo_Lat',
	'Actor1Geo_Long',
	'Actor1Geo_FeatureID',
	'Actor2Geo_Type',
	'Actor2Geo_FullName',
	'Actor2Geo_CountryCode',
	'Actor2Geo_ADM1Code',
	'Actor2Geo_ADM2Code',
	'Actor2Geo_Lat',
	'Actor2Geo_Long',
	'Actor2Geo_FeatureID',
	'ActionGeo_Type',
	'ActionGeo_FullName',
	'ActionGeo_CountryCode',
	'ActionGeo_ADM1Code',
	'ActionGeo_ADM2Code',
	'ActionGeo_Lat',
	'ActionGeo_Long',
	'ActionGeo_FeatureID',
	'DATEADDED',
	'SOURCEURL'
] as const;

/** Which column feeds each field of a coverage row; null leaves the field out. */
export interface ColumnMapping {
	date: string | null;
	dateFormat: DateFormat | null;
	/** Outlet (article rows) or series (count rows). */
	outlet: string | null;
	/** When there is no outlet column, or its cell is empty: the outlet is this column's web domain. */
	outletUrl: string | null;
	/** Used when neither outlet column gives a value, e.g. a single-series attention file. */
	outletConstant: string;
	/**
	 * Separator between several outlets named in one outlet cell ('' for none): each outlet gets
	 * its own row, a copy of the file's row, because each is one appearance of the story.
	 */
	outletSeparator: string;
	group: string | null;
	event: string | null;
	language: string | null;
	title: string | null;
	url: string | null;
	/** The article's text or summary, kept cut to ARTICLE_TEXT_MAX characters for coding it. */
	text: string | null;
	frames: string | null;
	/** Separator between several frames in one cell. */
	framesSeparator: string;
	/** How the outlet uses each frame (see stances.ts for the ways a cell may say it). */
	stance: string | null;
	/** With a count column each row is a count per period and series; without, one article. */
	count: string | null;
	decimal: '.' | ',';
	/** A wide table turned into rows; date and count are then taken from the period columns. */
	reshape: Reshape | null;
	/**
	 * Whether numbers may be below 0: a measured value may (a % change); a count of articles
	 * may not, so a negative one is a row's problem. Left out, they may not.
	 */
	signed?: boolean;
}

/** One column per period (`Country;2014;2015;…`): every cell becomes a count for its series and period. */
export interface Reshape {
	/** Header names of the period columns, each giving one row per file row. */
	periods: string[];
	/** Columns whose values, joined, name the series; empty means the series name in outletConstant. */
	series: string[];
}

/**
 * Whether each row is a count per period and series rather than an article: a count column on rows
 * with a title or link counts that article (a Parallax export carries 1 per row), as proposeMeasure() reads it.
 */
export const countsPerSeries = (mapping: ColumnMapping): boolean =>
	mapping.reshape !== null || (mapping.count !== null && mapping.title === null && mapping.url === null);

export function emptyMapping(): ColumnMapping {
	return {
		date: null,
		dateFormat: null,
		outlet: null,
		outletUrl: null,
		outletConstant: '',
		outletSeparator: '',
		group: null,
		event: null,
		language: null,
		title: null,
		url: null,
		text: null,
		frames: null,
		framesSeparator: ';',
		stance: null,
		count: null,
		decimal: '.',
		reshape: null
	};
}

const norm = (header: string[]) =>
	header.map((h) =>
		h
			.replace(/^\uFEFF/, '')
			.trim()
			.toLowerCase()
	);

function hasAll(header: string[], names: string[]): boolean {
	const set = new Set(norm(header));
	return names.every((n) => set.has(n));
}

/**
 * The format a file is in, from its first record (the header, if any) and how many fields the
 * records have. GDELT event files are recognised by shape because they have no header.
 */
export function detectFormat(firstRow: string[], delimiter: string): FormatId {
	if (delimiter === '\t' && firstRow.length === GDELT_EVENT_COLUMNS.length && /^\d{8}$/.test(firstRow[1] ?? '')) {
		return 'gdelt-events';
	}
	const h = norm(firstRow);
	if (hasAll(h, ['stories_id', 'publish_date', 'media_name', 'media_url', 'url'])) return 'mediacloud-legacy';
	if (hasAll(h, ['id', 'indexed_date', 'publish_date', 'media_name', 'media_url', 'url'])) return 'mediacloud-current';
	if (hasAll(h, ['date', 'count', 'total_count', 'ratio'])) return 'mediacloud-attention';
	if (h.length === 3 && hasAll(h, ['date', 'series', 'value'])) return 'gdelt-timeline';
	if (hasAll(h, ['date', 'outlet', 'language', 'title', 'summary', 'disproof'])) return 'euvsdisinfo-database';
	if (hasAll(h, ['date', 'id', 'title', 'countries', 'keywords', 'outlets'])) return 'euvsdisinfo-cases';
	if (hasAll(h, ['date', 'outlet_id', 'event_id', 'frame_codes', 'language', 'title', 'url'])) return 'parallax';
	// The CSV a stored dataset downloads as (DATASET_COLUMNS), so a download can be uploaded again.
	if (hasAll(h, ['date', 'outlet', 'group', 'event', 'language', 'frames', 'count', 'title', 'url'])) return 'parallax';
	return 'unknown';
}

/** Does the format's first line name the columns? Only GDELT event files start with data. */
export function formatHasHeader(format: FormatId): boolean {
	return format !== 'gdelt-events';
}

/** The column in `header` called `name`, ignoring case and a BOM, as the file spells it. */
function col(header: string[], name: string): string | null {
	const i = norm(header).indexOf(name.toLowerCase());
	return i === -1 ? null : (header[i] ?? null);
}

/** A pre-filled mapping for a recognised format; unknown files get guesses by column name. */
export function defaultMapping(format: FormatId, header: string[], fileName = ''): ColumnMapping {
	const m = emptyMapping();
	const c = (name: string) => col(header, name);
	const series = fileName.replace(/\.[^.]+$/, '') || 'uploaded series';
	switch (format) {
		case 'mediacloud-legacy':
		case 'mediacloud-current':
			return {
				...m,
				date: c('publish_date'),
				outlet: c('media_name'),
				outletUrl: c('media_url'),
				language: c('language'),
				title: c('title'),
				url: c('url')
			};
		case 'mediacloud-attention':
			return { ...m, date: c('date'), count: c('count'), outletConstant: series };
		case 'gdelt-timeline':
			return { ...m, date: c('date'), outlet: c('series'), count: c('value'), outletConstant: series };
		case 'gdelt-events':
			return { ...m, date: 'SQLDATE', dateFormat: 'ymd-compact', outletUrl: 'SOURCEURL', url: 'SOURCEURL' };
		case 'euvsdisinfo-database':
			// Multi-valued cells of this export (keywords) are comma-joined; outlets follow suit. Its
			// `source` lists the links of the outlets that ran the case; the row keeps the first (firstLink).
			return {
				...m,
				date: c('date'),
				dateFormat: 'dmy-dot',
				outlet: c('outlet'),
				outletSeparator: ',',
				language: c('language'),
				title: c('title'),
				url: c('source'),
				text: c('summary'),
				framesSeparator: ','
			};
		case 'euvsdisinfo-cases':
			return {
				...m,
				date: c('date'),
				outlet: c('outlets'),
				outletSeparator: '+',
				language: c('languages'),
				title: c('title'),
				url: c('id'),
				framesSeparator: '+'
			};
		case 'parallax':
			return {
				...m,
				date: c('date'),
				outlet: c('outlet_id') ?? c('outlet'),
				group: c('group'),
				event: c('event_id') ?? c('event'),
				language: c('language'),
				title: c('title'),
				url: c('url'),
				frames: c('frame_codes') ?? c('frames'),
				stance: codedColumn(header, STANCE_HEADERS),
				count: c('count')
			};
		case 'unknown':
			return {
				...m,
				date: c('date') ?? c('publish_date') ?? c('published') ?? c('day') ?? c('monthyear') ?? c('sqldate'),
				outlet: c('outlet') ?? c('media_name') ?? c('source') ?? c('series'),
				outletUrl: c('url'),
				title: c('title') ?? c('headline'),
				url: c('url') ?? c('link'),
				text: c('text') ?? c('summary') ?? c('snippet'),
				language: c('language') ?? c('lang'),
				frames: codedColumn(header, FRAME_HEADERS),
				stance: codedColumn(header, FRAME_HEADERS) ? codedColumn(header, STANCE_HEADERS) : null,
				count: c('count') ?? c('value'),
				outletConstant: series
			};
	}
}

/** Header names of a researcher's own coding columns, most specific first, as codedColumn compares them. */
const FRAME_HEADERS = ['frame_codes', 'frames', 'frame'];
const STANCE_HEADERS = ['frame_stances', 'frame_stance', 'stances', 'stance'];

/**
 * The first column named like one of `names`, whatever its case and however its words are
 * joined: spreadsheets write "Frame stance", "frame-stance" and "FRAME_STANCE" alike.
 */
function codedColumn(header: string[], names: string[]): string | null {
	const plain = norm(header).map((h) => h.replace(/[\s_-]+/g, '_'));
	for (const name of names) {
		const i = plain.indexOf(name);
		if (i !== -1) return header[i] ?? null;
	}
	return null;
}
