import { describe, expect, it } from 'vitest';
import { charGrams, featureStrings, hash, vectorise, words } from '../../src/lib/domain/suggest/features';
import { leastSure, suggest, suggestedFrames, train, type TrainingItem } from '../../src/lib/domain/suggest/model';
import { evaluate, keywordBaseline, macro, micro, scores, stratifiedFolds } from '../../src/lib/domain/suggest/evaluation';
import { bundledTrainingItems } from '../../src/lib/domain/suggest/ledger';

describe('tokeniser', () => {
	it('lower-cases Cyrillic and Latin words of letters, dropping digits and punctuation', () => {
		expect(words('НАТО у границ России: 32 страны!')).toEqual(['нато', 'у', 'границ', 'россии', 'страны']);
		expect(words('Військова допомога — Україні')).toEqual(['військова', 'допомога', 'україні']);
	});

	it('keeps apostrophes inside words and spells every apostrophe alike', () => {
		expect(words("м'ясо, м’ясо and мʼясо")).toEqual(["м'ясо", "м'ясо", 'and', "м'ясо"]);
		expect(words("Russia's 'red lines'")).toEqual(["russia's", 'red', 'lines']);
	});

	it('writes ё as е so both spellings are one word', () => {
		expect(words('Ещё ещё')).toEqual(['еще', 'еще']);
	});

	it('makes character 3- to 5-grams inside a padded word', () => {
		expect(charGrams('кот')).toEqual(['<ко', 'кот', 'от>', '<кот', 'кот>', '<кот>']);
		expect(charGrams('a')).toEqual(['<a>']);
	});

	it('makes word unigrams, bigrams and character grams', () => {
		const features = featureStrings('arms race');
		expect(features).toContain('w arms');
		expect(features).toContain('w race');
		expect(features).toContain('b arms race');
		expect(features).toContain('c <arm');
		expect(features).not.toContain('b race arms');
	});

	it('hashes exactly the listed features into a unit-length vector', () => {
		const text = 'Провокация НАТО у наших границ';
		const v = vectorise(text, { bits: 12 });
		const expected = new Set(featureStrings(text).map((f) => hash(f) & 4095));
		expect([...v.indices]).toEqual([...expected].sort((a, b) => a - b));
		expect(v.values.reduce((a, x) => a + x * x, 0)).toBeCloseTo(1, 5);
		expect(vectorise('— 2024 —').indices.length).toBe(0);
	});
});

// Two frames that the words alone separate; the held-out texts share words, not whole titles.
const separable: TrainingItem[] = [
	...['tanks roll west', 'more tanks at the border', 'tanks and missiles', 'the army sends tanks', 'new tanks ordered'].map((text) => ({
		text,
		frames: ['arms']
	})),
	...['peace talks resume', 'talks on peace', 'peace envoy arrives', 'a peace plan', 'peace summit called'].map((text) => ({
		text,
		frames: ['peace']
	})),
	...['weather is mild', 'football results', 'markets close higher', 'a new museum opens'].map((text) => ({ text, frames: [] }))
];

describe('classifier', () => {
	for (const method of ['logistic', 'naive-bayes'] as const) {
		it(`${method} learns a separable set and scores unseen texts by their words`, () => {
			const model = train(separable, { method, features: { bits: 14 } });
			expect(model.frames).toEqual(['arms', 'peace']);
			const s = suggest(model, ['tanks near the city', 'peace is possible', 'markets and football']);
			expect(suggestedFrames(s, 0)).toEqual(['arms']);
			expect(suggestedFrames(s, 1)).toEqual(['peace']);
			expect(suggestedFrames(s, 2)).toEqual([]);
		});
	}

	it('fails to learn when the features carry nothing (every text looks alike)', () => {
		const blank = separable.map((item) => ({ ...item, text: '123' }));
		const s = suggest(train(blank, { features: { bits: 14 } }), ['tanks near the city', 'peace is possible']);
		expect(s.probabilities[0]).toBeCloseTo(s.probabilities[2]!, 6);
	});

	it('generalises across Russian inflection through character n-grams', () => {
		const items: TrainingItem[] = [
			{ text: 'угроза у границы', frames: ['threat'] },
			{ text: 'войска у границ', frames: ['threat'] },
			{ text: 'границам угрожают', frames: ['threat'] },
			{ text: 'урожай собран', frames: [] },
			{ text: 'театр открылся', frames: [] },
			{ text: 'погода хорошая', frames: [] }
		];
		const s = suggest(train(items, { features: { bits: 14 } }), ['на границе спокойно', 'в театре премьера']);
		expect(s.probabilities[0]).toBeGreaterThan(0.5);
		expect(s.probabilities[1]).toBeLessThan(0.5);
	});

	it('is deterministic for a seed and keeps frames it was told about but never saw', () => {
		const a = train(separable, { seed: 3, features: { bits: 12 } }, ['arms', 'peace', 'other']);
		const b = train(separable, { seed: 3, features: { bits: 12 } }, ['arms', 'peace', 'other']);
		expect(a.weights).toEqual(b.weights);
		expect(a.frames).toEqual(['arms', 'peace', 'other']);
		expect(suggestedFrames(suggest(a, ['tanks']), 0)).not.toContain('other');
	});

	it('offers the rows nearest 0.5 first, skipping rows already coded', () => {
		const s = { frames: ['a', 'b'], rows: 4, probabilities: Float32Array.from([0.9, 0.1, 0.45, 0.99, 0.7, 0.2, 0.5, 0.6]) };
		expect(leastSure(s, 3)).toEqual([3, 1, 2]);
		expect(leastSure(s, 2, new Set([3]))).toEqual([1, 2]);
	});
});

