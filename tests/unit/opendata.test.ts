import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import dataFormat from '../../docs/data-format.md?raw';
import { zip } from '../../src/lib/server/zip';
import { ledgerZipEntries } from '../../src/lib/server/opendata';
import { readLedger } from '../../src/lib/server/ledger';
import { buildLedger, FILES } from '../../src/lib/domain/ledger/ledger';
import { citationCff, dictionaryCsv, ledgerJson, parseDictionary } from '../../src/lib/domain/ledger/opendata';
import {
	ArticleSentenceSchema,
	ChangelogEntrySchema,
	ClaimSchema,
	CoverageRowSchema,
	EventSchema,
	FrameSchema,
	OutletGroupSchema,
	OutletSchema,
	PerspectiveSchema
} from '../../src/lib/domain/ledger/schemas';
import { validFiles } from './fixtures';

/** A reader independent of the writer: walks the central directory and inflates each entry. */
function unzip(archive: Uint8Array): Map<string, Buffer> {
	const buf = Buffer.from(archive);
	const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	expect(end).toBeGreaterThanOrEqual(0);
	const count = buf.readUInt16LE(end + 10);
	let at = buf.readUInt32LE(end + 16);
	const out = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		expect(buf.readUInt32LE(at)).toBe(0x02014b50);
		const method = buf.readUInt16LE(at + 10);
		const crc = buf.readUInt32LE(at + 16);
		const packed = buf.readUInt32LE(at + 20);
		const size = buf.readUInt32LE(at + 24);
		const nameLength = buf.readUInt16LE(at + 28);
		const extra = buf.readUInt16LE(at + 30);
		const comment = buf.readUInt16LE(at + 32);
		const offset = buf.readUInt32LE(at + 42);
		const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
		expect(buf.readUInt32LE(offset)).toBe(0x04034b50);
		const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
		const body = buf.subarray(start, start + packed);
		const data = method === 8 ? inflateRawSync(body) : body;
		expect(data.length).toBe(size);
		expect(crc32(data) >>> 0).toBe(crc);
		out.set(name, data);
		at += 46 + nameLength + extra + comment;
	}
	return out;
}

