import { open, type FileHandle } from 'node:fs/promises';

/** Bytes of the body gathered for one write: a write per network chunk (64 KB) kept the request thread busy. */
const WRITE_BYTES = 1 << 20;
/** Bytes read back at a time: each read is a message to the import worker and a papaparse call. */
const READ_BYTES = 1 << 20;

/**
 * An upload's body, kept in a temporary file as it arrives and read back while it is still
 * arriving: the import parses and checks rows as the body comes instead of waiting it out (a
 * 100 MB body took 1.2–1.9 s to arrive), yet holds no more of it in memory than a megabyte each
 * way, however slowly the client sends. One reader at a time.
 */
export class UploadFile {
	private written = 0;
	// Chunks are copied here rather than kept: a body sent a byte per chunk would otherwise hold an
	// object per byte until a megabyte had come.
	private readonly stage = Buffer.allocUnsafe(WRITE_BYTES);
	private staged = 0;
	private end: 'complete' | Error | undefined;
	private wake: (() => void) | undefined;

	private constructor(
		readonly path: string,
		private readonly out: FileHandle
	) {}

	static async create(path: string): Promise<UploadFile> {
		return new UploadFile(path, await open(path, 'w'));
	}

	async write(chunk: Uint8Array): Promise<void> {
		for (let from = 0; from < chunk.byteLength;) {
			const length = Math.min(chunk.byteLength - from, WRITE_BYTES - this.staged);
			this.stage.set(chunk.subarray(from, from + length), this.staged);
			this.staged += length;
			from += length;
			if (this.staged === WRITE_BYTES) await this.flush();
		}
	}

	/** The whole body is written: readers end once they have read it. */
	async complete(): Promise<void> {
		await this.flush();
		await this.out.close();
		this.settle('complete');
	}

	/** The body will not be whole: readers stop with an error instead of waiting for more. */
	async abandon(): Promise<void> {
		this.settle(new Error('The upload did not arrive whole.'));
		// Given up either way: a file that will not close (or was closed by a failed complete()) must
		// not leave the reader, and with it the request, waiting.
		await this.out.close().catch(() => undefined);
	}

	/** The body as far as it is written, then as more is written, until it is complete. */
	async *chunks(): AsyncGenerator<Uint8Array> {
		const file = await open(this.path, 'r');
		try {
			let offset = 0;
			for (;;) {
				if (offset < this.written) {
					const chunk = Buffer.allocUnsafe(Math.min(READ_BYTES, this.written - offset));
					const { bytesRead } = await file.read(chunk, 0, chunk.length, offset);
					if (bytesRead === 0) throw new Error('The upload file is shorter than what was written to it.');
					offset += bytesRead;
					yield chunk.subarray(0, bytesRead);
				} else if (this.end === 'complete') return;
				else if (this.end) throw this.end;
				else await new Promise<void>((resolve) => (this.wake = resolve));
			}
		} finally {
			await file.close();
		}
	}

	private async flush() {
		if (this.staged === 0) return;
		for (let done = 0; done < this.staged;) done += (await this.out.write(this.stage, done, this.staged - done)).bytesWritten;
		this.written += this.staged;
		this.staged = 0;
		this.wakeReader();
	}

	private settle(end: 'complete' | Error) {
		this.end ??= end;
		this.wakeReader();
	}

	private wakeReader() {
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}
}
