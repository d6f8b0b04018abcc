import { describe, expect, it } from 'vitest';
import { bundledCodebooks, compareCodings, recode, uploadedCodebook, POLICY_FRAMES_CODEBOOK } from '../../src/lib/domain/ledger/codebook';
import { chartViews, inCodebook } from '../../src/lib/domain/charts/chart-views';
import { defaultFilters, parseFilters } from '../../src/lib/domain/charts/filters';
import { formatIssue } from '../../src/lib/domain/ledger/table';
import { readLedger } from '../../src/lib/server/ledger';
import { coverageRecords, collectionWindow } from '../../src/lib/domain/charts/coverage';
import { translateMessage } from '../../src/lib/i18n/catalogue';
import type { ChartSay } from '../../src/lib/domain/charts/chart-views';

const say: ChartSay = (message) => translateMessage('en', message);

const ledger = readLedger('data');
const [parallax, pfc] = bundledCodebooks(ledger);

describe('codebooks', () => {
	it('ships Parallax and the 15 Policy Frames dimensions, with a crosswalk for every Parallax frame', () => {
		expect(parallax?.frames).toHaveLength(ledger.frames.length);
		expect(pfc?.id).toBe(POLICY_FRAMES_CODEBOOK);
		expect(pfc?.frames).toHaveLength(15);
		for (const frame of ledger.frames) expect(pfc?.crosswalk[frame.id]?.length, frame.id).toBe(1);
	});

	it('recodes without duplicates and keeps codes the crosswalk does not know', () => {
		expect(recode(['nato-threat', 'escalation-arms-race', 'spending-futile'], pfc!)).toEqual(['security-defense', 'economic']);
		expect(recode(['economic', 'made-up'], pfc!)).toEqual(['economic', 'made-up']);
		expect(recode(['nato-threat'], parallax!)).toEqual(['nato-threat']);
	});

	it('charts in another codebook: every article keeps its count, frames gather by dimension', () => {
		const records = coverageRecords(ledger);
		const input = {
			records,
			window: collectionWindow(records),
			vocab: {
				datasets: ['bundled'],
				events: [],
				groups: ledger.outletGroups.map((g) => g.id),
				outlets: [],
				frames: ledger.frames.map((f) => f.id),
				languages: [],
				codebooks: ['parallax', 'pfc']
			},
			labels: { events: {}, eventDates: {}, groups: {}, outlets: {}, frames: {} }
		};
		const coded = inCodebook(input, pfc!);
		const { filters } = parseFilters(new URLSearchParams('codebook=pfc&frame=security-defense&by=frame'), coded.vocab);
		expect(filters.codebook).toBe('pfc');
		const views = chartViews(coded, filters, say);
		// By default only frames the outlet adopts count; stance=all counts every code.
		const security = (f: string) => ledger.frames.find((x) => x.id === f)?.policy_frame === 'security-defense';
		const adopted = ledger.coverage.filter((c) => c.frame_codes.some((f, i) => security(f) && c.frame_stances[i] === 'adopts')).length;
		const anyStance = ledger.coverage.filter((c) => c.frame_codes.some(security)).length;
		expect(adopted).toBeLessThan(anyStance);
		expect(views.n).toBe(adopted);
		expect(chartViews(coded, { ...filters, stance: 'all' }, say).n).toBe(anyStance);
		expect(views.coverage.series.map((s) => s.key)).toEqual(['security-defense']);
		expect(coded.labels.frames['security-defense']).toBe('Security and defense');
		expect(chartViews(input, defaultFilters('bundled'), say).n).toBe(ledger.coverage.length);
	});

	it('reads an uploaded codebook and crosswalk, reporting unknown ids by file, row and column', () => {
		const good = uploadedCodebook(
			{
				id: 'local-mine',
				label: 'Mine',
				codebookFile: 'mine.csv',
				codebookText: 'id,label,definition,cues\nthreat,Threat,Someone is a threat.,danger\nmoney,Money,Costs.,\n',
				crosswalkFile: 'walk.csv',
				crosswalkText: 'parallax_frame,frame\nnato-threat,threat\nrussian-threat,threat\nspending-futile,money\n'
			},
			ledger.frames.map((f) => f.id)
		);
		expect(good.issues).toEqual([]);
		expect(good.codebook?.crosswalk['nato-threat']).toEqual(['threat']);
		expect(good.codebook?.crosswalk['russian-threat']).toEqual(['threat']);
		expect(good.codebook?.crosswalk['spending-futile']).toEqual(['money']);
		// Frames the crosswalk leaves out map to nothing.
		expect(recode(['escalation-arms-race', 'nato-threat'], good.codebook!)).toEqual(['threat']);

		const bad = uploadedCodebook(
			{
				id: 'local-bad',
				label: 'Bad',
				codebookFile: 'mine.csv',
				codebookText: 'id,label,definition,cues\nthreat,Threat,,\n',
				crosswalkFile: 'walk.csv',
				crosswalkText: 'parallax_frame,frame\nno-such-frame,threat\nnato-threat,nothing\n'
			},
			ledger.frames.map((f) => f.id)
		);
		expect(bad.codebook).toBeNull();
		expect(bad.issues.map(formatIssue)).toEqual([
			'mine.csv:2:definition — must not be empty',
			'walk.csv:2:parallax_frame — "no-such-frame" is not a Parallax frame id',
			'walk.csv:3:frame — "nothing" is not a frame of the uploaded codebook'
		]);
	});
});

describe('comparing a coding with the bundled one', () => {
	const claims = [
		{ id: 'a', frame_codes: ['nato-threat'] },
		{ id: 'b', frame_codes: ['spending-futile'] },
		{ id: 'c', frame_codes: ['nato-threat', 'spending-futile'] }
	];

	it('computes per-frame nominal alpha against the bundled coding in the same codebook', () => {
		// In the Policy Frames Codebook the bundled coding is a: security, b: economic, c: security+economic.
		// The upload agrees on a and c and says b is security-defense too.
		// security-defense: bundled (1,0,1), upload (1,1,1): values 1,1 | 0,1 | 1,1 → n=6, n1=5, n0=1;
		// o_11 = 2+2 = 4, o_00 = 0, so D_o = 1 − 4/6 = 1/3; D_e = 1 − (5·4 + 1·0)/(6·5) = 1/3 → alpha 0.
		// economic: bundled (0,1,1), upload (0,1,1): perfect agreement → alpha 1. Mean = 0.5.
		const result = compareCodings(
			'mine.csv',
			'claim_id,frames\na,security-defense\nb,security-defense;economic\nc,economic;security-defense\n',
			claims,
			pfc!
		);
		expect(result.issues).toEqual([]);
		expect(result.perFrame['security-defense']?.alpha).toBeCloseTo(0, 10);
		expect(result.perFrame['economic']?.alpha).toBe(1);
		expect(result.alpha).toBeCloseTo(0.5, 10);
		expect(result.exactShare).toBeCloseTo(2 / 3, 10);
	});

	it('reports unknown claims and frames by file, row and column', () => {
		const result = compareCodings('mine.csv', 'claim_id,frames\nzz,economic\na,made-up\n', claims, pfc!);
		expect(result.issues.map(formatIssue)).toEqual([
			'mine.csv:2:claim_id — "zz" is not a bundled claim id',
			'mine.csv:3:frames — "made-up" is not a frame of Policy Frames Codebook'
		]);
		expect(result.items).toEqual([]);
	});
});
