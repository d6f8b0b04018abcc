import { describe, expect, it } from 'vitest';
import { overServerLimit, serverBodyLimit } from '../../src/lib/server/body';

describe("adapter-node's body limit", () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does: bytes, or K, M and G (either case), 512K when unset', () => {
		expect(serverBodyLimit('512K')).toBe(524_288);
		expect(serverBodyLimit('201m')).toBe(201 * 1024 * 1024);
		expect(serverBodyLimit('1G')).toBe(1024 ** 3);
		expect(serverBodyLimit('100000')).toBe(100_000);
		expect(serverBodyLimit('Infinity')).toBe(Infinity);
	});

	it('tells its refusal (status 413) from any other failure while a body is read', () => {
		expect(overServerLimit(Object.assign(new Error('Content-length of 9 exceeds limit of 8 bytes.'), { status: 413 }))).toBe(true);
		expect(overServerLimit(new Error('socket hang up'))).toBe(false);
		expect(overServerLimit(null)).toBe(false);
	});
});
