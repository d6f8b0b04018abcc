import { error, redirect } from '@sveltejs/kit';
import { hashToken, requireSignIn } from '$lib/server/auth';
import { projects } from '$lib/server/projects';

const NOT_FOUND = 'This invitation link is not valid any more. Ask the project’s owner for a new one.';

export async function load({ params, locals, url }) {
	requireSignIn(locals.user, url);
	const project = await (await projects()).byInvite(hashToken(params.token));
	if (!project) error(404, NOT_FOUND);
	return { title: project.title };
}

export const actions = {
	default: async ({ params, locals, url }) => {
		const user = requireSignIn(locals.user, url);
		const db = await projects();
		const project = await db.byInvite(hashToken(params.token));
		if (!project) error(404, NOT_FOUND);
		await db.addCoder(project.id, user.id, Date.now());
		redirect(303, `/projects/${project.id}`);
	}
};