function hasUnzip(): boolean {
	try {
		execFileSync('unzip', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

describe('zip writer', () => {
	const entries = [
		{ name: 'a.csv', data: 'id,label\r\nx,"Ünïcode, quoted"\r\n' },
		{ name: 'empty.txt', data: '' },
		{ name: 'дані/b.bin', data: new Uint8Array([0, 1, 2, 255, 254]) },
		{ name: 'big.txt', data: 'repeat '.repeat(10_000) }
	];

	it('round-trips names (UTF-8) and bytes through an independent reader', () => {
		const files = unzip(zip(entries));
		expect([...files.keys()]).toEqual(entries.map((e) => e.name));
		for (const entry of entries) {
			const expected = typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data);
			expect(files.get(entry.name)?.equals(expected)).toBe(true);
		}
	});

	it('compresses and is byte-identical for the same input', () => {
		const a = zip(entries);
		expect(a.length).toBeLessThan(70_000 / 10);
		expect(Buffer.from(zip(entries)).equals(Buffer.from(a))).toBe(true);
	});

	it.skipIf(!hasUnzip())('passes unzip -t', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parallax-zip-'));
		try {
			const path = join(dir, 'test.zip');
			writeFileSync(path, zip(entries));
			const listing = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
			expect(listing).toContain('No errors detected');
			expect(execFileSync('unzip', ['-p', path, 'a.csv'], { encoding: 'utf8' })).toBe(entries[0]?.data);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('ledger export', () => {
	const ledger = readLedger('data');

	it('zips every bundled CSV byte for byte, the manifest, the JSON, the dictionary and CITATION.cff', () => {
		const files = unzip(zip(ledgerZipEntries('data')));
		expect([...files.keys()].sort()).toEqual(
			[...Object.values(FILES), 'manifest.json', 'parallax-ledger.json', 'data-dictionary.md', 'data-dictionary.csv', 'CITATION.cff'].sort()
		);
		for (const file of Object.values(FILES)) expect(files.get(file)?.equals(readFileSync(join('data', file)))).toBe(true);
	});

	it('writes JSON typed by the schemas, one key per kind, with the right counts', () => {
		const json = JSON.parse(ledgerJson(ledger));
		expect(json.version).toBe(ledger.manifest.version);
		expect(Object.keys(json.data).sort()).toEqual(Object.keys(FILES).sort());
		expect(json.data.claims).toHaveLength(ledger.claims.length);
		expect(json.data.coverage).toHaveLength(ledger.coverage.length);
		expect(json.data.outlet_groups).toHaveLength(ledger.outletGroups.length);
		// Lists are arrays and numbers numbers, as the schemas type them.
		expect(Array.isArray(json.data.claims[0].frame_codes)).toBe(true);
		expect(typeof json.data.article[0].n).toBe('number');
		const schemas = {
			frames: FrameSchema,
			events: EventSchema,
			claims: ClaimSchema,
			perspectives: PerspectiveSchema,
			outlet_groups: OutletGroupSchema,
			outlets: OutletSchema,
			coverage: CoverageRowSchema,
			article: ArticleSentenceSchema,
			changelog: ChangelogEntrySchema
		};
		for (const [kind, schema] of Object.entries(schemas)) {
			const shape = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
			if (shape.length > 0) for (const row of json.data[kind]) expect(Object.keys(row).sort()).toEqual(shape.sort());
		}
	});

	it('builds the dictionary from the docs, and the docs describe every schema column', () => {
		const entries = parseDictionary(dataFormat);
		const shapes: Record<string, { shape: Record<string, unknown> }> = {
			'frames.csv': FrameSchema,
			'events.csv': EventSchema as unknown as { shape: Record<string, unknown> },
			'claims.csv': ClaimSchema as unknown as { shape: Record<string, unknown> },
			'perspectives.csv': PerspectiveSchema,
			'outlet_groups.csv': OutletGroupSchema,
			'outlets.csv': OutletSchema,
			'coverage.csv': CoverageRowSchema,
			'article.csv': ArticleSentenceSchema,
			'changelog.csv': ChangelogEntrySchema
		};
		for (const [file, schema] of Object.entries(shapes)) {
			const documented = entries.filter((e) => e.file === file).map((e) => e.column);
			const columns = Object.keys(schema.shape ?? {});
			if (columns.length > 0) expect(documented, file).toEqual(columns);
			else expect(documented.length, file).toBeGreaterThan(0);
		}
		const quoteTranslation = entries.find((e) => e.file === 'claims.csv' && e.column === 'quote_translation_by');
		expect(quoteTranslation?.type).toBe('publisher | project | machine | empty');
		expect(dictionaryCsv(entries).split('\r\n')[0]).toBe('file,column,type,notes');
	});

	it('writes CITATION.cff 1.2.0 with version, date, authors and an SPDX licence, and no invented URL', () => {
		const cff = citationCff(ledger.manifest);
		expect(cff).toMatch(/^cff-version: 1\.2\.0\n/);
		expect(cff).toContain(`version: "${ledger.manifest.version}"`);
		expect(cff).toContain(`date-released: "${ledger.manifest.version}"`);
		expect(cff).toContain('authors:\n  - name: "Parallax contributors"');
		expect(cff).toContain('license: "CC-BY-4.0"');
		expect(cff).toContain('type: dataset');
		expect(cff).not.toMatch(/repository-code|url:/);
		// Every top-level key is one the CFF 1.2.0 schema allows.
		const keys = [...cff.matchAll(/^([a-z-]+):/gm)].map((m) => m[1]);
		const allowed = [
			'cff-version',
			'message',
			'type',
			'title',
			'abstract',
			'version',
			'date-released',
			'authors',
			'license',
			'keywords',
			'repository-code'
		];
		for (const key of keys) expect(allowed).toContain(key);
	});

	it('gives no licence when the files disagree, and a non-date version falls back to the latest coding date', () => {
		const manifest = {
			...ledger.manifest,
			version: 'v1',
			files: ledger.manifest.files.map((f, i) => ({ ...f, licence: i === 0 ? 'MIT' : 'CC0' }))
		};
		const cff = citationCff(manifest);
		expect(cff).not.toContain('license:');
		const latest = ledger.manifest.files
			.map((f) => f.coded_at)
			.sort()
			.at(-1);
		expect(cff).toContain(`date-released: "${latest}"`);
	});
});

describe('changelog schema', () => {
	it('accepts a valid entry and an empty source', () => {
		expect(
			ChangelogEntrySchema.parse({ date: '2026-11-25', file: 'outlets.csv', change: 'Moved x', reason: 'y', source: '' })
		).toMatchObject({ source: '' });
	});

	it.each([
		[{ date: '2026-02-30' }, 'date'],
		[{ file: 'notes.txt' }, 'file'],
		[{ change: ' ' }, 'change'],
		[{ reason: '' }, 'reason'],
		[{ source: 'http://example.org/x' }, 'source']
	])('rejects %o', (patch, column) => {
		const result = ChangelogEntrySchema.safeParse({
			date: '2026-11-25',
			file: 'outlets.csv',
			change: 'c',
			reason: 'r',
			source: '',
			...patch
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path[0]).toBe(column);
	});

	it('is loaded with the ledger, and an entry must name a file of the dataset', () => {
		expect(buildLedger(validFiles()).changelog).toHaveLength(1);
		const files = validFiles();
		files['changelog.csv'] = 'date,file,change,reason,source\n2026-01-01,other.csv,x,y,\n';
		expect(() => buildLedger(files)).toThrow('changelog.csv:2:file — "other.csv" is not a known data file');
	});
});
