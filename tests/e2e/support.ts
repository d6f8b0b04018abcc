import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readLedger } from '../../src/lib/server/ledger';

/** The bundled data, read the same way the server reads it, for computing expected values. */
export const ledger = readLedger('data');

export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary).toEqual([]);
}

export function groupOf(outletId: string): string {
	return ledger.outlets.find((o) => o.id === outletId)?.group ?? '';
}
