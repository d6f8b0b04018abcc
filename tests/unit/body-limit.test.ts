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

	it('tells its refusal of a body over the limit from any other failure while a body is read', () => {
		const refusal = (message: string) => Object.assign(new Error(message), { status: 413 });
		expect(overServerLimit(refusal('Content-length of 9 exceeds limit of 8 bytes.'))).toBe(true);
		expect(overServerLimit(refusal('request body size exceeded BODY_SIZE_LIMIT of 8'))).toBe(true);
		// A body longer than its own Content-Length is the client's mistake, not the limit.
		expect(overServerLimit(refusal('request body size exceeded content-length of 8'))).toBe(false);
		expect(overServerLimit(new Error('socket hang up'))).toBe(false);
		expect(overServerLimit(null)).toBe(false);
	});
});
