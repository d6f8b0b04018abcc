import { describe, expect, it } from 'vitest';
import { ACCOUNT_FORM_KEYS } from '../../src/lib/domain/account';
import { CODING_MESSAGE_KEYS } from '../../src/lib/domain/classroom/coding';
import { IMPORT_KEYS, IMPORT_PLURALS, counted } from '../../src/lib/domain/import/messages';
import { ISSUE_KINDS, issueKindLabel } from '../../src/lib/domain/import/report';
import { DISPUTE_FORM_KEYS } from '../../src/lib/domain/ledger/disputes';
import { PLURAL_FORMS } from '../../src/lib/domain/message';
import { formatNumberIn } from '../../src/lib/i18n/locales';
import { englishMessages, features, negotiate, translate, translateMessage, ukrainianMessages } from '../../src/lib/i18n/catalogue';

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

	it('has, in both languages, every key that domain and server code return, with each plural form', () => {
		const returned: string[] = [
			...IMPORT_KEYS,
			...IMPORT_PLURALS.flatMap((stem) => PLURAL_FORMS.map((form) => `${stem}.${form}`)),
			...ACCOUNT_FORM_KEYS,
			...DISPUTE_FORM_KEYS,
			...CODING_MESSAGE_KEYS
		];
		const missing = returned.filter((key) => !(key in englishMessages) || !(key in ukrainianMessages));
		expect(missing).toEqual([]);
		// Keys built at run time are among the listed ones.
		expect(ISSUE_KINDS.map((kind) => issueKindLabel(kind).key).filter((key) => !(IMPORT_KEYS as readonly string[]).includes(key))).toEqual(
			[]
		);
	});

	it('writes a page’s numbers as its language does: a comma groups thousands in English and marks decimals in Ukrainian', () => {
		expect(formatNumberIn('en', 5002)).toBe('5,002');
		expect(formatNumberIn('uk', 5002)).toBe('5\u00a0002');
		expect(formatNumberIn('uk', 1.5, { maximumFractionDigits: 6 })).toBe('1,5');
		expect(formatNumberIn('en', 1234.56, { maximumFractionDigits: 0 })).toBe('1,235');
	});

	it('says a nested, counted message in each language, numbers written as the language writes them', () => {
		const issue = {
			key: 'import.where.cell',
			params: {
				row: 1204,
				column: 'publish_date',
				reason: { key: 'import.reason.notDate', params: { value: '"2024/02/03"', format: { key: 'import.dateForm.dmy-slash' } } }
			}
		} as const;
		expect(translateMessage('en', issue)).toBe('row 1,204, column publish_date: "2024/02/03" is not a date written dd/mm/yyyy (day first)');
		expect(translateMessage('uk', issue)).toBe(
			'рядок 1\u00a0204, стовпець publish_date: "2024/02/03" — не дата у формі дд/мм/рррр (спершу день)'
		);
		// A long title's length takes its noun's form from the number, as a row count does.
		expect([2001, 2003, 2519].map((n) => translateMessage('uk', counted('import.n.character', n)))).toEqual([
			'2\u00a0001 символ',
			'2\u00a0003 символи',
			'2\u00a0519 символів'
		]);
		expect([1, 3, 5, 21].map((n) => translateMessage('uk', counted('import.n.row', n)))).toEqual([
			'1 рядок',
			'3 рядки',
			'5 рядків',
			'21 рядок'
		]);
		expect([1, 3].map((n) => translateMessage('en', counted('import.n.row', n)))).toEqual(['1 row', '3 rows']);
	});

	it("takes the browser's first supported language, else English", () => {
		expect(negotiate('uk-UA,uk;q=0.9,en;q=0.8')).toBe('uk');
		expect(negotiate('de-DE,en;q=0.5')).toBe('en');
		expect(negotiate(null)).toBe('en');
	});
});
