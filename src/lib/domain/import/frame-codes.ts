import { FRAME_SEP } from './columnar';
import type { Checked } from './mapping';
import type { ImportMessage } from './messages';
import { counted } from './messages';
import { strongest } from './stances';
import type { FrameStance } from '../charts/aggregate';

/** The codebook an upload's frame codes are checked against. */
export interface FrameBook {
	label: string;
	frames: { id: string; label: string }[];
}

/** A frame code the codebook does not have, with the file rows that use it. */
export interface UnknownFrame {
	code: string;
	column: string;
	rows: number;
	/** The first few spreadsheet rows that name it. */
	at: number[];
}

const ROWS_NAMED = 8;
const NO_CODES: readonly string[] = [];

/**
 * Finds, row by row, the frame codes a codebook does not have. Rows keep their frames: the
 * researcher decides afterwards what each unknown code means.
 */
export class FrameCodeCheck {
	private known: Set<string>;
	private unknown = new Map<string, UnknownFrame & { last: number }>();
	// Frame lists repeat: each distinct list (one Checked value) is looked up once.
	private seen = new WeakMap<Checked<string[]>, readonly string[]>();

	constructor(
		book: FrameBook,
		private column: string
	) {
		this.known = new Set(book.frames.map((f) => f.id));
	}

	add(frames: Checked<string[]>, row: number): void {
		let codes = this.seen.get(frames);
		if (codes === undefined) {
			const strange = frames.value.filter((f) => !this.known.has(f));
			codes = strange.length === 0 ? NO_CODES : strange;
			this.seen.set(frames, codes);
		}
		for (const code of codes) {
			let entry = this.unknown.get(code);
			if (!entry) this.unknown.set(code, (entry = { code, column: this.column, rows: 0, at: [], last: 0 }));
			// A reshaped row gives several records: the file row is still one.
			if (entry.last === row) continue;
			entry.last = row;
			entry.rows++;
			if (entry.at.length < ROWS_NAMED) entry.at.push(row);
		}
	}

	result(): UnknownFrame[] {
		return [...this.unknown.values()]
			.map(({ code, column, rows, at }) => ({ code, column, rows, at }))
			.sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
	}
}

/** `Frame code “XYZ” in column “frames” is not in the Parallax codebook (2 rows: row 4, row 9).` */
export function unknownFrameNote(frame: UnknownFrame, codebook: string): ImportMessage {
	const rows = frame.at.join(', ') + (frame.rows > frame.at.length ? ', …' : '');
	return {
		key: 'import.note.unknownFrame',
		params: { code: frame.code, column: frame.column, codebook, count: counted('import.n.row', frame.rows), rows }
	};
}

/** What the researcher chose for each unknown code: a codebook frame id, or '' for uncoded. */
export type FrameChoices = Record<string, string>;

/**
 * Frame lists (as the columnar dictionary joins them) with the unknown codes replaced by the
 * chosen frame or dropped, so no chart shows a code the codebook does not have. Their stances,
 * when the upload has them, follow: two codes that become one frame keep the stronger stance.
 */
export function resolveFrameLists(lists: string[], choices: FrameChoices, stances?: string[]): { frames: string[]; stances?: string[] } {
	const frames: string[] = [];
	const resolvedStances: string[] = [];
	lists.forEach((list, i) => {
		const stanceList = stances?.[i] ?? '';
		if (list === '') {
			frames.push(list);
			resolvedStances.push(stanceList);
			return;
		}
		const given = stanceList === '' ? [] : (stanceList.split(FRAME_SEP) as FrameStance[]);
		const stanceOf = new Map<string, FrameStance>();
		list.split(FRAME_SEP).forEach((code, j) => {
			// Codes are the file's text: "constructor" must not find Object's.
			const frame = Object.hasOwn(choices, code) ? choices[code]! : code;
			if (frame !== '') stanceOf.set(frame, strongest(stanceOf.get(frame), given[j] ?? ''));
		});
		frames.push([...stanceOf.keys()].join(FRAME_SEP));
		const kept = [...stanceOf.values()];
		resolvedStances.push(kept.some((s) => s !== '') ? kept.join(FRAME_SEP) : '');
	});
	return stances ? { frames, stances: resolvedStances } : { frames };
}
