import { error } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { chartData } from '$lib/server/charts';
import { chartViews, eventChartInput } from '$lib/domain/charts/chart-views';
import { collectionWindow } from '$lib/domain/charts/coverage';
import { defaultFilters } from '$lib/domain/charts/filters';
import { compareView } from '$lib/domain/ledger/views';
import { openDisputes } from '$lib/server/disputes';
import { translateMessage } from '$lib/i18n/catalogue';

export async function load({ params, locals }) {
	const view = compareView(ledger(), params.id);
	if (!view) error(404, `There is no event with the id "${params.id}".`);
	// The panel's two charts are charted here, in the reader's language: the page carries their
	// numbers instead of the records, and a phone hydrates without counting them. The all-data
	// download fetches the records (./chart-data) when asked.
	const input = eventChartInput(chartData(), view.event.id);
	const own = input.records.filter((r) => r.event === view.event.id);
	const span = collectionWindow(own);
	const filters = { ...defaultFilters(input.vocab.datasets[0] ?? 'bundled'), events: [view.event.id], from: span.start, to: span.end };
	const { granularity, coverage, frames, stance } = chartViews(input, filters, (message) => translateMessage(locals.locale, message));
	return {
		...view,
		disputes: await openDisputes(),
		coverage: { count: own.length, filters, views: { granularity, coverage, frames, stance } }
	};
}
