import { FILES, type Ledger } from './ledger';
import { isRealIsoDate, type DataKind, type Manifest } from './schemas';
import { toCsv } from './table';

/**
 * The citable export: the ledger as one JSON document, a column dictionary and CITATION.cff.
 * Pure functions, so the zip route and the unit tests build exactly the same files.
 */

export const LEDGER_ZIP = 'parallax-ledger.zip';
export const LEDGER_JSON = 'parallax-ledger.json';
export const DICTIONARY_MD = 'data-dictionary.md';
export const DICTIONARY_CSV = 'data-dictionary.csv';
export const CITATION = 'CITATION.cff';

/** Ledger field for each data kind, so the JSON keys match the manifest's kinds. */
const LEDGER_KEYS: Record<DataKind, keyof Omit<Ledger, 'manifest'>> = {
	frames: 'frames',
	policy_frames: 'policyFrames',
	events: 'events',
	claims: 'claims',
	perspectives: 'perspectives',
	outlet_groups: 'outletGroups',
	outlets: 'outlets',
	coverage: 'coverage',
	article: 'article',
	changelog: 'changelog'
};

/**
 * Every kind as the zod schemas type it (lists as arrays, numbers as numbers), keyed by kind,
 * with the manifest, so one file carries the whole dataset with its provenance.
 */
export function ledgerJson(ledger: Ledger): string {
	const data = Object.fromEntries((Object.keys(FILES) as DataKind[]).map((kind) => [kind, ledger[LEDGER_KEYS[kind]]]));
	return (
		JSON.stringify({ title: ledger.manifest.title, version: ledger.manifest.version, manifest: ledger.manifest, data }, null, 2) + '\n'
	);
}

export interface DictionaryEntry {
	file: string;
	column: string;
	type: string;
	notes: string;
}

/**
 * The column tables of docs/data-format.md as rows. The document is the one place columns are
 * described for people; parsing it (rather than keeping a second list) means the zip's
 * dictionary cannot drift from the docs, and a unit test checks the docs against the schemas.
 */
export function parseDictionary(markdown: string): DictionaryEntry[] {
	const entries: DictionaryEntry[] = [];
	let file: string | null = null;
	for (const line of markdown.split(/\r?\n/)) {
		const heading = /^##\s+`([^`]+\.csv)`\s*$/.exec(line);
		if (heading) {
			file = heading[1] ?? null;
			continue;
		}
		if (/^##\s/.test(line)) file = null;
		if (!file || !line.startsWith('|')) continue;
		const cells = line
			.slice(1, line.endsWith('|') ? -1 : undefined)
			.split(/(?<!\\)\|/)
			.map((c) => c.trim());
		const column = /^`([a-z_]+)`$/.exec(cells[0] ?? '');
		if (!column?.[1]) continue;
		entries.push({ file, column: column[1], type: plain(cells[1] ?? ''), notes: plain(cells[2] ?? '') });
	}
	return entries;
}

/** Markdown cell → plain text: code ticks dropped, escaped pipes unescaped. */
function plain(cell: string): string {
	return cell.replace(/`/g, '').replace(/\\\|/g, '|').trim();
}

export function dictionaryCsv(entries: DictionaryEntry[]): string {
	return toCsv(['file', 'column', 'type', 'notes'], entries as unknown as Record<string, unknown>[]);
}

/** SPDX ids for the licences the manifest names in words; CFF wants SPDX. */
const SPDX: [RegExp, string][] = [
	[/^CC BY 4\.0\b/i, 'CC-BY-4.0'],
	[/^CC-BY-4\.0\b/i, 'CC-BY-4.0'],
	[/^CC0\b/i, 'CC0-1.0'],
	[/^MIT\b/, 'MIT']
];

function spdxOf(licence: string): string | undefined {
	// "Seed text quoted …; annotations CC BY 4.0": the project's part is named after a semicolon.
	const parts = licence.split(/[;(]/).map((p) => p.replace(/^\s*annotations\s+/i, '').trim());
	for (const part of parts) {
		const hit = SPDX.find(([pattern]) => pattern.test(part))?.[1];
		if (hit) return hit;
	}
	return undefined;
}

/** YAML double-quoted scalars accept JSON string syntax, so JSON.stringify quotes safely. */
const q = (value: string) => JSON.stringify(value);

/**
 * CITATION.cff (Citation File Format 1.2.0) for the bundled ledger. The licence is given only
 * when every file's licence maps to the same SPDX id; no repository URL is invented.
 */
export function citationCff(manifest: Manifest, options: { released?: string; repository?: string } = {}): string {
	// Files mix the project's own licence with publishers' rights in quotes; the SPDX id is the
	// project's licence, and the message points to each file's own terms in the manifest.
	const licences = new Set(manifest.files.filter((f) => !f.synthetic).flatMap((f) => spdxOf(f.licence) ?? []));
	const [licence] = licences;
	const released =
		options.released ??
		(isRealIsoDate(manifest.version)
			? manifest.version
			: (manifest.files
					.map((f) => f.coded_at)
					.sort()
					.at(-1) ?? new Date().toISOString().slice(0, 10)));
	const lines = [
		'cff-version: 1.2.0',
		`message: ${q("If you use this dataset, please cite it as below. Quotes and headlines remain their publishers'; manifest.json gives each file's licence.")}`,
		'type: dataset',
		`title: ${q(manifest.title)}`,
		`abstract: ${q(manifest.description)}`,
		`version: ${q(manifest.version)}`,
		`date-released: ${q(released)}`,
		'authors:',
		`  - name: ${q('Parallax contributors')}`
	];
	if (licences.size === 1 && licence) lines.push(`license: ${q(licence)}`);
	if (options.repository) lines.push(`repository-code: ${q(options.repository)}`);
	lines.push('keywords:', ...['framing', 'disinformation', 'media monitoring', 'Russia', 'NATO'].map((k) => `  - ${q(k)}`));
	return lines.join('\n') + '\n';
}
