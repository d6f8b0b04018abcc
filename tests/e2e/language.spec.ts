import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { chooseUpload, expectNoAxeViolations, ledger } from './support';

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

test('the method, charts and exercise pages are in Ukrainian too, and pass an accessibility scan', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();

	await page.goto('/method');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Методика й кодувальник');
	await expect(page.getByRole('heading', { name: 'Обмеження' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Завантажити весь реєстр (zip)' })).toBeVisible();
	// Frame labels and definitions are data and keep their language.
	const frame = ledger.frames[0]!;
	await expect(page.locator(`#frame-${frame.id}`)).toContainText(frame.definition);
	await expectNoAxeViolations(page);

	await page.goto('/charts');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Висвітлення й фрейми');
	await expect(page.getByRole('form', { name: 'Фільтри графіків' }).getByLabel('Набір даних')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Висвітлення в часі' })).toBeVisible();
	await expect(page.getByTestId('filter-summary')).toContainText(`Статей, що відповідають фільтрам: ${ledger.coverage.length}`);
	await expect(page.getByRole('button', { name: 'Завантажити всі дані графіків (CSV)' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/exercise');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вгадай фрейм');
	await page.getByRole('link', { name: ledger.events[0]!.title }).click();
	await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
	await expect(page.getByTestId('exercise-progress')).toHaveText(/^Твердження 1 з \d+$/);
	await expect(page.getByRole('group', { name: 'Який фрейм чи які фрейми використано в цьому твердженні?' })).toBeVisible();
	await page.getByRole('button', { name: 'Перевірити відповідь' }).click();
	await expect(page.getByRole('alert')).toHaveText('Виберіть принаймні один фрейм — хоча б найімовірніший.');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expectNoAxeViolations(page);
	await context.close();
});

test('a browser that prefers Ukrainian gets Ukrainian first', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('heading', { name: 'З чого почати' })).toBeVisible();
	await context.close();
});

test('a bad upload is reported in Ukrainian, row and column included, with the data as written', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();
	await chooseUpload(page, fileURLToPath(new URL('../fixtures/formats/bad-rows.csv', import.meta.url)), 'Виберіть файл CSV або TSV');
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByTestId('detected-delimiter')).toHaveText('кома');
	await page.getByRole('button', { name: 'Перевірити всі рядки' }).click();

	await expect(page.getByTestId('issues-date')).toContainText('Дати, які не є датами: 1');
	await expect(page.getByTestId('issues-date').getByRole('listitem')).toHaveText([
		'рядок 3, стовпець publish_date: "31/02/2024" — не дата'
	]);
	await expect(page.getByTestId('issues-empty').getByRole('listitem')).toHaveText(['рядок 4, стовпець publish_date: порожня клітинка']);
	await expect(page.getByTestId('issues-number').getByRole('listitem')).toHaveText(['рядок 5, стовпець count: "x" — не число']);
	await expect(page.getByTestId('issues-url').getByRole('listitem')).toHaveText(['рядок 5, стовпець url: "not a url" — не вебадреса']);
	await expect(page.getByTestId('issues-fields').getByRole('listitem')).toHaveText(['рядок 6: має 3 поля, а заголовок — 5']);
	await expectNoAxeViolations(page);
	await context.close();
});
