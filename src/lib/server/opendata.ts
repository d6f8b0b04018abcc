import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dataFormat from '../../../docs/data-format.md?raw';
import { FILES, MANIFEST_FILE } from '$lib/domain/ledger/ledger';
import {
	CITATION,
	citationCff,
	DICTIONARY_CSV,
	DICTIONARY_MD,
	dictionaryCsv,
	LEDGER_JSON,
	ledgerJson,
	parseDictionary
} from '$lib/domain/ledger/opendata';
import { dataDir, ledger } from './ledger';
import { zip, type ZipEntry } from './zip';

/** The files of the ledger zip: the CSVs and manifest byte for byte, then the derived files. */
export function ledgerZipEntries(dir: string = dataDir()): ZipEntry[] {
	const data = ledger();
	const raw = [...Object.values(FILES), MANIFEST_FILE].map((file) => ({
		name: file,
		data: new Uint8Array(readFileSync(join(dir, file)))
	}));
	return [
		...raw,
		{ name: LEDGER_JSON, data: ledgerJson(data) },
		{ name: DICTIONARY_MD, data: dataFormat },
		{ name: DICTIONARY_CSV, data: dictionaryCsv(parseDictionary(dataFormat)) },
		{ name: CITATION, data: citationCff(data.manifest) }
	];
}

let cached: Uint8Array | undefined;

/** Built once per process: the bundled data is read-only while the server runs. */
export function ledgerZip(): Uint8Array {
	cached ??= zip(ledgerZipEntries());
	return cached;
}
