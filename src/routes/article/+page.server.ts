import { ledger } from '$lib/server/ledger';
import { frameIndex } from '$lib/domain/views';

export function load() {
	const data = ledger();
	const claims = Object.fromEntries(
		data.claims.map((c) => [c.id, { id: c.id, event_id: c.event_id, speaker: c.speaker, date: c.date, gist: gist(c.quote || c.paraphrase) }])
	);
	const file = data.manifest.files.find((f) => f.kind === 'article');
	return { sentences: data.article, frames: frameIndex(data.frames), claims, provenance: file };
}

/** The first words of a claim, so that two links from one sentence to one speaker's claims differ. */
function gist(text: string): string {
	const words = text.split(/\s+/).filter(Boolean);
	return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}
