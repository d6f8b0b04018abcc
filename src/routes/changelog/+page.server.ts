import { disputeTarget, decidedDispute } from '$lib/domain/ledger/disputes';
import { ledger } from '$lib/server/ledger';
import { store } from '$lib/server/storage';

export async function load() {
	const data = ledger();
	const resolved = (await (await store()).disputes('resolved'))
		.map(decidedDispute)
		.sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''))
		.map((d) => ({ ...d, target: disputeTarget(data, d.kind, d.subject, d.label) }));
	return { version: data.manifest.version, changes: data.changelog, resolved };
}
