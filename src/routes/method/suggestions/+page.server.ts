import { ledger } from '$lib/server/ledger';
import { suggestionReportNow } from '$lib/server/suggest';
import { FOLDS, SEED } from '$lib/server/suggest/report';

export function load() {
	// Streamed while the first computation after a start runs, so the page can say so meanwhile.
	return {
		report: suggestionReportNow(),
		folds: FOLDS,
		seed: SEED,
		labels: Object.fromEntries(ledger().frames.map((f) => [f.id, f.label]))
	};
}
