import { redirect } from '@sveltejs/kit';
import { canonicalStep, presentationSteps } from '$lib/domain/classroom/presentation';

// The server's data does not depend on the step; this only corrects a step out of range
// (or unreadable) to the one shown, so the address, a reload and a shared link agree.
export function load({ data, params }) {
	const step = canonicalStep(params.step, presentationSteps(data.deck.items).length);
	if (step !== null) redirect(307, `/present/${encodeURIComponent(data.eventId)}/${step}`);
	return data;
}
