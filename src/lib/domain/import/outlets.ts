/**
 * Outlet → outlet group mapping for uploads, with suggestions from the bundled outlets.
 * Uploaded outlets are matched by exact web domain first (names vary: "TASS", "tass.com",
 * "ТАСС"), then by exact name, then by exact name before a language ("TASS - Russian").
 */
import { isLanguageName } from '../languages';

/** The bare host of a URL or domain-like text, without "www." — or '' when there is none. */
export function domainOf(value: string): string {
	const text = value.trim();
	if (text === '') return '';
	try {
		const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
		const host = url.hostname
			.toLowerCase()
			.replace(/^www\d?\./, '')
			.replace(/\.$/, '');
		return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : '';
	} catch {
		return '';
	}
}

/**
 * The outlets one cell names. Scraped EUvsDisinfo cases join several with "+"
 * ("RT - Russian+Sputnik - Russian"); an outlet named twice counts once.
 */
export function splitOutlets(cell: string, separator: string): string[] {
	if (separator === '' || !cell.includes(separator)) return [cell];
	const outlets = [
		...new Set(
			cell
				.split(separator)
				.map((o) => o.trim())
				.filter((o) => o !== '')
		)
	];
	// Only separators: no outlet, which the mapping reports (or fills from another column).
	return outlets.length > 0 ? outlets : [''];
}

/** A clock time anywhere in a piece: "21:55", "9.30 CET", "Rossiya 1 – 21:55". */
const TIME = /(?:^|[^\d])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:am|pm|[A-Z]{3,4}))?(?:$|[^\d])/i;
const NUMBER = /^[\d\s.,:/%+-]+$/;

/**
 * Whether a piece of a split cell reads as something other than an outlet: a time, a number or
 * date, or a description ("political talk show", all lower case with spaces; or a sentence).
 * Outlet names are capitalised ("RT - Russian") or domains ("lenta.ru").
 */
export function unlikeOutlet(piece: string): boolean {
	if (TIME.test(piece) || NUMBER.test(piece)) return true;
	const words = piece.split(/\s+/).length;
	if (words >= 7) return true;
	return words >= 2 && !/\p{Lu}/u.test(piece) && /\p{Ll}/u.test(piece);
}

const DOUBT_EXAMPLES = 3;

/**
 * The pieces of the cells a separator would make that do not read as outlets (at most a few,
 * each once), or [] when every piece looks like an outlet's name. Exports that join several
 * outlets with commas also write times and programme descriptions in the same cell, and
 * splitting those would make "21:55" an outlet and a story several.
 */
export function splitDoubts(cells: string[], separator: string): string[] {
	const doubts = new Set<string>();
	for (const cell of cells) {
		const pieces = splitOutlets(cell, separator);
		if (pieces.length < 2) continue;
		for (const piece of pieces) {
			if (unlikeOutlet(piece)) doubts.add(piece);
			if (doubts.size === DOUBT_EXAMPLES) return [...doubts];
		}
	}
	return [...doubts];
}

/** Pieces quoted for a message: “21:55”, “political talk show”. */
export const quotedPieces = (pieces: string[]) => pieces.map((p) => `“${p.length > 40 ? `${p.slice(0, 39)}…` : p}”`).join(', ');

export interface KnownOutlet {
	id: string;
	name: string;
	domain: string;
	group: string;
}

export interface UploadedOutlet {
	/** The outlet value as the file has it (or the domain, when the outlet came from a URL). */
	key: string;
	/** The first web domain seen with this outlet, '' if none. */
	domain: string;
	rows: number;
}

export interface GroupSuggestion {
	group: string;
	outletId: string;
	/** The bundled outlet's name and domain, shown as the basis of the suggestion. */
	outletName: string;
	outletDomain: string;
	/** What matched exactly: the uploaded outlet's web domain, its name, or its name before a language. */
	basis: 'domain' | 'name' | 'name-language';
	/** For 'name-language', the language after the name ("Russian" of "TASS - Russian"). */
	language?: string;
}

/**
 * An outlet named with the language of the item after a dash, as EUvsDisinfo names them ("TASS -
 * Russian"): the name before it, and the language. Null for any other name, "The Insider -" too.
 */
function nameAndLanguage(value: string): { name: string; language: string } | null {
	const parts = /^(.*\S)\s+[-–—]\s+(\S.*)$/.exec(value);
	return parts && isLanguageName(parts[2]!) ? { name: parts[1]!, language: parts[2]! } : null;
}

/**
 * A name as written, give or take case, Unicode form and spacing. Punctuation counts: "The
 * Insider -", a US local feed, is not "The Insider".
 */
const nameKey = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/**
 * A suggestion per uploaded outlet that is exactly a bundled outlet: the same web domain, or
 * the same name when the upload gives no other domain for it. Near misses (a subdomain, a name
 * with extra words or punctuation) suggest nothing: thousands of outlets reviewed in bulk must
 * not inherit a group from a look-alike.
 */
export function suggestGroups(uploaded: UploadedOutlet[], known: KnownOutlet[]): Map<string, GroupSuggestion> {
	const byDomain = new Map(known.filter((o) => o.domain !== '').map((o) => [o.domain, o]));
	const byName = new Map<string, KnownOutlet | null>();
	for (const o of known) {
		const key = nameKey(o.name);
		const seen = byName.get(key);
		// Two bundled outlets of one name in different groups: the name alone cannot tell which.
		byName.set(key, seen === undefined || seen?.group === o.group ? (seen ?? o) : null);
	}
	const out = new Map<string, GroupSuggestion>();
	const suggest = (key: string, o: KnownOutlet, basis: GroupSuggestion['basis'], language?: string) =>
		out.set(key, { group: o.group, outletId: o.id, outletName: o.name, outletDomain: o.domain, basis, ...(language ? { language } : {}) });
	for (const u of uploaded) {
		const domain = u.domain || domainOf(u.key);
		const hit = domain ? byDomain.get(domain) : undefined;
		if (hit) {
			suggest(u.key, hit, 'domain');
			continue;
		}
		const fits = (o: KnownOutlet | null | undefined): o is KnownOutlet => !!o && (u.domain === '' || u.domain === o.domain);
		const named = byName.get(nameKey(u.key));
		if (fits(named)) {
			suggest(u.key, named, 'name');
			continue;
		}
		// Such names come from EUvsDisinfo, whose links are its own case pages: their domain says
		// nothing of the outlet.
		const split = nameAndLanguage(u.key);
		const before = split && byName.get(nameKey(split.name));
		if (before) suggest(u.key, before, 'name-language', split!.language);
	}
	return out;
}

const CUSTOM_GROUP = 'custom-';

/** Whether a group id was made by groupId for a group the researcher defined. */
export const isCustomGroup = (id: string) => id.startsWith(CUSTOM_GROUP);

/** An id for a group the researcher defines, in the id alphabet the rest of Parallax uses. */
export function groupId(label: string, taken: Iterable<string>): string {
	const base =
		CUSTOM_GROUP +
		(label
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'group');
	const used = new Set(taken);
	let candidate = base;
	for (let i = 2; used.has(candidate); i++) candidate = `${base}-${i}`;
	return candidate;
}
