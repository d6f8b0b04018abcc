import type { BrowserContext, Page } from '@playwright/test';
import type { FilterResult, IngestResult, ToggleTimes, TracedTasks } from './types';
export const CHROMIUM_ARGS: string[];
export function prepare(context: BrowserContext): Promise<void>;
export function ingestBench(page: Page, options: { baseURL: string; file: string; runs: number }): Promise<IngestResult>;
export function filterBench(page: Page, options: { changes: number }): Promise<FilterResult>;
export function toggleTimes(page: Page, field: string, changes: number, values?: string[] | null, restMs?: number): Promise<ToggleTimes>;
export function clearFilters(page: Page, rows: number): Promise<void>;
export function longestTracedTask(page: Page, work: () => Promise<unknown>): Promise<TracedTasks>;
export function longestTask(
	traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; args?: { name?: string } }[]
): TracedTasks;
export function withApp<T>(root: string, port: number, work: (page: Page, baseURL: string, version: string) => Promise<T>): Promise<T>;
