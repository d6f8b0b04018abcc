import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
	codesCsv,
	commonCode,
	cycleStance,
	disagreements,
	finalCodes,
	framesByGroup,
	projectAgreement,
	toggleFrame,
	type Adjudication,
	type CodeRecord,
	type ProjectItem
} from '../../src/lib/domain/projects/project';
import { allocate, drawSample, seededRandom, stratumOf, type Sampleable } from '../../src/lib/domain/projects/sample';

/** 200 articles over two groups and four months, unevenly: 120 in one group, 80 in the other. */
function archive(): Sampleable[] {
	const items: Sampleable[] = [];
	for (let i = 0; i < 200; i += 1) {
		const group = i < 120 ? 'russian-state' : 'ukrainian';
		const month = ['2025-01', '2025-02', '2025-03', '2025-04'][i % 4]!;
		items.push({ group, date: `${month}-${String((i % 28) + 1).padStart(2, '0')}` });
	}
	return items;
}

describe('sampling', () => {
	it('draws the same articles in the same order from the same seed, and others from another seed', () => {
		const items = archive();
		const a = drawSample(items, 'stratified', 60, 42);
		expect(drawSample(items, 'stratified', 60, 42)).toEqual(a);
		expect(drawSample(items, 'stratified', 60, 43)).not.toEqual(a);
		expect(drawSample(items, 'random', 60, 7)).toEqual(drawSample(items, 'random', 60, 7));
		expect(drawSample(items, 'random', 60, 7)).not.toEqual(drawSample(items, 'random', 60, 8));
	});

	it('stratifies by outlet group and month in proportion to each stratum', () => {
		const items = archive();
		const drawn = drawSample(items, 'stratified', 60, 42);
		expect(new Set(drawn).size).toBe(60);
		const counts = new Map<string, number>();
		for (const i of drawn) counts.set(stratumOf(items[i]!), (counts.get(stratumOf(items[i]!)) ?? 0) + 1);
		// 30 articles per month in the first group (120 / 4), 20 in the second: 60/200 of each is 9 and 6.
		for (const [key, count] of counts) expect([key, count]).toEqual([key, key.startsWith('russian-state') ? 9 : 6]);
		expect(counts.size).toBe(8);
	});

	it('gives the places left by rounding to the largest remainders, so quotas add up to the size', () => {
		const quotas = allocate(
			new Map([
				['a', 10],
				['b', 10],
				['c', 10]
			]),
			10
		);
		// 10/3 each: 3 + 3 + 3, and the tenth place goes to the first by name.
		expect(Object.fromEntries(quotas)).toEqual({ a: 4, b: 3, c: 3 });
		expect(drawSample(archive(), 'stratified', 1000, 1)).toHaveLength(200);
	});

	it('codes every article in a shuffled order for "all", and a random sample of the size asked', () => {
		const items = archive();
		expect([...drawSample(items, 'all', 0, 3)].sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
		expect(drawSample(items, 'all', 0, 3)).not.toEqual(items.map((_, i) => i));
		expect(drawSample(items, 'random', 25, 3)).toHaveLength(25);
	});

	it('has a generator that repeats from its seed and stays in [0, 1)', () => {
		const a = seededRandom(5);
		const b = seededRandom(5);
		const values = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
	});
});

/** The pattern the e2e journey codes: 60 articles, frames 1 and 2 of the codebook. */
function pattern(): CodeRecord[] {
	const codes: CodeRecord[] = [];
	const base = { codedAt: 1, codebookId: 'parallax', codebookVersion: 'v' };
	for (let p = 1; p <= 60; p += 1) {
		const first = p % 4 === 1;
		const second = p % 10 === 0;
		const ada = { frames: [...(first ? ['f1'] : []), ...(second ? ['f2'] : [])], stances: [] as CodeRecord['stances'] };
		ada.stances = ada.frames.map((f) => (f === 'f2' && p === 10 ? 'reports' : 'adopts'));
		const bobFrames = [...(first || p === 2 || p === 6 ? ['f1'] : []), ...(second ? ['f2'] : [])];
		codes.push({ position: p, coderId: 'ada', ...ada, ...base });
		codes.push({ position: p, coderId: 'bob', frames: bobFrames, stances: bobFrames.map(() => 'adopts'), ...base });
	}
	return codes;
}

describe('agreement on a coding project', () => {
	const positions = Array.from({ length: 60 }, (_, i) => i + 1);

	it('matches the hand-computed alpha and AC1 per frame and overall', () => {
		const result = projectAgreement(positions, ['ada', 'bob'], pattern(), ['f1', 'f2', 'f3']);
		const [f1, f2, f3] = result.perFrame;
		// f1: 15 both ticked, 2 only Bob, 43 neither. n = 120, Σo_cc = 116, n_T = 32, n_F = 88:
		// α = 1 − 119 · 4 / (14280 − 8648) = 1 − 476/5632.
		expect(f1!.alpha).toBeCloseTo(1 - 476 / 5632, 12);
		// p_a = 58/60, π = 16/60, p_e = 2π(1 − π).
		const pe = 2 * (16 / 60) * (44 / 60);
		expect(f1!.ac1).toBeCloseTo((58 / 60 - pe) / (1 - pe), 12);
		expect([f2!.alpha, f2!.ac1]).toEqual([1, 1]);
		// Nobody ticked f3: no alpha, and its AC1 of 1 is left out of the mean.
		expect(f3!.alpha).toBeNull();
		expect(result.alpha).toBeCloseTo((1 - 476 / 5632 + 1) / 2, 12);
		expect(result.ac1).toBeCloseTo(((58 / 60 - pe) / (1 - pe) + 1) / 2, 12);
		expect(result.alpha!.toFixed(3)).toBe('0.958');
		expect(result.ac1!.toFixed(3)).toBe('0.973');
		expect(f1!.alpha!.toFixed(3)).toBe('0.915');
		expect(f1!.ac1!.toFixed(3)).toBe('0.945');
		expect(result.pairable).toBe(60);
		expect(result.coded).toEqual({ ada: 60, bob: 60 });
	});

	it('leaves an article coded once out of the pairable count, as a missing value', () => {
		const codes = pattern().filter((c) => !(c.coderId === 'bob' && c.position > 50));
		expect(projectAgreement(positions, ['ada', 'bob'], codes, ['f1']).pairable).toBe(50);
	});

	it('lists articles coded differently, in frames or in a stance, and settles finals by adjudication', () => {
		const codes = pattern();
		expect(disagreements(codes).map((d) => d.position)).toEqual([2, 6, 10]);
		const adjudication: Adjudication = {
			position: 2,
			frames: ['f1'],
			stances: ['contests'],
			decidedBy: 'ada',
			reason: 'The lede rebuts it.',
			decidedAt: 2,
			codebookId: 'parallax',
			codebookVersion: 'v'
		};
		const finals = finalCodes(codes, [adjudication]);
		expect(finals.size).toBe(58);
		expect(finals.get(2)).toEqual({ frames: ['f1'], stances: ['contests'], source: 'adjudication' });
		expect(finals.get(1)).toEqual({ frames: ['f1'], stances: ['adopts'], source: 'agreed' });
		expect(finals.has(6)).toBe(false);
		const items = positions.map((position) => ({ position, group: position <= 30 ? 'a' : 'b' }) as ProjectItem);
		const table = framesByGroup(items, finals);
		// f1 on 1, 5, …, 29 (8) and the adjudicated 2 in group a, 33, …, 57 (7) in group b; f2 on 20 and
		// 30 in a (10 is still in dispute over its stance), 40, 50, 60 in b.
		expect(Object.fromEntries(table.get('a')!)).toEqual({ f1: 9, f2: 2 });
		expect(Object.fromEntries(table.get('b')!)).toEqual({ f1: 7, f2: 3 });
	});

	it('exports one row per article and coder plus the adjudicated final, each naming its source', () => {
		const items: ProjectItem[] = [
			{ position: 1, date: '2025-01-02', outlet: 'tass.com', group: 'g', title: '=cmd', url: 'https://tass.com/x', text: '' }
		];
		const codes = pattern().filter((c) => c.position === 1);
		const csv = codesCsv(
			items,
			codes,
			[{ ...codes[0]!, decidedBy: 'bob', reason: 'agreed', decidedAt: 0 }],
			new Map([
				['ada', 'Ada'],
				['bob', 'Bob']
			])
		);
		const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
		expect(rows.map((r) => [r.item, r.source, r.coder, r.frames, r.stances, r.codebook, r.title])).toEqual([
			['1', 'human', 'Ada', 'f1', 'adopts', 'parallax', "'=cmd"],
			['1', 'human', 'Bob', 'f1', 'adopts', 'parallax', "'=cmd"],
			['1', 'adjudication', 'Bob', 'f1', 'adopts', 'parallax', "'=cmd"]
		]);
		expect(rows[2]!.reason).toBe('agreed');
		expect(rows[0]!.coded_at).toBe('1970-01-01T00:00:00.001Z');
	});
});

describe('where an adjudication starts', () => {
	it('from the frames every coder ticked, a stance given only where all gave the same one', () => {
		const owner = { frames: ['nato-threat', 'western-decline'], stances: ['adopts' as const, 'reports' as const] };
		const coder = { frames: ['western-decline'], stances: ['adopts' as const] };
		// Neither coder's extra frames, whichever of them adjudicates.
		// The frame both ticked, with no stance: one adopted it, the other reported it.
		expect(commonCode([owner, coder])).toEqual({ frames: ['western-decline'], stances: [null] });
		expect(commonCode([coder, owner])).toEqual({ frames: ['western-decline'], stances: [null] });
		expect(commonCode([coder, { ...coder }])).toEqual({ frames: ['western-decline'], stances: ['adopts'] });
		const reported = { frames: ['western-decline'], stances: ['reports' as const] };
		expect(commonCode([reported, { ...reported }])).toEqual({ frames: ['western-decline'], stances: ['reports'] });
		expect(commonCode([owner, { frames: [], stances: [] }])).toEqual({ frames: [], stances: [] });
		expect(commonCode([])).toEqual({ frames: [], stances: [] });
	});
});

describe('a code as the keys change it', () => {
	it('ticks frames in codebook order as adopted, cycles a stance, and unticks', () => {
		const order = ['a', 'b', 'c'];
		let code = toggleFrame({ frames: [], stances: [] }, 'c', order);
		code = toggleFrame(code, 'a', order);
		expect(code).toEqual({ frames: ['a', 'c'], stances: ['adopts', 'adopts'] });
		code = cycleStance(code, 'c');
		expect(code.stances).toEqual(['adopts', 'reports']);
		code = cycleStance(cycleStance(code, 'c'), 'c');
		expect(code.stances).toEqual(['adopts', 'adopts']);
		expect(toggleFrame(code, 'a', order)).toEqual({ frames: ['c'], stances: ['adopts'] });
		expect(cycleStance(code, 'b')).toBe(code);
	});
});
