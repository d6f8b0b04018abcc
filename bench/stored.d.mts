import type { StoredResult } from './types';
export function storedFilterBench(options: { file: string; port: number; changes: number }): Promise<StoredResult>;
