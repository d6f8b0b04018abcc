import { ledger } from '$lib/server/ledger';
import { ledgerZip } from '$lib/server/opendata';

export function GET() {
	const version = ledger().manifest.version;
	return new Response(ledgerZip().slice(), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="parallax-ledger-${version}.zip"`,
			'cache-control': 'public, max-age=300'
		}
	});
}
