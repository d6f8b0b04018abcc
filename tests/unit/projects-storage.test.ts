import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parts } from './dataset-parts';
import { DuckDbStore } from '../../src/lib/server/storage/duckdb';
import { PostgresStore } from '../../src/lib/server/storage/postgres';
import { ProjectStore } from '../../src/lib/server/storage/projects';
import type { Store } from '../../src/lib/server/storage/types';
import type { CodingProject, ProjectItem } from '../../src/lib/domain/projects/project';

/** Coding projects on every engine, as tests/unit/storage.test.ts does: DuckDB always, PostgreSQL with TEST_DATABASE_URL. */
const engines: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> }>][] = [
	[
		'duckdb',
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'parallax-projects-'));
			const store = await DuckDbStore.open(join(dir, 'test.duckdb'), { memoryLimit: '256MB' });
			return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
		}
	]
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) engines.push(['postgres', async () => ({ store: await PostgresStore.open(pgUrl), cleanup: async () => undefined })]);

for (const [engine, open] of engines) {
	describe(`${engine} coding projects`, () => {
		let store: Store;
		let cleanup: () => Promise<void>;
		let projects: ProjectStore;
		const p = `${engine}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
		const [ada, bo, cy] = ['ada', 'bo', 'cy'].map((n) => `${p}-${n}`) as [string, string, string];
		const project = (id: string, datasetId = `${p}-data`): CodingProject => ({
			id: `${p}-${id}`,
			datasetId,
			ownerId: ada,
			title: `Dataset ${id}`,
			sampleKind: 'stratified',
			sampleSize: 2,
			seed: 42,
			codebookId: 'parallax',
			codebookVersion: 'abc123',
			createdAt: 1000
		});
		const items: ProjectItem[] = [
			{
				position: 1,
				date: '2025-01-02',
				outlet: 'tass.com',
				group: 'russian-state',
				title: 'One, "quoted"',
				url: 'https://tass.com/1',
				text: ''
			},
			{ position: 2, date: '2025-02-03', outlet: 'kyivindependent.com', group: 'ukrainian', title: 'Два', url: '', text: 'Текст' }
		];

		beforeAll(async () => {
			({ store, cleanup } = await open());
			projects = new ProjectStore(store);
			for (const id of [ada, bo, cy]) await store.createUser({ id, email: `${id}@example.org`, name: id.slice(-2), passwordHash: 'h' });
		});
		afterAll(async () => {
			await store.close();
			await cleanup();
		});

		it('lets the owner and the coders they invited in, and nobody else', async () => {
			await projects.create(project('one'), `${p}-invite`, items);
			expect((await projects.forMember(`${p}-one`, ada))?.seed).toBe(42);
			expect(await projects.forMember(`${p}-one`, bo)).toBeUndefined();
			expect(await projects.forMember(`${p}-nothing`, ada)).toBeUndefined();
			expect(await projects.onDataset(`${p}-data`, bo)).toEqual([]);

			const invited = await projects.byInvite(`${p}-invite`);
			await projects.addCoder(invited!.id, bo, 2000);
			await projects.addCoder(invited!.id, bo, 3000);
			expect(await projects.forMember(`${p}-one`, bo)).toEqual(project('one'));
			expect((await projects.coders(`${p}-one`)).map((c) => c.id)).toEqual([ada, bo]);
			expect(await projects.forMember(`${p}-one`, cy)).toBeUndefined();

			await projects.setInvite(`${p}-one`, `${p}-invite-2`);
			expect(await projects.byInvite(`${p}-invite`)).toBeUndefined();
			expect((await projects.byInvite(`${p}-invite-2`))?.id).toBe(`${p}-one`);
		});

		it('keeps the drawn articles as drawn, one code per coder and article, and one adjudication per article', async () => {
			const id = `${p}-one`;
			expect(await projects.items(id)).toEqual(items);
			const code = { codedAt: 5, codebookId: 'parallax', codebookVersion: 'abc123' };
			await projects.saveCode(id, { position: 1, coderId: ada, frames: ['nato-threat'], stances: ['adopts'], ...code });
			await projects.saveCode(id, {
				position: 1,
				coderId: ada,
				frames: ['nato-threat', 'blame-west'],
				stances: ['reports', 'contests'],
				...code
			});
			await projects.saveCode(id, { position: 1, coderId: bo, frames: [], stances: [], ...code, codedAt: 6 });
			expect(await projects.codes(id)).toEqual([
				{ position: 1, coderId: ada, frames: ['nato-threat', 'blame-west'], stances: ['reports', 'contests'], ...code },
				{ position: 1, coderId: bo, frames: [], stances: [], ...code, codedAt: 6 }
			]);
			expect((await projects.codes(id, bo)).map((c) => c.coderId)).toEqual([bo]);

			const decision = {
				position: 1,
				frames: ['blame-west'],
				stances: ['contests' as const],
				decidedBy: bo,
				reason: 'first',
				decidedAt: 7
			};
			await projects.adjudicate(id, { ...decision, codebookId: 'parallax', codebookVersion: 'abc123' });
			await projects.adjudicate(id, { ...decision, reason: 'second', codebookId: 'parallax', codebookVersion: 'abc123' });
			expect(await projects.adjudications(id)).toEqual([
				{ ...decision, reason: 'second', codebookId: 'parallax', codebookVersion: 'abc123' }
			]);
		});

		it('keeps each article’s text with the dataset’s rows', async () => {
			const id = `${p}-texts`;
			const row = (text?: string) => ({
				date: '2025-01-02',
				outlet: 'tass.com',
				group: 'russian-state-media',
				event: '',
				language: '',
				title: 'T',
				url: 'https://tass.com/1',
				frames: [],
				count: 1,
				...(text !== undefined && { text })
			});
			await store.createDataset(
				{
					id,
					ownerId: ada,
					shareToken: `share-${id}`,
					createdAt: new Date().toISOString(),
					meta: { title: 'Texts', description: '', source: '', licence: '', citation: '', visibility: 'private' }
				},
				parts([row('Text, with "quotes"'), row()])
			);
			expect((await store.rows(id, {}, 10, 0)).map((r) => r.text)).toEqual([undefined, 'Text, with "quotes"']);
		});

		it('keeps one model’s suggestions with its metadata, a new training replacing both', async () => {
			const model = (trainedAt: number, microF1: number | null) => ({
				trainedAt,
				trainedBy: ada,
				trainingItems: 1200,
				projectItems: 2,
				microF1,
				macroF1: 0.25,
				codebookId: 'parallax',
				codebookVersion: 'abc123',
				frames: ['nato-threat', 'blame-west'],
				report: { k: 5, seed: 1, frames: [], model: { micro: { precision: 0.5, recall: 0.5, f1: microF1 } }, baseline: {} }
			});
			expect(await projects.suggestionModel(`${p}-one`)).toBeUndefined();
			await projects.saveSuggestions(`${p}-one`, model(5000, null) as never, [
				{ position: 2, probabilities: [0.123456, 0.9] },
				{ position: 1, probabilities: [0.5, 0] }
			]);
			await projects.saveSuggestions(`${p}-one`, model(6000, 0.4) as never, [{ position: 1, probabilities: [0.71234, 0.02] }]);
			const saved = await projects.suggestionModel(`${p}-one`);
			expect(saved).toMatchObject({
				trainedAt: 6000,
				trainingItems: 1200,
				microF1: 0.4,
				macroF1: 0.25,
				frames: ['nato-threat', 'blame-west']
			});
			expect(saved!.report.model.micro.f1).toBe(0.4);
			expect(await projects.suggestions(`${p}-one`)).toEqual([{ position: 1, probabilities: [0.7123, 0.02] }]);
			await projects.saveSuggestions(`${p}-one`, model(7000, null) as never, [{ position: 2, probabilities: [0.1, 0.2] }]);
			expect((await projects.suggestionModel(`${p}-one`))!.microF1).toBeNull();
			expect(await projects.suggestions(`${p}-two`)).toEqual([]);
		});

		it('lists the projects each account codes in with its progress, and what each project on a dataset holds', async () => {
			const three = { ...project('three', `${p}-texts`), createdAt: 2000 };
			await projects.create(three, `${p}-invite-three`, items.slice(0, 1));
			const one = { ...project('one'), datasetTitle: 'Dataset one', ownerName: 'da', items: 2 };
			expect(await projects.forCoder(ada)).toEqual([
				{ ...three, datasetTitle: 'Texts', ownerName: 'da', items: 1, coded: 0 },
				{ ...one, coded: 1 }
			]);
			expect(await projects.forCoder(bo)).toEqual([{ ...one, coded: 1 }]);
			expect(await projects.forCoder(cy)).toEqual([]);

			expect(await projects.holdingsOnDataset(`${p}-data`)).toEqual([{ ...project('one'), codes: 2, coders: 2, adjudications: 1 }]);
			expect(await projects.holdingsOnDataset(`${p}-texts`)).toEqual([{ ...three, codes: 0, coders: 0, adjudications: 0 }]);
			expect(await projects.holdingsOnDataset(`${p}-nothing`)).toEqual([]);
		});

		it('removes a dataset’s projects with everything coded in them, and only those', async () => {
			await projects.create(project('two', `${p}-other`), `${p}-invite-two`, items);
			await projects.removeForDataset(`${p}-data`);
			expect(await projects.forMember(`${p}-one`, ada)).toBeUndefined();
			for (const table of [
				'project_items',
				'project_codes',
				'project_adjudications',
				'project_coders',
				'project_suggestions',
				'project_suggestion_models'
			]) {
				const [row] = await store.query(`SELECT COUNT(*) AS n FROM ${table} WHERE project_id = $1`, [`${p}-one`]);
				expect([table, Number(row!.n)]).toEqual([table, 0]);
			}
			expect((await projects.items(`${p}-two`)).length).toBe(2);
			expect(await projects.forCoder(bo)).toEqual([]);
		});
	});
}
