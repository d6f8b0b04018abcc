import { isolate } from '$lib/domain/bidi';
import { listedDatasets } from '$lib/server/access';
import { chartData, packedChartData, storedChartData } from '$lib/server/charts';
import { isLocalDatasetId } from '$lib/domain/import/local-dataset';
import { BUNDLED_DATASET } from '$lib/domain/charts/coverage';
import { packChartInput } from '$lib/domain/charts/packed-records';

export async function load({ url, locals }) {
	const bundled = chartData();
	const requested = url.searchParams.get('dataset');
	const stored =
		requested && requested !== BUNDLED_DATASET && !isLocalDatasetId(requested)
			? await storedChartData(requested, locals.user, url.searchParams.get('token'), bundled, url.searchParams)
			: null;
	const listed = await listedDatasets(locals.user);
	const datasets = [...listed, ...(stored && !listed.some((d) => d.id === stored.dataset.id) ? [stored.dataset] : [])];
	return {
		...packedChartData(),
		stored: stored ? packChartInput(stored.input) : null,
		coarsened: stored?.coarsened ?? null,
		storedDatasets: datasets.map((d) => ({ id: d.id, label: `${isolate(d.title)} (saved by ${isolate(d.ownerName)})`, rows: d.rowCount }))
	};
}
