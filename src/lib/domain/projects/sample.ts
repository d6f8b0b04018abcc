/**
 * Which of a dataset's articles a coding project codes: all of them, a simple random sample, or
 * a sample stratified by outlet group and month. Every draw comes from a seeded generator, so
 * the same articles, seed and size give the same sample in the same order on any machine.
 */

export const SAMPLE_KINDS = ['all', 'random', 'stratified'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** What a sample needs to know of an article. */
export interface Sampleable {
	date: string;
	group: string;
}

/**
 * mulberry32: a 32-bit generator, small and well mixed enough for drawing samples (not for
 * secrets). Returns numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher–Yates, in place, with the given generator. */
function shuffle<T>(items: T[], random: () => number): T[] {
	for (let i = items.length - 1; i > 0; i -= 1) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}

/** An article's stratum: its outlet group and calendar month. */
export const stratumOf = (item: Sampleable) => `${item.group}\u0000${item.date.slice(0, 7)}`;

/**
 * Proportional allocation of `size` over strata by the largest-remainder method: each stratum
 * gets the whole part of its share, and the places left go to the largest remainders (ties to
 * the stratum that sorts first), so the quotas add up to `size` exactly.
 */
export function allocate(sizes: ReadonlyMap<string, number>, size: number): Map<string, number> {
	const total = [...sizes.values()].reduce((a, b) => a + b, 0);
	const keys = [...sizes.keys()].sort();
	const quotas = new Map<string, number>();
	if (total === 0) return quotas;
	const n = Math.min(size, total);
	const remainders: { key: string; rest: number }[] = [];
	let given = 0;
	for (const key of keys) {
		const exact = (n * sizes.get(key)!) / total;
		const whole = Math.floor(exact);
		quotas.set(key, whole);
		given += whole;
		remainders.push({ key, rest: exact - whole });
	}
	remainders.sort((a, b) => b.rest - a.rest || (a.key < b.key ? -1 : 1));
	for (const { key } of remainders.slice(0, n - given)) quotas.set(key, quotas.get(key)! + 1);
	return quotas;
}

/**
 * The indexes (into `items`) of the articles drawn, in the order they are to be coded: shuffled,
 * so that coders do not meet a whole outlet or month in one run. `all` codes every article.
 */
export function drawSample(items: readonly Sampleable[], kind: SampleKind, size: number, seed: number): number[] {
	const random = seededRandom(seed);
	const indexes = items.map((_, i) => i);
	if (kind === 'all') return shuffle(indexes, random);
	if (kind === 'random') return shuffle(indexes, random).slice(0, Math.max(0, size));
	const strata = new Map<string, number[]>();
	for (const i of indexes) {
		const key = stratumOf(items[i]!);
		const members = strata.get(key);
		if (members) members.push(i);
		else strata.set(key, [i]);
	}
	const quotas = allocate(new Map([...strata].map(([key, members]) => [key, members.length])), Math.max(0, size));
	const drawn: number[] = [];
	for (const key of [...strata.keys()].sort()) drawn.push(...shuffle(strata.get(key)!, random).slice(0, quotas.get(key) ?? 0));
	return shuffle(drawn, random);
}

/** A fresh seed for a new project, shown to the researcher so the draw can be repeated. */
export const newSeed = () => Math.floor(Math.random() * 1_000_000);
