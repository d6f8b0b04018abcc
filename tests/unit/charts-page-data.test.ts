import { describe, expect, it } from 'vitest';
import { chartData, packedChartData } from '../../src/lib/server/charts';
import { unpackChartInput } from '../../src/lib/domain/charts/packed-records';

describe('the bundled charts page data', () => {
	it('is packed once per process and unpacks to the bundled records, vocabulary and labels', () => {
		const packed = packedChartData();
		expect(packedChartData()).toBe(packed);
		const bundled = chartData();
		expect(packed.records.length).toBe(bundled.records.length);
		const { records, vocab, labels, window, codebooks } = unpackChartInput(packed);
		expect(records).toEqual(bundled.records);
		expect({ vocab, labels, window, codebooks }).toEqual({
			vocab: bundled.vocab,
			labels: bundled.labels,
			window: bundled.window,
			codebooks: bundled.codebooks
		});
	});
});
