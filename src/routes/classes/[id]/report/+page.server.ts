import { retentionDate } from '$lib/domain/classroom/classes';
import { classResults, teacherClass } from '$lib/server/classes';
import { codebook } from '$lib/server/coding';

export async function load({ params, locals }) {
	const klass = await teacherClass(params.id, locals.user);
	return {
		klass: { id: klass.id, name: klass.name, termEnd: klass.termEnd, deleteOn: retentionDate(klass.termEnd) },
		results: await classResults(klass),
		frames: codebook(),
		printedOn: new Date().toISOString().slice(0, 10)
	};
}
