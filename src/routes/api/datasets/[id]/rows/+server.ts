import { json } from '@sveltejs/kit';
import { rowFilterFromQuery } from '$lib/domain/charts/filters';
import { datasetCsvStream } from '$lib/server/dataset-csv';
import { readableDataset } from '$lib/server/access';
import { store } from '$lib/server/storage';

const MAX_LIMIT = 100_000;

/** `1e400` or `-0x10` would reach SQL as Infinity or a float; only plain digits are accepted. */
function wholeNumber(value: string | null, fallback: number): number | null {
	if (value === null || value === '') return fallback;
	return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** A dataset's rows with the chart filters applied, as JSON pages or one CSV file. */
export async function GET({ params, locals, url }) {
	const dataset = await readableDataset(params.id, locals.user, url.searchParams.get('token'));
	const { filter, problems } = rowFilterFromQuery(url.searchParams);
	if (problems.length > 0) return json({ problems }, { status: 400 });
	const db = await store();
	if (url.searchParams.get('format') === 'csv') {
		return new Response(datasetCsvStream(db, dataset.id, filter), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="parallax-dataset-${dataset.id}.csv"`
			}
		});
	}
	const limit = wholeNumber(url.searchParams.get('limit'), 1000);
	const offset = wholeNumber(url.searchParams.get('offset'), 0);
	const limitOk = limit !== null && limit >= 1 && limit <= MAX_LIMIT;
	if (!limitOk || offset === null) {
		const problems = [
			...(limitOk ? [] : [`limit must be a whole number from 1 to ${MAX_LIMIT}, written with digits only.`]),
			...(offset === null ? ['offset must be a whole number from 0 to 999999999, written with digits only.'] : [])
		];
		return json({ problems }, { status: 400 });
	}
	return json({ dataset: dataset.id, limit, offset, rows: await db.rows(dataset.id, filter, limit, offset) });
}
