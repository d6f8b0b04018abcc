import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/lib/domain/ledger/ledger';
import { DataError, formatIssue } from '../../src/lib/domain/ledger/table';
import { validFiles } from './fixtures';

function problems(files: Record<string, string>): string[] {
	try {
		buildLedger(files);
	} catch (error) {
		if (error instanceof DataError) return error.issues.map(formatIssue);
		throw error;
	}
	return [];
}

function withRow(file: string, replace: (line: string) => string): Record<string, string> {
	const files = validFiles();
	const [header, row, ...rest] = (files[file] ?? '').split('\n');
	files[file] = [header, replace(row ?? ''), ...rest].join('\n');
	return files;
}

describe('buildLedger', () => {
	it('accepts the valid fixture', () => {
		const ledger = buildLedger(validFiles());
		expect(ledger.claims).toHaveLength(1);
		expect(ledger.perspectives[0]?.claim_ids).toEqual(['c1']);
		expect(ledger.frames[0]?.cues).toEqual(['near our borders', 'encirclement']);
	});

	it('reports a missing file and a file missing from the manifest', () => {
		const files = validFiles();
		delete files['outlets.csv'];
		expect(problems(files)).toContain('outlets.csv:1:* — file is missing');

		const manifest = JSON.parse(files['manifest.json'] ?? '{}');
		manifest.files = manifest.files.filter((f: { file: string }) => f.file !== 'coverage.csv');
		const noProvenance = { ...validFiles(), 'manifest.json': JSON.stringify(manifest) };
		expect(problems(noProvenance)).toEqual(['manifest.json:1:files — coverage.csv has no provenance entry']);
	});

	it('reports an unknown frame code on a claim', () => {
		const files = withRow('claims.csv', (row) => row.replace(',nato-threat,', ',nato-threat;made-up,'));
		expect(problems(files)).toEqual(['claims.csv:2:frame_codes — "made-up" is not a known frame id']);
	});

	it('reports a claim with no frame code', () => {
		const files = withRow('claims.csv', (row) => row.replace(',nato-threat,', ',,'));
		expect(problems(files)).toEqual(['claims.csv:2:frame_codes — needs at least one frame code']);
	});

	it('reports a quote over 30 words', () => {
		const long = Array.from({ length: 31 }, (_, i) => `w${i}`).join(' ');
		const files = withRow('claims.csv', (row) => row.replace('A short quote.', long));
		expect(problems(files)).toEqual(['claims.csv:2:quote — quote has 31 words; quotes are limited to 30 (paraphrase the rest)']);
	});

	it('requires a translator for an original-language quote', () => {
		const files = withRow('claims.csv', (row) => row.replace('A short quote.,,,', 'A short quote.,Цитата.,,'));
		expect(problems(files)).toEqual(['claims.csv:2:quote_translation_by — say who translated the quote (publisher, project or machine)']);
	});

	it("requires a perspective's quote to say its language, and only a quote to have one", () => {
		const unmarked = withRow('perspectives.csv', (row) => row.replace('otherwise.,,,,', 'otherwise.,Це не так.,,,'));
		expect(problems(unmarked)).toEqual(['perspectives.csv:2:quote_language — a quote needs its language, and only a quote has one']);
		const stray = withRow('perspectives.csv', (row) => row.replace('otherwise.,,,,', 'otherwise.,,uk,,'));
		expect(problems(stray)).toEqual(['perspectives.csv:2:quote_language — a quote needs its language, and only a quote has one']);
		const marked = withRow('perspectives.csv', (row) => row.replace('otherwise.,,,,', 'otherwise.,Це не так.,uk,,'));
		expect(problems(marked)).toEqual([]);
		const untagged = withRow('perspectives.csv', (row) => row.replace('otherwise.,,,,', 'otherwise.,Це не так.,Ukrainian,,'));
		expect(problems(untagged)).toEqual(['perspectives.csv:2:quote_language — must be a language tag such as ru, uk or zh-Hant']);
	});

	it('names whose words a quote is only for a quote', () => {
		const reported = withRow('perspectives.csv', (row) => row.replace('otherwise.,,,,', 'otherwise.,Це не так.,uk,Dmitry Peskov,'));
		expect(problems(reported)).toEqual([]);
		const stray = withRow('perspectives.csv', (row) => row.replace('otherwise.,,,,', 'otherwise.,,,Dmitry Peskov,'));
		expect(problems(stray)).toEqual(['perspectives.csv:2:quote_by — only a quote can be someone else’s words']);
	});

	it('reports a perspective answering a claim that does not exist', () => {
		const files = withRow('perspectives.csv', (row) => row.replace(',c1,', ',c9,'));
		expect(problems(files)).toEqual(['perspectives.csv:2:claim_ids — "c9" is not a known claim id']);
	});

	it('reports an unknown source type and relation', () => {
		const files = withRow('perspectives.csv', (row) => row.replace('intergovernmental-body,disputes', 'blog,refutes'));
		const found = problems(files);
		expect(found).toHaveLength(2);
		expect(found[0]).toMatch(/^perspectives\.csv:2:source_type — Invalid option: expected one of/);
		expect(found[1]).toMatch(/^perspectives\.csv:2:relation — Invalid option: expected one of/);
	});

	it('accepts the new relation and source types, and a state source repeating a claim', () => {
		const repeats = withRow('perspectives.csv', (row) =>
			row.replace('intergovernmental-body,disputes', 'russian-official-or-state-media,repeats')
		);
		expect(problems(repeats)).toEqual([]);
		for (const type of ['court-or-investigation', 'human-rights-organisation'])
			expect(problems(withRow('perspectives.csv', (row) => row.replace('intergovernmental-body', type)))).toEqual([]);
	});

	it('reports a Russian official or state source that corroborates a claim', () => {
		const files = withRow('perspectives.csv', (row) =>
			row.replace('intergovernmental-body,disputes', 'russian-official-or-state-media,corroborates')
		);
		expect(problems(files)).toEqual([
			'perspectives.csv:2:relation — a Russian official or state source cannot corroborate a claim; it repeats it (relation "repeats")'
		]);
	});

	it('reports coverage whose stances do not run parallel to its frame codes', () => {
		const missing = withRow('coverage.csv', (row) => row.replace(',nato-threat,reports,', ',nato-threat,,'));
		expect(problems(missing)).toEqual([
			'coverage.csv:2:frame_stances — needs one stance (adopts, reports or contests) per frame code, in the same order'
		]);
		const extra = withRow('coverage.csv', (row) => row.replace(',nato-threat,reports,', ',nato-threat,reports;adopts,'));
		expect(problems(extra)).toHaveLength(1);
		const unknown = withRow('coverage.csv', (row) => row.replace(',nato-threat,reports,', ',nato-threat,endorses,'));
		expect(problems(unknown)[0]).toMatch(
			/^coverage\.csv:2:frame_stances — Invalid option: expected one of "adopts"\|"reports"\|"contests"/
		);
		const uncoded = withRow('coverage.csv', (row) => row.replace(',nato-threat,reports,', ',,,'));
		expect(problems(uncoded)).toEqual([]);
	});

	it('reports a title in square brackets and an unknown title kind', () => {
		const bracketed = withRow('coverage.csv', (row) => row.replace(',A headline,headline,', ',[A rebuilt headline],headline,'));
		expect(problems(bracketed)).toEqual([
			'coverage.csv:2:title — must not be in square brackets: give the headline, or a description with title_kind description'
		]);
		const kind = withRow('coverage.csv', (row) => row.replace(',A headline,headline,', ',A headline,slug,'));
		expect(problems(kind)[0]).toMatch(/^coverage\.csv:2:title_kind — Invalid option/);
	});

	it('accepts only the eleven SemEval-2025 narratives on an event', () => {
		const known = withRow('events.csv', (row) => row.replace(',Russia is the Victim', ',Distrust towards Media;Praise of Russia'));
		expect(problems(known)).toEqual([]);
		const unknown = withRow('events.csv', (row) => row.replace(',Russia is the Victim', ',Russia as victim'));
		expect(problems(unknown)).toEqual([
			'events.csv:2:narratives — "Russia as victim" is not one of the 11 SemEval-2025 Task 10 Ukraine-war narratives'
		]);
	});

	it('reports duplicate ids with the row of the first', () => {
		const files = validFiles();
		files['claims.csv'] += (files['claims.csv'] ?? '').split('\n')[1] + '\n';
		expect(problems(files)).toEqual(['claims.csv:3:id — duplicate id "c1" (first on row 2)']);
	});

	it('reports coverage pointing at an unknown outlet, and an outlet in an unknown group', () => {
		const coverage = withRow('coverage.csv', (row) => row.replace(',tass,', ',rt,'));
		expect(problems(coverage)).toEqual(['coverage.csv:2:outlet_id — "rt" is not a known outlet id']);
		const outlets = withRow('outlets.csv', (row) => row.replace('russian-state-media', 'state'));
		expect(problems(outlets)).toEqual(['outlets.csv:2:group — "state" is not a known outlet group id']);
	});

	it('reports a bad manifest as JSON problems', () => {
		const files = { ...validFiles(), 'manifest.json': '{"title": "x"' };
		expect(problems(files)[0]).toMatch(/^manifest\.json:1:\* — not valid JSON/);
	});

	it('collects problems across files in one run', () => {
		const files = withRow('claims.csv', (row) => row.replace('2025-06-26', '26.06.2025'));
		files['coverage.csv'] = (files['coverage.csv'] ?? '').replace('https://example.org/article', 'ftp://x');
		expect(problems(files)).toEqual([
			'claims.csv:2:date — "26.06.2025" is not a real date in the form yyyy-mm-dd',
			'coverage.csv:2:url — "ftp://x" is not a well-formed https URL'
		]);
	});
});
