import { describe, expect, it } from 'vitest';
import { englishMessages, features, negotiate, translate, ukrainianMessages } from '../../src/lib/i18n/catalogue';

describe('interface strings', () => {
	it('fills parameters and falls back to English for a missing translation', () => {
		expect(translate('en', 'claim.show', { count: 3 })).toBe('Show 3 perspectives');
		expect(translate('uk', 'claim.show', { count: 3 })).toBe('Показати позиції (3)');
		expect(translate('uk', 'nav.events')).toBe('Події');
	});

	it('translates every English string into Ukrainian, keeping the same parameters', () => {
		const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [key, english] of Object.entries(englishMessages)) {
			const ukrainian = ukrainianMessages[key as keyof typeof englishMessages];
			expect(ukrainian, key).toBeTypeOf('string');
			expect(params(ukrainian!), key).toEqual(params(english));
		}
	});

	it('keeps every feature in the one lookup, with no key claimed by two features', () => {
		const keys = features.flatMap((f) => Object.keys(f.en));
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.sort()).toEqual(Object.keys(englishMessages).sort());
		for (const feature of features) expect(Object.keys(feature.uk).sort()).toEqual(Object.keys(feature.en).sort());
	});

	it("takes the browser's first supported language, else English", () => {
		expect(negotiate('uk-UA,uk;q=0.9,en;q=0.8')).toBe('uk');
		expect(negotiate('de-DE,en;q=0.5')).toBe('en');
		expect(negotiate(null)).toBe('en');
	});
});
