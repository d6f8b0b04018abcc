import type { LighthouseResult } from './types';
export const LIGHTHOUSE_FLAGS: string[];
export function lighthousePages(baseURL: string, paths: string[], runs: number, chromePath?: string): Promise<LighthouseResult>;
