import { randomBytes, randomInt } from 'node:crypto';
import { error, type Cookies } from '@sveltejs/kit';
import { deckClaims } from '$lib/domain/classroom/deck';
import { JOIN_ALPHABET, JOIN_CODE_LENGTH, nicknameSchema } from '$lib/domain/classroom/coding';
import { deleteAfter, normaliseResumeCode, RESUME_CODE_LENGTH } from '$lib/domain/classroom/classes';
import { readingSteps } from '$lib/domain/classroom/presentation';
import {
	confusion,
	furthestStep,
	itemScores,
	nextClaim,
	phasesOf,
	prePost,
	progress,
	readingProgress,
	studentScore,
	type ClassAnswer,
	type ClassReading,
	type Phase,
	type Progress
} from '$lib/domain/classroom/class-results';
import type { Claim } from '$lib/domain/ledger/schemas';
import { claimGist } from '$lib/domain/ledger/views';
import { hashToken, newId } from './auth';
import { deckForEvent, deckFromCode } from './classroom';
import { codebook } from './coding';
import { frameChoices } from './exercise';
import { ledger } from './ledger';
import { store } from './storage';
import { ClassStore, type AssignmentRecord, type ClassRecord, type StudentRecord } from './storage/classes';

/**
 * Classes that last a term. A teacher (a signed-in account) reaches a class only through
 * class_teachers; a student only through the resume code in their cookie, which is scoped to the
 * class's pages. Anyone else gets the same 404 as for a class that does not exist.
 */

const STUDENT_COOKIE = 'parallax_class_student';
const HOUR_MS = 60 * 60 * 1000;
const NOT_FOUND = 'There is no class here, or you are not in it.';

export async function classes(): Promise<ClassStore> {
	return new ClassStore(await store());
}

const code = (length: number) => Array.from({ length }, () => JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]).join('');

/** Deletes classes past their retention date now and every hour after, for as long as the server runs. */
export async function startClassPurge(): Promise<void> {
	const purge = async () => (await classes()).purge(Date.now());
	await purge();
	setInterval(() => void purge().catch((e: unknown) => console.error('Purging expired classes failed:', e)), HOUR_MS).unref();
}

export async function createClass(userId: string, name: string, termEnd: string): Promise<string> {
	const db = await classes();
	let joinCode = '';
	do joinCode = code(JOIN_CODE_LENGTH);
	while (await db.byJoinCode(joinCode));
	const id = newId();
	await db.create(
		{
			id,
			name,
			joinCode,
			// No link exists until the teacher asks for one; this hash matches no token.
			inviteHash: hashToken(randomBytes(32).toString('base64url')),
			termEnd,
			deleteAfter: deleteAfter(termEnd),
			createdAt: Date.now()
		},
		userId
	);
	return id;
}

/** A new invitation link's token; the one before it stops working. */
export async function newInvite(klass: ClassRecord): Promise<string> {
	const token = randomBytes(24).toString('base64url');
	await (await classes()).setInvite(klass.id, hashToken(token));
	return token;
}

export async function teacherClass(classId: string, user: App.Locals['user']): Promise<ClassRecord> {
	const klass = user ? await (await classes()).forTeacher(classId, user.id) : undefined;
	if (!klass) error(404, NOT_FOUND);
	return klass;
}

function cookieOptions(classId: string, secure: boolean) {
	// Scoped to the class's pages, so one phone can be in several classes, and kept for a term.
	return { path: `/classes/${classId}`, httpOnly: true, sameSite: 'lax' as const, secure, maxAge: 200 * 24 * 60 * 60 };
}

export async function studentClass(classId: string, cookies: Cookies): Promise<{ klass: ClassRecord; student: StudentRecord }> {
	const token = cookies.get(STUDENT_COOKIE);
	const db = await classes();
	const student = token ? await db.studentByResume(hashToken(normaliseResumeCode(token))) : undefined;
	const found = student && student.classId === classId ? await db.forStudent(classId, student.id) : undefined;
	if (!found) error(404, NOT_FOUND);
	return found;
}

