import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/lib/domain/import/inspect';
import { datasetBatches, ImportRejected } from '../../src/lib/server/import';
import { problemMessage } from '../../src/lib/domain/import/report';
import { browserImport, CASES, english, fixtureBytes, savedCsv, type BadCase, type ServerOutcome } from '../fixtures/bad/harness';

const LIMITS = { bytes: 200 * 1024 * 1024, rows: 2_000_000 };

async function serverImport(body: ReadableStream<Uint8Array>, limits = LIMITS): Promise<ServerOutcome> {
	try {
		let rowCount = 0;
		for await (const part of datasetBatches(body, limits)) rowCount += part.rows;
		return { status: 201, rowCount };
	} catch (error) {
		if (error instanceof ImportRejected) return { status: error.status, problems: error.problems.map((p) => english(problemMessage(p))) };
		throw error;
	}
}

const stream = (bytes: Buffer | string) => new Response(typeof bytes === 'string' ? bytes : new Uint8Array(bytes)).body!;
const expectedBrowser = (test: BadCase) => {
	const { choose: _resolved, ...rest } = test.browser;
	return rest;
};

describe('bad input corpus (tests/fixtures/bad/expected.json)', () => {
	it('has at least 30 cases', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
	});

	it.each(CASES.map((c) => [c.file, c] as const))('%s: the browser import says what expected.json says', (_file, test) => {
		expect(browserImport(test).outcome).toMatchObject(expectedBrowser(test));
	});

	it.each(CASES.filter((c) => c.server && c.size === undefined).map((c) => [c.file, c] as const))(
		'%s: the server import of the raw file says what expected.json says',
		async (_file, test) => {
			expect(await serverImport(stream(fixtureBytes(test.file)))).toEqual(test.server);
		}
	);

	it.each(CASES.filter((c) => (c.browser.validRows ?? 0) > 0).map((c) => [c.file, c] as const))(
		'%s: the valid rows the browser saves are accepted whole by the server',
		async (_file, test) => {
			const { result } = browserImport(test);
			expect(await serverImport(stream(savedCsv(test, result!)))).toEqual({ status: 201, rowCount: test.browser.validRows });
		}
	);

	it('refuses a file over the limit from its size, before reading any of it', () => {
		const test = CASES.find((c) => c.file === 'too-large.csv')!;
		let read = false;
		const head = new Proxy(new Uint8Array(0), {
			get(target, key) {
				read = true;
				return Reflect.get(target, key);
			}
		});
		const inspected = inspectFile({ name: test.file, size: test.size! }, head, LIMITS.bytes);
		expect(inspected.refused && english(inspected.refused)).toBe(test.browser.refused);
		expect(read).toBe(false);
	});

	it('stops a streamed upload at the limit without reading the rest (the body never ends)', async () => {
		let pulled = 0;
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				controller.enqueue(
					new TextEncoder().encode(
						pulled === 1 ? 'date,outlet,group,event,language,frames,count,title,url\n' : '2025-06-24,A,,,,,1,,\n'.repeat(1000)
					)
				);
			}
		});
		const outcome = await serverImport(endless, { bytes: 1024 * 1024, rows: LIMITS.rows });
		expect(outcome).toEqual({ status: 413, problems: ['The upload is larger than 1 MB, the most this server accepts.'] });
		// 1 MB in 21 KB pulls, plus the stream's read-ahead: nowhere near "all of it".
		expect(pulled).toBeLessThan(100);
	});

	it('reads UTF-16 and Windows-1252 text into the same characters as UTF-8', () => {
		for (const file of ['utf16le-bom.csv', 'utf16be-bom.csv']) {
			expect(browserImport(CASES.find((c) => c.file === file)!).outcome.outlets).toEqual(['Süddeutsche Zeitung', 'ТАСС']);
		}
		expect(browserImport(CASES.find((c) => c.file === 'latin1.csv')!).outcome.outlets).toContain('Süddeutsche Zeitung');
	});
});
