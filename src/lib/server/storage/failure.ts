/**
 * Why a write to the store failed, as far as the person who asked needs to know: a full or
 * read-only disk needs the operator, a lost database connection only needs another try.
 */
export type StoreFailure = 'full' | 'read-only' | 'connection' | 'unknown';

// PostgreSQL reports SQLSTATE codes; DuckDB and Node only messages and errno names.
const FULL = /no space left on device|ENOSPC|disk quota exceeded|EDQUOT/i;
const READ_ONLY = /read-only file system|EROFS|read-only transaction/i;
const CONNECTION =
	/ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|connection terminated|terminating connection|not queryable|the database system is (shutting down|starting up)/i;

export function storeFailure(error: unknown): StoreFailure {
	const code = String((error as { code?: unknown } | null)?.code ?? '');
	const message = error instanceof Error ? error.message : String(error);
	if (code === '53100' || FULL.test(message)) return 'full';
	if (code === '25006' || READ_ONLY.test(message)) return 'read-only';
	if (code.startsWith('08') || code.startsWith('57P') || CONNECTION.test(`${code} ${message}`)) return 'connection';
	return 'unknown';
}
