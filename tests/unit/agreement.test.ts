import { describe, expect, it } from 'vitest';
import { formatAlpha, nominalAlpha, perLabelAlpha, unitAlpha } from '../../src/lib/domain/classroom/agreement';

describe('nominal Krippendorff alpha', () => {
	it("reproduces Krippendorff's 2011 worked example: 4 observers × 12 units with missing values, alpha = 0.743", () => {
		// "Computing Krippendorff's Alpha-Reliability" (2011), section C: rows are observers A–D,
		// columns units 1–12, null where an observer gave no value.
		const _ = null;
		const observers = [
			[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
			[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
			[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
			[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
		];
		const units = observers[0]!.map((_v, u) => observers.map((row) => row[u]));
		const result = nominalAlpha(units);
		// Unit 12 has a single value and is not pairable: n = 40 values remain.
		expect(result.pairable).toBe(40);
		expect(result.alpha).toBeCloseTo(0.743, 3);
		expect(formatAlpha(result.alpha)).toBe('0.743');
	});

	it('is 1 for perfect agreement, whatever the number of coders and missing values', () => {
		expect(
			nominalAlpha([
				['a', 'a', 'a'],
				['b', 'b', null],
				['a', null, 'a']
			]).alpha
		).toBe(1);
	});

	it('matches a case computed by hand', () => {
		// Two coders, four units: (a,a) (a,b) (b,b) (b,b).
		// Coincidences: o_aa = 2 (unit 1), o_ab = o_ba = 1 (unit 2), o_bb = 2 + 2 (units 3, 4); n = 8.
		// Totals: n_a = 3, n_b = 5.
		// D_o = (o_ab + o_ba) / n = 2/8 = 0.25.
		// D_e = (n_a·n_b + n_b·n_a) / (n(n−1)) = 30/56 = 15/28.
		// alpha = 1 − 0.25 / (15/28) = 1 − 7/15 = 8/15 = 0.5333…
		const result = nominalAlpha([
			['a', 'a'],
			['a', 'b'],
			['b', 'b'],
			['b', 'b']
		]);
		expect(result.observed).toBeCloseTo(0.25, 12);
		expect(result.expected).toBeCloseTo(15 / 28, 12);
		expect(result.alpha).toBeCloseTo(8 / 15, 12);
	});

	it('is undefined without variation or without pairable values', () => {
		expect(
			nominalAlpha([
				['a', 'a'],
				['a', 'a']
			]).alpha
		).toBeNull();
		expect(
			nominalAlpha([
				['a', null],
				[null, 'b']
			]).alpha
		).toBeNull();
		expect(nominalAlpha([]).alpha).toBeNull();
		expect(formatAlpha(null)).toBe('—');
	});

	it('keeps 1 and "1" apart as codes', () => {
		expect(
			nominalAlpha([
				[1, '1'],
				[2, 2]
			]).alpha
		).toBeLessThan(1);
	});
});

describe('multi-label frames as binary variables', () => {
	// The class in tests/e2e/coding.spec.ts: three students, two claims, labels x and y (and others never ticked).
	// Claim A: all tick {x}. Claim B: two tick {y}, one ticks {x, y}.
	const codings = [
		[['x'], ['x'], ['x']],
		[['y'], ['y'], ['x', 'y']]
	];
	const labels = ['x', 'y', 'z'];

	it('computes alpha per frame and their mean over defined frames', () => {
		const { perLabel, mean } = perLabelAlpha(codings, labels);
		// x: units (1,1,1) and (0,0,1); n = 6, n_1 = 4, n_0 = 2; o_01 = o_10 = 1 (unit B).
		// D_o = 2/6, D_e = 2·4·2/(6·5) = 16/30, alpha = 1 − (1/3)/(8/15) = 0.375.
		expect(perLabel.x?.alpha).toBeCloseTo(0.375, 12);
		// y: (0,0,0) and (1,1,1): no observed disagreement, alpha = 1.
		expect(perLabel.y?.alpha).toBe(1);
		// z: never ticked, no variation, undefined and left out of the mean.
		expect(perLabel.z?.alpha).toBeNull();
		expect(mean).toBeCloseTo(0.6875, 12);
	});

	it('computes per-claim alpha with frames as units, skipping coders who did not code it', () => {
		expect(unitAlpha(codings[0]!, labels).alpha).toBe(1);
		// Claim B over x, y, z: n = 9, n_1 = 4, n_0 = 5; disagreement only on x: o_01 = o_10 = 1.
		// D_o = 2/9, D_e = 2·4·5/(9·8) = 40/72, alpha = 1 − (2/9)/(40/72) = 1 − 0.4 = 0.6.
		expect(unitAlpha(codings[1]!, labels).alpha).toBeCloseTo(0.6, 12);
		expect(unitAlpha([['y'], null, ['x', 'y']], labels).pairable).toBe(6);
	});
});
