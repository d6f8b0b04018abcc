import { ledger } from '$lib/server/ledger';
import { eventSummaries, ledgerTotals } from '$lib/domain/ledger/views';

export function load() {
	const data = ledger();
	return { events: eventSummaries(data), totals: ledgerTotals(data) };
}
