import { ledger } from '$lib/server/ledger';
import { eventSummaries, ledgerTotals } from '$lib/domain/ledger/views';

export function load() {
	const data = ledger();
	const outletCounts = Object.fromEntries(data.outletGroups.map((g) => [g.id, data.outlets.filter((o) => o.group === g.id).length]));
	return {
		frames: data.frames,
		policyFrames: data.policyFrames,
		manifest: data.manifest,
		outletGroups: data.outletGroups,
		outletCounts,
		totals: ledgerTotals(data),
		events: eventSummaries(data)
	};
}
