type Listener = (value?: unknown) => void;

/**
 * Text handed to papaparse piece by piece, in the shape of the Node readable stream it accepts:
 * its own readers fetch the next piece only once the last is parsed, or hand rows on one at a
 * time. papaparse listens for 'data', 'end' and 'error', checks that read() exists, and calls
 * pause() and resume() only for a paused parse, which neither import asks for.
 */
export class PapaSource {
	readonly readable = true;
	#listeners: Record<string, Listener> = {};

	on(event: string, listener: Listener) {
		this.#listeners[event] = listener;
	}

	removeListener(event: string) {
		delete this.#listeners[event];
	}

	read() {}
	pause() {}
	resume() {}

	/** Tells papaparse: a piece of text, the end of it, or why it could not be read. */
	protected emit(event: 'data' | 'end' | 'error', value?: unknown) {
		this.#listeners[event]?.(value);
	}
}
