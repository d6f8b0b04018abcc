import { error } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';
import { openDisputes } from '$lib/server/disputes';
import { claimJsonLd, jsonLdText } from '$lib/domain/ledger/jsonld';
import { frameIndex, perspectivesFor } from '$lib/domain/ledger/views';

export async function load({ params, url }) {
	const data = ledger();
	const claim = data.claims.find((c) => c.id === params.id);
	const event = claim && data.events.find((e) => e.id === claim.event_id);
	if (!claim || !event) error(404, `There is no claim with the id "${params.id}".`);
	return {
		claim,
		event,
		frames: frameIndex(data.frames),
		perspectives: perspectivesFor(claim.id, data.perspectives).sort((a, b) => a.date.localeCompare(b.date)),
		disputes: await openDisputes(),
		jsonLd: jsonLdText(claimJsonLd(claim, event, `${url.origin}/claims/${claim.id}`))
	};
}
