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
	private held: Uint8Array[] = [];
	private heldBytes = 0;
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
		this.held.push(chunk);
		this.heldBytes += chunk.byteLength;
		if (this.heldBytes >= WRITE_BYTES) await this.flush();
	}

	/** The whole body is written: readers end once they have read it. */
	async complete(): Promise<void> {
		await this.flush();
		await this.out.close();
		this.settle('complete');
	}

	/** The body will not be whole: readers stop with an error instead of waiting for more. */
	async abandon(): Promise<void> {
		await this.out.close();
		this.settle(new Error('The upload did not arrive whole.'));
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
		if (this.heldBytes === 0) return;
		const bytes = Buffer.concat(this.held, this.heldBytes);
		this.held = [];
		this.heldBytes = 0;
		for (let done = 0; done < bytes.length;) done += (await this.out.write(bytes, done)).bytesWritten;
		this.written += bytes.length;
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
