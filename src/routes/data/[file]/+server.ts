import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES, MANIFEST_FILE } from '$lib/domain/ledger/ledger';
import { dataDir } from '$lib/server/ledger';

const DOWNLOADABLE = new Set([...Object.values(FILES), MANIFEST_FILE]);

/** The bundled files, byte for byte, so what researchers download is exactly what the app read. */
export function GET({ params }) {
	if (!DOWNLOADABLE.has(params.file)) error(404, `No bundled file is called "${params.file}".`);
	const body = readFileSync(join(dataDir(), params.file));
	const type = params.file.endsWith('.json') ? 'application/json' : 'text/csv';
	return new Response(body, {
		headers: {
			'content-type': `${type}; charset=utf-8`,
			'content-disposition': `attachment; filename="parallax-${params.file}"`,
			'cache-control': 'public, max-age=300'
		}
	});
}
