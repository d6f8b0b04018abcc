import { resolve } from 'node:path';
import { DuckDbStore } from './duckdb';
import { PostgresStore } from './postgres';
import type { Store } from './types';

let opening: Promise<Store> | undefined;

/**
 * The process-wide store: PostgreSQL when DATABASE_URL is set, otherwise an embedded DuckDB
 * file (PARALLAX_DB, default var/parallax.duckdb), so the app runs with nothing else to start.
 */
export function store(): Promise<Store> {
	opening ??= openStore();
	return opening;
}

async function openStore(): Promise<Store> {
	const url = process.env.DATABASE_URL;
	if (url) return PostgresStore.open(url);
	return DuckDbStore.open(resolve(process.env.PARALLAX_DB ?? 'var/parallax.duckdb'), {
		memoryLimit: process.env.PARALLAX_DB_MEMORY ?? '1GB',
		threads: Number(process.env.PARALLAX_DB_THREADS ?? 2)
	});
}

export type { Store } from './types';
