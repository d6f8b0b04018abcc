import { requireSignIn } from '$lib/server/auth';
import { projects } from '$lib/server/projects';

export async function load({ locals, url }) {
	const user = requireSignIn(locals.user, url);
	return { projects: await (await projects()).forCoder(user.id) };
}
