import type { ResolvedItem } from './deck';
import type { Claim, Event, Perspective } from '../ledger/schemas';

/**
 * A presentation is a flat list of steps so that every step can have its own URL: a reload or a
 * shared link lands on the same slide, and "next" is just index + 1.
 */
export type Step =
	| { kind: 'title'; title: string; claims: number; questions: number }
	| { kind: 'event'; event: Event }
	| { kind: 'claim'; claim: Claim; perspectives: number }
	/** Perspectives are revealed one at a time; `earlier` are the ones already shown for this claim. */
	| { kind: 'perspective'; claim: Claim | undefined; perspective: Perspective; earlier: Perspective[]; n: number; of: number }
	| { kind: 'frames'; claim: Claim }
	| { kind: 'question'; text: string; n: number; of: number }
	| { kind: 'end' };

export function presentationSteps(items: ResolvedItem[], options: { title?: string } = {}): Step[] {
	const steps: Step[] = [];
	const questions = items.filter((i) => i.kind === 'question').length;
	if (options.title !== undefined)
		steps.push({
			kind: 'title',
			title: options.title,
			claims: items.filter((i) => i.kind === 'claim').length,
			questions
		});
	let questionNumber = 0;
	for (const item of items) {
		switch (item.kind) {
			case 'event':
				steps.push({ kind: 'event', event: item.event });
				break;
			case 'claim':
				steps.push({ kind: 'claim', claim: item.claim, perspectives: item.perspectives.length });
				item.perspectives.forEach((perspective, i) =>
					steps.push({
						kind: 'perspective',
						claim: item.claim,
						perspective,
						earlier: item.perspectives.slice(0, i),
						n: i + 1,
						of: item.perspectives.length
					})
				);
				steps.push({ kind: 'frames', claim: item.claim });
				break;
			case 'perspective':
				steps.push({ kind: 'perspective', claim: undefined, perspective: item.perspective, earlier: [], n: 1, of: 1 });
				break;
			case 'question':
				questionNumber += 1;
				steps.push({ kind: 'question', text: item.text, n: questionNumber, of: questions });
				break;
		}
	}
	steps.push({ kind: 'end' });
	return steps;
}

/**
 * A deck as a student reads it alone: the same steps without the closing slide, whose QR code
 * hands a classroom on to the exercise.
 */
export function readingSteps(items: ResolvedItem[]): Step[] {
	return presentationSteps(items).filter((step) => step.kind !== 'end');
}

/** Steps in URLs are 1-based; anything unreadable or out of range lands on the nearest real step. */
export function clampStep(raw: string | undefined, count: number): number {
	const n = Number.parseInt(raw ?? '1', 10);
	if (!Number.isFinite(n) || n < 1) return 1;
	return Math.min(n, Math.max(count, 1));
}

/** The step a URL should name instead of `raw`, or null when `raw` is already a real step (or absent). */
export function canonicalStep(raw: string | undefined, count: number): number | null {
	if (raw === undefined) return null;
	const step = clampStep(raw, count);
	return String(step) === raw ? null : step;
}

export type PresenterAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'leave';

/**
 * Keys a teacher (or a presenter clicker, which sends PageUp/PageDown) uses. Kept pure so the
 * mapping is unit-tested rather than discovered in class.
 */
export function presenterAction(key: string, shiftKey = false): PresenterAction | undefined {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case 'Enter':
			return 'next';
		case ' ':
		case 'Spacebar':
			return shiftKey ? 'previous' : 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'Backspace':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'f':
		case 'F':
			return 'fullscreen';
		case 'Escape':
			return 'leave';
		default:
			return undefined;
	}
}

/**
 * A debrief presented to the class: overall agreement, then per frame, then what was chosen
 * against the project's coding, then each most-disputed claim twice, first with the students'
 * choices only and then with the project's coding beside them, so the class argues before it
 * sees the answer. With fewer than two coders there is nothing to compare: one step says so.
 */
export type DebriefStep =
	{ kind: 'overall' } | { kind: 'frames' } | { kind: 'confusion' } | { kind: 'claim'; index: number; of: number; revealed: boolean };

export function debriefSteps(coders: number, disputed: number): DebriefStep[] {
	if (coders < 2) return [{ kind: 'overall' }];
	const steps: DebriefStep[] = [{ kind: 'overall' }, { kind: 'frames' }, { kind: 'confusion' }];
	for (let index = 0; index < disputed; index++)
		steps.push({ kind: 'claim', index, of: disputed, revealed: false }, { kind: 'claim', index, of: disputed, revealed: true });
	return steps;
}
