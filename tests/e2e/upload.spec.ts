import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations, signUp } from './support';

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

test('a Media Cloud story export is recognised, mapped and charted with the same charts as the bundled data', async ({ page }) => {
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
	await expect(dataset.locator('option:checked')).toHaveText('\u2068mediacloud-legacy\u2069 (uploaded, in this browser)');
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
	const cells = await table
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));
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
	await expect(page.getByTestId('issues-date').getByRole('listitem')).toHaveText([
		'row 3, column publish_date: "31/02/2024" is not a date'
	]);
	await expect(page.getByTestId('issues-empty').getByRole('listitem')).toHaveText(['row 4, column publish_date: is empty']);
	await expect(page.getByTestId('issues-number').getByRole('listitem')).toHaveText(['row 5, column count: "x" is not a number']);
	await expect(page.getByTestId('issues-url').getByRole('listitem')).toHaveText(['row 5, column url: "not a url" is not a web address']);
	await expect(page.getByTestId('issues-fields').getByRole('listitem')).toHaveText(['row 6: has 3 fields; the header has 5']);
	await expect(page.getByTestId('row-numbers')).toHaveText('Rows are numbered as a spreadsheet shows them: the header is row 1.');

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

/** The coverage data table as { period: { column header: cell } }, for periods that have data. */
async function coverageCells(page: Page): Promise<Record<string, Record<string, string>>> {
	return page.getByTestId('coverage-table').evaluate((table) => {
		const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
		const out: Record<string, Record<string, string>> = {};
		for (const row of table.querySelectorAll('tbody tr')) {
			const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');
			if (cells.slice(1).every((c) => c === '0' || c === '–')) continue;
			out[cells[0]!] = Object.fromEntries(headers.slice(1).map((h, i) => [h, cells[i + 1]!]));
		}
		return out;
	});
}

