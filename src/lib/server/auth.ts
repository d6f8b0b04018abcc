import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Store, User } from './storage/types';

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
		const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (recent.length >= this.limit) {
			this.hits.set(key, recent);
			return Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
		}
		recent.push(now);
		this.hits.set(key, recent);
		if (this.hits.size > 10_000) this.prune(now);
		return 0;
	}

	reset(key: string) {
		this.hits.delete(key);
	}

	private prune(now: number) {
		for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
	}
}

export const loginLimiter = new RateLimiter(Number(process.env.PARALLAX_LOGIN_ATTEMPTS ?? 10), 15 * 60_000);
