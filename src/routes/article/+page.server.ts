import { ledger } from '$lib/server/ledger';
import { claimGist, frameIndex, gistIsQuote } from '$lib/domain/ledger/views';

export function load() {
	const data = ledger();
	const claims = Object.fromEntries(
		data.claims.map((c) => [
			c.id,
			{ id: c.id, event_id: c.event_id, speaker: c.speaker, date: c.date, gist: claimGist(c), quoted: gistIsQuote(c) }
		])
	);
	const file = data.manifest.files.find((f) => f.kind === 'article');
	return { sentences: data.article, frames: frameIndex(data.frames), claims, provenance: file };
}
