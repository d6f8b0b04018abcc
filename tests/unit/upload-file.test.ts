import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAhead } from '../../src/lib/server/import';
import { UploadFile } from '../../src/lib/server/import/upload-file';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'parallax-upload-test-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);
const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks);

describe('UploadFile', () => {
	it('hands on what has arrived while the rest is still arriving, and ends once the body is complete', async () => {
		const upload = await UploadFile.create(join(dir, 'upload.csv'));
		await upload.write(bytes(700_000, 1));
		await upload.write(bytes(700_000, 2));
		const reader = upload.chunks();
		const first = await reader.next();
		expect(first.done).toBe(false);
		expect(first.value!.length).toBeGreaterThan(0);

		const rest: Uint8Array[] = [];
		const reading = (async () => {
			for (let next = await reader.next(); !next.done; next = await reader.next()) rest.push(next.value);
		})();
		await upload.write(bytes(10, 3));
		await upload.complete();
		await reading;

		const read = joined([first.value!, ...rest]);
		expect(read.length).toBe(1_400_010);
		expect(read.equals(await readFile(upload.path))).toBe(true);
		expect([read[0], read[1_399_999], read[1_400_009]]).toEqual([1, 2, 3]);
	});

	it('keeps every byte in order however the body is cut: single bytes, and chunks across and beyond its megabyte writes', async () => {
		const upload = await UploadFile.create(join(dir, 'upload.csv'));
		const sent: Uint8Array[] = [];
		const send = async (chunk: Uint8Array) => {
			sent.push(chunk);
			await upload.write(chunk);
		};
		for (let i = 0; i < 5000; i++) await send(bytes(1, i % 251));
		await send(bytes((1 << 20) - 3000, 7));
		await send(bytes(2_500_000, 8));
		for (let i = 0; i < 3; i++) await send(bytes(1, 9));
		await upload.complete();
		const read: Uint8Array[] = [];
		for await (const chunk of upload.chunks()) read.push(chunk);
		expect(joined(read).equals(joined(sent))).toBe(true);
	});

	it('stops its reader even when its file will not close', async () => {
		const upload = await UploadFile.create(join(dir, 'upload.csv'));
		await upload.write(bytes(10, 1));
		const reader = upload.chunks();
		const waiting = reader.next();
		const out = (upload as unknown as { out: { close(): Promise<void> } }).out;
		const close = out.close.bind(out);
		out.close = async () => {
			await close();
			throw new Error('EIO: the disk went away');
		};
		// Its handler is attached before abandoning: the reader may be woken while abandon() still runs,
		// and a rejection nobody handles yet fails the whole run.
		const stopped = expect(waiting).rejects.toThrow('The upload did not arrive whole.');
		await upload.abandon();
		await stopped;
	});

	it('stops its reader with an error when the body will not be whole', async () => {
		const upload = await UploadFile.create(join(dir, 'upload.csv'));
		await upload.write(bytes(10, 1));
		const reader = upload.chunks();
		const stopped = expect(reader.next()).rejects.toThrow('The upload did not arrive whole.');
		await upload.abandon();
		await stopped;
	});
});

describe('readAhead', () => {
	it('takes items before anything reads them, and hands on each in order', async () => {
		const taken: number[] = [];
		async function* source() {
			for (let i = 1; i <= 4; i++) {
				taken.push(i);
				yield i;
			}
		}
		const ahead = readAhead(source(), 2);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(taken).toEqual([1, 2]);
		const read: number[] = [];
		for await (const item of ahead) read.push(item);
		expect(read).toEqual([1, 2, 3, 4]);
	});

	it('hands on a failure of its source to the reader', async () => {
		async function* source() {
			yield 1;
			throw new Error('bad row');
		}
		const read: number[] = [];
		const reading = (async () => {
			for await (const item of readAhead(source(), 2)) read.push(item);
		})();
		await expect(reading).rejects.toThrow('bad row');
		expect(read).toEqual([1]);
	});
});
