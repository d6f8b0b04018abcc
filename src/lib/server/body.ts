import { formatBytes } from '$lib/domain/import/limits';
import { translateMessage } from '$lib/i18n/catalogue';

/** The most any form (sign-up, login, a dispute, a coding answer…) may send; far above what one needs. */
export const FORM_MAX_BYTES = 64 * 1024;

/** How long an upload may go without a byte before it is given up; PARALLAX_UPLOAD_IDLE_MS, default 30 s. */
export const UPLOAD_IDLE_MS = Number(process.env.PARALLAX_UPLOAD_IDLE_MS ?? 30_000);

/**
 * adapter-node's own limit on a request body, read from BODY_SIZE_LIMIT as it reads it (512K
 * unless set; K, M and G suffixes). `npm start` sets it above the upload limit; a server started
 * as `node build/index.js` keeps 512 KB and refuses larger uploads before Parallax reads them.
 */
export function serverBodyLimit(value = process.env.BODY_SIZE_LIMIT ?? '512K'): number {
	const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
	return unit === undefined ? Number(value) : Number(value.slice(0, -1)) * unit;
}

/**
 * Whether `error` is adapter-node's refusal of a body over BODY_SIZE_LIMIT, met while reading it
 * (not its 413 for a body longer than its own Content-Length, which is the client's fault).
 */
export const overServerLimit = (error: unknown) =>
	(error as { status?: unknown } | null)?.status === 413 && /exceeds limit|BODY_SIZE_LIMIT/.test((error as Error).message);

/** Why a request body was refused while it was read. */
export class BodyRefused extends Error {
	constructor(readonly reason: 'too-large' | 'stalled') {
		super(reason === 'too-large' ? 'The request body is over its limit.' : 'The request body stopped arriving.');
	}
}

export const formTooLarge = () =>
	`The form is larger than ${translateMessage('en', formatBytes(FORM_MAX_BYTES))}, the most this server accepts.`;

/**
 * Reads a request body chunk by chunk into `take`, throwing BodyRefused past `maxBytes` or after
 * `idleMs` without a byte. Whatever an oversize body (or one whose `take` failed) still sends is
 * read and dropped, so the client hears the refusal instead of a reset connection; a stalled
 * body is left, and its answer should close the connection.
 */
export async function readBody(
	body: ReadableStream<Uint8Array>,
	limits: { maxBytes: number; idleMs?: number },
	take: (chunk: Uint8Array) => unknown
): Promise<void> {
	const reader = body.getReader();
	let bytes = 0;
	for (;;) {
		const next = await nextChunk(reader, limits.idleMs);
		if (next.done) return;
		bytes += next.value.byteLength;
		try {
			if (bytes > limits.maxBytes) throw new BodyRefused('too-large');
			await take(next.value);
		} catch (error) {
			void drain(reader);
			throw error;
		}
	}
}

function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, idleMs = Infinity): Promise<ReadableStreamReadResult<Uint8Array>> {
	if (!Number.isFinite(idleMs)) return reader.read();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stalled = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new BodyRefused('stalled')), idleMs);
	});
	return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
}

/**
 * Reads and drops a body that is refused unread. Left unread, it would make the server reset the
 * connection, and the client would see that instead of the refusal.
 */
export function discard(body: ReadableStream<Uint8Array> | null) {
	if (body && !body.locked) void drain(body.getReader());
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
	try {
		while (!(await reader.read()).done);
	} catch {
		// The client went away or the server's own body limit stopped it: nothing is left to drop.
	}
}
