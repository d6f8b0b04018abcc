import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLedger, type Ledger } from '$lib/domain/ledger/ledger';

/** Where the bundled CSVs live; overridable so tests can point at fixture folders. */
export function dataDir(): string {
	return resolve(process.env.PARALLAX_DATA_DIR ?? 'data');
}

export function readLedger(dir: string = dataDir()): Ledger {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		if (name.endsWith('.csv') || name.endsWith('.json')) files[name] = readFileSync(join(dir, name), 'utf8');
	}
	return buildLedger(files);
}

let cached: Ledger | undefined;

/** The bundled data is read-only at run time, so it is parsed and checked once per process. */
export function ledger(): Ledger {
	cached ??= readLedger();
	return cached;
}
