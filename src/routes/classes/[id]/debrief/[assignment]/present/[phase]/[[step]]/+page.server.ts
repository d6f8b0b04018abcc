import { teacherClass } from '$lib/server/classes';
import { assignmentDebrief } from '$lib/server/debrief';

// Only the class, assignment and phase are read, so stepping through does not reload the data.
export async function load({ params, locals }) {
	return assignmentDebrief(await teacherClass(params.id, locals.user), params.assignment, params.phase);
}
