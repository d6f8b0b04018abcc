// Shapes shared by the bench modules' declarations (the modules are plain .mjs so that
// `npm run bench` runs on Node without a TypeScript loader).
export interface Row {
	name: string;
	value: string;
	detail: string;
	target: string;
	met: boolean | null;
}
/** The longest task on the page's main thread in a Chromium trace, and how many exceed 50 ms. */
export interface TracedTasks {
	longestMs: number;
	over50: number;
}

export interface IngestResult {
	realMs: number[];
	bareMs: number[];
	/** Bare papaparse fed the File's stream, as the upload worker reads it. */
	bareStreamMs: number[];
	longestTaskMs: number[];
	rows: number;
	/** One more run, traced. */
	traced?: TracedTasks;
}
/** Click to the first frame after the update, and to the DOM showing the new count. */
export interface ToggleTimes {
	ms: number[];
	domMs: number[];
}

/** Filter changes on /charts for a dataset stored on the server. */
export interface StoredResult {
	/** Rows saved. */
	rows: number;
	/** Articles the page counts with no filter. */
	shown: number;
	/** The charts page's HTML with its data, gzipped, in bytes. */
	pageGzip: number;
	/** Reading that page right after saving, and again. */
	firstMs: number;
	againMs: number;
	/** What the page says about how the records were summed; null when per day and outlet. */
	coarsened: string | null;
	/** Per kind of toggle, with how many of the changes asked the server. */
	group: ToggleTimes & { requests: number };
	frame: ToggleTimes & { requests: number };
	outlet: ToggleTimes & { requests: number };
	/** Outlet toggles of other outlets, the pointer resting REST_MS on each before its click. */
	outletRested: ToggleTimes & { requests: number };
}

export interface FilterResult {
	/** Click to the first frame after the update. */
	ms: number[];
	/** Click to the DOM showing the new count (navigation, aggregation and Svelte's update). */
	domMs: number[];
	/** The same over outlet toggles, which the frame cube cannot answer. */
	outlet: { ms: number[]; domMs: number[] };
	rows: number;
	/** Ten more group and outlet toggles, traced. */
	traced?: TracedTasks;
}
export interface RouteBundle {
	route: string;
	files: number;
	raw: number;
	gzip: number;
	chartJs: boolean;
}
export interface EventPageHtml {
	route: string;
	raw: number;
	gzip: number;
	/** How many event pages were measured. */
	pages: number;
}
export interface SuggestResult {
	items: number;
	titles: number;
	trainMs: number[];
	suggestMs: number[];
	bareMs: number[];
	longestTaskMs: number[];
	/** Long tasks (over 50 ms) while training and suggesting. */
	longTasks: number[];
	/** The longest main-thread task while the bare loop ran, for comparison. */
	bareLongestTaskMs: number[];
}
export interface LighthousePage {
	path: string;
	/** Lighthouse performance score, 0–100, per run. */
	score: number[];
	lcpMs: number[];
	tbtMs: number[];
	cls: number[];
	/** Lighthouse's measure of the host CPU's speed per run (its mobile throttling assumes about 1,000 or more). */
	benchmarkIndex: number[];
}
export interface LighthouseResult {
	version: string;
	pages: LighthousePage[];
}
