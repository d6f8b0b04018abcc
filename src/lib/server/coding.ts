import { translate } from '$lib/i18n/catalogue';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { error, type Cookies } from '@sveltejs/kit';
import {
	blindItem,
	classSummary,
	JOIN_ALPHABET,
	JOIN_CODE_LENGTH,
	MAX_NICKNAME,
	nicknameSchema,
	normaliseJoinCode,
	SESSION_IDLE_MS,
	type ClassSummary,
	type CodingMessage,
	type SessionItem
} from '$lib/domain/classroom/coding';
import { deckClaims } from '$lib/domain/classroom/deck';
import type { Claim, Frame, Perspective } from '$lib/domain/ledger/schemas';
import { frameIndex, perspectivesFor } from '$lib/domain/ledger/views';
import { hashToken, newId, RateLimiter } from './auth';
import { deckForEvent, deckFromCode } from './classroom';
import { frameChoices } from './exercise';
import { refuse } from './refusal';
import { ledger } from './ledger';
import { store } from './storage';
import type { CodingSessionRecord, CodingStudentRecord } from './storage/types';

/**
 * Live class-coding sessions. The session id in the link is 144 random bits, so a link reveals
 * only its own session; teacher powers (reveal, export, results) need a separate secret kept in
 * an httpOnly cookie scoped to the session's path, and only its hash is stored.
 */

const TEACHER_COOKIE = 'parallax_coding_teacher';
const STUDENT_COOKIE = 'parallax_coding_student';
// An expired session answers "expired" for a day, then it is deleted with its answers.
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/**
 * Join, resume and rejoin codes are short enough to guess in bulk; this bounds wrong tries per
 * address. Only wrong ones count: a class of thirty behind one school address joins thirty times
 * in a minute, and its thirty-first student was told to wait.
 */
export const joinLimiter = new RateLimiter(30, 10 * 60_000);

export interface Origin {
	title: string;
	claims: Claim[];
	/** Where the session was started from. */
	href: string;
}

/** The claims of a deck (by code) or an event (by id), as a session's items. */
export function originFrom(params: URLSearchParams): Origin {
	const code = params.get('deck');
	const eventId = params.get('event');
	if (code) {
		const { deck } = deckFromCode(code);
		return { title: deck.title, claims: deckClaims(deck.items), href: `/decks/${deck.code}` };
	}
	if (eventId) {
		const { deck } = deckForEvent(eventId);
		return { title: deck.title, claims: deckClaims(deck.items), href: `/events/${eventId}` };
	}
	refuse(404, { key: 'coding.error.noOrigin' });
}

function cookieOptions(id: string, secure: boolean) {
	// Scoped to this session's pages, so one browser can teach one session and join another.
	return { path: `/coding/${id}`, httpOnly: true, sameSite: 'lax' as const, secure, maxAge: 24 * 60 * 60 };
}

export async function startCodingSession(origin: Origin, cookies: Cookies, secure: boolean): Promise<string> {
	const db = await store();
	const now = Date.now();
	await db.deleteCodingSessionsBefore(now - KEEP_EXPIRED_MS);
	let joinCode = '';
	do {
		joinCode = Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]).join('');
	} while (await db.codingSessionByJoinCode(joinCode, now));
	const id = randomBytes(18).toString('base64url');
	const teacherToken = randomBytes(32).toString('base64url');
	await db.createCodingSession({
		id,
		joinCode,
		teacherHash: hashToken(teacherToken),
		title: origin.title,
		claimIds: origin.claims.map((c) => c.id),
		origin: origin.href,
		revealed: false,
		createdAt: now,
		expiresAt: now + SESSION_IDLE_MS
	});
	cookies.set(TEACHER_COOKIE, teacherToken, cookieOptions(id, secure));
	return id;
}

const NOT_FOUND: CodingMessage = { key: 'coding.error.notFound' };

/** The session if it is open; a clear 410 once it has expired. */
export async function openSession(id: string): Promise<CodingSessionRecord> {
	const session = await (await store()).codingSession(id);
	if (!session) refuse(404, NOT_FOUND);
	if (session.expiresAt <= Date.now()) refuse(410, { key: 'coding.error.ended' });
	return session;
}

export function isTeacher(session: CodingSessionRecord, cookies: Cookies): boolean {
	const token = cookies.get(TEACHER_COOKIE);
	return token !== undefined && hashToken(token) === session.teacherHash;
}

/** Another browser (the teacher's other computer, a student) learns where the teacher view opens, not whether the session exists. */
export function teacherOnly(locals: App.Locals, url: URL): string {
	return translate(locals.locale, 'coding.teacherOnly', { joinPage: new URL('/coding', url.origin).href });
}

/**
 * The teacher's page itself, opened without the teacher's secret: a 403 that explains where the
 * teacher view opens, given alike whether or not the id names a session, so that it reveals
 * nothing the join page does not.
 */
export async function teacherPageSession(id: string, cookies: Cookies, message: string): Promise<CodingSessionRecord> {
	const session = await (await store()).codingSession(id);
	// Only a browser holding a teacher's key hears that a session is gone.
	if (!session && cookies.get(TEACHER_COOKIE) !== undefined) refuse(404, NOT_FOUND);
	if (!session || !isTeacher(session, cookies)) error(403, message);
	return openSession(id);
}

/** Teacher endpoints (export) answer exactly like a missing session to anyone without the teacher's secret. */
export async function teacherSession(id: string, cookies: Cookies): Promise<CodingSessionRecord> {
	const session = await openSession(id);
	if (!isTeacher(session, cookies)) refuse(404, NOT_FOUND);
	return session;
}

