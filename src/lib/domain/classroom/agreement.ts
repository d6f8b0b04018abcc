/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 *
 *   alpha = 1 − D_o / D_e
 *   D_o = (1/n) Σ_{c≠k} o_ck                  observed disagreement, from the coincidence matrix
 *   D_e = (1/(n(n−1))) Σ_{c≠k} n_c · n_k       disagreement expected by chance
 *
 * A unit with m ≥ 2 values adds, for every ordered pair of values from different coders, 1/(m−1)
 * to o_ck; units with fewer than two values are not pairable and are left out, which is how
 * missing codes are handled. n is the number of pairable values and n_c the number of them that
 * are c. For nominal data only the diagonal matters, so the sums reduce to
 *   D_o = 1 − Σ_c o_cc / n        D_e = 1 − Σ_c n_c (n_c − 1) / (n (n − 1)).
 */

export type Value = string | number | boolean | null | undefined;

export interface AlphaResult {
	/** null when undefined: fewer than two pairable values, or no variation at all (D_e = 0). */
	alpha: number | null;
	observed: number;
	expected: number;
	/** n: the number of pairable values. */
	pairable: number;
}

// 1 and '1' are different codes; keying by type keeps them apart.
const key = (value: string | number | boolean) => `${typeof value}:${String(value)}`;

/** units[u] holds the values the coders gave unit u; null or undefined is a missing code. */
export function nominalAlpha(units: readonly (readonly Value[])[]): AlphaResult {
	let n = 0;
	let diagonal = 0;
	const totals = new Map<string, number>();
	for (const unit of units) {
		const values = unit.filter((v): v is string | number | boolean => v !== null && v !== undefined);
		const m = values.length;
		if (m < 2) continue;
		const counts = new Map<string, number>();
		for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
		for (const [value, count] of counts) {
			diagonal += (count * (count - 1)) / (m - 1);
			totals.set(value, (totals.get(value) ?? 0) + count);
		}
		n += m;
	}
	if (n < 2) return { alpha: null, observed: 0, expected: 0, pairable: n };
	let sameByChance = 0;
	for (const count of totals.values()) sameByChance += count * (count - 1);
	const observed = 1 - diagonal / n;
	const expected = 1 - sameByChance / (n * (n - 1));
	// Computed from the integer-ish sums rather than 1 − D_o/D_e, so exact cases stay exact.
	const alpha = expected === 0 ? null : 1 - ((n - 1) * (n - diagonal)) / (n * (n - 1) - sameByChance);
	return { alpha, observed, expected, pairable: n };
}

/** One coder's choice on one unit: the labels ticked, or null when the coder did not code it. */
export type LabelSet = readonly string[] | null;

/**
 * Frames are multi-label: a claim can carry several. Nominal alpha needs one value per coder and
 * unit, so each frame becomes its own binary variable (ticked / not ticked), alpha is computed per
 * frame over all units, and the summary is the mean of the frames whose alpha is defined. A frame
 * nobody ever ticked has no variation and no alpha; counting it as 1 would flatter the class.
 */
export function perLabelAlpha(
	codings: readonly (readonly LabelSet[])[],
	labels: readonly string[]
): { perLabel: Record<string, AlphaResult>; mean: number | null } {
	const perLabel: Record<string, AlphaResult> = {};
	for (const label of labels)
		perLabel[label] = nominalAlpha(codings.map((unit) => unit.map((set) => (set === null ? null : set.includes(label)))));
	return { perLabel, mean: meanOf(Object.values(perLabel).map((r) => r.alpha)) };
}

/**
 * Agreement on a single unit. Alpha over one unit alone is always 0 or undefined (its expected
 * disagreement equals its observed one), so for one claim the frames are the units: each coder's
 * tick or blank on each frame is a binary value, and alpha says how consistently the class agreed
 * on which frames apply to this claim.
 */
export function unitAlpha(coding: readonly LabelSet[], labels: readonly string[]): AlphaResult {
	return nominalAlpha(labels.map((label) => coding.map((set) => (set === null ? null : set.includes(label)))));
}

export function meanOf(values: readonly (number | null)[]): number | null {
	const defined = values.filter((v): v is number => v !== null);
	return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

/** Three decimals, as alpha is usually reported; "—" when undefined. */
export function formatAlpha(alpha: number | null): string {
	return alpha === null ? '—' : alpha.toFixed(3);
}

/**
 * Gwet's AC1 for one binary variable (a frame ticked or not), any number of coders, missing
 * codes allowed (Gwet, "Computing inter-rater reliability and its variance in the presence of
 * high agreement", 2008):
 *
 *   AC1 = (p_a − p_e) / (1 − p_e)
 *   p_a = mean over units of Σ_k r_k (r_k − 1) / (r (r − 1))      observed agreement
 *   π   = mean over units of r_1 / r                               share of "ticked"
 *   p_e = 2 π (1 − π)                                              chance agreement, two categories
 *
 * where a unit has r ≥ 2 codes, r_1 of them true. Units with fewer than two codes are left out,
 * as for alpha. Unlike alpha, AC1 stays defined (and high) when nearly everyone leaves a frame
 * unticked: alpha's chance term then swallows the agreement, which is the paradox AC1 answers.
 * null when no unit has two codes.
 */
export function gwetAc1(units: readonly (readonly (boolean | null | undefined)[])[]): number | null {
	let pairable = 0;
	let agreement = 0;
	let ticked = 0;
	for (const unit of units) {
		const values = unit.filter((v): v is boolean => v !== null && v !== undefined);
		const r = values.length;
		if (r < 2) continue;
		const yes = values.filter(Boolean).length;
		const no = r - yes;
		pairable += 1;
		agreement += (yes * (yes - 1) + no * (no - 1)) / (r * (r - 1));
		ticked += yes / r;
	}
	if (pairable === 0) return null;
	const pa = agreement / pairable;
	const pi = ticked / pairable;
	const pe = 2 * pi * (1 - pi);
	return (pa - pe) / (1 - pe);
}
