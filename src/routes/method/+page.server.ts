import { ledger } from '$lib/server/ledger';
import { eventSummaries, ledgerTotals } from '$lib/domain/ledger/views';
import { openDisputes } from '$lib/server/disputes';

export async function load() {
	const data = ledger();
	const outletsPerGroup = Object.fromEntries(data.outletGroups.map((g) => [g.id, data.outlets.filter((o) => o.group === g.id)]));
	return {
		frames: data.frames,
		policyFrames: data.policyFrames,
		manifest: data.manifest,
		outletGroups: data.outletGroups,
		outletsPerGroup,
		totals: ledgerTotals(data),
		events: eventSummaries(data),
		disputes: await openDisputes()
	};
}
