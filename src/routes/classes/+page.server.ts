import { fail, redirect } from '@sveltejs/kit';
import { ClassFormSchema, RETENTION_DAYS, retentionDate } from '$lib/domain/classroom/classes';
import { classes, createClass } from '$lib/server/classes';
import { requireSignIn } from '$lib/server/auth';
import { translate } from '$lib/i18n/catalogue';

export async function load({ locals, url }) {
	const user = requireSignIn(locals.user, url);
	const mine = await (await classes()).teaching(user.id);
	return {
		classes: mine.map((c) => ({ id: c.id, name: c.name, termEnd: c.termEnd, deleteOn: retentionDate(c.termEnd) })),
		today: today()
	};
}

/** Today's date in UTC, the calendar classes are deleted by. */
const today = () => new Date().toISOString().slice(0, 10);

export const actions = {
	create: async ({ locals, request, url }) => {
		const user = requireSignIn(locals.user, url);
		const form = await request.formData();
		const values = { name: String(form.get('name') ?? ''), termEnd: String(form.get('termEnd') ?? '') };
		const parsed = ClassFormSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, message: translate(locals.locale, 'classes.create.invalid') });
		// A term already over would have the class, and the answers students give in it, deleted within weeks.
		if (parsed.data.termEnd < today())
			return fail(400, { values, message: translate(locals.locale, 'classes.create.pastTerm', { days: RETENTION_DAYS }) });
		redirect(303, `/classes/${await createClass(user.id, parsed.data.name, parsed.data.termEnd)}`);
	}
};
