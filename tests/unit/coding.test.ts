import { describe, expect, it } from 'vitest';
import {
	blindItem,
	classSummary,
	redactSpeaker,
	EXPORT_COLUMNS,
	exportRows,
	normaliseJoinCode,
	type CodedAnswer,
	type SessionItem
} from '../../src/lib/domain/classroom/coding';
import { toCsv } from '../../src/lib/domain/ledger/table';
import { readLedger } from '../../src/lib/server/ledger';
import { cacheable } from '../../src/lib/server/microcache';

const coders = [
	{ id: 's1', nickname: 'Ada' },
	{ id: 's2', nickname: '=Bo' },
	{ id: 's3', nickname: 'Cy' }
];
const answers: CodedAnswer[] = [
	{ studentId: 's1', claimId: 'a', frames: ['x'] },
	{ studentId: 's2', claimId: 'a', frames: ['x'] },
	{ studentId: 's3', claimId: 'a', frames: ['x'] },
	{ studentId: 's1', claimId: 'b', frames: ['y'] },
	{ studentId: 's2', claimId: 'b', frames: ['y'] },
	{ studentId: 's3', claimId: 'b', frames: ['x', 'y'] }
];

describe('class coding summary', () => {
	it('counts frames per claim and computes alpha per frame, per claim and overall', () => {
		const summary = classSummary(['a', 'b', 'c'], ['x', 'y', 'z'], coders, answers);
		expect(summary.joined).toBe(3);
		expect(summary.coders).toBe(3);
		expect(summary.items[1]).toMatchObject({ claimId: 'b', coders: 3, counts: { x: 1, y: 3, z: 0 } });
		expect(summary.items[2]).toMatchObject({ claimId: 'c', coders: 0, alpha: null });
		// Worked through in tests/unit/agreement.test.ts: x 0.375, y 1, z undefined.
		expect(summary.frames.map((f) => f.alpha)).toEqual([0.375, 1, null]);
		expect(summary.overall).toBeCloseTo(0.6875, 12);
		expect(summary.items[1]?.alpha).toBeCloseTo(0.6, 12);
	});

	it('exports one row per student × claim × frame plus alpha rows, with formula cells neutralised', () => {
		const blind = (id: string): SessionItem => ({ revealed: false, item: { id, quote: `Words of ${id}.`, paraphrase: 'p' } });
		const rows = exportRows([blind('a'), blind('b')], ['x', 'y', 'z'], coders, answers.slice(0, 5));
		expect(rows.filter((r) => r.row_type === 'code')).toHaveLength(5 * 3);
		expect(rows.filter((r) => r.row_type === 'project')).toHaveLength(0);
		expect(rows.find((r) => r.row_type === 'alpha_mean_of_frames')).toBeDefined();
		const csv = toCsv(EXPORT_COLUMNS, rows);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('row_type,student,claim_n,claim_id,frame_id,value,coders,text,speaker');
		expect(lines[1]).toBe('claim,,1,a,,,,“Words of a.”,');
		expect(csv).toContain("code,'=Bo,1,a,x,1,,,");
		expect(csv).toContain('alpha_claim,,2,b,,');
		expect(csv).not.toMatch(/(^|,)=Bo/m);
	});

	it('adds who said each claim and the project’s coding once the teacher has revealed them', () => {
		const claim = readLedger('data').claims[0]!;
		const revealed: SessionItem = { revealed: true, item: blindItem(claim), claim, perspectives: [] };
		const frames = [claim.frame_codes[0]!, 'not-coded'];
		const rows = exportRows([revealed], frames, coders, [{ studentId: 's1', claimId: claim.id, frames: [frames[0]!] }]);
		expect(rows[0]).toMatchObject({ row_type: 'claim', claim_n: 1, claim_id: claim.id, speaker: claim.speaker });
		expect(rows.filter((r) => r.row_type === 'project').map((r) => [r.frame_id, r.value])).toEqual([
			[frames[0], 1],
			['not-coded', 0]
		]);
	});

	it('blinds a claim to its words', () => {
		const claim = readLedger('data').claims[0]!;
		expect(Object.keys(blindItem(claim)).sort()).toEqual(['id', 'paraphrase', 'quote']);
	});

	it('takes the speaker’s names out of the words shown blind', () => {
		expect(redactSpeaker('Peskov said NATO is at war; Peskov’s aide agreed.', 'Dmitry Peskov')).toBe(
			'[speaker] said NATO is at war; [speaker] aide agreed.'
		);
		expect(
			redactSpeaker(
				'RT reported Alexander Grushko as saying Russia will respond.',
				'RT (reporting Alexander Grushko, Deputy Foreign Minister)'
			)
		).toBe('[outlet] reported [speaker] as saying Russia will respond.');
		expect(redactSpeaker('Putinism is not a name match.', 'Vladimir Putin')).toBe('Putinism is not a name match.');
		// A paraphrase naming a person the speaker field does not (a body's chairman) would give the speaker away.
		const committee = readLedger('data').claims.find((c) => c.id === 'c415')!;
		expect(blindItem(committee).paraphrase).not.toContain('Bastrykin');
		for (const claim of readLedger('data').claims) {
			const blind = blindItem(claim);
			const surname = claim.speaker.split(' ').at(-1)!;
			// An institution's speaker field can end in a country ("… of Russia"), which names no one.
			const isName = redactSpeaker(surname, claim.speaker) !== surname;
			if (!claim.speaker.includes('(') && isName) expect(`${blind.quote} ${blind.paraphrase}`).not.toMatch(new RegExp(`\\b${surname}\\b`));
		}
	});

	it('never micro-caches session pages, streams or exports, even for anonymous GETs', () => {
		for (const route of ['/coding', '/coding/new', '/coding/[id]', '/coding/[id]/teacher', '/coding/[id]/stream', '/coding/[id]/export'])
			expect(cacheable(route, new URL('http://localhost/coding/x'), 'GET', true)).toBe(false);
	});

	it('reads join codes the way people type them', () => {
		expect(normaliseJoinCode(' ab-c 23x ')).toBe('ABC23X');
	});
});
