import { memberProject, projectFrames, projects } from '$lib/server/projects';

export async function load({ params, locals }) {
	const project = await memberProject(params.id, locals.user);
	const db = await projects();
	const [items, codes] = await Promise.all([db.items(project.id), db.codes(project.id, locals.user!.id)]);
	return {
		project,
		items,
		codes: codes.map(({ position, frames, stances }) => ({ position, frames, stances })),
		frames: projectFrames().map(({ id, label, definition }) => ({ id, label, definition }))
	};
}
