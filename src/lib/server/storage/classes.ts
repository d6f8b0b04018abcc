import type { AssignmentKind, ClassAnswer, ClassAssignment, ClassReading, Phase } from '$lib/domain/classroom/class-results';

/**
 * Classes, their teachers, students, assignments and answers: every statement lives here, run
 * through the store's generic query/execute so both engines share it. Every read a teacher or a
 * student makes goes through `forTeacher` / `forStudent`, which answer undefined for a class the
 * person is not in; nothing below takes a class id without one of them having been asked first.
 */

export interface Sql {
	query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
	/** Statements run in order, in one transaction. */
	execute(statements: { sql: string; params?: unknown[] }[]): Promise<void>;
}

export const CLASS_SCHEMA = [
	`CREATE TABLE IF NOT EXISTS classes (
		id VARCHAR PRIMARY KEY,
		name VARCHAR NOT NULL,
		join_code VARCHAR NOT NULL UNIQUE,
		invite_hash VARCHAR NOT NULL,
		term_end VARCHAR NOT NULL,
		delete_after BIGINT NOT NULL,
		created_at BIGINT NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS class_teachers (
		class_id VARCHAR NOT NULL,
		user_id VARCHAR NOT NULL,
		PRIMARY KEY (class_id, user_id)
	)`,
	`CREATE TABLE IF NOT EXISTS class_students (
		class_id VARCHAR NOT NULL,
		id VARCHAR NOT NULL,
		nickname VARCHAR NOT NULL,
		resume_hash VARCHAR NOT NULL UNIQUE,
		joined_at BIGINT NOT NULL,
		PRIMARY KEY (class_id, id),
		UNIQUE (class_id, nickname)
	)`,
	`CREATE TABLE IF NOT EXISTS class_assignments (
		class_id VARCHAR NOT NULL,
		id VARCHAR NOT NULL,
		kind VARCHAR NOT NULL,
		title VARCHAR NOT NULL,
		claim_ids VARCHAR NOT NULL,
		due VARCHAR,
		position INTEGER NOT NULL,
		post_open BOOLEAN NOT NULL,
		PRIMARY KEY (class_id, id)
	)`,
	`CREATE TABLE IF NOT EXISTS class_answers (
		class_id VARCHAR NOT NULL,
		assignment_id VARCHAR NOT NULL,
		student_id VARCHAR NOT NULL,
		phase VARCHAR NOT NULL,
		claim_id VARCHAR NOT NULL,
		frame_codes VARCHAR NOT NULL,
		PRIMARY KEY (class_id, assignment_id, student_id, phase, claim_id)
	)`,
	// Decks: what the assignment reads from; claim-based assignments keep their claims in claim_ids.
	`ALTER TABLE class_assignments ADD COLUMN IF NOT EXISTS source VARCHAR`,
	`CREATE TABLE IF NOT EXISTS class_reading (
		class_id VARCHAR NOT NULL,
		assignment_id VARCHAR NOT NULL,
		student_id VARCHAR NOT NULL,
		furthest INTEGER NOT NULL,
		PRIMARY KEY (class_id, assignment_id, student_id)
	)`
];

export interface ClassRecord {
	id: string;
	name: string;
	joinCode: string;
	inviteHash: string;
	/** yyyy-mm-dd */
	termEnd: string;
	/** Epoch milliseconds at which the class and everything in it is deleted. */
	deleteAfter: number;
	createdAt: number;
}

export interface StudentRecord {
	id: string;
	classId: string;
	nickname: string;
	joinedAt: number;
}

export interface AssignmentRecord extends ClassAssignment {
	due: string | null;
	position: number;
	/** Pre/post checks only: whether students may take the "after" check yet. */
	postOpen: boolean;
	/** Decks only: the deck read, as `event:<id>` or `deck:<code>`. */
	source: string | null;
}

const list = (value: unknown) => (String(value ?? '') === '' ? [] : String(value).split(';'));
const bool = (value: unknown) => value === true || value === 'true';

function toClass(row: Record<string, unknown> | undefined): ClassRecord | undefined {
	if (!row) return undefined;
	return {
		id: String(row.id),
		name: String(row.name),
		joinCode: String(row.join_code),
		inviteHash: String(row.invite_hash),
		termEnd: String(row.term_end),
		deleteAfter: Number(row.delete_after),
		createdAt: Number(row.created_at)
	};
}

function toStudent(row: Record<string, unknown>): StudentRecord {
	return { id: String(row.id), classId: String(row.class_id), nickname: String(row.nickname), joinedAt: Number(row.joined_at) };
}

function toAssignment(row: Record<string, unknown>): AssignmentRecord {
	return {
		id: String(row.id),
		kind: String(row.kind) as AssignmentKind,
		title: String(row.title),
		claimIds: list(row.claim_ids),
		due: row.due === null || row.due === undefined ? null : String(row.due),
		position: Number(row.position),
		postOpen: bool(row.post_open),
		source: row.source === null || row.source === undefined ? null : String(row.source)
	};
}

const CLASS_TABLES = ['class_reading', 'class_answers', 'class_assignments', 'class_students', 'class_teachers'];

