import { ledger } from '$lib/server/ledger';
import { bundledSuggestionReport } from '$lib/server/suggest';

export function load() {
	return {
		report: bundledSuggestionReport,
		labels: Object.fromEntries(ledger().frames.map((f) => [f.id, f.label]))
	};
}