describe('cross-validation', () => {
	const labels = [
		...Array.from({ length: 5 }, () => ['rare']),
		...Array.from({ length: 10 }, () => ['common', 'rare2']),
		...Array.from({ length: 12 }, () => ['common']),
		...Array.from({ length: 8 }, () => [])
	];

	it('puts every item in one of k folds, each fold a share of every stratum', () => {
		const folds = stratifiedFolds(labels, 5, 1);
		expect(folds).toHaveLength(labels.length);
		expect(folds.every((f) => Number.isInteger(f) && f >= 0 && f < 5)).toBe(true);
		const sizes = [0, 1, 2, 3, 4].map((k) => folds.filter((f) => f === k).length);
		expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
		for (const label of ['rare', 'rare2']) {
			const per = [0, 1, 2, 3, 4].map((k) => labels.filter((set, i) => set.includes(label) && folds[i] === k).length);
			expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
		}
	});

	it('repeats with a seed and changes with another', () => {
		expect(stratifiedFolds(labels, 5, 7)).toEqual(stratifiedFolds(labels, 5, 7));
		expect(stratifiedFolds(labels, 5, 7)).not.toEqual(stratifiedFolds(labels, 5, 8));
	});
});

describe('metrics', () => {
	it('computes precision, recall and F1 from counts', () => {
		const s = scores(2, 3, 4);
		expect(s.precision).toBeCloseTo(2 / 3);
		expect(s.recall).toBe(0.5);
		expect(s.f1).toBeCloseTo(4 / 7);
		expect(scores(0, 0, 3)).toMatchObject({ precision: null, recall: 0, f1: 0 });
		expect(scores(0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
	});

	it('pools counts for micro and averages coded frames for macro', () => {
		// Frame a: 2 of 3 predictions right, 4 coded. Frame b: none predicted, 1 coded. Frame c: never coded.
		const rows = [scores(2, 3, 4), scores(0, 0, 1), scores(0, 2, 0)];
		const m = micro(rows);
		expect(m.precision).toBeCloseTo(2 / 5);
		expect(m.recall).toBeCloseTo(2 / 5);
		expect(m.f1).toBeCloseTo(4 / 10);
		const M = macro(rows);
		expect(M.precision).toBeCloseTo((2 / 3 + 0) / 2);
		expect(M.recall).toBeCloseTo((0.5 + 0) / 2);
		expect(M.f1).toBeCloseTo((4 / 7 + 0) / 2);
	});
});

describe('keyword baseline', () => {
	const cue = keywordBaseline([
		{ id: 'nato-threat', cues: ['near our borders', 'encirclement'] },
		{ id: 'escalation', cues: ['provocation', 'arms race'] }
	]);

	it('finds cues as consecutive words, a cue word matching the start of a text word', () => {
		expect(cue('NATO is near our borders')).toEqual(['nato-threat']);
		expect(cue('Provocations and an arms race')).toEqual(['escalation']);
		expect(cue('Near borders of ours')).toEqual([]);
		expect(cue('Провокация у наших границ')).toEqual([]);
	});

	it('agrees perfectly with codes that follow the cues', () => {
		const items: TrainingItem[] = Array.from({ length: 10 }, (_, i) =>
			i % 2 ? { text: `story ${'x'.repeat(i)} near our borders`, frames: ['nato-threat'] } : { text: `story ${'y'.repeat(i)}`, frames: [] }
		);
		const e = evaluate(items, [{ id: 'nato-threat', cues: ['near our borders'] }], { k: 5, seed: 1, options: { features: { bits: 10 } } });
		expect(e.frames.map((f) => f.frame)).toEqual(['nato-threat']);
		expect(e.frames[0]!.baseline).toMatchObject({ support: 5, predicted: 5, truePositives: 5, f1: 1 });
		expect(e.frames[0]!.baselineAlpha).toBe(1);
		expect(e.baseline.alpha).toBe(1);
		expect(e.model.micro.f1).not.toBeNull();
	});
});

describe('bundled training items', () => {
	it('uses quotes with their original wording and titles with every stance, once per text', () => {
		const items = bundledTrainingItems({
			claims: [
				{ quote: 'Near our borders.', quote_original: 'У наших границ.', paraphrase: 'p', frame_codes: ['nato-threat'] },
				{ quote: '', quote_original: '', paraphrase: 'He said it was staged.', frame_codes: ['staged-evidence'] }
			],
			coverage: [
				{ title: 'Kremlin says NATO threatens Russia', frame_codes: ['nato-threat'], frame_stances: ['reports'] },
				{ title: 'kremlin says NATO threatens Russia ', frame_codes: ['nato-threat'], frame_stances: ['contests'] },
				{ title: 'Markets close', frame_codes: [], frame_stances: [] }
			]
		} as never);
		expect(items).toEqual([
			{ text: 'Near our borders.\nУ наших границ.', frames: ['nato-threat'] },
			{ text: 'He said it was staged.', frames: ['staged-evidence'] },
			{ text: 'Kremlin says NATO threatens Russia', frames: ['nato-threat'] },
			{ text: 'Markets close', frames: [] }
		]);
	});
});
