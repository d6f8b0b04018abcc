import { countedCodes, hasStances, type CoverageRecord, type Granularity, type SeriesBy, type StanceFilter } from './aggregate';
import { isRealIsoDate } from '../ledger/checks';
import { isLocalDatasetId } from '../import/local-dataset-id';

/**
 * Chart filters live in the URL query so that a pasted link reproduces a view exactly.
 * Unknown or malformed values are dropped, each with a notice, never an error page.
 */
export interface Filters {
	dataset: string;
	from: string | null;
	to: string | null;
	events: string[];
	groups: string[];
	outlets: string[];
	frames: string[];
	languages: string[];
	by: SeriesBy;
	granularity: Granularity | null;
	mode: 'count' | 'share';
	/** Frame charts count only the codes the outlet adopts, or also those it reports or contests. */
	stance: StanceFilter;
	/** The outlet group whose frame mix is shown over time. */
	focus: string | null;
	/** The share token of a dataset shared by link; carried along so filtering keeps access. */
	token: string | null;
	/** Which codebook frames are shown in; frame filters use that codebook's ids. */
	codebook: string;
	/** Series the reader added as lines of their own when the rest are gathered as "other". */
	lines: string[];
	/**
	 * Series switched off in a chart's legend, as `chart:series` (`coverage:ru-state`): kept in the
	 * link, so that a shared chart shows the lines its sharer left on.
	 */
	hidden: string[];
	/** Datasets charted beside `dataset` on one time axis. */
	compare: string[];
	/** How each compared dataset's lines are scaled: as counted, or by that dataset's own totals. */
	norm: Normalisation;
}

/**
 * Raw counts; each line's share of its dataset's articles in the period; or per 1,000 of its
 * dataset's articles over the charted span.
 */
export const NORMALISATIONS = ['raw', 'share', 'per1000'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];
/** More lines than anyone can read on one axis. */
export const MAX_COMPARED = 5;

export interface Vocabulary {
	datasets: string[];
	/** Codebook ids; the first is the default (Parallax's own). */
	codebooks?: string[];
	events: string[];
	groups: string[];
	outlets: string[];
	frames: string[];
	languages: string[];
}

const LISTS = {
	event: 'events',
	group: 'groups',
	outlet: 'outlets',
	frame: 'frames',
	lang: 'languages'
} as const;

const SERIES_BY: SeriesBy[] = ['group', 'outlet', 'frame', 'event'];
export const GRANULARITIES = ['day', 'week', 'month', 'year'] as const satisfies readonly Granularity[];

export function defaultFilters(dataset: string): Filters {
	return {
		dataset,
		from: null,
		to: null,
		events: [],
		groups: [],
		outlets: [],
		frames: [],
		languages: [],
		by: 'group',
		granularity: null,
		mode: 'count',
		stance: 'adopts',
		focus: null,
		token: null,
		codebook: 'parallax',
		lines: [],
		hidden: [],
		compare: [],
		norm: 'raw'
	};
}

/** Lines picked in a link: series keys of whatever the lines are, so not checked against a vocabulary. */
const MAX_PICKED_LINES = 50;

/** Every frame of a codebook in each stance, with room to spare: a stance's key switches off a line per frame. */
const MAX_HIDDEN = 200;

/** A hidden series in a link: a chart of the charts page, then any series key of it. */
const HIDDEN_SERIES = /^(coverage|frames|frame-mix|side-by-side):.{1,300}$/s;

/** The series a link hides in one chart, by their keys. */
export const hiddenIn = (hidden: readonly string[], chart: string): string[] =>
	hidden.filter((h) => h.startsWith(`${chart}:`)).map((h) => h.slice(chart.length + 1));

/** `hidden` with these series of one chart hidden, or shown again. */
export function withHidden(hidden: readonly string[], chart: string, keys: readonly string[], hide: boolean): string[] {
	const these = new Set(keys.map((key) => `${chart}:${key}`));
	return hide ? [...new Set([...hidden, ...these])] : hidden.filter((h) => !these.has(h));
}

