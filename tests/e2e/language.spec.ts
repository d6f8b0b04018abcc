import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support';

test('the interface switches to Ukrainian, is remembered, and switches back', async ({ page }) => {
	await page.goto('/events/hague-summit-2025');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: 'Українська' }).click();

	await expect(page).toHaveURL('/events/hague-summit-2025');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Події' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Що стверджували/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Що кажуть інші джерела/ })).toBeVisible();
	await expect(page.getByText('Російський державний фреймінг').first()).toBeVisible();
	await expectNoAxeViolations(page);

	// Remembered across pages and reloads.
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Твердження поруч із тим, що кажуть інші джерела');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('See a claim beside what other sources say');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("a browser that prefers Ukrainian gets Ukrainian first", async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('heading', { name: 'З чого почати' })).toBeVisible();
	await context.close();
});
