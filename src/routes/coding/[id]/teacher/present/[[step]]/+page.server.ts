import { redirect } from '@sveltejs/kit';
import { teacherOnly, teacherPageSession } from '$lib/server/coding';
import { sessionDebrief } from '$lib/server/debrief';

export async function load({ params, cookies, url, locals }) {
	const session = await teacherPageSession(params.id, cookies, teacherOnly(locals, url));
	// The debrief shows the project's coding, which would end the blind coding: it waits for the reveal.
	if (!session.revealed) redirect(303, `/coding/${session.id}/teacher`);
	return { id: session.id, title: session.title, ...(await sessionDebrief(session)) };
}
