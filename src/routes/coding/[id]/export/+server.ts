import { EXPORT_COLUMNS, exportRows } from '$lib/domain/classroom/coding';
import { spreadsheetCsv } from '$lib/domain/ledger/table';
import { sessionCodings, sessionItems, teacherSession } from '$lib/server/coding';

export async function GET({ params, cookies }) {
	const session = await teacherSession(params.id, cookies);
	const { coders, answers, frameIds } = await sessionCodings(session);
	const csv = spreadsheetCsv(EXPORT_COLUMNS, exportRows(sessionItems(session), frameIds, coders, answers));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="parallax-coding-${session.joinCode}.csv"`,
			'cache-control': 'no-store'
		}
	});
}