export type JoinResult = { ok: true; classId: string; resumeCode: string } | { ok: false; problem: 'unknown' | 'taken' | string };

export async function joinClass(joinCode: string, rawNickname: unknown, cookies: Cookies, secure: boolean): Promise<JoinResult> {
	const db = await classes();
	const klass = joinCode ? await db.byJoinCode(joinCode) : undefined;
	if (!klass) return { ok: false, problem: 'unknown' };
	const nickname = nicknameSchema.safeParse(typeof rawNickname === 'string' ? rawNickname : '');
	if (!nickname.success) return { ok: false, problem: nickname.error.issues[0]?.message ?? 'Choose a nickname.' };
	const taken = (await db.students(klass.id)).some((s) => s.nickname.toLowerCase() === nickname.data.toLowerCase());
	if (taken) return { ok: false, problem: 'taken' };
	const resumeCode = code(RESUME_CODE_LENGTH);
	await db.addStudent({ id: newId(), classId: klass.id, nickname: nickname.data, joinedAt: Date.now() }, hashToken(resumeCode));
	cookies.set(STUDENT_COOKIE, resumeCode, cookieOptions(klass.id, secure));
	return { ok: true, classId: klass.id, resumeCode };
}

/** The class of this resume code, with the cookie set so this device continues as that student. */
export async function resume(rawCode: string, cookies: Cookies, secure: boolean): Promise<string | undefined> {
	const resumeCode = normaliseResumeCode(rawCode);
	const student = resumeCode ? await (await classes()).studentByResume(hashToken(resumeCode)) : undefined;
	if (!student) return undefined;
	cookies.set(STUDENT_COOKIE, resumeCode, cookieOptions(student.classId, secure));
	return student.classId;
}

/**
 * The claims an event or a deck (its link or code) offers, with a title for the assignment and
 * the source a deck assignment reads from again (`event:<id>` or `deck:<code>`).
 */
