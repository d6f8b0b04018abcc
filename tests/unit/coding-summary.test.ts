import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The process-wide store opens PARALLAX_DB on first use: a throwaway file for this test file.
const dir = mkdtempSync(join(tmpdir(), 'parallax-coding-summary-'));
process.env.PARALLAX_DB = join(dir, 'parallax.duckdb');
const { store } = await import('../../src/lib/server/storage');
const { sessionItems, summary } = await import('../../src/lib/server/coding');

afterAll(async () => {
	await (await store()).close();
	rmSync(dir, { recursive: true, force: true });
});

describe('a live session whose ledger lost a claim (a redeploy)', () => {
	it('counts, shows and exports only the claims the ledger still has', async () => {
		const db = await store();
		const now = Date.now();
		const session = {
			id: 'cs-gone',
			joinCode: 'GON234',
			teacherHash: 'teacher-hash',
			title: 'Hague',
			claimIds: ['c01', 'no-such-claim', 'c02'],
			origin: '/events/hague-summit-2025',
			revealed: false,
			createdAt: now,
			expiresAt: now + 60_000
		};
		await db.createCodingSession(session);
		await db.addCodingStudent(session.id, { id: 's1', nickname: 'Ada', tokenHash: 'h1' });
		await db.saveCodingAnswer(session.id, { studentId: 's1', claimId: 'c01', frames: ['nato-threat'] });
		await db.saveCodingAnswer(session.id, { studentId: 's1', claimId: 'no-such-claim', frames: ['nato-threat'] });

		const shown = sessionItems(session).map((item) => item.item.id);
		expect(shown).toEqual(['c01', 'c02']);
		expect((await summary(session)).items.map((item) => item.claimId)).toEqual(shown);
	});
});