export class ClassStore {
	constructor(private readonly sql: Sql) {}

	async create(record: ClassRecord, teacherId: string): Promise<void> {
		await this.sql.execute([
			{
				sql: 'INSERT INTO classes VALUES ($1, $2, $3, $4, $5, $6, $7)',
				params: [record.id, record.name, record.joinCode, record.inviteHash, record.termEnd, record.deleteAfter, record.createdAt]
			},
			{ sql: 'INSERT INTO class_teachers VALUES ($1, $2)', params: [record.id, teacherId] }
		]);
	}

	/** The class if this user teaches it. */
	async forTeacher(classId: string, userId: string): Promise<ClassRecord | undefined> {
		const rows = await this.sql.query(
			'SELECT c.* FROM classes c JOIN class_teachers t ON t.class_id = c.id WHERE c.id = $1 AND t.user_id = $2',
			[classId, userId]
		);
		return toClass(rows[0]);
	}

	/** The student and their class, if this student id belongs to this class. */
	async forStudent(classId: string, studentId: string): Promise<{ klass: ClassRecord; student: StudentRecord } | undefined> {
		const rows = await this.sql.query('SELECT * FROM class_students WHERE class_id = $1 AND id = $2', [classId, studentId]);
		const klass = rows[0] ? toClass((await this.sql.query('SELECT * FROM classes WHERE id = $1', [classId]))[0]) : undefined;
		return klass && rows[0] ? { klass, student: toStudent(rows[0]) } : undefined;
	}

	async teaching(userId: string): Promise<ClassRecord[]> {
		const rows = await this.sql.query(
			'SELECT c.* FROM classes c JOIN class_teachers t ON t.class_id = c.id WHERE t.user_id = $1 ORDER BY c.created_at DESC',
			[userId]
		);
		return rows.map((r) => toClass(r)!);
	}

	async byJoinCode(joinCode: string): Promise<ClassRecord | undefined> {
		return toClass((await this.sql.query('SELECT * FROM classes WHERE join_code = $1', [joinCode]))[0]);
	}

	async byInvite(inviteHash: string): Promise<ClassRecord | undefined> {
		return toClass((await this.sql.query('SELECT * FROM classes WHERE invite_hash = $1', [inviteHash]))[0]);
	}

	async setInvite(classId: string, inviteHash: string): Promise<void> {
		await this.sql.execute([{ sql: 'UPDATE classes SET invite_hash = $2 WHERE id = $1', params: [classId, inviteHash] }]);
	}

	async addTeacher(classId: string, userId: string): Promise<void> {
		await this.sql.execute([
			{
				sql: 'INSERT INTO class_teachers VALUES ($1, $2) ON CONFLICT (class_id, user_id) DO NOTHING',
				params: [classId, userId]
			}
		]);
	}

	async teachers(classId: string): Promise<{ id: string; name: string }[]> {
		const rows = await this.sql.query(
			'SELECT u.id, u.name FROM class_teachers t JOIN users u ON u.id = t.user_id WHERE t.class_id = $1 ORDER BY u.name',
			[classId]
		);
		return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
	}

	async rename(classId: string, name: string): Promise<void> {
		await this.sql.execute([{ sql: 'UPDATE classes SET name = $2 WHERE id = $1', params: [classId, name] }]);
	}

	async remove(classId: string): Promise<void> {
		await this.sql.execute([
			...CLASS_TABLES.map((table) => ({ sql: `DELETE FROM ${table} WHERE class_id = $1`, params: [classId] })),
			{ sql: 'DELETE FROM classes WHERE id = $1', params: [classId] }
		]);
	}

	/** Deletes every class whose retention date has come, with all its rows; returns how many. */
	async purge(now: number): Promise<number> {
		const due = (await this.sql.query('SELECT id FROM classes WHERE delete_after <= $1', [now])).map((r) => String(r.id));
		for (const id of due) await this.remove(id);
		return due.length;
	}

	async addStudent(student: StudentRecord, resumeHash: string): Promise<void> {
		await this.sql.execute([
			{
				sql: 'INSERT INTO class_students VALUES ($1, $2, $3, $4, $5)',
				params: [student.classId, student.id, student.nickname, resumeHash, student.joinedAt]
			}
		]);
	}

	async studentByResume(resumeHash: string): Promise<StudentRecord | undefined> {
		const row = (await this.sql.query('SELECT * FROM class_students WHERE resume_hash = $1', [resumeHash]))[0];
		return row ? toStudent(row) : undefined;
	}

	async students(classId: string): Promise<StudentRecord[]> {
		return (await this.sql.query('SELECT * FROM class_students WHERE class_id = $1 ORDER BY nickname', [classId])).map(toStudent);
	}

	async removeStudent(classId: string, studentId: string): Promise<void> {
		await this.sql.execute([
			{ sql: 'DELETE FROM class_reading WHERE class_id = $1 AND student_id = $2', params: [classId, studentId] },
			{ sql: 'DELETE FROM class_answers WHERE class_id = $1 AND student_id = $2', params: [classId, studentId] },
			{ sql: 'DELETE FROM class_students WHERE class_id = $1 AND id = $2', params: [classId, studentId] }
		]);
	}

