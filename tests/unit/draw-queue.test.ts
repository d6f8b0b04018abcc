import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSoon } from '../../src/lib/components/charts/draw-queue';

/** A canvas at a position down the page. */
const at = (y: number) =>
	({ y, compareDocumentPosition: (other: { y: number }) => (other.y > y ? 4 : 2) }) as unknown as Node & { y: number };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('buildSoon', () => {
	it('builds one chart per task, the highest on the page first', () => {
		const built: number[] = [];
		for (const y of [900, 100, 500]) buildSoon(at(y), () => built.push(y));
		expect(built).toEqual([]);
		vi.advanceTimersToNextTimer();
		expect(built).toEqual([100]);
		vi.advanceTimersToNextTimer();
		expect(built).toEqual([100, 500]);
		vi.runAllTimers();
		expect(built).toEqual([100, 500, 900]);
	});

	it('drops a chart withdrawn before its turn', () => {
		const built: number[] = [];
		buildSoon(at(100), () => built.push(100));
		const withdraw = buildSoon(at(200), () => built.push(200));
		withdraw();
		vi.runAllTimers();
		expect(built).toEqual([100]);
	});
});
