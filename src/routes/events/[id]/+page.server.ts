import { error } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { chartData } from '$lib/server/charts';
import { eventChartInput } from '$lib/domain/charts/chart-views';
import { packChartInput } from '$lib/domain/charts/packed-records';
import { compareView } from '$lib/domain/ledger/views';
import { openDisputes } from '$lib/server/disputes';

export async function load({ params }) {
	const view = compareView(ledger(), params.id);
	if (!view) error(404, `There is no event with the id "${params.id}".`);
	const input = eventChartInput(chartData(), view.event.id);
	// The panel charts the event's own coverage. The other events' records of its days are for the
	// all-data download's totals alone (a fifth of the page), so the download fetches them (./chart-data).
	const own = { ...input, records: input.records.filter((r) => r.event === view.event.id) };
	return { ...view, disputes: await openDisputes(), charts: packChartInput(own) };
}
