/** Ids of datasets kept in a browser; in a module of its own so that chart filters can tell them without loading the import code. */
export const LOCAL_PREFIX = 'local-';

export function isLocalDatasetId(id: string | null | undefined): id is string {
	return typeof id === 'string' && id.startsWith(LOCAL_PREFIX) && /^local-[a-z0-9-]{1,64}$/.test(id);
}
