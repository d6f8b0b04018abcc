import { expect, test } from '@playwright/test';
import { bundledTrainingItems } from '../../src/lib/domain/suggest/ledger';
import { expectNoAxeViolations, ledger } from './support';

const items = bundledTrainingItems(ledger);
const score = /^(0\.\d\d|1\.00|—)$/;

test('a reader goes from /method to the cross-validated suggestion figures: one row per frame beside the keyword baseline', async ({
	page
}) => {
	await page.goto('/method');
	await page.getByRole('link', { name: 'how well its suggestions agree with the human coders, frame by frame' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'How well frame suggestions work' })).toBeVisible();

	const table = page.getByTestId('suggestion-scores');
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Keyword baseline' })).toBeVisible();
	await expect(table.getByRole('caption')).toContainText(`${items.length} items, 5-fold`);

	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => ({ frame: tr.getAttribute('data-frame'), cells: [...tr.querySelectorAll('td')].map((c) => c.textContent!.trim()) }))
		);
	expect(rows.map((r) => r.frame)).toEqual(ledger.frames.map((f) => f.id));
	for (const { frame, cells } of rows) {
		// support, then P R F1 α for the model and for the baseline
		expect(cells).toHaveLength(9);
		expect(Number(cells[0])).toBe(items.filter((i) => i.frames.includes(frame!)).length);
		for (const i of [1, 2, 3, 5, 6, 7]) expect(cells[i]).toMatch(score);
		for (const i of [4, 8]) expect(cells[i]).toMatch(/^(-?[01]\.\d{3}|—)$/);
		// F1 is the harmonic mean, so it lies between precision and recall.
		const [p, r, f1] = cells.slice(1, 4).map(Number);
		if (!Number.isNaN(p) && !Number.isNaN(r)) {
			expect(f1).toBeGreaterThanOrEqual(Math.min(p!, r!) - 0.01);
			expect(f1).toBeLessThanOrEqual(Math.max(p!, r!) + 0.01);
		}
	}
	await expect(table.getByRole('rowheader', { name: /^Micro average/ })).toBeVisible();
	await expect(table.getByRole('rowheader', { name: /^Macro average/ })).toBeVisible();
	await expect(page.getByText('Suggestions are never mixed silently with human codes.')).toBeVisible();
	await expectNoAxeViolations(page);
});
