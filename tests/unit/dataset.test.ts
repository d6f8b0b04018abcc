import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/lib/server/ledger';
import { perspectivesFor } from '../../src/lib/domain/ledger/views';
import { MAX_QUOTE_WORDS, SEMEVAL_NARRATIVES, wordCount } from '../../src/lib/domain/ledger/schemas';

// The bundled dataset must load cleanly; readLedger throws with file:row:column problems otherwise.
const ledger = readLedger('data');

describe('bundled dataset', () => {
	it('spreads perspectives over source types and coverage over months', () => {
		expect(new Set(ledger.perspectives.map((p) => p.source_type)).size).toBeGreaterThanOrEqual(5);
		expect(new Set(ledger.coverage.map((c) => c.date.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
	});

	// The widened ledger's targets: the war's contested events across the narrative taxonomy,
	// with enough independent sources and coverage to chart by outlet group and language.
	it('has at least 16 events', () => {
		expect(ledger.events.length).toBeGreaterThanOrEqual(16);
	});

	it("reaches at least 8 of the 11 SemEval-2025 narratives through its claims' frames", () => {
		const narrativeOf = new Map(ledger.frames.map((f) => [f.id, f.semeval_narrative]));
		const reached = new Set(ledger.claims.flatMap((c) => c.frame_codes.map((code) => narrativeOf.get(code) ?? '')));
		expect(SEMEVAL_NARRATIVES.filter((n) => reached.has(n)).length).toBeGreaterThanOrEqual(8);
	});

	it('names on every event the SemEval narratives it draws on', () => {
		for (const event of ledger.events) expect(event.narratives.length, event.id).toBeGreaterThan(0);
	});

	it('has at least 150 claims', () => {
		expect(ledger.claims.length).toBeGreaterThanOrEqual(150);
	});

	it('has at least 260 perspectives', () => {
		expect(ledger.perspectives.length).toBeGreaterThanOrEqual(260);
	});

	it('draws perspectives from at least 100 distinct sources', () => {
		expect(new Set(ledger.perspectives.map((p) => p.source_name)).size).toBeGreaterThanOrEqual(100);
	});

	it('has at least 1,000 coded articles', () => {
		expect(ledger.coverage.length).toBeGreaterThanOrEqual(1000);
	});

	it('spreads the coded articles across at least 5 outlet groups and 3 languages', () => {
		const groupOf = new Map(ledger.outlets.map((o) => [o.id, o.group]));
		expect(new Set(ledger.coverage.map((c) => groupOf.get(c.outlet_id))).size).toBeGreaterThanOrEqual(5);
		expect(new Set(ledger.coverage.map((c) => c.language)).size).toBeGreaterThanOrEqual(3);
	});

	it('gives every claim two perspectives, one from outside Russian officialdom that disputes it or adds context', () => {
		const thin = ledger.claims.filter((c) => perspectivesFor(c.id, ledger.perspectives).length < 2).map((c) => c.id);
		expect(thin).toEqual([]);
		const unanswered = ledger.claims
			.filter(
				(c) =>
					!perspectivesFor(c.id, ledger.perspectives).some(
						(p) => p.source_type !== 'russian-official-or-state-media' && (p.relation === 'disputes' || p.relation === 'adds-context')
					)
			)
			.map((c) => c.id);
		expect(unanswered).toEqual([]);
	});

	it('never lets a Russian official or state source corroborate', () => {
		const state = ledger.perspectives.filter((p) => p.source_type === 'russian-official-or-state-media');
		expect(state.length).toBeGreaterThan(0);
		expect(state.filter((p) => p.relation === 'corroborates').map((p) => p.id)).toEqual([]);
	});

	it('gives every coded frame a stance, and no title in square brackets', () => {
		for (const row of ledger.coverage) {
			expect(row.frame_stances.length, row.url).toBe(row.frame_codes.length);
			expect(row.title, row.url).not.toMatch(/^\[.*\]$/s);
		}
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
			expect(wordCount(claim.quote), claim.id).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
			expect(wordCount(claim.quote_original), claim.id).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
			expect(claim.speaker.length).toBeGreaterThan(0);
			expect(claim.paraphrase.length).toBeGreaterThan(0);
		}
		for (const perspective of ledger.perspectives)
			expect(wordCount(perspective.quote), perspective.id).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
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
