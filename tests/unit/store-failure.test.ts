import { describe, expect, it } from 'vitest';
import { storeFailure } from '../../src/lib/server/storage/failure';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('why a store write failed', () => {
	it('recognises a full disk from DuckDB and from PostgreSQL', () => {
		expect(
			storeFailure(
				new Error('TransactionContext Error: Failed to commit: Could not write file "/srv/p.duckdb.wal": No space left on device')
			)
		).toBe('full');
		expect(storeFailure(pgError('53100', 'could not extend file "base/16384/16399": wrote only 4096 of 8192 bytes'))).toBe('full');
	});

	it('recognises a read-only file system and a read-only database', () => {
		expect(storeFailure(new Error('IO Error: Cannot open file "/srv/p.duckdb": Read-only file system'))).toBe('read-only');
		expect(storeFailure(pgError('25006', 'cannot execute INSERT in a read-only transaction'))).toBe('read-only');
	});

	it('recognises a lost or refused PostgreSQL connection', () => {
		expect(storeFailure(pgError('57P01', 'terminating connection due to administrator command'))).toBe('connection');
		expect(storeFailure(new Error('Connection terminated unexpectedly'))).toBe('connection');
		expect(storeFailure(new Error('Client has encountered a connection error and is not queryable'))).toBe('connection');
		expect(storeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('connection');
	});

	it('leaves anything else unexplained', () => {
		expect(storeFailure(pgError('23505', 'duplicate key value violates unique constraint "datasets_pkey"'))).toBe('unknown');
		expect(storeFailure(new Error('dataset x vanished after commit'))).toBe('unknown');
	});
});
