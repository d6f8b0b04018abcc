import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/lib/domain/ledger/ledger';
import { readLedger } from '../../src/lib/server/ledger';
import { decodeDeck, deckClaims, encodeDeck, eventDeck, resolveDeck, type Deck } from '../../src/lib/domain/classroom/deck';
import {
	canonicalStep,
	clampStep,
	debriefSteps,
	presentationSteps,
	presenterAction,
	readingSteps
} from '../../src/lib/domain/classroom/presentation';
import { readProgress, scoreAnswer, summariseExercise } from '../../src/lib/domain/classroom/exercise';
import { MAX_QR_BYTES, qrMatrix, qrSvg, QUIET_ZONE } from '../../src/lib/domain/classroom/qr';
import { validFiles } from './fixtures';

const fixture = buildLedger(validFiles());
const bundled = readLedger('data');

function toBase64Url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64url');
}

describe('deck codes', () => {
	const deck: Deck = {
		title: 'NATO spending — week 3 “lesson”',
		items: [
			{ kind: 'event', id: 'hague' },
			{ kind: 'claim', id: 'c1' },
			{ kind: 'claim', id: 'c2', perspectives: ['p2', 'p1'] },
			{ kind: 'perspective', id: 'p9' },
			{ kind: 'question', text: 'Whose security is “near our borders” about? Ünïcödé ✓' }
		]
	};

	it('round-trips a deck exactly, including non-ASCII text', () => {
		const code = encodeDeck(deck);
		expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeDeck(code)).toEqual({ ok: true, deck, notices: [] });
	});

	it('keeps the code short: ids only', () => {
		const code = encodeDeck({
			title: '',
			items: [
				{ kind: 'event', id: 'hague-summit-2025' },
				{ kind: 'claim', id: 'c01' }
			]
		});
		expect(code.length).toBeLessThan(80);
	});

	it('rejects damaged and foreign codes with a reason', () => {
		expect(decodeDeck('!!!').ok).toBe(false);
		expect(decodeDeck(encodeDeck(deck).slice(0, 20)).ok).toBe(false);
		expect(decodeDeck(toBase64Url(JSON.stringify({ v: 2, t: '', i: [] }))).ok).toBe(false);
		expect(decodeDeck(toBase64Url('[1,2]')).ok).toBe(false);
	});

	it('drops unreadable items but keeps the rest, with a notice', () => {
		const code = toBase64Url(JSON.stringify({ v: 1, t: 'x', i: [['e', 'hague'], ['z', 'nope'], ['c', 'BAD ID'], 7] }));
		const result = decodeDeck(code);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.deck.items).toEqual([{ kind: 'event', id: 'hague' }]);
		expect(result.notices).toEqual(['3 items in this link could not be read and were left out.']);
	});

	it('resolves ids against the dataset, dropping unknown ones with a visible notice', () => {
		const resolved = resolveDeck(
			{
				title: '  ',
				items: [
					{ kind: 'event', id: 'hague' },
					{ kind: 'event', id: 'gone' },
					{ kind: 'claim', id: 'c1', perspectives: ['p1', 'p-missing'] },
					{ kind: 'claim', id: 'c-missing' },
					{ kind: 'question', text: 'Why?' }
				]
			},
			fixture
		);
		expect(resolved.title).toBe('Untitled deck');
		expect(resolved.items.map((i) => i.kind)).toEqual(['event', 'claim', 'question']);
		expect(resolved.notices).toHaveLength(1);
		expect(resolved.notices[0]).toContain('3 items');
		expect(resolved.notices[0]).toContain('event “gone”');
		expect(resolved.notices[0]).toContain('claim “c-missing”');
		expect(resolved.notices[0]).toContain('perspective “p-missing” on claim “c1”');
		const clean = decodeDeck(resolved.code);
		expect(clean.ok && clean.deck.items).toEqual([
			{ kind: 'event', id: 'hague' },
			{ kind: 'claim', id: 'c1', perspectives: ['p1'] },
			{ kind: 'question', text: 'Why?' }
		]);
	});

	it('gives a claim all its perspectives unless a subset was chosen', () => {
		const resolved = resolveDeck({ title: 't', items: [{ kind: 'claim', id: 'c01' }] }, bundled);
		const item = resolved.items[0];
		expect(item?.kind).toBe('claim');
		if (item?.kind !== 'claim') return;
		expect(item.perspectives.length).toBeGreaterThanOrEqual(2);
		expect(item.perspectives.every((p) => p.claim_ids.includes('c01'))).toBe(true);
	});

	it('builds an event deck of the context and every claim, and lists claims once', () => {
		const deck = eventDeck(bundled, 'hague-summit-2025');
		expect(deck?.items[0]).toEqual({ kind: 'event', id: 'hague-summit-2025' });
		const claims = bundled.claims.filter((c) => c.event_id === 'hague-summit-2025');
		expect(deck?.items.length).toBe(claims.length + 1);
		expect(eventDeck(bundled, 'nope')).toBeUndefined();
		const resolved = resolveDeck(
			{
				title: '',
				items: [
					{ kind: 'claim', id: 'c01' },
					{ kind: 'claim', id: 'c02' },
					{ kind: 'claim', id: 'c01' }
				]
			},
			bundled
		);
		expect(deckClaims(resolved.items).map((c) => c.id)).toEqual(['c01', 'c02']);
	});
});

