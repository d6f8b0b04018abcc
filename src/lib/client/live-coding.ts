/**
 * Subscribe to a session's server-sent events; returns the unsubscribe, so it fits an $effect.
 * EventSource reconnects by itself after a dropped connection or a server restart.
 */
export function subscribe<T>(url: string, onData: (data: T) => void): () => void {
	const source = new EventSource(url);
	source.onmessage = (event: MessageEvent<string>) => {
		try {
			onData(JSON.parse(event.data) as T);
		} catch {
			// A malformed message is skipped; the next one carries the full state again.
		}
	};
	return () => source.close();
}
