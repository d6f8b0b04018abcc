import type { Page } from '@playwright/test';
import type { SuggestResult } from './types';
export function suggestBench(
	page: Page,
	options: { root: string; baseURL: string; items: number; titles: number; runs: number }
): Promise<SuggestResult>;