describe('presentation steps', () => {
	const resolved = resolveDeck(
		{
			title: 'Lesson',
			items: [
				{ kind: 'event', id: 'hague' },
				{ kind: 'claim', id: 'c1' },
				{ kind: 'question', text: 'What is missing?' }
			]
		},
		fixture
	);
	const perspectives = resolved.items[1]?.kind === 'claim' ? resolved.items[1].perspectives : [];

	it('goes event → claim → each perspective → frames → question → end', () => {
		const steps = presentationSteps(resolved.items, { title: 'Lesson' });
		expect(steps.map((s) => s.kind)).toEqual([
			'title',
			'event',
			'claim',
			...perspectives.map(() => 'perspective'),
			'frames',
			'question',
			'end'
		]);
	});

	it('reveals perspectives one at a time, remembering the earlier ones', () => {
		const bundledSteps = presentationSteps(resolveDeck(eventDeck(bundled, 'hague-summit-2025')!, bundled).items);
		const reveal = bundledSteps.filter((s) => s.kind === 'perspective');
		expect(reveal.length).toBeGreaterThan(1);
		for (const step of reveal) {
			if (step.kind !== 'perspective') continue;
			expect(step.earlier.length).toBe(step.n - 1);
			expect(step.n).toBeLessThanOrEqual(step.of);
		}
		expect(bundledSteps[0]?.kind).toBe('event');
	});

	it('gives a student reading alone the same steps without the closing slide for the class', () => {
		expect(readingSteps(resolved.items).map((s) => s.kind)).toEqual(
			presentationSteps(resolved.items)
				.map((s) => s.kind)
				.slice(0, -1)
		);
		expect(readingSteps(resolved.items).some((s) => s.kind === 'end' || s.kind === 'title')).toBe(false);
	});

	it('steps a debrief through overall → per frame → confusion → each disputed claim, its coding revealed on the step after', () => {
		expect(debriefSteps(3, 2)).toEqual([
			{ kind: 'overall' },
			{ kind: 'frames' },
			{ kind: 'confusion' },
			{ kind: 'claim', index: 0, of: 2, revealed: false },
			{ kind: 'claim', index: 0, of: 2, revealed: true },
			{ kind: 'claim', index: 1, of: 2, revealed: false },
			{ kind: 'claim', index: 1, of: 2, revealed: true }
		]);
		expect(debriefSteps(2, 0).map((s) => s.kind)).toEqual(['overall', 'frames', 'confusion']);
		// One coder agrees with nobody: a single step says so.
		expect(debriefSteps(1, 4)).toEqual([{ kind: 'overall' }]);
	});

	it('clamps step numbers from URLs', () => {
		expect(clampStep(undefined, 5)).toBe(1);
		expect(clampStep('3', 5)).toBe(3);
		expect(clampStep('99', 5)).toBe(5);
		expect(clampStep('0', 5)).toBe(1);
		expect(clampStep('abc', 5)).toBe(1);
		// The address is corrected to the step shown, so reloads and shared links agree.
		expect(canonicalStep(undefined, 5)).toBeNull();
		expect(canonicalStep('3', 5)).toBeNull();
		expect(canonicalStep('99', 5)).toBe(5);
		expect(canonicalStep('0', 5)).toBe(1);
		expect(canonicalStep('03', 5)).toBe(3);
		expect(canonicalStep('abc', 5)).toBe(1);
	});

	it('maps presenter keys, including clicker PageUp/PageDown and Shift+Space', () => {
		expect(presenterAction('PageDown')).toBe('next');
		expect(presenterAction('PageUp')).toBe('previous');
		expect(presenterAction(' ')).toBe('next');
		expect(presenterAction(' ', true)).toBe('previous');
		expect(presenterAction('ArrowRight')).toBe('next');
		expect(presenterAction('ArrowLeft')).toBe('previous');
		expect(presenterAction('f')).toBe('fullscreen');
		expect(presenterAction('Escape')).toBe('leave');
		expect(presenterAction('x')).toBeUndefined();
	});
});

