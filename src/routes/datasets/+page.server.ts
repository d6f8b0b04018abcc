import { listedDatasets } from '$lib/server/access';
import { LIMITS } from '$lib/server/import';

export async function load({ locals, url }) {
	const q = (url.searchParams.get('q') ?? '').trim();
	const needle = q.toLowerCase();
	const datasets = (await listedDatasets(locals.user)).filter(
		(d) => needle === '' || `${d.title} ${d.description} ${d.source} ${d.ownerName}`.toLowerCase().includes(needle)
	);
	return { datasets, q, limits: LIMITS };
}
