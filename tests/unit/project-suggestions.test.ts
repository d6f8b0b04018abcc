import { describe, expect, it } from 'vitest';
import { codesCsv, finalCodes, type Adjudication, type CodeRecord, type ProjectItem } from '../../src/lib/domain/projects/project';
import {
	compareByGroup,
	projectTrainingItems,
	shareDifference,
	suggestedOf,
	type SuggestionModel
} from '../../src/lib/domain/projects/suggestions';
import { evaluate } from '../../src/lib/domain/suggest/evaluation';

const item = (position: number, group: string, text = ''): ProjectItem => ({
	position,
	date: '2025-01-01',
	outlet: 'example.org',
	group,
	title: `Title ${position}`,
	url: '',
	text
});
const code = (position: number, coderId: string, frames: string[]): CodeRecord => ({
	position,
	coderId,
	frames,
	stances: frames.map(() => 'adopts'),
	codedAt: 1,
	codebookId: 'parallax',
	codebookVersion: 'v1'
});
const adjudication = (position: number, frames: string[]): Adjudication => ({
	position,
	frames,
	stances: frames.map(() => 'contests'),
	decidedBy: 'ada',
	reason: 'r',
	decidedAt: 2,
	codebookId: 'parallax',
	codebookVersion: 'v1'
});

describe('training items from a project’s codes', () => {
	const items = [item(1, 'a', 'Body one'), item(2, 'a'), item(3, 'b'), item(4, 'b'), item(5, 'b')];
	const codes = [
		// 1: agreed; 2: disputed and adjudicated; 3: disputed, not adjudicated; 4: coded once; 5: agreed on no frame.
		code(1, 'ada', ['x']),
		code(1, 'bo', ['x']),
		code(2, 'ada', ['x']),
		code(2, 'bo', []),
		code(3, 'ada', ['y']),
		code(3, 'bo', []),
		code(4, 'ada', ['y']),
		code(5, 'ada', []),
		code(5, 'bo', [])
	];

	it('takes the adjudicated code where there is one, else the agreed code, and leaves unsettled articles out', () => {
		const training = projectTrainingItems(items, finalCodes(codes, [adjudication(2, ['y', 'x'])]));
		expect(training).toEqual([
			{ text: 'Title 1\nBody one', frames: ['x'] },
			{ text: 'Title 2', frames: ['y', 'x'] },
			{ text: 'Title 5', frames: [] }
		]);
	});

	it('is empty before anything is settled', () => {
		expect(projectTrainingItems(items, finalCodes([code(1, 'ada', ['x'])], []))).toEqual([]);
	});
});

describe('cross-validation with background items', () => {
	it('tests only the project’s items, training on the background in every fold', () => {
		const own = Array.from({ length: 10 }, (_, i) => ({ text: `war threat ${i}`, frames: i % 2 ? ['x'] : [] }));
		const background = Array.from({ length: 40 }, (_, i) => ({
			text: i % 2 ? `nato expansion ${i}` : `harvest ${i}`,
			frames: i % 2 ? ['x'] : []
		}));
		const report = evaluate(own, [{ id: 'x', cues: ['nato'] }], { k: 5, background });
		expect(report.items).toBe(10);
		expect(report.frames[0]!.model.support).toBe(5);
		expect(report.frames[0]!.baseline.predicted).toBe(0);
	});
});

describe('suggestions beside human codes', () => {
	const items = [item(1, 'a'), item(2, 'a'), item(3, 'b'), item(4, 'b')];
	const finals = new Map([
		[1, { frames: ['x'] }],
		[3, { frames: [] }]
	]);
	const suggested = new Map([
		[1, ['x']],
		[2, ['x']],
		[3, ['x']],
		[4, []]
	]);

	it('counts each source over its own articles, and the difference in points of share', () => {
		const [a, b] = compareByGroup(items, finals, suggested);
		expect(a).toEqual({ group: 'a', humanArticles: 1, suggestedArticles: 2, human: { x: 1 }, suggested: { x: 2 } });
		expect(shareDifference(a!, 'x')).toBe(0);
		expect(shareDifference(b!, 'x')).toBe(50);
		expect(shareDifference({ ...b!, humanArticles: 0 }, 'x')).toBeNull();
	});

	it('suggests a frame from a probability of one half', () => {
		expect(suggestedOf(['x', 'y', 'z'], [0.5, 0.4999, 0.9])).toEqual(['x', 'z']);
	});

	it('exports suggestions as their own rows, with probabilities and no stance', () => {
		const model = {
			trainedAt: Date.UTC(2026, 11, 6),
			codebookId: 'parallax',
			codebookVersion: 'v1',
			frames: ['x', 'y']
		} as SuggestionModel;
		const csv = codesCsv(items, [code(1, 'ada', ['x'])], [], new Map([['ada', 'Ada']]), {
			model,
			rows: [{ position: 2, probabilities: [0.8123, 0.1] }]
		});
		const lines = csv.trim().split('\r\n');
		expect(lines[0]!.endsWith(',reason,probability')).toBe(true);
		expect(lines[1]).toMatch(/,human,Ada,x,adopts,.*,v1,,$/);
		expect(lines[2]).toBe('2,2025-01-01,example.org,a,Title 2,,suggestion,model,x,,2026-12-06T00:00:00.000Z,parallax,v1,,0.8123');
		expect(lines).toHaveLength(3);
	});
});
