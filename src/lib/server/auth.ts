import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { redirect, type Cookies } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n/catalogue';
import { sendMail } from './mail';
import type { PendingSignup, Store, User } from './storage/types';
import { AFTER_SIGN_IN } from '$lib/domain/account';

export const SESSION_COOKIE = 'parallax_session';
const SESSION_DAYS = 30;

// scrypt with N=2^15, r=8: 32 MiB per hash, memory-hard as OWASP recommends for scrypt.
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions = SCRYPT): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
	);
}

/** `scrypt$N$r$p$salt$key`, so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt);
	return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const expected = Buffer.from(key, 'base64url');
	const actual = await derive(password, Buffer.from(salt, 'base64url'), {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: SCRYPT.maxmem
	});
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Tokens are random; only their hash is stored, so a leaked database holds no usable session. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export function newId(bytes = 12): string {
	return randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against an account, or against a decoy hash when there is no account, so an
 * unknown email takes as long to refuse as a wrong password and cannot be told apart by timing.
 */
export async function passwordMatches(user: User | undefined, password: string): Promise<boolean> {
	if (user) return verifyPassword(password, user.passwordHash);
	decoy ??= hashPassword(randomBytes(16).toString('base64url'));
	await verifyPassword(password, await decoy);
	return false;
}

const LINK_HOURS = 24;

/**
 * Mails a one-time link that proves the account owns its address and signs it in, then opens
 * `next` (a path of this site): a teacher who signed up from /classes lands back there.
 */
export async function sendConfirmation(
	store: Store,
	user: Pick<User, 'id' | 'email'>,
	origin: string,
	locale: Locale,
	signup?: PendingSignup,
	next = AFTER_SIGN_IN
) {
	const token = randomBytes(32).toString('base64url');
	await store.createEmailToken(hashToken(token), user.id, new Date(Date.now() + LINK_HOURS * 3_600_000), signup);
	const link = `${origin}/verify?token=${token}${next === AFTER_SIGN_IN ? '' : `&next=${encodeURIComponent(next)}`}`;
	await sendMail({
		to: user.email,
		subject: translate(locale, 'mail.confirm.subject'),
		text: translate(locale, 'mail.confirm.text', { hours: LINK_HOURS, link })
	});
}

/** Someone tried to sign up with an address that already has an account: tell its owner, not them. */
export async function sendAlreadyRegistered(email: string, origin: string, locale: Locale) {
	await sendMail({
		to: email,
		subject: translate(locale, 'mail.registered.subject'),
		text: translate(locale, 'mail.registered.text', { link: `${origin}/login` })
	});
}

export async function startSession(store: Store, user: User, cookies: Cookies, secure: boolean) {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
	await store.createSession(hashToken(token), user.id, expires);
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

export async function endSession(store: Store, cookies: Cookies) {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await store.deleteSession(hashToken(token));
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * Login attempts per key (address + email) in a sliding window. Kept in memory: with several
 * instances each limits on its own, which still bounds guessing to N × instances per window.
 */
export class RateLimiter {
	private readonly hits = new Map<string, number[]>();
	constructor(
		private readonly limit: number,
		private readonly windowMs: number
	) {}

	/** Records an attempt; returns the seconds to wait when over the limit, else 0. */
	attempt(key: string, now = Date.now()): number {
		const recent = this.recent(key, now);
		const wait = this.wait(recent, now);
		if (wait === 0) recent.push(now);
		this.hits.set(key, recent);
		if (wait === 0 && this.hits.size > 10_000) this.prune(now);
		return wait;
	}

	/** The seconds to wait when `key` is over the limit, else 0; records nothing. */
	waiting(key: string, now = Date.now()): number {
		return this.wait(this.recent(key, now), now);
	}

	private recent(key: string, now: number): number[] {
		return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
	}

	private wait(recent: number[], now: number): number {
		return recent.length >= this.limit ? Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000) : 0;
	}

	reset(key: string) {
		this.hits.delete(key);
	}

	private prune(now: number) {
		for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
	}
}

const fromEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * Sign-in attempts are limited three ways over 15 minutes: per address and account (a guesser at
 * one account), per address (one client trying many accounts) and per account (many clients
 * trying one account). The first to run out answers 429 with the wait.
 */
const loginLimits = {
	pair: new RateLimiter(fromEnv('PARALLAX_LOGIN_ATTEMPTS', 10), 15 * 60_000),
	address: new RateLimiter(fromEnv('PARALLAX_LOGIN_ATTEMPTS_PER_ADDRESS', 30), 15 * 60_000),
	account: new RateLimiter(fromEnv('PARALLAX_LOGIN_ATTEMPTS_PER_ACCOUNT', 50), 15 * 60_000)
};

/** Records a sign-in attempt; the seconds to wait when any limit is reached, else 0. */
export function loginWait(address: string, email: string): number {
	return Math.max(
		loginLimits.pair.attempt(`${address}|${email}`),
		loginLimits.address.attempt(address),
		loginLimits.account.attempt(email)
	);
}

/** A successful sign-in clears the pair's count; the address and account limits keep theirs. */
export function loginSucceeded(address: string, email: string) {
	loginLimits.pair.reset(`${address}|${email}`);
}

/** New accounts per address per hour. */
export const signupLimiter = new RateLimiter(fromEnv('PARALLAX_SIGNUPS_PER_HOUR', 10), 60 * 60_000);

/** The signed-in user, or a redirect to sign in that comes back to this page. */
export function requireSignIn(user: App.Locals['user'], url: URL): NonNullable<App.Locals['user']> {
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return user;
}
