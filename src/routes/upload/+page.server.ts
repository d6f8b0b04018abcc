import { ledger } from '$lib/server/ledger';

/** The bundled outlets and groups, for suggesting an uploaded outlet's group. */
export function load() {
	const data = ledger();
	return {
		outlets: data.outlets.map(({ id, name, domain, group }) => ({ id, name, domain, group })),
		groups: data.outletGroups.map(({ id, label }) => ({ id, label }))
	};
}
