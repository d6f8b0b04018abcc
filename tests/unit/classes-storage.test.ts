import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '../../src/lib/server/storage/duckdb';
import { PostgresStore } from '../../src/lib/server/storage/postgres';
import { ClassStore, type ClassRecord } from '../../src/lib/server/storage/classes';
import type { Store } from '../../src/lib/server/storage/types';

/** Classes on every engine, as tests/unit/storage.test.ts does: DuckDB always, PostgreSQL with TEST_DATABASE_URL. */
const engines: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> }>][] = [
	[
		'duckdb',
		async () => {
			const dir = mkdtempSync(join(tmpdir(), 'parallax-classes-'));
			const store = await DuckDbStore.open(join(dir, 'test.duckdb'), { memoryLimit: '256MB' });
			return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
		}
	]
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) engines.push(['postgres', async () => ({ store: await PostgresStore.open(pgUrl), cleanup: async () => undefined })]);

for (const [engine, open] of engines) {
	describe(`${engine} classes`, () => {
		let store: Store;
		let cleanup: () => Promise<void>;
		let classes: ClassStore;
		const p = `${engine}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
		const klass = (id: string, deleteAfter = Date.UTC(2099, 0, 1)): ClassRecord => ({
			id: `${p}-${id}`,
			name: `Class ${id}`,
			joinCode: `${p}-${id}-join`,
			inviteHash: `${p}-${id}-invite`,
			termEnd: '2098-12-02',
			deleteAfter,
			createdAt: Date.now()
		});

		/**
		 * Rows per table for a class id, over every table the engine has whose name starts with
		 * "class", read from its catalogue: a table added later is counted without anyone listing it.
		 */
		async function rowsFor(classId: string): Promise<Record<string, number>> {
			const tables = await store.query(
				`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'class%' AND table_schema = current_schema() ORDER BY table_name`
			);
			const counts: Record<string, number> = {};
			for (const { table_name: table } of tables) {
				const column = table === 'classes' ? 'id' : 'class_id';
				counts[String(table)] = Number((await store.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = $1`, [classId]))[0]!.n);
			}
			return counts;
		}

		beforeAll(async () => {
			({ store, cleanup } = await open());
			classes = new ClassStore(store);
			for (const name of ['ada', 'bo'])
				await store.createUser({ id: `${p}-${name}`, email: `${p}-${name}@example.org`, name, passwordHash: 'h' });
		});
		afterAll(async () => {
			await store.close();
			await cleanup();
		});

		it('lets a teacher, an invited co-teacher and the class’s own students in, and nobody else', async () => {
			await classes.create(klass('one'), `${p}-ada`);
			await classes.create(klass('two'), `${p}-bo`);
			await classes.addStudent({ id: 's1', classId: `${p}-one`, nickname: 'Kit', joinedAt: 1 }, `${p}-resume-1`);
			await classes.addStudent({ id: 's2', classId: `${p}-two`, nickname: 'Lu', joinedAt: 1 }, `${p}-resume-2`);

			expect((await classes.forTeacher(`${p}-one`, `${p}-ada`))?.name).toBe('Class one');
			expect(await classes.forTeacher(`${p}-one`, `${p}-bo`)).toBeUndefined();
			expect((await classes.teaching(`${p}-bo`)).map((c) => c.id)).toEqual([`${p}-two`]);

			expect((await classes.forStudent(`${p}-one`, 's1'))?.student.nickname).toBe('Kit');
			expect(await classes.forStudent(`${p}-one`, 's2')).toBeUndefined();
			expect(await classes.forStudent(`${p}-two`, 's1')).toBeUndefined();

			const invited = await classes.byInvite(`${p}-one-invite`);
			await classes.addTeacher(invited!.id, `${p}-bo`);
			await classes.addTeacher(invited!.id, `${p}-bo`);
			expect((await classes.forTeacher(`${p}-one`, `${p}-bo`))?.id).toBe(`${p}-one`);
			expect((await classes.teachers(`${p}-one`)).map((t) => t.name)).toEqual(['ada', 'bo']);
			expect((await classes.studentByResume(`${p}-resume-2`))?.classId).toBe(`${p}-two`);
		});

		it('keeps assignments in order, answers per phase, and replaces an answer given again', async () => {
			const id = `${p}-one`;
			await classes.addAssignment(id, { id: 'a1', kind: 'exercise', title: 'First', claimIds: ['c1', 'c2'], due: '2098-10-01' });
			await classes.addAssignment(id, { id: 'a2', kind: 'prepost', title: 'Check', claimIds: ['c3'], due: null });
			await classes.move(id, 'a2', -1);
			expect((await classes.assignments(id)).map((a) => [a.id, a.position, a.due, a.postOpen])).toEqual([
				['a2', 1, null, false],
				['a1', 2, '2098-10-01', false]
			]);
			await classes.updateAssignment(id, 'a2', { due: '2098-11-01', postOpen: true });
			expect((await classes.assignments(id))[0]).toMatchObject({ due: '2098-11-01', postOpen: true, claimIds: ['c3'] });

			await classes.saveAnswer(id, { assignmentId: 'a2', studentId: 's1', phase: 'pre', claimId: 'c3', frames: ['x'] });
			await classes.saveAnswer(id, { assignmentId: 'a2', studentId: 's1', phase: 'post', claimId: 'c3', frames: ['y', 'z'] });
			await classes.saveAnswer(id, { assignmentId: 'a2', studentId: 's1', phase: 'pre', claimId: 'c3', frames: ['w'] });
			const answers = (await classes.answers(id, 's1')).sort((a, b) => a.phase.localeCompare(b.phase));
			expect(answers.map((a) => [a.phase, a.frames])).toEqual([
				['post', ['y', 'z']],
				['pre', ['w']]
			]);
			expect(await classes.answers(`${p}-two`)).toEqual([]);
		});

		it('keeps a deck assignment’s source and each student’s furthest step, which reading back does not lower', async () => {
			const id = `${p}-one`;
			await classes.addAssignment(id, { id: 'd1', kind: 'deck', title: 'Read', claimIds: [], due: null, source: 'deck:abc' });
			expect((await classes.assignments(id)).find((a) => a.id === 'd1')).toMatchObject({ kind: 'deck', claimIds: [], source: 'deck:abc' });
			expect((await classes.assignments(id)).find((a) => a.id === 'a1')?.source).toBeNull();

			await classes.saveReading(id, { assignmentId: 'd1', studentId: 's1', furthest: 3 });
			await classes.saveReading(id, { assignmentId: 'd1', studentId: 's1', furthest: 2 });
			await classes.saveReading(id, { assignmentId: 'd1', studentId: 's1', furthest: 5 });
			await classes.saveReading(`${p}-two`, { assignmentId: 'd1', studentId: 's2', furthest: 1 });
			expect(await classes.readings(id)).toEqual([{ assignmentId: 'd1', studentId: 's1', furthest: 5 }]);
			expect(await classes.readings(id, 's2')).toEqual([]);

			await classes.addAssignment(id, { id: 'd2', kind: 'deck', title: 'Gone', claimIds: [], due: null, source: 'event:e' });
			await classes.saveReading(id, { assignmentId: 'd2', studentId: 's1', furthest: 1 });
			await classes.removeAssignment(id, 'd2');
			expect((await classes.readings(id)).map((r) => r.assignmentId)).toEqual(['d1']);
		});

		it('deletes a student with their answers, and a class with every row in it', async () => {
			const id = `${p}-one`;
			await classes.addStudent({ id: 's3', classId: id, nickname: 'Mo', joinedAt: 2 }, `${p}-resume-3`);
			await classes.saveAnswer(id, { assignmentId: 'a1', studentId: 's3', phase: 'main', claimId: 'c1', frames: ['x'] });
			await classes.saveReading(id, { assignmentId: 'd1', studentId: 's3', furthest: 2 });
			await classes.removeStudent(id, 's3');
			expect((await classes.readings(id)).some((r) => r.studentId === 's3')).toBe(false);
			expect((await classes.students(id)).map((s) => s.nickname)).toEqual(['Kit']);
			expect((await classes.answers(id)).some((a) => a.studentId === 's3')).toBe(false);

			await classes.saveAnswer(id, { assignmentId: 'a1', studentId: 's1', phase: 'main', claimId: 'c1', frames: ['x'] });
			await classes.addTeacher(id, `${p}-bo`);
			const before = await rowsFor(id);
			expect(Object.keys(before)).toEqual([
				'class_answers',
				'class_assignments',
				'class_reading',
				'class_students',
				'class_teachers',
				'classes'
			]);
			for (const [table, n] of Object.entries(before)) expect(n, table).toBeGreaterThan(0);
			const other = await rowsFor(`${p}-two`);

			await classes.remove(id);
			expect(Object.values(await rowsFor(id))).toEqual([0, 0, 0, 0, 0, 0]);
			expect(await classes.forTeacher(id, `${p}-ada`)).toBeUndefined();
			expect(await classes.studentByResume(`${p}-resume-1`)).toBeUndefined();
			expect(await classes.byJoinCode(`${p}-one-join`)).toBeUndefined();
			expect(await rowsFor(`${p}-two`)).toEqual(other);
		});

		it('purges classes whose retention date has come, and only those', async () => {
			await classes.create(klass('old', Date.UTC(2020, 0, 1)), `${p}-ada`);
			await classes.addStudent({ id: 's9', classId: `${p}-old`, nickname: 'Old', joinedAt: 1 }, `${p}-resume-9`);
			expect(await classes.purge(Date.UTC(2021, 0, 1))).toBeGreaterThanOrEqual(1);
			expect(Object.values(await rowsFor(`${p}-old`))).toEqual([0, 0, 0, 0, 0, 0]);
			expect((await classes.forTeacher(`${p}-two`, `${p}-bo`))?.id).toBe(`${p}-two`);
		});

		it('lets five students join at once, each with the reads and the write a join makes', async () => {
			await classes.create(klass('rush'), `${p}-ada`);
			const id = `${p}-rush`;
			const names = ['Ana', 'Ben', 'Cai', 'Dov', 'Eli'];
			// As joinClass does: find the class, check the nickname is free, add the student, and the
			// list page then reads the class through the new student.
			const joined = await Promise.all(
				names.map(async (nickname, i) => {
					const found = await classes.byJoinCode(`${id}-join`);
					expect((await classes.students(found!.id)).some((s) => s.nickname === nickname)).toBe(false);
					await classes.addStudent({ id: `r${i}`, classId: found!.id, nickname, joinedAt: i }, `${p}-rush-${i}`);
					const student = await classes.studentByResume(`${p}-rush-${i}`);
					return (await classes.forStudent(id, student!.id))?.student.nickname;
				})
			);
			expect(joined).toEqual(names);
			expect((await classes.students(id)).map((s) => s.nickname)).toEqual(names);
		});
	});
}
