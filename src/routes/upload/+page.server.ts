import { LIMITS } from '$lib/server/import';
import { ledger } from '$lib/server/ledger';

/**
 * The bundled outlets and groups, for suggesting an uploaded outlet's group, and the server's
 * size limit, so the browser refuses a file the server would refuse before parsing it.
 */
export function load() {
	const data = ledger();
	return {
		outlets: data.outlets.map(({ id, name, domain, group }) => ({ id, name, domain, group })),
		groups: data.outletGroups.map(({ id, label }) => ({ id, label })),
		maxBytes: LIMITS.bytes
	};
}
