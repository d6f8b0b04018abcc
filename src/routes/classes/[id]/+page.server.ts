import { fail, redirect } from '@sveltejs/kit';
import { ClassFormSchema, dueDateSchema, MAX_ASSIGNMENT_TITLE, retentionDate } from '$lib/domain/classroom/classes';
import { ASSIGNMENT_KINDS, phasesOf } from '$lib/domain/classroom/class-results';
import { claimGist, eventSummaries } from '$lib/domain/ledger/views';
import {
	assignedDeck,
	assignmentProgress,
	assignmentSource,
	classData,
	classes,
	itemCount,
	newInvite,
	teacherClass
} from '$lib/server/classes';
import { newId } from '$lib/server/auth';
import { ledger } from '$lib/server/ledger';
import { translate } from '$lib/i18n/catalogue';

export async function load({ params, locals, url }) {
	const klass = await teacherClass(params.id, locals.user);
	const { students, assignments, answers, readings, teachers } = await classData(klass);
	const totals = new Map(assignments.map((a) => [a.id, itemCount(a)]));
	const claims = ledger().claims;
	return {
		klass: { id: klass.id, name: klass.name, termEnd: klass.termEnd, deleteOn: retentionDate(klass.termEnd), joinCode: klass.joinCode },
		joinUrl: new URL(`/join?code=${klass.joinCode}`, url.origin).href,
		joinPage: new URL('/join', url.origin).href,
		teachers: teachers.map((t) => t.name),
		students: students.map((s) => ({
			id: s.id,
			nickname: s.nickname,
			finished: assignments.filter((a) =>
				phasesOf(a.kind).every((p) => assignmentProgress(a, p, s.id, answers, readings, totals.get(a.id)).progress === 'finished')
			).length
		})),
		assignments: assignments.map((a) => ({ ...a, total: totals.get(a.id) ?? 0 })),
		events: eventSummaries(ledger()).map((e) => ({
			id: e.event.id,
			title: e.event.title,
			// A coding sample is picked from these; the teacher may see who said what, the students will not.
			claims: claims.filter((c) => c.event_id === e.event.id).map((c) => ({ id: c.id, speaker: c.speaker, gist: claimGist(c) }))
		}))
	};
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions = {
	rename: async ({ params, locals, request }) => {
		const klass = await teacherClass(params.id, locals.user);
		const name = ClassFormSchema.shape.name.safeParse(text(await request.formData(), 'name'));
		if (!name.success) return fail(400, { action: 'rename', message: translate(locals.locale, 'classes.create.invalid') });
		await (await classes()).rename(klass.id, name.data);
	},
	delete: async ({ params, locals }) => {
		const klass = await teacherClass(params.id, locals.user);
		await (await classes()).remove(klass.id);
		redirect(303, '/classes');
	},
	invite: async ({ params, locals, url }) => {
		const klass = await teacherClass(params.id, locals.user);
		return { action: 'invite', inviteUrl: new URL(`/classes/invite/${await newInvite(klass)}`, url.origin).href };
	},
	removeStudent: async ({ params, locals, request }) => {
		const klass = await teacherClass(params.id, locals.user);
		await (await classes()).removeStudent(klass.id, text(await request.formData(), 'student'));
	},
	assign: async ({ params, locals, request }) => {
		const klass = await teacherClass(params.id, locals.user);
		const form = await request.formData();
		const kind = ASSIGNMENT_KINDS.find((k) => k === text(form, 'kind')) ?? 'exercise';
		const due = text(form, 'due');
		const invalid = (key: 'classes.assign.noSource' | 'classes.assign.badDue' | 'classes.assign.noClaims') =>
			fail(400, { action: 'assign', message: translate(locals.locale, key) });
		if (due !== '' && !dueDateSchema.safeParse(due).success) return invalid('classes.assign.badDue');
		const event = text(form, 'event');
		const deck = text(form, 'deck');
		const picked = new Set(form.getAll('claims').map(String));
		// A coding sample's ticked claims, in the ledger's order, win over the event or deck.
		const sample = kind === 'coding' ? ledger().claims.filter((c) => picked.has(c.id)) : [];
		if (!event && !deck && sample.length === 0) return invalid('classes.assign.noSource');
		let source;
		try {
			source =
				sample.length > 0
					? { title: translate(locals.locale, 'classes.assign.sampleTitle', { count: sample.length }), claims: sample, source: null }
					: assignmentSource(deck ? { deck } : { event });
		} catch {
			return invalid('classes.assign.noSource');
		}
		if (kind === 'deck' ? assignedDeck(source.source).steps.length === 0 : source.claims.length === 0)
			return invalid('classes.assign.noClaims');
		await (
			await classes()
		).addAssignment(klass.id, {
			id: newId(),
			kind,
			title: (text(form, 'title') || source.title).slice(0, MAX_ASSIGNMENT_TITLE),
			// A deck is read, not answered: its progress counts steps, so it holds no claims to score.
			claimIds: kind === 'deck' ? [] : source.claims.map((c) => c.id),
			due: due || null,
			source: kind === 'deck' ? source.source : null
		});
	},
	move: async ({ params, locals, request }) => {
		const klass = await teacherClass(params.id, locals.user);
		const form = await request.formData();
		await (await classes()).move(klass.id, text(form, 'assignment'), text(form, 'by') === 'up' ? -1 : 1);
	},
	update: async ({ params, locals, request }) => {
		const klass = await teacherClass(params.id, locals.user);
		const form = await request.formData();
		const due = text(form, 'due');
		if (due !== '' && !dueDateSchema.safeParse(due).success)
			return fail(400, { action: 'update', message: translate(locals.locale, 'classes.assign.badDue') });
		await (
			await classes()
		).updateAssignment(klass.id, text(form, 'assignment'), { due: due || null, postOpen: form.get('postOpen') === 'on' });
	},
	unassign: async ({ params, locals, request }) => {
		const klass = await teacherClass(params.id, locals.user);
		await (await classes()).removeAssignment(klass.id, text(await request.formData(), 'assignment'));
	}
};
