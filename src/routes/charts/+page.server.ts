import { isolate } from '$lib/domain/bidi';
import { listedDatasets } from '$lib/server/access';
import { chartData, firstChartViews, MAX_CHART_RECORDS, storedChartData } from '$lib/server/charts';
import { isLocalDatasetId } from '$lib/domain/import/local-dataset';
import { BUNDLED_DATASET, type Coarsened } from '$lib/domain/charts/coverage';
import { MAX_COMPARED } from '$lib/domain/charts/filters';
import type { PackedChartInput } from '$lib/domain/charts/packed-records';

const isStored = (id: string | null): id is string => id !== null && id !== BUNDLED_DATASET && !isLocalDatasetId(id);

export async function load({ url, locals, untrack, isDataRequest }) {
	const bundled = chartData();
	const requested = url.searchParams.get('dataset');
	const compared = [...new Set(url.searchParams.getAll('cmp'))].filter((id) => isStored(id) && id !== requested).slice(0, MAX_COMPARED - 1);
	// Every stored dataset on the page shares one record budget, so the page stays as small with several.
	const budget = Math.floor(MAX_CHART_RECORDS / (compared.length + (isStored(requested) ? 1 : 0) || 1));
	const [stored, ...others] = await Promise.all([
		isStored(requested)
			? storedChartData(requested, locals.user, url.searchParams.get('token'), bundled, url.searchParams, budget)
			: Promise.resolve(null),
		// Only datasets this viewer may list: a link-shared one's token is for the main dataset alone.
		...compared.map((id) => storedChartData(id, locals.user, null, bundled, url.searchParams, budget))
	]);
	const listed = await listedDatasets(locals.user);
	const datasets = [...listed, ...(stored && !listed.some((d) => d.id === stored.dataset.id) ? [stored.dataset] : [])];
	const comparedInputs: Record<string, PackedChartInput> = {};
	const comparedCoarsened: Record<string, Coarsened> = {};
	for (const other of others) {
		if (!other) continue;
		comparedInputs[other.dataset.id] = other.packed;
		if (other.coarsened) comparedCoarsened[other.dataset.id] = other.coarsened;
	}
	return {
		// Read untracked: a filter change is charted by the page itself, without asking the server again.
		// Only a page being rendered hydrates with them: a navigation's data request would chart for nothing
		// (they took chart page data from p95 163 to 234 ms under `npm run load`).
		first:
			!isDataRequest && (requested === null || requested === BUNDLED_DATASET)
				? untrack(() =>
						firstChartViews(
							url,
							locals.locale,
							datasets.map((d) => d.id)
						)
					)
				: null,
		stored: stored?.packed ?? null,
		coarsened: stored?.coarsened ?? null,
		compared: comparedInputs,
		comparedCoarsened,
		storedDatasets: datasets.map((d) => ({
			id: d.id,
			label: `${isolate(d.title)} (saved by ${isolate(d.ownerName)})`,
			title: d.title,
			rows: d.rowCount
		}))
	};
}