export function parseFilters(query: URLSearchParams, vocab: Vocabulary): { filters: Filters; notices: string[] } {
	const notices: string[] = [];
	// A plain GET form sends empty fields for "any"; they mean the same as leaving the field out.
	const params = new URLSearchParams([...query].filter(([, value]) => value !== ''));
	const filters = defaultFilters(vocab.datasets[0] ?? 'bundled');

	const dataset = params.get('dataset');
	if (dataset !== null) {
		if (vocab.datasets.includes(dataset)) filters.dataset = dataset;
		else notices.push(`Ignored dataset "${dataset}": there is no dataset with that id that you can open.`);
	}

	for (const key of ['from', 'to'] as const) {
		const value = params.get(key);
		if (value === null) continue;
		if (isRealIsoDate(value)) filters[key] = value;
		else notices.push(`Ignored ${key}="${value}": dates are written yyyy-mm-dd.`);
	}
	if (filters.from && filters.to && filters.from > filters.to) {
		notices.push(`Ignored the date range: ${filters.from} is after ${filters.to}.`);
		filters.from = filters.to = null;
	}

	for (const [param, field] of Object.entries(LISTS) as [keyof typeof LISTS, (typeof LISTS)[keyof typeof LISTS]][]) {
		const known = new Set(vocab[field]);
		for (const value of params.getAll(param)) {
			if (known.has(value)) {
				if (!filters[field].includes(value)) filters[field].push(value);
			} else notices.push(`Ignored ${param}="${value}": not a known ${param === 'lang' ? 'language' : param}.`);
		}
	}

	const by = params.get('by');
	if (by !== null) {
		if ((SERIES_BY as string[]).includes(by)) filters.by = by as SeriesBy;
		else notices.push(`Ignored by="${by}": choose one of ${SERIES_BY.join(', ')}.`);
	}
	const granularity = params.get('gran');
	if (granularity !== null) {
		if ((GRANULARITIES as readonly string[]).includes(granularity)) filters.granularity = granularity as Granularity;
		else notices.push(`Ignored gran="${granularity}": choose one of ${GRANULARITIES.join(', ')}.`);
	}
	const mode = params.get('mode');
	if (mode !== null) {
		if (mode === 'count' || mode === 'share') filters.mode = mode;
		else notices.push(`Ignored mode="${mode}": choose count or share.`);
	}
	const stance = params.get('stance');
	if (stance !== null) {
		if (stance === 'adopts' || stance === 'all') filters.stance = stance;
		else notices.push(`Ignored stance="${stance}": choose adopts or all.`);
	}
	const codebook = params.get('codebook');
	if (codebook !== null) {
		if ((vocab.codebooks ?? []).includes(codebook)) filters.codebook = codebook;
		else notices.push(`Ignored codebook="${codebook}": there is no codebook with that id.`);
	}
	const token = params.get('token');
	if (token !== null && /^[A-Za-z0-9_-]{1,64}$/.test(token)) filters.token = token;
	filters.lines = [...new Set(params.getAll('line'))].filter((l) => l.length <= 300).slice(0, MAX_PICKED_LINES);
	filters.hidden = [...new Set(params.getAll('hide'))].filter((h) => HIDDEN_SERIES.test(h)).slice(0, MAX_HIDDEN);
	// A dataset kept in another browser is unknown here until this browser's list is read: the page says so then.
	for (const id of params.getAll('cmp')) {
		if (id === filters.dataset || filters.compare.includes(id)) continue;
		if (filters.compare.length >= MAX_COMPARED - 1)
			notices.push(`Ignored cmp="${id}": at most ${MAX_COMPARED} datasets are charted together.`);
		else if (vocab.datasets.includes(id) || isLocalDatasetId(id)) filters.compare.push(id);
		// A link-shared dataset's token opens it as the main dataset only; the notice says how to get it charted.
		else
			notices.push(
				`Ignored cmp="${id}": there is no dataset with that id that you can list. A dataset shared with you by link opens as the main dataset, from its link: add the others beside it there.`
			);
	}
	const norm = params.get('norm');
	if (norm !== null) {
		if ((NORMALISATIONS as readonly string[]).includes(norm)) filters.norm = norm as Normalisation;
		else notices.push(`Ignored norm="${norm}": choose one of ${NORMALISATIONS.join(', ')}.`);
	}
	const focus = params.get('focus');
	if (focus !== null) {
		if (vocab.groups.includes(focus)) filters.focus = focus;
		else notices.push(`Ignored focus="${focus}": not a known outlet group.`);
	}
	return { filters, notices };
}

