import { fail } from '@sveltejs/kit';
import { DISPUTE_KINDS, DisputeFormSchema, disputeTarget, MAX_REASON, type DisputeKind } from '$lib/domain/ledger/disputes';
import { newId } from '$lib/server/auth';
import { disputeLimiter, openDisputes } from '$lib/server/disputes';
import { ledger } from '$lib/server/ledger';
import { invalidate } from '$lib/server/microcache';
import { store } from '$lib/server/storage';
import { fieldErrors, translate } from '$lib/i18n/catalogue';
import { refuse } from '$lib/server/refusal';

function target(kind: string | null, subject: string | null, label: string | null) {
	const known = DISPUTE_KINDS.includes(kind as DisputeKind);
	const found = known && subject && label ? disputeTarget(ledger(), kind as DisputeKind, subject, label) : undefined;
	if (!found) refuse(404, { key: 'dispute.error.noTarget' });
	return { kind: kind as DisputeKind, subject: subject as string, label: label as string, ...found };
}

export async function load({ url }) {
	const t = target(url.searchParams.get('kind'), url.searchParams.get('subject'), url.searchParams.get('label'));
	return { target: t, open: (await openDisputes())[`${t.kind}:${t.subject}:${t.label}`] ?? [] };
}

export const actions = {
	default: async ({ request, getClientAddress, locals }) => {
		const form = Object.fromEntries(await request.formData());
		const values = {
			reason: String(form.reason ?? ''),
			source_url: String(form.source_url ?? ''),
			email: String(form.email ?? '')
		};
		target(String(form.kind ?? ''), String(form.subject ?? ''), String(form.label ?? ''));
		// A filled honeypot is a bot: answer as if recorded, so it learns nothing, and store nothing.
		if (String(form.website ?? '') !== '') return { done: true };
		const parsed = DisputeFormSchema.safeParse(form);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error.issues, locals.locale, values, { max: MAX_REASON }) });
		const wait = disputeLimiter.attempt(getClientAddress());
		if (wait > 0) {
			return fail(429, {
				values,
				errors: { form: translate(locals.locale, 'dispute.tooMany', { minutes: Math.ceil(wait / 60) }) } as Record<string, string>
			});
		}
		const d = parsed.data;
		await (
			await store()
		).createDispute({
			id: newId(),
			kind: d.kind,
			subject: d.subject,
			label: d.label,
			reason: d.reason,
			sourceUrl: d.source_url,
			contactEmail: d.email,
			createdAt: new Date().toISOString(),
			status: 'open',
			resolutionNote: '',
			resolvedAt: null
		});
		// Cached anonymous pages show dispute markers; drop them so the new one appears at once.
		invalidate();
		return { done: true };
	}
};
