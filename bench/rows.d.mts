import type { ServerResults } from './server';
import type { EventPageHtml, FilterResult, IngestResult, RouteBundle, Row } from './types';
export const ROUTES: string[];
export const TARGETS: Record<string, number>;
export function serverRows(r: ServerResults): Row[];
export function ingestRows(ingest: IngestResult): Row[];
export function filterRows(filter: FilterResult): Row[];
export function bundleRows(bundles: RouteBundle[]): Row[];
export function htmlRows(html: EventPageHtml): Row[];
