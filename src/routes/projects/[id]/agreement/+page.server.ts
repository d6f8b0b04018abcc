import { fail } from '@sveltejs/kit';
import { STANCES, type Stance } from '$lib/domain/ledger/checks';
import { disagreements, projectAgreement } from '$lib/domain/projects/project';
import { groupLabels, memberProject, projectCodes, projectFrames, projects } from '$lib/server/projects';
import { translate } from '$lib/i18n/catalogue';

export async function load({ params, locals }) {
	const project = await memberProject(params.id, locals.user);
	const { coders, items, codes, adjudications } = await projectCodes(project.id);
	const frames = projectFrames();
	const agreement = projectAgreement(
		items.map((i) => i.position),
		coders.map((c) => c.id),
		codes,
		frames.map((f) => f.id)
	);
	const names = new Map(coders.map((c) => [c.id, c.name]));
	const byPosition = new Map(items.map((i) => [i.position, i]));
	const decided = new Map(adjudications.map((a) => [a.position, a]));
	return {
		project,
		coders: coders.map((c) => ({ ...c, coded: agreement.coded[c.id] ?? 0 })),
		agreement: { ...agreement, perFrame: agreement.perFrame.filter((f) => f.ticks > 0) },
		frames: frames.map(({ id, label }) => ({ id, label })),
		groupLabels: groupLabels(),
		disagreements: disagreements(codes).map(({ position, codes }) => {
			const a = decided.get(position);
			return {
				item: byPosition.get(position)!,
				codes: codes.map((c) => ({ coder: names.get(c.coderId) ?? '', frames: c.frames, stances: c.stances })),
				adjudication: a && { frames: a.frames, stances: a.stances, by: names.get(a.decidedBy) ?? '', reason: a.reason, at: a.decidedAt }
			};
		})
	};
}

export const actions = {
	/** The final code of one article, who decided it and why. */
	adjudicate: async ({ params, locals, request }) => {
		const project = await memberProject(params.id, locals.user);
		const form = await request.formData();
		const position = Number(form.get('position'));
		const reason = String(form.get('reason') ?? '').trim();
		const known = new Set(projectFrames().map((f) => f.id));
		const frames = form.getAll('frame').map(String);
		const stances = frames.map((f) => String(form.get(`stance-${f}`) ?? 'adopts'));
		// Where the coders gave a frame different stances the form offers none: the adjudicator decides it.
		const undecided = frames.find((f, i) => known.has(f) && stances[i] === '');
		if (undecided) {
			const frame = projectFrames().find((f) => f.id === undecided)!.label;
			return fail(400, { position, adjudicateError: translate(locals.locale, 'project.adjudicate.stanceNeeded', { frame }) });
		}
		const valid =
			frames.every((f) => known.has(f)) && stances.every((s) => (STANCES as readonly string[]).includes(s)) && reason.length <= 2000;
		if (!valid) return fail(400, { position, adjudicateError: translate(locals.locale, 'project.adjudicate.invalid') });
		if (reason === '') return fail(400, { position, adjudicateError: translate(locals.locale, 'project.adjudicate.why') });
		const db = await projects();
		if (!(await db.items(project.id)).some((i) => i.position === position)) {
			return fail(400, { position, adjudicateError: translate(locals.locale, 'project.adjudicate.invalid') });
		}
		await db.adjudicate(project.id, {
			position,
			frames,
			stances: stances as Stance[],
			decidedBy: locals.user!.id,
			reason,
			decidedAt: Date.now(),
			codebookId: project.codebookId,
			codebookVersion: project.codebookVersion
		});
		return { adjudicated: position };
	}
};
