import { json } from '@sveltejs/kit';
import { readableDataset } from '$lib/server/access';

export async function GET({ params, locals, url }) {
	return json({ dataset: await readableDataset(params.id, locals.user, url.searchParams.get('token')) });
}
