import { error, json } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { chartData } from '$lib/server/charts';
import { eventChartInput } from '$lib/domain/charts/chart-views';
import { packChartInput } from '$lib/domain/charts/packed-records';

/** Every record the event page's all-data download counts: the event's own and the totals of its days. */
export function GET({ params }) {
	if (!ledger().events.some((e) => e.id === params.id)) error(404, `There is no event with the id "${params.id}".`);
	return json(packChartInput(eventChartInput(chartData(), params.id)));
}
