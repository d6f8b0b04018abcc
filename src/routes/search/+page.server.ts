import { ledger } from '$lib/server/ledger';
import { MIN_QUERY_LENGTH, searchLedger } from '$lib/domain/ledger/search';

// Only the matches travel to the page: the ledger stays on the server.
export function load({ url }) {
	return { results: searchLedger(ledger(), url.searchParams.get('q') ?? ''), minLength: MIN_QUERY_LENGTH };
}
