import { teacherClass } from '$lib/server/classes';
import { assignmentDebrief } from '$lib/server/debrief';

export async function load({ params, locals, url }) {
	return assignmentDebrief(await teacherClass(params.id, locals.user), params.assignment, url.searchParams.get('phase'));
}
