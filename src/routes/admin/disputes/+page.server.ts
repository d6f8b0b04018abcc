import { error, fail, redirect } from '@sveltejs/kit';
import { disputeTarget, ResolutionSchema } from '$lib/domain/ledger/disputes';
import { isOwner } from '$lib/server/disputes';
import { ledger } from '$lib/server/ledger';
import { invalidate } from '$lib/server/microcache';
import { store } from '$lib/server/storage';
import { translate } from '$lib/i18n/catalogue';

function requireOwner(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	// The same answer as for a page that does not exist: the review queue is not advertised.
	if (!isOwner(locals.user)) error(404, 'Not found');
}

export async function load({ locals, url }) {
	requireOwner(locals, url);
	const data = ledger();
	const all = (await (await store()).disputes()).map((d) => ({ ...d, target: disputeTarget(data, d.kind, d.subject, d.label) }));
	return { open: all.filter((d) => d.status === 'open'), resolved: all.filter((d) => d.status !== 'open').reverse() };
}

export const actions = {
	resolve: async ({ locals, url, request }) => {
		requireOwner(locals, url);
		const form = Object.fromEntries(await request.formData());
		const parsed = ResolutionSchema.safeParse(form);
		if (!parsed.success) {
			return fail(400, {
				id: String(form.id ?? ''),
				errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
			});
		}
		const { id, status, note } = parsed.data;
		const changed = await (await store()).resolveDispute(id, { status, note, resolvedAt: new Date().toISOString() });
		if (!changed) return fail(409, { id, errors: { form: translate(locals.locale, 'review.already') } as Record<string, string> });
		// The marker must leave the label and the decision reach the changelog without waiting for the cache.
		invalidate();
		return { resolved: id };
	}
};
