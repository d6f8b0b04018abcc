import { LIMITS } from '$lib/server/import';
import { bundledCodebooks } from '$lib/domain/ledger/codebook';
import { ledger } from '$lib/server/ledger';

/**
 * The bundled outlets and groups, for suggesting an uploaded outlet's group, the codebook
 * uploaded frame codes should belong to, and the server's
 * size limit, so the browser refuses a file the server would refuse before parsing it.
 */
export function load() {
	const data = ledger();
	// Uploaded frame codes are checked against the codebook charts start in.
	const parallax = bundledCodebooks(data)[0]!;
	return {
		outlets: data.outlets.map(({ id, name, domain, group }) => ({ id, name, domain, group })),
		groups: data.outletGroups.map(({ id, label }) => ({ id, label })),
		codebook: { label: parallax.label, frames: parallax.frames.map(({ id, label }) => ({ id, label })) },
		maxBytes: LIMITS.bytes
	};
}
