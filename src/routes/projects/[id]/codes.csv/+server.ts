import { codesCsv } from '$lib/domain/projects/project';
import { memberProject, projectSnapshot } from '$lib/server/projects';

export async function GET({ params, locals }) {
	const project = await memberProject(params.id, locals.user);
	const { items, codes, adjudications, coders, model, suggestions } = await projectSnapshot(project.id);
	const names = new Map(coders.map((c) => [c.id, c.name]));
	const csv = codesCsv(items, codes, adjudications, names, model && { model, rows: suggestions });
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="coding-project-codes.csv"',
			'cache-control': 'private, no-store'
		}
	});
}
