import { codesCsv } from '$lib/domain/projects/project';
import { memberProject, projects } from '$lib/server/projects';

export async function GET({ params, locals }) {
	const project = await memberProject(params.id, locals.user);
	const db = await projects();
	const [items, codes, adjudications, coders] = await Promise.all([
		db.items(project.id),
		db.codes(project.id),
		db.adjudications(project.id),
		db.coders(project.id)
	]);
	const csv = codesCsv(items, codes, adjudications, new Map(coders.map((c) => [c.id, c.name])));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="coding-project-codes.csv"',
			'cache-control': 'private, no-store'
		}
	});
}
