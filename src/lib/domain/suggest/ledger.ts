import type { Ledger } from '../ledger/ledger';
import type { TrainingItem } from './model';

/**
 * The bundled human codes as training items. A claim is its quote with the original wording
 * when there is one (or the project's paraphrase when it has no quote), so both languages' words are features of one item (and a quote and its
 * translation never sit in different folds). A coverage row is its title — the published headline,
 * or the project's description where no headline could be read — with all its frames whatever
 * their stance: the model says whether a frame is present in the text; whether the outlet adopts,
 * reports or contests it depends on attribution that word features cannot see, so stance stays a
 * human decision. Rows coded with no frame are kept as negatives. A text that appears twice is kept
 * once, so it cannot be in a training fold and its own test fold.
 */
export function bundledTrainingItems(ledger: Pick<Ledger, 'claims' | 'coverage'>): TrainingItem[] {
	const seen = new Set<string>();
	const items: TrainingItem[] = [];
	const add = (text: string, frames: readonly string[]) => {
		const key = text.trim().toLowerCase();
		if (key === '' || seen.has(key)) return;
		seen.add(key);
		items.push({ text, frames });
	};
	for (const claim of ledger.claims)
		add([claim.quote || claim.paraphrase, claim.quote_original].filter(Boolean).join('\n'), claim.frame_codes);
	for (const row of ledger.coverage) add(row.title, row.frame_codes);
	return items;
}
