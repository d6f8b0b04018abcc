import { STANCE_ORDER, type FrameStance } from '../charts/aggregate';
import { STANCES, type Stance } from '../ledger/schemas';
import type { ImportMessage } from './messages';

/**
 * An upload's stance column says how the outlet uses each frame it codes (see /method). A cell
 * may be written three ways, each with the frames column's separator:
 *
 * - pairs: `nato-threat:adopts;blame-west:reports` (a frame not named has no stance recorded);
 * - one stance per frame, in the frames cell's order: `adopts;reports` (as the bundled
 *   coverage.csv's frame_stances and a stored dataset's `stances` column are written; an empty
 *   entry leaves its frame without a stance);
 * - one stance for all the row's frames: `reports`.
 *
 * An empty cell records no stance. A frame without a stance is counted only when the charts
 * count every stance, never as adopted.
 */
export interface FrameCodes {
	frames: string[];
	/** One per frame; [] when the row records no stance at all. */
	stances: FrameStance[];
}

// What researchers' spreadsheets write besides the three words themselves.
const SPELLINGS: Record<string, Stance> = {
	adopt: 'adopts',
	adopted: 'adopts',
	report: 'reports',
	reported: 'reports',
	contest: 'contests',
	contested: 'contests'
};

/** A stance word as written (any case, -s or -ed), or null if it is none of the three. */
export function readStance(word: string): Stance | null {
	const w = word.trim().toLowerCase();
	return (STANCES as readonly string[]).includes(w) ? (w as Stance) : (SPELLINGS[w] ?? null);
}

const STANCE_LIST = STANCES.join(', ');

/** Split a frames cell; repeated codes are one code. */
export function splitFrames(cell: string, separator: string): string[] {
	return cell === '' ? [] : [...new Set(splitCodes(cell, separator).filter((f) => f !== ''))];
}

function splitCodes(cell: string, separator: string): string[] {
	return cell.split(separator || ';').map((f) => f.trim());
}

/**
 * A row's frames with their stances, or why the stance cell cannot be read. `framesColumn` names
 * the frames column in the reasons.
 */
export function readFrameCodes(
	framesCell: string,
	stanceCell: string,
	separator: string,
	framesColumn: string
): FrameCodes | { problem: ImportMessage } {
	const written = framesCell === '' ? [] : splitCodes(framesCell, separator).filter((f) => f !== '');
	const frames = [...new Set(written)];
	if (stanceCell === '') return { frames, stances: [] };
	const entries = splitCodes(stanceCell, separator);
	const stanceOf = new Map<string, FrameStance>();
	const unknown = (value: string): { problem: ImportMessage } => ({
		problem: { key: 'import.reason.unknownStance', params: { value: JSON.stringify(value), stances: STANCE_LIST } }
	});

	if (entries.some((e) => e.includes(':'))) {
		for (const entry of entries.filter((e) => e !== '')) {
			const at = entry.lastIndexOf(':');
			if (at < 0) return { problem: { key: 'import.reason.stanceMixed', params: { value: JSON.stringify(entry) } } };
			const frame = entry.slice(0, at).trim();
			const word = entry.slice(at + 1).trim();
			const stance = word === '' ? '' : readStance(word);
			if (stance === null) return unknown(word);
			if (!frames.includes(frame)) {
				return { problem: { key: 'import.reason.stanceFrame', params: { frame: JSON.stringify(frame), column: framesColumn } } };
			}
			stanceOf.set(frame, strongest(stanceOf.get(frame), stance));
		}
		return { frames, stances: hasAny(stanceOf) ? frames.map((f) => stanceOf.get(f) ?? '') : [] };
	}

	const words: FrameStance[] = [];
	for (const entry of entries) {
		const stance = entry === '' ? '' : readStance(entry);
		if (stance === null) return unknown(entry);
		words.push(stance);
	}
	// A trailing separator ("adopts;reports;") is a common export quirk, not an extra stance.
	while (words.length > written.length && words.at(-1) === '') words.pop();
	if (words.length === 1 && written.length !== 1) {
		// One stance for every frame; with no frame it has nothing to apply to.
		return { frames, stances: frames.length === 0 || words[0] === '' ? [] : frames.map(() => words[0]!) };
	}
	if (words.length !== written.length) {
		return {
			problem: {
				key: written.length === 0 ? 'import.reason.stanceNoFrames' : 'import.reason.stanceCount',
				params: { stances: words.length, frames: written.length, column: framesColumn }
			}
		};
	}
	written.forEach((frame, i) => stanceOf.set(frame, strongest(stanceOf.get(frame), words[i]!)));
	return { frames, stances: hasAny(stanceOf) ? frames.map((f) => stanceOf.get(f) ?? '') : [] };
}

const hasAny = (stances: Map<string, FrameStance>) => [...stances.values()].some((s) => s !== '');

/** Two codings of one frame in a row keep the stronger stance: adopted if any adopts it. */
export function strongest(a: FrameStance | undefined, b: FrameStance): FrameStance {
	return a === undefined || STANCE_ORDER.indexOf(b) < STANCE_ORDER.indexOf(a) ? b : a;
}
