import { describe, expect, it } from 'vitest';
import { hashPassword, RateLimiter, verifyPassword } from '../../src/lib/server/auth';

describe('password hashing', () => {
	it('stores scrypt with its parameters, a random salt and a 32-byte key', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
		expect(hash).not.toContain('correct horse');
		// A fresh salt each time: the same password never gives the same hash.
		expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
	});

	it('verifies the right password and refuses a wrong or tampered one', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
		expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
		expect(await verifyPassword('correct horse battery staple', hash.replace(/\$[^$]+$/, '$' + 'A'.repeat(43)))).toBe(false);
		expect(await verifyPassword('correct horse battery staple', 'plain-text-password')).toBe(false);
	});

	it('treats canonically equal Unicode spellings as the same password', async () => {
		const hash = await hashPassword('Café au lait 2026');
		expect(await verifyPassword('Cafe\u0301 au lait 2026', hash)).toBe(true);
	});
});

describe('sign-in rate limit', () => {
	it('allows the limit, then says how long to wait, per key', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t = 1_000_000;
		expect([limiter.attempt('a', t), limiter.attempt('a', t + 1), limiter.attempt('a', t + 2)]).toEqual([0, 0, 0]);
		expect(limiter.attempt('a', t + 3)).toBe(60);
		expect(limiter.attempt('b', t + 3)).toBe(0);
	});

	it('says how long to wait without counting the question', () => {
		const limiter = new RateLimiter(2, 10_000);
		expect(limiter.waiting('a', 0)).toBe(0);
		expect(limiter.waiting('a', 0)).toBe(0);
		limiter.attempt('a', 0);
		limiter.attempt('a', 1_000);
		expect(limiter.waiting('a', 2_000)).toBe(8);
		expect(limiter.waiting('a', 9_500)).toBe(1);
		expect(limiter.waiting('a', 10_000)).toBe(0);
	});

	it('lets attempts through again once the oldest leaves the window, and after a reset', () => {
		const limiter = new RateLimiter(2, 10_000);
		limiter.attempt('a', 0);
		limiter.attempt('a', 5_000);
		expect(limiter.attempt('a', 9_000)).toBe(1);
		expect(limiter.attempt('a', 10_000)).toBe(0);
		expect(limiter.attempt('a', 10_001)).toBeGreaterThan(0);
		limiter.reset('a');
		expect(limiter.attempt('a', 10_002)).toBe(0);
	});
});