/** The canonical query string for a filter state (defaults omitted, lists in a stable order). */
export function filtersToQuery(filters: Filters, defaultDataset: string): string {
	const params = new URLSearchParams();
	if (filters.dataset !== defaultDataset) params.set('dataset', filters.dataset);
	if (filters.token) params.set('token', filters.token);
	if (filters.codebook !== 'parallax') params.set('codebook', filters.codebook);
	if (filters.from) params.set('from', filters.from);
	if (filters.to) params.set('to', filters.to);
	for (const [param, field] of Object.entries(LISTS) as [string, (typeof LISTS)[keyof typeof LISTS]][]) {
		for (const value of [...filters[field]].sort()) params.append(param, value);
	}
	if (filters.by !== 'group') params.set('by', filters.by);
	if (filters.granularity) params.set('gran', filters.granularity);
	if (filters.mode !== 'count') params.set('mode', filters.mode);
	if (filters.stance !== 'adopts') params.set('stance', filters.stance);
	if (filters.focus) params.set('focus', filters.focus);
	for (const line of [...filters.lines].sort()) params.append('line', line);
	for (const hidden of [...filters.hidden].sort()) params.append('hide', hidden);
	// In the order chosen: the legend and the download list datasets in that order.
	for (const id of filters.compare) params.append('cmp', id);
	if (filters.compare.length > 0 && filters.norm !== 'raw') params.set('norm', filters.norm);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/**
 * Keep the records that match every filter. Each record keeps only the frame codes the stance
 * filter counts (an article left with none counts as uncoded), and with a frame filter only the
 * selected ones of those, so frame charts show just those frames.
 */
export function applyFilters(records: CoverageRecord[], filters: Filters): CoverageRecord[] {
	const stanced = hasStances(records);
	const events = new Set(filters.events);
	const groups = new Set(filters.groups);
	const outlets = new Set(filters.outlets);
	const frames = new Set(filters.frames);
	const languages = new Set(filters.languages);
	const out: CoverageRecord[] = [];
	for (const r of records) {
		if (filters.from && r.date < filters.from) continue;
		if (filters.to && r.date > filters.to) continue;
		if (events.size && !events.has(r.event)) continue;
		if (groups.size && !groups.has(r.group)) continue;
		if (outlets.size && !outlets.has(r.outlet)) continue;
		if (languages.size && !languages.has(r.language)) continue;
		const counted = countedCodes(r.frames, r.stances, filters.stance, stanced);
		const kept = frames.size ? counted.filter(([f]) => frames.has(f)) : counted;
		if (frames.size && kept.length === 0) continue;
		if (kept.length === r.frames.length) out.push(r);
		else out.push({ ...r, frames: kept.map(([f]) => f), ...(r.stances && { stances: kept.map(([, s]) => s) }) });
	}
	return out;
}

/** A repeated query parameter's values, without empty ones, at most 200. */
export const queryList = (params: URLSearchParams, key: string): string[] =>
	params
		.getAll(key)
		.filter((v) => v !== '')
		.slice(0, 200);

/**
 * Row filters for the API, where the vocabulary is the dataset's own: values are taken as
 * given, dates must be real. Returns the problems instead of throwing so the API can answer 400.
 */
export function rowFilterFromQuery(params: URLSearchParams): {
	filter: {
		from: string | null;
		to: string | null;
		groups: string[];
		outlets: string[];
		events: string[];
		languages: string[];
		frames: string[];
	};
	problems: string[];
} {
	const problems: string[] = [];
	const date = (key: string) => {
		const value = params.get(key);
		if (!value) return null;
		if (isRealIsoDate(value)) return value;
		problems.push(
			/^\d{4}-\d{2}-\d{2}$/.test(value)
				? `${key}="${value}" is not a day of the calendar.`
				: `${key}="${value}" is not a date in the form yyyy-mm-dd.`
		);
		return null;
	};
	const list = (key: string) => queryList(params, key);
	return {
		filter: {
			from: date('from'),
			to: date('to'),
			groups: list('group'),
			outlets: list('outlet'),
			events: list('event'),
			languages: list('lang'),
			frames: list('frame')
		},
		problems
	};
}
