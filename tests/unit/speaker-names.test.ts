import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/lib/server/ledger';

/**
 * A name with the usual differences between English spellings of one Russian or Ukrainian name
 * folded away: case, accents and punctuation, and in each word ss/s (Vassily, Vasily), ia/ya and
 * iu/yu (Nebenzia, Nebenzya), x/ks (Alexei, Aleksei), ye/e at the start (Yevgeny, Evgeny), ei/ey
 * and ai/ay at the end (Sergei, Sergey; Nikolai, Nikolay), and iy, ii, yi or y at the end
 * (Polyanskiy, Polyansky). Two names with one key are one person spelt two ways.
 */
function nameKey(name: string): string {
	return name
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.split(' ')
		.map((word) =>
			word
				.replace(/ss/g, 's')
				.replace(/ia/g, 'ya')
				.replace(/iu/g, 'yu')
				.replace(/x/g, 'ks')
				.replace(/^ye/, 'e')
				.replace(/ei$/, 'ey')
				.replace(/ai$/, 'ay')
				.replace(/(iy|ii|yi)$/, 'y')
		)
		.join(' ');
}

/**
 * A speaker's key: its name's, with a gloss in brackets left out ("Investigative Committee of Russia
 * (Chairman …)") and a Russian body named one way ("Russian Ministry of X", "Ministry of X of Russia"
 * and "… of the Russian Federation" are one ministry).
 */
function speakerKey(speaker: string): string {
	const bare = speaker
		.replace(/\s*\([^)]*\)/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
	const body =
		/^russian (.+)$/.exec(bare)?.[1] ?? /^(.+) of (?:the )?russian federation$/.exec(bare)?.[1] ?? /^(.+) of russia$/.exec(bare)?.[1];
	return body ? `russia: ${nameKey(body)}` : nameKey(bare);
}

/** Groups of two or more distinct names that share a key, each group sorted. */
function collisions(names: Iterable<string>, key: (name: string) => string = nameKey): string[][] {
	const byKey = new Map<string, Set<string>>();
	for (const name of names) byKey.set(key(name), (byKey.get(key(name)) ?? new Set()).add(name));
	return [...byKey.values()].filter((spellings) => spellings.size > 1).map((spellings) => [...spellings].sort());
}

describe('the key that finds one name spelt two ways', () => {
	it('folds the transliteration variants of one person together', () => {
		for (const [a, b] of [
			['Sergei Lavrov', 'Sergey Lavrov'],
			['Vasily Nebenzya', 'Vassily Nebenzia'],
			['Dmitry Polyansky', 'Dmitry Polyanskiy'],
			['Dmitrii Polyanskii', 'Dmitry Polyanskiy'],
			['Aleksei Polishchuk', 'Alexei Polishchuk'],
			['Evgeny Balitsky', 'Yevgeny Balitsky'],
			['Nikolai Patrushev', 'Nikolay Patrushev'],
			['Gazeta.ru', 'Gazeta.Ru']
		])
			expect(nameKey(a!), `${a} / ${b}`).toBe(nameKey(b!));
	});

	it('folds the ways of naming one Russian body, and a gloss in brackets, for speakers', () => {
		expect(speakerKey('Ministry of Foreign Affairs of Russia')).toBe(speakerKey('Russian Ministry of Foreign Affairs'));
		expect(speakerKey('Ministry of Defence of the Russian Federation')).toBe(speakerKey('Russian Ministry of Defence'));
		expect(speakerKey('Investigative Committee of Russia (Chairman Alexander Bastrykin)')).toBe(
			speakerKey('Investigative Committee of Russia')
		);
	});

	it('keeps different people and bodies apart', () => {
		expect(
			collisions(
				['Dmitry Peskov', 'Dmitry Polyanskiy', 'Dmitry Medvedev', 'Sergey Lavrov', 'Sergei Shoigu', 'Andrei Kartapolov', 'Andrey Klishas'],
				speakerKey
			)
		).toEqual([]);
		expect(speakerKey('Russian Ministry of Defence')).not.toBe(speakerKey('Russian Ministry of Foreign Affairs'));
		expect(nameKey('Fakty')).not.toBe(nameKey('Fakty (ФАКТИ)'));
	});

	it('finds the spellings a walkthrough found in the ledger', () => {
		expect(
			collisions(
				[
					'Sergei Lavrov',
					'Sergey Lavrov',
					'Vassily Nebenzia',
					'Vasily Nebenzya',
					'Dmitry Polyanskiy',
					'Dmitry Polyansky',
					'Russian Ministry of Foreign Affairs',
					'Ministry of Foreign Affairs of Russia',
					'Dmitry Peskov'
				],
				speakerKey
			)
		).toEqual([
			['Sergei Lavrov', 'Sergey Lavrov'],
			['Vasily Nebenzya', 'Vassily Nebenzia'],
			['Dmitry Polyanskiy', 'Dmitry Polyansky'],
			['Ministry of Foreign Affairs of Russia', 'Russian Ministry of Foreign Affairs']
		]);
	});
});

describe('names in the bundled ledger', () => {
	const ledger = readLedger('data');
	const speakers = new Set(ledger.claims.map((c) => c.speaker));
	const sources = new Set(ledger.perspectives.map((p) => p.source_name));
	const outlets = new Set(ledger.outlets.map((o) => o.name));

	it('spells each speaker of a claim one way', () => {
		expect(collisions(speakers, speakerKey)).toEqual([]);
	});

	// Sources keep their brackets: "TASS" and "TASS (wire republished by …)" are named apart on purpose.
	it('spells each source of a perspective and each outlet one way, and alike in both files', () => {
		expect(collisions(sources)).toEqual([]);
		expect(collisions(outlets)).toEqual([]);
		expect(collisions([...sources, ...outlets])).toEqual([]);
	});

	it('names a speaker who is also a source or an outlet alike', () => {
		expect(collisions([...speakers, ...sources, ...outlets])).toEqual([]);
	});
});
