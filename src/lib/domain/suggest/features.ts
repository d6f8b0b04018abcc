/**
 * Text → hashed sparse features, the same for English, Russian and Ukrainian (and any other
 * alphabetic script): lower-cased words of Unicode letters, word unigrams and bigrams, and
 * character 3- to 5-grams inside each word (padded with < and >, so prefixes and endings are
 * features of their own). Character n-grams carry Russian and Ukrainian inflection (границ,
 * границы and границам share most of theirs) without a stemmer per language.
 *
 * Each feature is hashed (FNV-1a, 32 bit) into a fixed space of 2^bits slots, so a model has a fixed
 * size whatever the vocabulary and needs no dictionary shipped with it. Values are counts scaled
 * to unit length, so a long text does not outvote a headline.
 */

export interface FeatureOptions {
	/** log2 of the feature space. */
	bits: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { bits: 17 };

/** A sparse vector: slot indices ascending, each with its weight. */
export interface SparseVector {
	indices: Uint32Array;
	values: Float32Array;
}

// Apostrophes inside words belong to them (Ukrainian м'ясо, п’ять; English Russia's): every
// spelling of the apostrophe is one character, so the same word hashes the same however typed.
const APOSTROPHES = /['’ʼ`´]/gu;
const WORD = /[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu;

/** Lower-cased words of letters; ё is written е, as most Russian text does. */
export function words(text: string): string[] {
	const normal = text.toLowerCase().replaceAll('ё', 'е').replace(APOSTROPHES, "'");
	return normal.match(WORD) ?? [];
}

/**
 * Character n-grams, n from 3 to 5, of one word padded with < and >. Counted in UTF-16 code
 * units, which are the letters themselves for every alphabet the codebook's languages use.
 */
export function charGrams(word: string): string[] {
	const padded = `<${word}>`;
	const grams: string[] = [];
	for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
	return grams;
}

/** Every feature of a text, as strings; a prefix keeps the three kinds apart. */
export function featureStrings(text: string): string[] {
	const ws = words(text);
	const out: string[] = [];
	for (let i = 0; i < ws.length; i++) {
		const word = ws[i]!;
		out.push(`w ${word}`);
		if (i > 0) out.push(`b ${ws[i - 1]} ${word}`);
		for (const gram of charGrams(word)) out.push(`c ${gram}`);
	}
	return out;
}

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

function mix(h: number, s: string): number {
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
	return h;
}

const WORD_PREFIX = mix(OFFSET, 'w ');
const BIGRAM = mix(OFFSET, 'b ');
const GRAM = mix(OFFSET, 'c ');

/** FNV-1a over UTF-16 code units. */
export function hash(s: string): number {
	return mix(OFFSET, s) >>> 0;
}

// Scratch space for slots, grown as needed: suggesting for 100,000 titles allocates per title
// only the vector it returns.
let scratch = new Uint32Array(1024);

/**
 * The hashed vector of a text: the slots of exactly the strings featureStrings lists, computed
 * without building them (the hash runs over the same code units), since suggesting for a large
 * dataset spends most of its time here.
 */
export function vectorise(text: string, options: FeatureOptions = DEFAULT_FEATURES): SparseVector {
	const mask = (1 << options.bits) - 1;
	const ws = words(text);
	let n = 0;
	const push = (h: number) => {
		if (n === scratch.length) {
			const grown = new Uint32Array(scratch.length * 2);
			grown.set(scratch);
			scratch = grown;
		}
		scratch[n++] = (h >>> 0) & mask;
	};
	for (let i = 0; i < ws.length; i++) {
		const word = ws[i]!;
		push(mix(WORD_PREFIX, word));
		if (i > 0) push(mix(mix(mix(BIGRAM, ws[i - 1]!), ' '), word));
		const padded = `<${word}>`;
		for (let start = 0; start + 3 <= padded.length; start++) {
			let h = GRAM;
			for (let len = 1; len <= 5 && start + len <= padded.length; len++) {
				h = Math.imul(h ^ padded.charCodeAt(start + len - 1), PRIME);
				if (len >= 3) push(h);
			}
		}
	}
	const slots = scratch.subarray(0, n).sort();
	let distinct = 0;
	for (let i = 0; i < n; i++) if (i === 0 || slots[i] !== slots[i - 1]) distinct++;
	const indices = new Uint32Array(distinct);
	const values = new Float32Array(distinct);
	let norm = 0;
	for (let i = 0, d = -1; i < n; i++) {
		if (i === 0 || slots[i] !== slots[i - 1]) indices[++d] = slots[i]!;
		values[d]! += 1;
	}
	for (const c of values) norm += c * c;
	const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
	for (let i = 0; i < distinct; i++) values[i]! *= scale;
	return { indices, values };
}
