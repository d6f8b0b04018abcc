import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { chooseUpload, expectNoAxeViolations, groupOf, ledger, signUp, tableCells, hydrated } from './support';

/**
 * A scraped outlet archive as `Date,URL,Title,Text`: synthetic test articles of one made-up
 * outlet on the given days, with commas and quotes in the text as real scrapes have.
 */
function archive(domain: string, days: string[]): string {
	const rows = days.map(
		(day, i) => `${day},https://${domain}/news/${day}-${i},"Test article ${i + 1}, ${domain}","Synthetic text, with ""quotes"", ${i}."`
	);
	return `Date,URL,Title,Text\n${rows.join('\n')}\n`;
}

// One archive ends 8 September, the other starts 12 August; each has a month without articles inside its window.
const ONE = ['2025-06-02', '2025-06-15', '2025-06-28', '2025-08-05', '2025-08-19', '2025-09-08'];
const TWO = ['2025-08-12', '2025-08-30', '2025-10-01', '2025-10-02', '2025-10-20'];

/** Uploads a file, checks every row and keeps them in this browser; returns the local dataset's id. */
async function keepInBrowser(page: Page, name: string, text: string): Promise<string> {
	await chooseUpload(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	await expect(page.getByTestId('detected-format')).toBeVisible();
	await page.getByRole('button', { name: 'Check every row' }).click();
	await expect(page.getByTestId('report-summary')).toContainText('rows are valid');
	await page.getByRole('button', { name: /^Use \d+ valid rows?$/ }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	await page.getByRole('link', { name: /^Chart / }).click();
	await expect(page).toHaveURL(/\/charts\?dataset=local-[a-z0-9-]+$/);
	return new URL(page.url()).searchParams.get('dataset')!;
}

/** The side-by-side table as period → column header → cell, for the columns whose header names `dataset`. */
async function sideCells(page: Page, dataset: string): Promise<Record<string, string>> {
	const [header = [], ...rows] = await tableCells(page, 'side-by-side');
	const column = header.findIndex((h) => h.includes(dataset));
	expect(column, `a line of ${dataset} in ${header.join(' | ')}`).toBeGreaterThan(0);
	return Object.fromEntries(rows.map((row) => [row[0], row[column]]));
}

test('two outlet archives with different windows on one chart: gaps outside each window, zeros inside', async ({ page }, testInfo) => {
	const one = await keepInBrowser(page, 'archive-one.csv', archive('archive-one.example', ONE));
	const two = await keepInBrowser(page, 'archive-two.csv', archive('archive-two.example', TWO));
	expect(one).not.toBe(two);

	await page.locator('summary', { hasText: 'Compare with' }).click();
	await page.getByRole('checkbox', { name: /archive-one/ }).check();
	await expect(page).toHaveURL(new RegExp(`dataset=${two}&cmp=${one}$`));
	await page.locator('select[name="gran"]').selectOption('month');
	await page.locator('select[name="by"]').selectOption('outlet');
	await expect(page).toHaveURL(/by=outlet&gran=month/);

	const figure = page.getByRole('figure', { name: 'Datasets side by side' });
	// Titles are isolated (U+2068…U+2069) so that a right-to-left title cannot reorder the sentence.
	const caption = figure.locator('figcaption');
	await expect(caption).toContainText(/archive-two\W+ \(uploaded, in this browser\), n = 5, 2025-08-12 to 2025-10-20; /);
	await expect(caption).toContainText(/archive-one\W+ \(uploaded, in this browser\), n = 6, 2025-06-02 to 2025-09-08\.$/);
	await expect(figure.getByRole('list', { name: /^Series in/ }).getByRole('button')).toHaveText([
		/archive-two\W+ \(uploaded, in this browser\): archive-two\.example$/,
		/archive-one\W+ \(uploaded, in this browser\): archive-one\.example$/
	]);
	// By hand from the two files: "–" is a gap (outside the archive's dates), 0 a month inside them without articles.
	expect(await sideCells(page, 'archive-one')).toEqual({ '2025-06': '3', '2025-07': '0', '2025-08': '2', '2025-09': '1', '2025-10': '–' });
	expect(await sideCells(page, 'archive-two')).toEqual({ '2025-06': '–', '2025-07': '–', '2025-08': '2', '2025-09': '0', '2025-10': '3' });
	await expect(page.getByTestId('norm-explain')).toHaveText(
		'As counted: each line is its dataset’s own numbers, so a larger dataset draws higher lines.'
	);
	// The link names datasets only this browser has.
	await expect(page.getByTestId('side-local-link')).toContainText('nobody else can see that dataset');

	// Weekly, the windows end and start mid-month: the week of 8 September is drawn, the next is a gap.
	await page.locator('select[name="gran"]').selectOption('week');
	const weekly = await sideCells(page, 'archive-one');
	expect([weekly['2025-W37'], weekly['2025-W38']]).toEqual(['1', '–']);
	const weeklyTwo = await sideCells(page, 'archive-two');
	expect([weeklyTwo['2025-W32'], weeklyTwo['2025-W33'], weeklyTwo['2025-W34']]).toEqual(['–', '1', '0']);

	await page.locator('summary', { hasText: 'Compare with' }).click();
	await expectNoAxeViolations(page);
	await page.locator('summary', { hasText: 'Compare with' }).click();
	await figure.locator('canvas').scrollIntoViewIfNeeded();
	await figure.screenshot({ path: 'test-results/side-by-side-archives.png' });
	await testInfo.attach('two archives side by side', { path: 'test-results/side-by-side-archives.png', contentType: 'image/png' });
});

test('an upload beside the bundled ledger, normalised; the link keeps a saved dataset; one CSV names the dataset in every row', async ({
	browser
}, testInfo) => {
	const { page } = await signUp(browser, 'Sid');
	// Eight articles: two in June 2025, six in July.
	const days = ['2025-06-03', '2025-06-20', '2025-07-01', '2025-07-02', '2025-07-09', '2025-07-15', '2025-07-22', '2025-07-30'];
	await chooseUpload(page, { name: 'side-archive.csv', mimeType: 'text/csv', buffer: Buffer.from(archive('side-archive.example', days)) });
	await page.getByRole('button', { name: 'Check every row' }).click();
	await page.getByRole('button', { name: 'Use 8 valid rows' }).click();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	const title = `Side archive ${Date.now()}`;
	await save.getByLabel('Title').fill(title);
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await expect(save.getByRole('status')).toContainText('Saved.');
	await page.getByRole('link', { name: 'chart it' }).click();
	await expect(page).toHaveURL(/\/charts\?dataset=[A-Za-z0-9_-]+$/);
	const saved = new URL(page.url()).searchParams.get('dataset')!;

	// The bundled ledger first, the saved upload beside it, each per 1,000 of its own articles.
	await page.goto(`/charts?cmp=${saved}&gran=month&from=2025-05-01&to=2025-08-31`);
	await hydrated(page);
	await page.locator('select[name="norm"]').selectOption('per1000');
	await expect(page).toHaveURL(new RegExp(`cmp=${saved}&norm=per1000$`));
	await expect(page.getByTestId('norm-explain')).toContainText(
		'Per 1,000: each line counts its articles per 1,000 of all of its own dataset’s articles'
	);
	// By hand: 2 and 6 of its 8 articles; before its first and after its last article, gaps.
	expect(await sideCells(page, title)).toEqual({ '2025-05': '–', '2025-06': '250', '2025-07': '750', '2025-08': '–' });

	await page.locator('select[name="norm"]').selectOption('share');
	await expect(page.getByTestId('norm-explain')).toContainText(
		'Share: each line is the percentage of all of its own dataset’s articles in that period'
	);
	// Each group's share of the bundled articles in June 2025, counted from the ledger.
	const june = ledger.coverage.filter((c) => c.date.startsWith('2025-06'));
	const state = june.filter((c) => groupOf(c.outlet_id) === 'russian-state-media').length;
	expect(state).toBeGreaterThan(0);
	const stateLabel = ledger.outletGroups.find((g) => g.id === 'russian-state-media')!.label;
	const bundledState = await sideCells(page, `(bundled): ${stateLabel}`);
	expect(bundledState['2025-06']).toBe(`${((state / june.length) * 100).toFixed(1)}%`);
	expect((await sideCells(page, title))['2025-06']).toBe('100.0%');

	// The link is the view: reloaded, the saved dataset is still beside the ledger.
	await page.reload();
	await expect(page).toHaveURL(new RegExp(`cmp=${saved}&norm=share$`));
	expect((await sideCells(page, title))['2025-07']).toBe('100.0%');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the side-by-side data (CSV)' }).click();
	expect((await download).suggestedFilename()).toBe('parallax-side-by-side-share.csv');
	const lines = (await readFile((await (await download).path())!, 'utf8'))
		.replace(/^\uFEFF/, '')
		.trim()
		.split(/\r?\n/);
	expect(lines[0]).toBe('dataset,dataset_title,period,series,label,value,unit,raw,raw_unit,divided_by');
	// Titles are plain in the file: the isolates that guard them on screen would hide them from a lookup by name.
	expect(lines.join('\n')).not.toMatch(/[\u2066-\u2069]/);
	const rows = lines.slice(1).map((line) => line.split(','));
	expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['bundled', saved]));
	expect(rows.every((r) => r[6] === '% of the dataset’s articles in the period' && r[8] === 'articles')).toBe(true);
	expect(rows.find((r) => r[0] === saved && r[2] === '2025-06')?.slice(5)).toEqual([
		'100',
		'% of the dataset’s articles in the period',
		'2',
		'articles',
		'2'
	]);

	await expectNoAxeViolations(page);
	const figure = page.getByRole('figure', { name: 'Datasets side by side' });
	await figure.locator('canvas').scrollIntoViewIfNeeded();
	await figure.screenshot({ path: 'test-results/side-by-side-share.png' });
	await testInfo.attach('upload beside the ledger, as shares', { path: 'test-results/side-by-side-share.png', contentType: 'image/png' });
});
