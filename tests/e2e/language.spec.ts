import { fileURLToPath } from 'node:url';
import { expect, test, type Locator } from '@playwright/test';
import { chooseUpload, expectNoAxeViolations, hydrated, ledger } from './support';

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

/** The language an element is read in: that of its closest ancestor (or itself) with a lang attribute. */
const langOf = (locator: Locator) => locator.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));

test('in Ukrainian, the ledger’s English text is marked as English and the interface around it is not', async ({ page }) => {
	const event = ledger.events.find((e) => e.id === 'bucha-2022')!;
	const claim = ledger.claims.find((c) => c.event_id === event.id && c.frame_codes.length > 0)!;
	const card = page.locator(`#claim-${claim.id}`);
	const paraphrase = card.locator('.paraphrase').getByText(claim.paraphrase);

	// In English the page's own lang holds: no attribute is repeated on the content.
	await page.goto(`/events/${event.id}`);
	await hydrated(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(paraphrase).toBeVisible();
	await expect(card.locator('.paraphrase[lang], .paraphrase [lang]')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang');

	await page.getByRole('button', { name: 'Українська' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await hydrated(page);

	const h1 = page.getByRole('heading', { level: 1 });
	await expect(h1).toHaveText(event.title);
	await expect(h1).toHaveAttribute('lang', 'en');
	expect(await langOf(page.locator('.event-head').getByText(event.summary))).toBe('en');
	expect(await langOf(paraphrase)).toBe('en');
	const chip = card.locator('.frame-chip').first();
	await expect(chip).toHaveText(ledger.frames.find((f) => f.id === claim.frame_codes[0])!.label);
	expect(await langOf(chip)).toBe('en');
	expect(await langOf(page.locator(`#${await chip.getAttribute('aria-describedby')}`))).toBe('en');

	// The translated labels around it stay Ukrainian.
	const label = card.getByText('Російський державний фреймінг', { exact: true });
	await expect(label).not.toHaveAttribute('lang');
	expect(await langOf(label)).toBe('uk');
	const show = card.getByRole('link', { name: /^Показати позиції/ });
	expect(await langOf(show)).toBe('uk');
	expect(await langOf(page.getByRole('heading', { name: /^Що стверджували/ }))).toBe('uk');
	await expectNoAxeViolations(page);
});

test('a perspective quoted as published is marked with its language, on the event page and the handout', async ({ page }) => {
	const russian = ledger.perspectives.find((p) => p.id === 'p01')!;
	const ukrainian = ledger.perspectives.find((p) => p.quote_language === 'uk')!;
	const english = ledger.perspectives.find((p) => p.claim_ids.includes('c01') && p.quote_language === 'en')!;
	for (const [perspective, language] of [
		[russian, 'ru'],
		[english, 'en'],
		[ukrainian, 'uk']
	] as const) {
		await page.goto(`/events/${perspective.event_id}?claim=${perspective.claim_ids[0]}`);
		const quote = page.locator('blockquote').getByText(`“${perspective.quote}”`);
		await expect(quote).toBeVisible();
		await expect(quote).toHaveAttribute('lang', language);
	}

	await page.goto(`/print/event/${russian.event_id}`);
	await expect(page.locator('blockquote').getByText(`“${russian.quote}”`).first()).toHaveAttribute('lang', 'ru');
	await expectNoAxeViolations(page);
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
	await expect(page.getByTestId('filter-summary')).toContainText(
		`Статей, що відповідають фільтрам: ${ledger.coverage.length.toLocaleString('uk')}`
	);
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
		'рядок 3, стовпець publish_date: "31/02/2024" у формі дд/мм/рррр (спершу день) — такого дня немає'
	]);
	await expect(page.getByTestId('issues-empty').getByRole('listitem')).toHaveText(['рядок 4, стовпець publish_date: порожня клітинка']);
	await expect(page.getByTestId('issues-number').getByRole('listitem')).toHaveText(['рядок 5, стовпець count: "x" — не число']);
	await expect(page.getByTestId('issues-fields').getByRole('listitem')).toHaveText(['рядок 6: має 3 поля, а заголовок — 5']);
	await expectNoAxeViolations(page);
	// Thousands are grouped with a space: in Ukrainian a comma is the decimal mark.
	await page.goto('/datasets');
	await expect(page.getByText(/^Обмеження для завантажень/)).toContainText('і 2\u00a0000\u00a0000 рядків на набір даних');
	await context.close();
});