describe('guess-the-frame scoring', () => {
	it('separates correct, missed and extra choices', () => {
		expect(scoreAnswer(['a', 'c'], ['a', 'b'])).toEqual({
			correct: ['a'],
			missed: ['b'],
			extra: ['c'],
			exact: false,
			score: 1 / 3
		});
		expect(scoreAnswer(['b', 'a'], ['a', 'b']).exact).toBe(true);
		expect(scoreAnswer([], ['a']).score).toBe(0);
	});

	it('does not reward ticking every box', () => {
		const all = scoreAnswer(['a', 'b', 'c', 'd', 'e'], ['a']);
		expect(all.score).toBeCloseTo(0.2);
		expect(all.exact).toBe(false);
	});

	it('summarises a run', () => {
		const summary = summariseExercise([scoreAnswer(['a'], ['a']), scoreAnswer(['a', 'c'], ['a', 'b'])]);
		expect(summary).toEqual({ answered: 2, exact: 1, correct: 2, missed: 1, extra: 1, percent: 67 });
		expect(summariseExercise([]).percent).toBe(0);
	});

	it('reads stored progress defensively', () => {
		expect(readProgress(null, ['c1'])).toEqual({});
		expect(readProgress('not json', ['c1'])).toEqual({});
		expect(readProgress('{"c1":["a"],"c2":["b"],"c3":[1]}', ['c1', 'c3'])).toEqual({ c1: ['a'] });
	});
});

describe('QR codes', () => {
	it('draws a square matrix with the three finder patterns', () => {
		const matrix = qrMatrix('https://parallax.example/decks/abc');
		const n = matrix.length;
		expect((n - 17) % 4).toBe(0);
		for (const [r, c] of [
			[0, 0],
			[0, n - 7],
			[n - 7, 0]
		] as const) {
			expect(matrix[r]?.slice(c, c + 7).every(Boolean)).toBe(true);
			expect(matrix[r + 1]?.[c + 1]).toBe(false);
			expect(matrix[r + 3]?.[c + 3]).toBe(true);
		}
	});

	it('grows the version with the link and adds a quiet zone', () => {
		const short = qrSvg('https://x.org/');
		const long = qrSvg('https://parallax.example/decks/' + 'a'.repeat(300));
		expect(short?.size).toBe(21 + 2 * QUIET_ZONE);
		expect(long!.size).toBeGreaterThan(short!.size);
		expect(short?.path).toMatch(/^M\d/);
		expect(qrSvg('https://x.org/' + 'a'.repeat(MAX_QR_BYTES))).toBeUndefined();
	});
});

describe('QR codes scan back to the link', () => {
	it('decodes to the exact text, for a short and a deck-length link', async () => {
		const { default: jsQR } = await import('jsqr');
		const deckLink = `https://parallax.example/decks/${encodeDeck({
			title: 'Reading the Hague summit',
			items: [
				{ kind: 'event', id: 'hague-summit-2025' },
				{ kind: 'claim', id: 'c01', perspectives: ['p01', 'p02'] },
				{ kind: 'question', text: 'Which words make NATO sound like a threat to whom, and why?' }
			]
		})}`;
		for (const text of ['https://x.org/', deckLink]) {
			const matrix = qrMatrix(text);
			const scale = 4;
			const side = (matrix.length + 2 * QUIET_ZONE) * scale;
			const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
			matrix.forEach((row, y) =>
				row.forEach((dark, x) => {
					if (!dark) return;
					for (let dy = 0; dy < scale; dy++)
						for (let dx = 0; dx < scale; dx++) {
							const i = (((y + QUIET_ZONE) * scale + dy) * side + (x + QUIET_ZONE) * scale + dx) * 4;
							pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
						}
				})
			);
			expect(jsQR(pixels, side, side)?.data).toBe(text);
		}
	});
});

describe('QR SVG path', () => {
	it('draws exactly the dark modules of the matrix', () => {
		const text = 'https://parallax.example/exercise?deck=abc';
		const matrix = qrMatrix(text);
		const { path, size } = qrSvg(text)!;
		const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
		for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
			for (let i = 0; i < Number(w); i++) drawn[Number(y)]![Number(x) + i] = true;
		const expected = drawn.map((row, y) => row.map((_, x) => matrix[y - QUIET_ZONE]?.[x - QUIET_ZONE] === true));
		expect(drawn).toEqual(expected);
	});
});
