import { error, redirect } from '@sveltejs/kit';
import { classes } from '$lib/server/classes';
import { hashToken, requireSignIn } from '$lib/server/auth';

const NOT_FOUND = 'This invitation link is not valid any more. Ask the teacher for a new one.';

export async function load({ params, locals, url }) {
	requireSignIn(locals.user, url);
	const klass = await (await classes()).byInvite(hashToken(params.token));
	if (!klass) error(404, NOT_FOUND);
	return { name: klass.name };
}

export const actions = {
	default: async ({ params, locals, url }) => {
		const user = requireSignIn(locals.user, url);
		const db = await classes();
		const klass = await db.byInvite(hashToken(params.token));
		if (!klass) error(404, NOT_FOUND);
		await db.addTeacher(klass.id, user.id);
		redirect(303, `/classes/${klass.id}`);
	}
};