	async addAssignment(
		classId: string,
		assignment: Omit<AssignmentRecord, 'position' | 'postOpen' | 'source'> & { source?: string | null }
	): Promise<void> {
		await this.sql.execute([
			{
				// Columns named: a store created before decks has `source` last, a new one too, but say so.
				sql: `INSERT INTO class_assignments (class_id, id, kind, title, claim_ids, due, position, post_open, source)
					SELECT CAST($1 AS VARCHAR), CAST($2 AS VARCHAR), CAST($3 AS VARCHAR), CAST($4 AS VARCHAR), CAST($5 AS VARCHAR),
					       CAST($6 AS VARCHAR), COALESCE(MAX(position), 0) + 1, false, CAST($7 AS VARCHAR)
					FROM class_assignments WHERE class_id = $1`,
				params: [
					classId,
					assignment.id,
					assignment.kind,
					assignment.title,
					assignment.claimIds.join(';'),
					assignment.due,
					assignment.source ?? null
				]
			}
		]);
	}

	async assignments(classId: string): Promise<AssignmentRecord[]> {
		return (await this.sql.query('SELECT * FROM class_assignments WHERE class_id = $1 ORDER BY position, id', [classId])).map(toAssignment);
	}

	/** Swaps the assignment with its neighbour before (-1) or after (+1) it. */
	async move(classId: string, assignmentId: string, by: -1 | 1): Promise<void> {
		const all = await this.assignments(classId);
		const at = all.findIndex((a) => a.id === assignmentId);
		const other = all[at + by];
		if (at < 0 || !other) return;
		const self = all[at]!;
		const set = 'UPDATE class_assignments SET position = $3 WHERE class_id = $1 AND id = $2';
		await this.sql.execute([
			{ sql: set, params: [classId, self.id, other.position] },
			{ sql: set, params: [classId, other.id, self.position] }
		]);
	}

	async updateAssignment(classId: string, assignmentId: string, change: { due: string | null; postOpen: boolean }): Promise<void> {
		await this.sql.execute([
			{
				sql: 'UPDATE class_assignments SET due = $3, post_open = $4 WHERE class_id = $1 AND id = $2',
				params: [classId, assignmentId, change.due, change.postOpen]
			}
		]);
	}

	async removeAssignment(classId: string, assignmentId: string): Promise<void> {
		await this.sql.execute([
			{ sql: 'DELETE FROM class_reading WHERE class_id = $1 AND assignment_id = $2', params: [classId, assignmentId] },
			{ sql: 'DELETE FROM class_answers WHERE class_id = $1 AND assignment_id = $2', params: [classId, assignmentId] },
			{ sql: 'DELETE FROM class_assignments WHERE class_id = $1 AND id = $2', params: [classId, assignmentId] }
		]);
	}

	/** Replaces the student's earlier answer on the claim in that phase, if any. */
	async saveAnswer(classId: string, answer: ClassAnswer): Promise<void> {
		await this.sql.execute([
			{
				sql: `INSERT INTO class_answers VALUES ($1, $2, $3, $4, $5, $6)
					ON CONFLICT (class_id, assignment_id, student_id, phase, claim_id) DO UPDATE SET frame_codes = excluded.frame_codes`,
				params: [classId, answer.assignmentId, answer.studentId, answer.phase, answer.claimId, answer.frames.join(';')]
			}
		]);
	}

	/** Records that the student reached this step of a deck; a step before the furthest one changes nothing. */
	async saveReading(classId: string, reading: ClassReading): Promise<void> {
		await this.sql.execute([
			{
				sql: `INSERT INTO class_reading VALUES ($1, $2, $3, $4)
					ON CONFLICT (class_id, assignment_id, student_id) DO UPDATE SET furthest = GREATEST(class_reading.furthest, excluded.furthest)`,
				params: [classId, reading.assignmentId, reading.studentId, reading.furthest]
			}
		]);
	}

	/** How far every student, or one, has read each deck in the class. */
	async readings(classId: string, studentId?: string): Promise<ClassReading[]> {
		const rows = await this.sql.query(
			`SELECT * FROM class_reading WHERE class_id = $1${studentId === undefined ? '' : ' AND student_id = $2'}`,
			studentId === undefined ? [classId] : [classId, studentId]
		);
		return rows.map((r) => ({ assignmentId: String(r.assignment_id), studentId: String(r.student_id), furthest: Number(r.furthest) }));
	}

	/** All answers in the class, or only one student's. */
	async answers(classId: string, studentId?: string): Promise<ClassAnswer[]> {
		const rows = await this.sql.query(
			`SELECT * FROM class_answers WHERE class_id = $1${studentId === undefined ? '' : ' AND student_id = $2'}`,
			studentId === undefined ? [classId] : [classId, studentId]
		);
		return rows.map((r) => ({
			assignmentId: String(r.assignment_id),
			studentId: String(r.student_id),
			phase: String(r.phase) as Phase,
			claimId: String(r.claim_id),
			frames: list(r.frame_codes)
		}));
	}
}
