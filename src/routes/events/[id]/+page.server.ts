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
	return { ...view, disputes: await openDisputes(), charts: packChartInput(eventChartInput(chartData(), view.event.id)) };
}
