import type { ImportMessage } from './messages';

type Listener = (value?: unknown) => void;

/**
 * The most text one row may take. papaparse parses an unfinished row again from its start with
 * every piece, so a row that never ends (a quote mark left open makes the rest of a file one
 * cell) costs time in the square of its length: minutes for a 100 MB file, for nothing. A whole
 * article in a cell, as a scraped archive's text column holds, is far shorter.
 */
export const MAX_ROW_CHARS = 10_000_000;

/** A row went on past MAX_ROW_CHARS without ending. */
export class RowTooLong extends Error {
	readonly refusal: ImportMessage;

	constructor(row: number) {
		super(`Row ${row} goes on for more than ten million characters without ending.`);
		this.refusal = { key: 'import.refusal.rowTooLong', params: { row } };
	}
}

/**
 * Text handed to papaparse piece by piece, in the shape of the Node readable stream it accepts:
 * its own readers fetch the next piece only once the last is parsed, or hand rows on one at a
 * time. papaparse listens for 'data', 'end' and 'error', checks that read() exists, and calls
 * pause() and resume() only for a paused parse, which neither import asks for.
 */
export class PapaSource {
	readonly readable = true;
	#listeners: Record<string, Listener> = {};
	#rows = 0;
	/** Text handed over in pieces that gave no row back: the row papaparse is in the middle of, but for the piece it began in. */
	#unfinished = 0;

	on(event: string, listener: Listener) {
		this.#listeners[event] = listener;
	}

	removeListener(event: string) {
		delete this.#listeners[event];
	}

	read() {}
	pause() {}
	resume() {}

	/** papaparse gave back `count` rows: the text handed over before them is parsed. */
	parsed(count: number) {
		if (count === 0) return;
		this.#rows += count;
		this.#unfinished = 0;
	}

	/** Tells papaparse: a piece of text, the end of it, or why it could not be read. Throws RowTooLong. */
	protected emit(event: 'data' | 'end' | 'error', value?: unknown) {
		const rows = this.#rows;
		this.#listeners[event]?.(value);
		if (event !== 'data' || this.#rows !== rows) return;
		this.#unfinished += (value as string).length;
		if (this.#unfinished > MAX_ROW_CHARS) throw new RowTooLong(this.#rows + 1);
	}
}
