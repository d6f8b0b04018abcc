import type { Row } from './types';
export interface Summary {
	median: number;
	min: number;
	max: number;
	runs: number;
}
export function summary(values: number[]): Summary;
export function percentile(values: number[], p: number): number;
export function spread(s: Summary, digits?: number, unit?: string): string;
export function table(rows: Row[]): string;
