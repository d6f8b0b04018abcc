import { groupLabels, memberProject, projectFrames, projects } from '$lib/server/projects';

export async function load({ params, locals }) {
	const project = await memberProject(params.id, locals.user);
	const db = await projects();
	const [items, codes, model, suggestions] = await Promise.all([
		db.items(project.id),
		db.codes(project.id, locals.user!.id),
		db.suggestionModel(project.id),
		db.suggestions(project.id)
	]);
	return {
		project,
		items,
		codes: codes.map(({ position, frames, stances }) => ({ position, frames, stances })),
		frames: projectFrames().map(({ id, label, definition }) => ({ id, label, definition })),
		groupLabels: groupLabels(),
		suggestions: model && {
			trainedAt: model.trainedAt,
			microF1: model.microF1,
			frames: model.frames,
			rows: suggestions
		}
	};
}
