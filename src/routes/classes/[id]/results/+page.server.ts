import { classResults, teacherClass } from '$lib/server/classes';
import { codebook } from '$lib/server/coding';

export async function load({ params, locals }) {
	const klass = await teacherClass(params.id, locals.user);
	return { klass: { id: klass.id, name: klass.name }, results: await classResults(klass), frames: codebook() };
}
