/**
 * Outlet → outlet group mapping for uploads, with suggestions from the bundled outlets.
 * Uploaded outlets are matched by web domain first (names vary: "TASS", "tass.com",
 * "ТАСС"), then by name.
 */

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
	basis: 'domain' | 'name';
}

const nameKey = (s: string) =>
	s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');

/** A suggestion per uploaded outlet key that matches a bundled outlet. */
export function suggestGroups(uploaded: UploadedOutlet[], known: KnownOutlet[]): Map<string, GroupSuggestion> {
	const byDomain = new Map(known.map((o) => [o.domain, o]));
	const byName = new Map<string, KnownOutlet>();
	for (const o of known) {
		byName.set(nameKey(o.name), o);
		byName.set(nameKey(o.domain), o);
	}
	const out = new Map<string, GroupSuggestion>();
	for (const u of uploaded) {
		const domain = u.domain || domainOf(u.key);
		let hit: KnownOutlet | undefined;
		// Subdomains (uk.reuters.com, en.kremlin.ru) belong to the outlet of their parent domain.
		for (let d = domain; d.includes('.') && !hit; d = d.slice(d.indexOf('.') + 1)) hit = byDomain.get(d);
		if (hit) {
			out.set(u.key, { group: hit.group, outletId: hit.id, basis: 'domain' });
			continue;
		}
		const named = byName.get(nameKey(u.key));
		if (named) out.set(u.key, { group: named.group, outletId: named.id, basis: 'name' });
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
