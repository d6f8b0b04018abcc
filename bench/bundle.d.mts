import type { RouteBundle } from './types';
export function routeBundles(root: string, routeIds: string[]): Promise<RouteBundle[]>;