export async function currentStudent(session: CodingSessionRecord, cookies: Cookies): Promise<CodingStudentRecord | undefined> {
	const token = cookies.get(STUDENT_COOKIE);
	if (!token) return undefined;
	const hash = hashToken(token);
	return (await (await store()).codingStudents(session.id)).find((s) => s.tokenHash === hash);
}

const REJOIN_CODE_LENGTH = 8;

/**
 * The code that lets a student continue on another device. It is derived from the hash of their
 * device's token, which never leaves the server, so nothing more is stored; it changes when they move.
 */
export function rejoinCode(student: CodingStudentRecord): string {
	const digest = createHash('sha256').update(`rejoin:${student.tokenHash}`).digest();
	return Array.from(digest.subarray(0, REJOIN_CODE_LENGTH), (byte) => JOIN_ALPHABET[byte % JOIN_ALPHABET.length]).join('');
}

/**
 * Joins with a new nickname, or, with the rejoin code shown on their first device, continues as
 * the student already using it: a phone that ran flat or a cookie cleared no longer loses a
 * student's coding for the lesson.
 */
export async function join(
	session: CodingSessionRecord,
	rawNickname: unknown,
	rawRejoin: unknown,
	cookies: Cookies,
	secure: boolean
): Promise<CodingMessage | undefined> {
	const parsed = nicknameSchema.safeParse(typeof rawNickname === 'string' ? rawNickname : '');
	if (!parsed.success) {
		return parsed.error.issues[0]?.code === 'too_big'
			? { key: 'coding.error.nicknameLong', params: { max: MAX_NICKNAME } }
			: { key: 'coding.error.nickname' };
	}
	const db = await store();
	const taken = (await db.codingStudents(session.id)).find((s) => s.nickname.toLowerCase() === parsed.data.toLowerCase());
	const rejoin = typeof rawRejoin === 'string' ? normaliseJoinCode(rawRejoin) : '';
	if (taken && rejoin === '') return { key: 'coding.error.nicknameTaken' };
	// A code with a nickname nobody uses is a mistyped nickname: joining anew would split the student in two.
	if (rejoin !== '' && (!taken || !sameCode(rejoin, rejoinCode(taken)))) return { key: 'coding.error.rejoinWrong' };
	const token = randomBytes(32).toString('base64url');
	if (taken) await db.setCodingStudentToken(session.id, taken.id, hashToken(token));
	else await db.addCodingStudent(session.id, { id: newId(), nickname: parsed.data, tokenHash: hashToken(token) });
	await db.touchCodingSession(session.id, Date.now() + SESSION_IDLE_MS);
	cookies.set(STUDENT_COOKIE, token, cookieOptions(session.id, secure));
	return undefined;
}

function sameCode(given: string, expected: string): boolean {
	return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export async function answer(
	session: CodingSessionRecord,
	student: CodingStudentRecord,
	claimId: unknown,
	frames: unknown[]
): Promise<CodingMessage | undefined> {
	if (typeof claimId !== 'string' || !session.claimIds.includes(claimId)) return { key: 'coding.error.notInSession' };
	const allowed = frameChoices(codebook());
	// Codebook order, unknown codes dropped: the stored answer is the same whatever the form sent.
	const chosen = allowed.map((f) => f.id).filter((id) => frames.includes(id));
	if (chosen.length === 0) return { key: 'coding.error.chooseFrame' };
	const db = await store();
	await db.saveCodingAnswer(session.id, { studentId: student.id, claimId, frames: chosen });
	await db.touchCodingSession(session.id, Date.now() + SESSION_IDLE_MS);
	return undefined;
}

export async function reveal(session: CodingSessionRecord) {
	await (await store()).touchCodingSession(session.id, Date.now() + SESSION_IDLE_MS, true);
}

export function codebook(): Record<string, Frame> {
	return frameIndex(ledger().frames);
}

export async function sessionCodings(session: CodingSessionRecord) {
	const db = await store();
	const [students, answers] = await Promise.all([db.codingStudents(session.id), db.codingAnswers(session.id)]);
	const coders = students.map((s) => ({ id: s.id, nickname: s.nickname }));
	return { coders, answers, frameIds: frameChoices(codebook()).map((f) => f.id) };
}

export async function summary(session: CodingSessionRecord): Promise<ClassSummary> {
	const { coders, answers, frameIds } = await sessionCodings(session);
	return classSummary(
		sessionClaims(session).map((claim) => claim.id),
		frameIds,
		coders,
		answers
	);
}

/** The session's claims that the ledger still has: the screen, its numbers and the CSV all leave out one a redeploy dropped. */
function sessionClaims(session: CodingSessionRecord): Claim[] {
	const byId = new Map(ledger().claims.map((c) => [c.id, c]));
	return session.claimIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The claims as the page may show them: before the reveal only their words leave the server, so
 * the speaker, venue, outlet and link are not in the page data for a curious student to find.
 */
export function sessionItems(session: CodingSessionRecord): SessionItem[] {
	return sessionClaims(session).map((claim): SessionItem => {
		if (!session.revealed) return { revealed: false, item: blindItem(claim) };
		return { revealed: true, item: blindItem(claim), claim, perspectives: answersTo(claim) };
	});
}

/** The perspectives on a claim, oldest first, as a revealed claim shows them. */
export function answersTo(claim: Claim): Perspective[] {
	return perspectivesFor(claim.id, ledger().perspectives).sort((a, b) => a.date.localeCompare(b.date));
}

/** What the page shows about the codebook: the choices, and the full index for revealed frame chips. */
export function codingChoices() {
	const frames = codebook();
	return { choices: frameChoices(frames), frames };
}
