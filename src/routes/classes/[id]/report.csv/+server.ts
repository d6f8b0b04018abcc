import { spreadsheetCsv } from '$lib/domain/ledger/table';
import { classResults, CSV_COLUMNS, resultRows, teacherClass } from '$lib/server/classes';

export async function GET({ params, locals }) {
	const klass = await teacherClass(params.id, locals.user);
	const csv = spreadsheetCsv(CSV_COLUMNS, resultRows(klass.name, await classResults(klass)));
	const file = `${klass.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'class'}-results.csv`;
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="class-results.csv"; filename*=UTF-8''${encodeURIComponent(file)}`,
			'cache-control': 'private, no-store'
		}
	});
}
