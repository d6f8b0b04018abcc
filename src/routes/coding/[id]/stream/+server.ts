import { refuse } from '$lib/server/refusal';
import { currentStudent, isTeacher, openSession, summary } from '$lib/server/coding';
import { store } from '$lib/server/storage';

// Every instance reads the shared store, so polling it is what keeps several app instances in step.
const INTERVAL_MS = 2000;

/**
 * Server-sent events: the teacher gets the class summary, a student only whether the sources have
 * been revealed. Same-origin, so the CSP's connect-src 'self' allows it, and it is not micro-cached.
 */
export async function GET({ params, cookies, request }) {
	const first = await openSession(params.id);
	const teacher = isTeacher(first, cookies);
	if (!teacher && !(await currentStudent(first, cookies))) refuse(404, { key: 'coding.error.noSession' });

	const encoder = new TextEncoder();
	let timer: ReturnType<typeof setInterval> | undefined;
	let closed = false;
	const stop = () => {
		closed = true;
		clearInterval(timer);
	};
	request.signal.addEventListener('abort', stop);

	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let last = '';
			let busy = false;
			const send = (text: string) => {
				if (!closed) controller.enqueue(encoder.encode(text));
			};
			const tick = async () => {
				if (busy || closed) return;
				busy = true;
				try {
					const session = await (await store()).codingSession(params.id);
					if (!session || session.expiresAt <= Date.now()) {
						send(`data: ${JSON.stringify({ expired: true })}\n\n`);
						stop();
						controller.close();
						return;
					}
					const payload = JSON.stringify(
						teacher ? { revealed: session.revealed, summary: await summary(session) } : { revealed: session.revealed }
					);
					// Unchanged state costs a comment line, which also keeps proxies from timing the stream out.
					send(payload === last ? ': idle\n\n' : `data: ${payload}\n\n`);
					last = payload;
				} catch {
					// A failed poll (database hiccup) is retried on the next tick rather than ending the stream.
				} finally {
					busy = false;
				}
			};
			send('retry: 3000\n\n');
			void tick();
			timer = setInterval(() => void tick(), INTERVAL_MS);
		},
		cancel: stop
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
}
