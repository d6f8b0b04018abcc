import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));

async function upload(page: Page, name: string) {
	await page.goto('/upload');
	await expect(page.getByTestId('storage-note')).toContainText('stays in this browser until you save it');
	await expect(page.getByLabel('Choose a CSV or TSV file')).toBeEnabled();
	await page.getByLabel('Choose a CSV or TSV file').setInputFiles(fixture(name));
	await expect(page.getByTestId('detected-format')).toBeVisible();
}

async function check(page: Page) {
	await page.getByRole('button', { name: 'Check every row' }).click();
	await expect(page.getByTestId('validation-report')).toBeVisible();
}

async function useRowsAndOpenCharts(page: Page) {
	await page.getByRole('button', { name: /^Use \d+ valid rows?$/ }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	await page.getByRole('link', { name: /^Chart / }).click();
	await expect(page).toHaveURL(/\/charts\?dataset=local-[a-z0-9-]+$/);
}

async function openCoverageTable(page: Page) {
	await expect(page.getByTestId('filter-summary')).not.toContainText(/^0 /);
	await page.locator('[data-chart="coverage"] summary', { hasText: 'Data table' }).click();
}

test('a Media Cloud story export is recognised, mapped and charted beside the bundled data', async ({ page }) => {
	await upload(page, 'mediacloud-legacy.csv');
	await expect(page.getByTestId('detected-format')).toHaveText('Media Cloud story export (older)');
	await expect(page.getByTestId('detected-delimiter')).toHaveText('comma');
	await expect(page.getByTestId('detected-encoding')).toHaveText('UTF-8, LF line ends');
	await expect(page.getByRole('table', { name: 'First 4 rows of the file' })).toContainText('Second fixture headline, with a comma');
	await expectNoAxeViolations(page);

	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('4 of 4 rows are valid.');
	// tass.com and Meduza match bundled outlets by domain; Example News matches nothing.
	const groups = page.getByTestId('group-mapping');
	await expect(groups.getByRole('row', { name: /tass\.com/ })).toContainText('matches bundled outlet');
	await expect(groups.getByRole('row', { name: /Example News/ })).toContainText('no bundled outlet matches');
	await groups.getByLabel('New group').fill('Fixture press');
	await groups.getByRole('button', { name: 'Add group' }).click();
	await groups.getByLabel('Group for Example News').selectOption({ label: 'Fixture press' });
	await expectNoAxeViolations(page);

	await useRowsAndOpenCharts(page);
	const dataset = page.getByLabel('Dataset');
	await expect(dataset.locator('option:checked')).toHaveText('mediacloud-legacy (uploaded, in this browser)');
	await expect(dataset.locator('option', { hasText: '(bundled)' })).toHaveCount(1);
	await expect(page.getByTestId('filter-summary')).toContainText('4 articles match, from 2022-02-21 to 2022-02-22');
	await openCoverageTable(page);
	const table = page.getByTestId('coverage-table');
	await expect(table.getByRole('columnheader', { name: 'Fixture press' })).toBeVisible();
	await expect(table.getByRole('row', { name: /^2022-02-22/ })).toContainText('1');
	await expect(page.getByText('Parallax has not checked its sources or coded it')).toBeVisible();
});

test('a GDELT timeline with a BOM charts its values per day', async ({ page }) => {
	await upload(page, 'gdelt-timeline.csv');
	await expect(page.getByTestId('detected-format')).toHaveText('GDELT DOC API timeline');
	await expect(page.getByTestId('detected-encoding')).toHaveText('UTF-8 with BOM, LF line ends');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('3 of 3 rows are valid.');
	await useRowsAndOpenCharts(page);
	await openCoverageTable(page);
	const table = page.getByTestId('coverage-table');
	await expect(table.getByRole('columnheader', { name: 'Article Count' })).toBeVisible();
	const cells = await table.locator('tbody tr').evaluateAll((rows) =>
		rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim()))
	);
	expect(cells).toEqual([
		['2024-01-01', '5'],
		['2024-01-02', '9'],
		['2024-01-03', '7']
	]);
});

test('a file with bad rows gets an exact report and only its valid rows are used', async ({ page }) => {
	await upload(page, 'bad-rows.csv');
	await expect(page.getByTestId('detected-format')).toHaveText('Unknown format: map the columns by hand');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('1 of 5 rows are valid; 4 rows have problems and would be left out.');
	await expect(page.getByTestId('issues-date')).toContainText('Dates that are not dates: 1');
	await expect(page.getByTestId('issues-date').getByRole('listitem')).toHaveText(['row 3, column publish_date: "31/02/2024" is not a date']);
	await expect(page.getByTestId('issues-empty').getByRole('listitem')).toHaveText(['row 4, column publish_date: is empty']);
	await expect(page.getByTestId('issues-number').getByRole('listitem')).toHaveText(['row 5, column count: "x" is not a number']);
	await expect(page.getByTestId('issues-url').getByRole('listitem')).toHaveText(['row 5, column url: "not a url" is not a web address']);
	await expect(page.getByTestId('issues-fields').getByRole('listitem')).toHaveText(['row 6: has 3 fields; the header has 5']);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download all 5 problems as CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('bad-rows-problems.csv');
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/upload-report.png', fullPage: true });

	await useRowsAndOpenCharts(page);
	await openCoverageTable(page);
	await expect(page.getByTestId('coverage-table').getByRole('row', { name: /^2024-02-01/ })).toContainText('3');
	await expect(page.getByTestId('filter-summary')).toContainText('3 articles match');
	await page.screenshot({ path: 'test-results/upload-charts.png', fullPage: true });
});

test('an ambiguous date column is a question, not a guess', async ({ page }) => {
	await upload(page, 'ambiguous-dates.csv');
	const question = page.getByTestId('date-question');
	await expect(question).toContainText('Is “date” day first or month first?');
	await expect(page.getByTestId('mapping-problems')).toHaveText('Choose how the dates are written.');
	await expect(page.getByRole('button', { name: 'Check every row' })).toBeDisabled();
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/upload-question.png', fullPage: true });
	await question.getByLabel('mm/dd/yyyy (month first)').check();
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('2 of 2 rows are valid.');
});

test('the empty upload page and an unknown local dataset', async ({ page }) => {
	await page.goto('/upload');
	await expectNoAxeViolations(page);
	await page.goto('/charts?dataset=local-doesnotexist');
	await expect(page.getByRole('status').filter({ hasText: 'Some settings in the link were ignored' })).toContainText(
		'Ignored dataset "local-doesnotexist": there is no dataset with that id.'
	);
});
