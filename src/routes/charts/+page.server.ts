import { chartData } from '$lib/server/charts';

export function load() {
	return chartData();
}
