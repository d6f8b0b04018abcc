import type { EventPageHtml } from './types';
export function largestEventPage(baseURL: string): Promise<EventPageHtml>;
