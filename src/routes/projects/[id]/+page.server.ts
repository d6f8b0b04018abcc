import { fail } from '@sveltejs/kit';
import { finalCodes, framesByGroup } from '$lib/domain/projects/project';
import { compareByGroup, suggestedOf } from '$lib/domain/projects/suggestions';
import { hashToken, requireSignIn } from '$lib/server/auth';
import { groupLabels, mailInvite, memberProject, newInvite, projectFrames, projects, projectSnapshot } from '$lib/server/projects';
import { store } from '$lib/server/storage';
import { translate } from '$lib/i18n/catalogue';

export async function load({ params, locals, url }) {
	// An invited coder follows the mailed link from wherever they read their mail, often signed out.
	const project = await memberProject(params.id, requireSignIn(locals.user, url));
	const { coders, items, codes, adjudications, model, suggestions } = await projectSnapshot(project.id);
	const finals = finalCodes(codes, adjudications);
	const byGroup = framesByGroup(items, finals);
	const frames = projectFrames().filter((f) => [...byGroup.values()].some((g) => g.has(f.id)));
	const suggested = new Map(suggestions.map((s) => [s.position, suggestedOf(model?.frames ?? [], s.probabilities)]));
	const comparison = compareByGroup(items, finals, suggested);
	return {
		project,
		owner: project.ownerId === locals.user?.id,
		items: items.length,
		coders: coders.map((c) => ({ ...c, coded: codes.filter((code) => code.coderId === c.id).length })),
		finals: finals.size,
		adjudicated: adjudications.length,
		table: {
			frames: frames.map((f) => ({ id: f.id, label: f.label })),
			rows: [...byGroup].sort(([a], [b]) => a.localeCompare(b)).map(([group, counts]) => ({ group, counts: Object.fromEntries(counts) }))
		},
		suggestions: model && {
			model: { ...model, trainedBy: coders.find((c) => c.id === model.trainedBy)?.name ?? '' },
			count: suggestions.length,
			// Every frame either source found, in codebook order.
			frames: projectFrames()
				.filter((f) => comparison.some((g) => g.human[f.id] || g.suggested[f.id]))
				.map((f) => ({ id: f.id, label: f.label })),
			comparison
		},
		frameLabels: Object.fromEntries(projectFrames().map((f) => [f.id, f.label])),
		groupLabels: groupLabels()
	};
}

export const actions = {
	/** Adds an existing, confirmed account as a coder, and mails them a link to the project. */
	invite: async ({ params, locals, request, url }) => {
		const owner = locals.user;
		const project = await memberProject(params.id, owner);
		if (!owner || project.ownerId !== owner.id) return fail(403, { inviteError: translate(locals.locale, 'project.invite.ownerOnly') });
		const email = String((await request.formData()).get('email') ?? '')
			.trim()
			.toLowerCase();
		const user = email ? await (await store()).userByEmail(email) : undefined;
		// The same answer for an unknown address and an unconfirmed one: neither can code yet.
		if (!user || !user.verified) return fail(400, { inviteError: translate(locals.locale, 'project.invite.noAccount') });
		const db = await projects();
		// Mailed once, when the account joins: inviting it again, or inviting oneself, sends nothing.
		const joined = !(await db.coders(project.id)).some((c) => c.id === user.id);
		await db.addCoder(project.id, user.id, Date.now());
		if (joined) {
			try {
				await mailInvite(user.email, project, owner.name, url.origin, locals.locale);
			} catch (failure) {
				// The coder is added either way; the project page and /projects still lead them to it.
				console.error('Parallax could not mail a project invite:', failure);
			}
		}
		return { invited: user.name, joined };
	},
	link: async ({ params, locals, url }) => {
		const project = await memberProject(params.id, locals.user);
		if (project.ownerId !== locals.user?.id) return fail(403, { inviteError: translate(locals.locale, 'project.invite.ownerOnly') });
		const token = newInvite();
		await (await projects()).setInvite(project.id, hashToken(token));
		return { inviteUrl: new URL(`/projects/invite/${token}`, url.origin).href };
	}
};
