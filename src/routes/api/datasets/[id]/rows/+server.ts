import { json } from '@sveltejs/kit';
import { DATASET_COLUMNS } from '$lib/domain/import/dataset';
import { rowFilterFromQuery } from '$lib/domain/charts/filters';
import { toCsv } from '$lib/domain/ledger/table';
import { readableDataset } from '$lib/server/access';
import { store } from '$lib/server/storage';

const MAX_LIMIT = 100_000;

/** A dataset's rows with the chart filters applied, as JSON pages or one CSV file. */
export async function GET({ params, locals, url }) {
	const dataset = await readableDataset(params.id, locals.user, url.searchParams.get('token'));
	const { filter, problems } = rowFilterFromQuery(url.searchParams);
	if (problems.length > 0) return json({ problems }, { status: 400 });
	const db = await store();
	if (url.searchParams.get('format') === 'csv') {
		const rows = await db.rows(dataset.id, filter, Number.MAX_SAFE_INTEGER, 0);
		const csv = toCsv(
			[...DATASET_COLUMNS],
			rows.map((r) => ({ ...r, frames: r.frames.join(';') }))
		);
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="parallax-dataset-${dataset.id}.csv"`
			}
		});
	}
	const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 1000) || 1000, 1), MAX_LIMIT);
	const offset = Math.max(Number(url.searchParams.get('offset') ?? 0) || 0, 0);
	return json({ dataset: dataset.id, limit, offset, rows: await db.rows(dataset.id, filter, limit, offset) });
}
