import { json } from '@sveltejs/kit';
import { rowFilterFromQuery } from '$lib/domain/charts/filters';
import { readableDataset } from '$lib/server/access';
import { store } from '$lib/server/storage';

/** Counts per period × outlet group × frame (ISO weeks or months, UTC), computed in the database. */
export async function GET({ params, locals, url }) {
	const dataset = await readableDataset(params.id, locals.user, url.searchParams.get('token'));
	const { filter, problems } = rowFilterFromQuery(url.searchParams);
	const gran = url.searchParams.get('gran') ?? 'week';
	if (gran !== 'week' && gran !== 'month') problems.push(`gran="${gran}" must be week or month.`);
	if (problems.length > 0) return json({ problems }, { status: 400 });
	const rows = await (await store()).aggregate(dataset.id, gran as 'week' | 'month', filter);
	return json({ dataset: dataset.id, granularity: gran, rows });
}
