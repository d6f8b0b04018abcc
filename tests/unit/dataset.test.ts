import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/lib/server/ledger';
import { perspectivesFor } from '../../src/lib/domain/ledger/views';
import { MAX_QUOTE_WORDS, wordCount } from '../../src/lib/domain/ledger/schemas';

// The bundled dataset must load cleanly; readLedger throws with file:row:column problems otherwise.
const ledger = readLedger('data');

describe('bundled dataset', () => {
	it('meets the curation targets', () => {
		expect(ledger.events.length).toBeGreaterThanOrEqual(6);
		expect(ledger.claims.length).toBeGreaterThanOrEqual(25);
		expect(ledger.perspectives.length).toBeGreaterThanOrEqual(40);
		expect(new Set(ledger.perspectives.map((p) => p.source_name)).size).toBeGreaterThanOrEqual(12);
		expect(new Set(ledger.perspectives.map((p) => p.source_type)).size).toBeGreaterThanOrEqual(5);
		expect(ledger.coverage.length).toBeGreaterThanOrEqual(150);
		expect(new Set(ledger.coverage.map((c) => c.date.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
		expect(new Set(ledger.outlets.map((o) => o.group)).size).toBeGreaterThanOrEqual(4);
	});

	it('gives every claim at least two perspectives', () => {
		const thin = ledger.claims.filter((c) => perspectivesFor(c.id, ledger.perspectives).length < 2).map((c) => c.id);
		expect(thin).toEqual([]);
	});

	it('covers every event with claims and perspectives', () => {
		for (const event of ledger.events) {
			expect(
				ledger.claims.some((c) => c.event_id === event.id),
				event.id
			).toBe(true);
			expect(
				ledger.perspectives.some((p) => p.event_id === event.id),
				event.id
			).toBe(true);
		}
	});

	it('keeps quotes short and attributed', () => {
		for (const claim of ledger.claims) {
			expect(wordCount(claim.quote)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
			expect(claim.speaker.length).toBeGreaterThan(0);
			expect(claim.paraphrase.length).toBeGreaterThan(0);
		}
	});

	it('uses only https links', () => {
		const urls = [
			...ledger.claims.map((c) => c.url),
			...ledger.perspectives.map((p) => p.url),
			...ledger.coverage.map((c) => c.url),
			...ledger.outlets.map((o) => o.group_basis_url),
			...ledger.events.flatMap((e) => e.source_urls)
		];
		expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
	});

	it('marks nothing shipped as synthetic and records provenance for every file', () => {
		for (const file of ledger.manifest.files) {
			expect(file.synthetic, file.file).toBe(false);
			expect(file.provenance.length, file.file).toBeGreaterThan(20);
		}
	});

	it('keeps every seed sentence, in order', () => {
		expect(ledger.article.map((s) => s.n)).toEqual(ledger.article.map((_, i) => i + 1));
		expect(ledger.article.filter((s) => s.frame_codes.length > 0).length).toBeGreaterThanOrEqual(10);
	});
});