export function assignmentSource(from: { event?: string; deck?: string }): { title: string; claims: Claim[]; source: string } {
	if (from.event) {
		const { deck } = deckForEvent(from.event);
		return { title: deck.title, claims: deckClaims(deck.items), source: `event:${from.event}` };
	}
	// A pasted deck link works as well as its code.
	const deckCode = (from.deck ?? '')
		.trim()
		.replace(/^.*\/decks\//, '')
		.replace(/[/?#].*$/, '');
	const { deck } = deckFromCode(deckCode);
	return { title: deck.title, claims: deckClaims(deck.items), source: `deck:${deckCode}` };
}

/** The deck a deck assignment reads, with its steps as a student reads them. */
export function assignedDeck(source: string | null) {
	const [type, ...rest] = (source ?? '').split(':');
	const value = rest.join(':');
	const { deck, frames } = type === 'event' ? deckForEvent(value) : deckFromCode(value);
	return { deck, frames, steps: readingSteps(deck.items) };
}

/** How many steps a deck assignment has, or claims any other has: what its progress counts. */
export function itemCount(assignment: AssignmentRecord): number {
	return assignment.kind === 'deck' ? assignedDeck(assignment.source).steps.length : assignment.claimIds.length;
}

/** A student's progress on any assignment: the furthest step of a deck, the claims answered of the rest. */
export function assignmentProgress(
	assignment: AssignmentRecord,
	phase: Phase,
	studentId: string,
	answers: readonly ClassAnswer[],
	readings: readonly ClassReading[],
	total = itemCount(assignment)
): { progress: Progress; done: number } {
	if (assignment.kind === 'deck') {
		const furthest = Math.min(furthestStep(readings, assignment.id, studentId), total);
		return { progress: readingProgress(furthest, total).progress, done: furthest };
	}
	return {
		progress: progress(assignment, phase, studentId, answers),
		done: answers.filter(
			(x) => x.assignmentId === assignment.id && x.phase === phase && x.studentId === studentId && assignment.claimIds.includes(x.claimId)
		).length
	};
}

/** The phase a student works on now: the "after" check only once the teacher has opened it. */
export function currentPhase(assignment: AssignmentRecord, studentId: string, answers: readonly ClassAnswer[]): Phase | 'waiting' | 'done' {
	if (assignment.kind === 'deck') return 'main';
	for (const phase of phasesOf(assignment.kind)) {
		if (nextClaim(assignment, phase, studentId, answers) === undefined) continue;
		if (phase === 'post' && !assignment.postOpen) return 'waiting';
		return phase;
	}
	return 'done';
}

export function claimsById(): Map<string, Claim> {
	return new Map(ledger().claims.map((c) => [c.id, c]));
}

/** The project's coding of every claim, as the scores compare against it. */
export function projectCoding(claimIds: readonly string[]): Record<string, string[]> {
	const byId = claimsById();
	return Object.fromEntries(claimIds.map((id) => [id, byId.get(id)?.frame_codes ?? []]));
}

export function claimSummaries(claimIds: readonly string[]) {
	const byId = claimsById();
	return Object.fromEntries(
		claimIds.flatMap((id) => {
			const claim = byId.get(id);
			return claim
				? [[id, { id, gist: claimGist(claim), frames: claim.frame_codes, note: claim.coding_note, speaker: claim.speaker }]]
				: [];
		})
	);
}

export function frameIds(): string[] {
	return frameChoices(codebook()).map((f) => f.id);
}

/** Everything the dashboard, the report, the CSV and the debrief compute from. */
export async function classData(klass: ClassRecord) {
	const db = await classes();
	const [students, assignments, answers, readings, teachers] = await Promise.all([
		db.students(klass.id),
		db.assignments(klass.id),
		db.answers(klass.id),
		db.readings(klass.id),
		db.teachers(klass.id)
	]);
	const claimIds = [...new Set(assignments.flatMap((a) => a.claimIds))];
	return { students, assignments, answers, readings, teachers, coded: projectCoding(claimIds), claims: claimSummaries(claimIds) };
}

/** The dashboard's numbers for one class: the same structure feeds the page, the printable report and the CSV. */
export async function classResults(klass: ClassRecord) {
	const { students, assignments, answers, readings, coded, claims } = await classData(klass);
	const frames = frameIds();
	return {
		students: students.map((s) => ({ id: s.id, nickname: s.nickname })),
		frames,
		assignments: assignments.map((a) => {
			const total = itemCount(a);
			return {
				id: a.id,
				title: a.title,
				kind: a.kind,
				due: a.due,
				total,
				phases: phasesOf(a.kind).map((phase) => {
					const mine = answers.filter((x) => x.assignmentId === a.id && x.phase === phase);
					return {
						phase,
						students: students.map((s) => {
							const { progress, done } = assignmentProgress(a, phase, s.id, answers, readings, total);
							return {
								studentId: s.id,
								progress,
								answered: done,
								score: a.kind === 'deck' ? null : studentScore(a, phase, s.id, answers, coded)
							};
						}),
						items: itemScores(a, phase, answers, coded).map((item, i) => ({
							...item,
							n: i + 1,
							gist: claims[item.claimId]?.gist ?? item.claimId
						})),
						confusion: confusion(mine, coded, frames)
					};
				}),
				prePost: a.kind === 'prepost' ? prePost(a, students, answers, coded) : null
			};
		})
	};
}

export type ClassResults = Awaited<ReturnType<typeof classResults>>;

export const CSV_COLUMNS = ['class', 'student', 'assignment', 'kind', 'phase', 'status', 'answered', 'claims', 'score_percent'];

/** One row per student, assignment and phase, in the dashboard's order. */
export function resultRows(className: string, results: ClassResults): Record<string, unknown>[] {
	const nickname = new Map(results.students.map((s) => [s.id, s.nickname]));
	return results.assignments.flatMap((a) =>
		a.phases.flatMap((p) =>
			p.students.map((s) => ({
				class: className,
				student: nickname.get(s.studentId),
				assignment: a.title,
				kind: a.kind,
				phase: p.phase,
				status: s.progress,
				answered: s.answered,
				claims: a.total,
				score_percent: s.score
			}))
		)
	);
}
