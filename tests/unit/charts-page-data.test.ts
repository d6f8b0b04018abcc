import { describe, expect, it } from 'vitest';
import { chartData, firstChartViews, packedChartData } from '../../src/lib/server/charts';
import { unpackChartInput } from '../../src/lib/domain/charts/packed-records';
import { chartViews, inCodebook, viewsKey } from '../../src/lib/domain/charts/chart-views';
import { parseFilters } from '../../src/lib/domain/charts/filters';
import { translateMessage } from '../../src/lib/i18n/catalogue';

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

describe("the charts page's first views", () => {
	const charted = (query: string) => {
		const bundled = chartData();
		const url = new URL(`http://localhost/charts${query}`);
		const codebook = bundled.codebooks.find((c) => c.id === url.searchParams.get('codebook')) ?? bundled.codebooks[0]!;
		const coded = inCodebook(bundled, codebook);
		const vocab = { ...coded.vocab, datasets: [...bundled.vocab.datasets, 'stored-1'] };
		const { filters } = parseFilters(url.searchParams, vocab);
		return { url, codebook, filters, views: chartViews({ ...coded, vocab }, filters, (m) => translateMessage('uk', m)) };
	};

	it.each(['', '?group=ukrainian-media&gran=month&mode=count', '?codebook=' + chartData().codebooks.at(-1)!.id, '?dataset=stored-1'])(
		'are the bundled data charted as the page charts it for %s, under the key of its codebook and filters',
		(query) => {
			const { url, codebook, filters, views } = charted(query);
			const first = firstChartViews(url, 'uk', ['stored-1']);
			expect(first.key).toBe(viewsKey(codebook.id, filters));
			expect(first.views).toEqual(views);
		}
	);

	it('have a key of their own for each set of filters', () => {
		expect(firstChartViews(new URL('http://localhost/charts?gran=month'), 'en', []).key).not.toBe(
			firstChartViews(new URL('http://localhost/charts'), 'en', []).key
		);
	});
});
