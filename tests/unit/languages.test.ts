import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Importer } from '../../src/lib/domain/import/importer';
import { inspectSample } from '../../src/lib/domain/import/inspect';
import { shapeNotes } from '../../src/lib/domain/import/report';
import { textAt } from '../../src/lib/domain/import/columnar';
import { isLanguageName, languageLabel, readLanguage } from '../../src/lib/domain/languages';
import { english } from '../fixtures/bad/harness';

describe('language cells', () => {
	it.each([
		['ru', 'ru'],
		['RU', 'ru'],
		['Russian', 'ru'],
		['russian', 'ru'],
		['Ukrainian', 'uk'],
		['Hungarian', 'hu'],
		['Moldavian', 'ro'],
		['русский', 'ru'],
		['Українська', 'uk'],
		['Spanish+Castilian', 'es'],
		['en;ru', 'en'],
		['rus', 'ru'],
		['UKR', 'uk'],
		['ger', 'de'],
		['ru-RU', 'ru'],
		['pt_BR', 'pt'],
		['Klingon', 'Klingon'],
		['Russisch', 'Russisch'],
		['Old Church Slavonic', 'Old Church Slavonic']
	])('reads %j as %j', (cell, value) => {
		expect(readLanguage(cell).value).toBe(value);
	});

	it('reads three-letter codes in a language cell, never as a language name after an outlet', () => {
		expect(readLanguage('rus').value).toBe('ru');
		expect(isLanguageName('Russian')).toBe(true);
		expect(isLanguageName('Tur')).toBe(false);
	});

	it('says how a cell was read', () => {
		expect(readLanguage('Russian')).toEqual({ value: 'ru', named: true, several: false, clipped: false, unknown: false });
		expect(readLanguage('ru')).toEqual({ value: 'ru', named: false, several: false, clipped: false, unknown: false });
		expect(readLanguage('Russisch')).toEqual({ value: 'Russisch', named: false, several: false, clipped: false, unknown: true });
		expect(readLanguage('')).toMatchObject({ value: '', unknown: false });
		expect(readLanguage('Spanish+Castilian')).toMatchObject({ value: 'es', several: true });
	});

	it('shortens a long cell to the schema limit instead of refusing it', () => {
		const long = 'A language described at some length, 41 ch';
		const reading = readLanguage(long);
		expect(reading.clipped).toBe(true);
		expect(reading.value.length).toBeLessThanOrEqual(35);
		expect(reading.value.endsWith('…')).toBe(true);
	});

	it('labels codes in the reader language and anything else as written, never throwing', () => {
		expect(languageLabel('ru', 'en')).toBe('Russian');
		expect(languageLabel('uk', 'uk')).toBe('українська');
		for (const value of ['Hungarian', 'Spanish+Castilian', '', 'x'.repeat(10_000), '\u202Eevil', 'en-', 'root'])
			expect(languageLabel(value, 'en')).toBe(value);
		expect(languageLabel('ru', 'not a locale!!')).toBe('ru');
	});
});

describe('language column in an import', () => {
	const text = [
		'date,outlet,language,title',
		'2024-01-02,A,Russian,One',
		'2024-01-03,B,Ukrainian,Two',
		'2024-01-04,C,Spanish+Castilian,Three',
		'2024-01-05,D,Klingon,Four',
		'2024-01-06,E,A language described at some length of text,Five',
		'2024-01-07,F,ru,Six'
	].join('\n');

	it('keeps every row, maps names to codes and says so in the check', () => {
		const inspection = inspectSample(text, 'langs.csv', false);
		const importer = new Importer(inspection.columns, inspection.mapping, inspection.hasHeader);
		for (const record of Papa.parse<string[]>(text).data.slice(1)) importer.push(record);
		const result = importer.finish();
		expect(result.report.invalidRows).toBe(0);
		const { data } = result;
		const languages = Array.from({ length: data.length }, (_, i) => data.dict.language[data.language[i]!]);
		expect(languages).toEqual(['ru', 'uk', 'es', 'Klingon', 'A language described at some lengt…', 'ru']);
		expect(textAt(data.title, 4)).toBe('Five');
		const notes = shapeNotes(result.changes).map(english);
		expect(notes).toContain('Language names read as codes (2 values): “Russian” → ru, “Ukrainian” → uk.');
		expect(notes).toContain(
			'Several languages in one cell (1 value): each row keeps the first language its cell names: “Spanish+Castilian” → es.'
		);
		expect(notes.some((n) => n.startsWith('Language cells longer than 35 characters (1 value)'))).toBe(true);
		// The long cell is said once, as shortened; only Klingon is a name nobody knows.
		expect(notes).toContain(
			'Language cells that name no language Parallax knows (1 value): “Klingon”. Each is kept as written, so the language filter lists it as a language of its own. If it is a language, write it as a two-letter code (ru) or an English name (Russian) and check again.'
		);
	});

	it('keeps a few examples of each kind of cell but counts them all, so a text column mapped as language sends no text back', () => {
		const rows = Array.from({ length: 300 }, (_, i) => {
			const n = String(i).padStart(3, '0');
			return [`2024-01-02`, 'A', `Article ${n} has a paragraph where the language should be`, `T${n}`];
		});
		const names = ['Russian', 'Ukrainian', 'German', 'French', 'Polish', 'Czech', 'Dutch', 'Italian', 'Swedish', 'Finnish'];
		for (const name of names) rows.push(['2024-01-03', 'B', name, name]);
		const importer = new Importer(['date', 'outlet', 'language', 'title'], inspectSample(text, 'langs.csv', false).mapping, true);
		for (const row of rows) importer.push(row);
		const { changes, report } = importer.finish();
		expect(report.invalidRows).toBe(0);
		expect(changes.languages.clipped).toHaveLength(8);
		expect(changes.languages.named).toHaveLength(8);
		expect(changes.languages.totals).toEqual({ named: 10, several: 0, clipped: 300, unknown: 0 });
		const notes = shapeNotes(changes).map(english);
		expect(notes.find((n) => n.startsWith('Language names read as codes'))).toMatch(
			/^Language names read as codes \(10 values\): “Russian” → ru, .*“Italian” → it, …\.$/
		);
		const clipped = notes.find((n) => n.startsWith('Language cells longer than 35 characters (300 values)'));
		expect(clipped).toMatch(/“Article 007 has a paragraph where the language should be” → Article 007 has a paragraph where …, …\.$/);
		expect(clipped).not.toContain('Article 008');
	});
});