test('a wide table with one column per year is reshaped into counts per country and year', async ({ page }) => {
	await upload(page, 'wide-years.csv');
	await expect(page.getByTestId('detected-delimiter')).toHaveText('semicolon');
	const reshape = page.getByTestId('reshape');
	await expect(reshape).toContainText('4 columns are named like periods (2021 … 2024e)');
	await expect(reshape).toContainText('2023e, 2024e are marked as estimates');
	// Without the reshape the file has no date column, so the form says what is missing.
	await reshape.getByLabel('Reshape: one column per period → rows').uncheck();
	await expect(page.getByTestId('mapping-problems')).toContainText('Choose the column that holds the date.');
	await reshape.getByLabel('Reshape: one column per period → rows').check();
	await expect(reshape.getByRole('checkbox', { name: 'Country' })).toBeChecked();
	await expect(page.getByLabel('Decimal mark')).toHaveValue(',');
	await expect(page.getByTestId('mapping-problems')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('9 of 10 rows are valid; 1 row has problems and would be left out.');
	await expect(page.getByTestId('shape-notes').getByRole('listitem')).toHaveText([
		'Reshaped: 4 period columns turned 3 file rows into 10 rows, one per series and period; the counts below are of these rows.',
		'2 empty cells left out as missing values, not zeros.',
		'Estimates: 4 values come from “2023e”, “2024e”, which the file marks as estimates; they are charted as the periods they name, like measured values.'
	]);
	await expect(page.getByTestId('issues-number').getByRole('listitem')).toHaveText(['row 3, column 2024e: "x" is not a number']);
	await expect(page.getByTestId('imported-rows').getByRole('row', { name: /2021-01-01 France/ })).toContainText('1,234.5');
	await expectNoAxeViolations(page);

	await useRowsAndOpenCharts(page);
	await openCoverageTable(page);
	// Yearly counts are charted per year, not as January with eleven empty months after it.
	await expect(page.locator('select[name="gran"]')).toHaveValue('');
	// Decimals that are not percentages are proposed as a measured value, averaged, with no unit given.
	await expect(page.getByRole('figure', { name: 'Coverage over time' }).locator('figcaption')).toContainText('Value per year');
	// By hand from the fixture: France has no 2022 value (empty, so missing) and its 2024e is "x";
	// a missing value is a gap, while Poland's 0 is a measured zero.
	expect(await coverageCells(page)).toEqual({
		'2021': { France: '1,234.5', Germany: '1.5', Poland: '0' },
		'2022': { France: '–', Germany: '2', Poland: '1' },
		'2023': { France: '4', Germany: '3.25', Poland: '2' },
		'2024': { France: '–', Germany: '–', Poland: '3' }
	});
});

test('an EUvsDisinfo case naming two outlets becomes one row per outlet, visibly', async ({ page }) => {
	await upload(page, 'euvsdisinfo-cases.csv');
	await expect(page.getByLabel('Several outlets in one cell are separated by')).toHaveValue('+');
	await expect(page.getByTestId('split-example')).toHaveText(
		'“TASS - Russian+RT - Russian” becomes 2 rows, one per outlet: TASS - Russian; RT - Russian.'
	);
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('2 of 2 rows are valid.');
	await expect(page.getByTestId('shape-notes').getByRole('listitem')).toHaveText([
		'Several outlets in one cell: 1 row of column “outlets” named more than one outlet and became 2 rows, one per outlet, each an appearance of the story.',
		'row 2: “TASS - Russian+RT - Russian” → “TASS - Russian”, “RT - Russian”',
		'Language names read as codes (2 values): “Russian” → ru, “English” → en.'
	]);
	const rows = page.getByTestId('imported-rows');
	await expect(rows.getByRole('row', { name: /RT - Russian/ })).toContainText('Fixture case one');
	await expect(page.getByTestId('group-mapping').getByRole('row', { name: /RT - Russian/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Use 3 valid rows' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a wide table of defence spending as % of GDP is charted as a mean % per country, with its unit', async ({ page }, testInfo) => {
	await upload(page, 'defence-gdp-wide.csv');
	await expect(page.getByTestId('detected-delimiter')).toHaveText('semicolon');
	await expect(page.getByLabel('Decimal mark')).toHaveValue(',');
	const measure = page.getByTestId('measure');
	await expect(measure.getByTestId('proposal')).toHaveText(
		'The values have decimals and lie between 0 and 100, like percentages: values are averaged (mean), unit %.'
	);
	await expect(measure.getByLabel('A measured value with a unit')).toBeChecked();
	await expect(measure.getByLabel('Values combine by')).toHaveValue('mean');
	await expect(measure.getByLabel('The lines are')).toHaveValue('countries');
	await measure.getByRole('textbox', { name: 'Unit' }).fill('% of GDP');
	await expectNoAxeViolations(page);

	await check(page);
	// ".." is a missing value like an empty cell; the notes column is not a period.
	await expect(page.getByTestId('report-summary')).toHaveText('14 of 14 rows are valid.');
	await expect(page.getByTestId('shape-notes')).toContainText('1 empty cell left out as missing values, not zeros.');
	await useRowsAndOpenCharts(page);

	await expect(page.getByTestId('filter-summary')).toHaveText('Mean 1.8 % of GDP across 3 countries, from 2019-01-01 to 2023-01-01.');
	const figure = page.getByRole('figure', { name: 'Coverage over time' });
	await expect(figure.getByRole('img')).toHaveAccessibleName('Coverage over time (% of GDP). The numbers are in the data table below.');
	await expect(figure.locator('figcaption')).toContainText(
		'% of GDP per year, one line per outlet group: the values of each series in a period, and of the series in one line, are combined by their mean.'
	);
	await expect(figure).not.toContainText(/articles?/i);
	await expect(page.getByTestId('frames-not-for-values')).toContainText('This dataset measures % of GDP, not articles');
	await openCoverageTable(page);
	const table = page.getByTestId('coverage-table');
	await expect(table.locator('caption')).toHaveText('Coverage over time: Values in % of GDP');
	// By hand from the fixture; Bosnia and Herzegovina did not report 2021 ("..").
	const bosnia = 'Bosnia and Herzegovina';
	const uk = 'United Kingdom of Great Britain and Northern Ireland';
	expect(await coverageCells(page)).toEqual({
		'2019': { Estonia: '2.01', [uk]: '2.11', [bosnia]: '0.85' },
		'2020': { Estonia: '2.31', [uk]: '2.28', [bosnia]: '0.82' },
		'2021': { Estonia: '2.02', [uk]: '2.25', [bosnia]: '–' },
		'2022': { Estonia: '2.11', [uk]: '2.23', [bosnia]: '0.78' },
		'2023': { Estonia: '2.73', [uk]: '2.3', [bosnia]: '0.81' }
	});
	const csv = page.waitForEvent('download');
	await figure.getByRole('button', { name: 'CSV: download “Coverage over time”' }).click();
	const header = (await readFile((await (await csv).path())!, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
	expect(header).toBe(`Period,Estonia (% of GDP),${uk} (% of GDP),${bosnia} (% of GDP)`);
	await expectNoAxeViolations(page);
	await figure.scrollIntoViewIfNeeded();
	await figure.screenshot({ path: 'test-results/measure-chart.png' });
	await testInfo.attach('mean % of GDP per country', { path: 'test-results/measure-chart.png', contentType: 'image/png' });
});

test('a saved %-of-GDP table keeps its measure on the server and charts the same mean', async ({ browser }) => {
	const { page } = await signUp(browser, 'Mia');
	await upload(page, 'defence-gdp-wide.csv');
	await page.getByTestId('measure').getByRole('textbox', { name: 'Unit' }).fill('% of GDP');
	await check(page);
	await page.getByRole('button', { name: /^Use \d+ valid rows$/ }).click();
	await page.getByRole('button', { name: 'Save on the server' }).click();
	await page.getByRole('link', { name: 'chart it' }).click();
	await expect(page).toHaveURL(/\/charts\?dataset=[A-Za-z0-9_-]+$/);
	await expect(page.getByTestId('filter-summary')).toHaveText('Mean 1.8 % of GDP across 3 countries, from 2019-01-01 to 2023-01-01.');
	await openCoverageTable(page);
	expect((await coverageCells(page))['2021']).toEqual({
		Estonia: '2.02',
		'United Kingdom of Great Britain and Northern Ireland': '2.25',
		'Bosnia and Herzegovina': '–'
	});
	await page.getByRole('link', { name: 'About this dataset' }).click();
	await expect(page.locator('.meta')).toContainText(/Values measured\s*% of GDP, averaged \(mean\)/);
	await expectNoAxeViolations(page);
});
