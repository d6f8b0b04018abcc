import { withVite } from '../load.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
process.chdir(new URL('../..', import.meta.url).pathname);
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
await withVite(async (load) => (await load('/bench/tmp/probe.ts')).probe(process.argv[2], join(dir, 'p.duckdb')));
