import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { euvsdisinfoDatabase, GROUP_LABELS, manyOutlets, outletMapping } from '../fixtures/synthetic';
import { chooseUpload, expectNoAxeViolations, ledger, signUp, tableCells, tableCounts } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));

/** Uploads a fixture file, or a synthetic file made in the test (name and text). */
async function upload(page: Page, name: string, text?: string) {
	await chooseUpload(page, text === undefined ? fixture(name) : { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	await expect(page.getByTestId('storage-note')).toContainText('stays in this browser until you save it');
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
	// The report replaces the button that asked for it, so focus moves to its heading.
	await expect(page.getByRole('heading', { name: 'Validation report' })).toBeFocused();
	await expect(page.getByTestId('report-summary')).toHaveText('4 of 4 rows are valid.');
	// tass.com and Meduza match bundled outlets by domain; Example News matches nothing.
	const groups = page.getByTestId('group-mapping');
	await expect(groups.getByRole('row', { name: /tass\.com/ })).toContainText('matches bundled outlet');
	await expect(groups.getByRole('row', { name: /Example News/ })).toContainText('no bundled outlet matches');
	await groups.getByLabel('New group').fill('Fixture press');
	await groups.getByRole('button', { name: 'Add group' }).click();
	await groups.getByLabel('Group for Example News').selectOption({ label: 'Fixture press' });
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: /^Use \d+ valid rows?$/ }).click();
	await expect(page.getByRole('heading', { name: 'Kept in this browser' })).toBeFocused();
	await page.getByRole('link', { name: /^Chart / }).click();
	await expect(page).toHaveURL(/\/charts\?dataset=local-[a-z0-9-]+$/);
	const dataset = page.getByLabel('Dataset');
	await expect(dataset.locator('option:checked')).toHaveText('\u2068mediacloud-legacy\u2069 (uploaded, in this browser)');
	await expect(dataset.locator('option', { hasText: '(bundled)' })).toHaveCount(1);
	await expect(page.getByTestId('filter-summary')).toContainText('4 articles match, from 2022-02-21 to 2022-02-22');
	// The bundled ledger's events are not this file's: no markers, and the caption promises none.
	const caption = page.locator('[data-chart="coverage"] figcaption');
	await expect(caption).toContainText('articles: n = 4.');
	await expect(caption).not.toContainText('dashed lines');
	await openCoverageTable(page);
	const table = page.getByTestId('coverage-table');
	await expect(table.getByRole('columnheader', { name: 'Fixture press' })).toBeVisible();
	await expect(table.getByRole('row', { name: /^2022-02-22/ })).toContainText('1');
	await expect(page.getByText('Parallax has not checked its sources or coded it')).toBeVisible();
});

test('a Media Cloud export that lists a story twice is counted as it is, with a note naming the first repeat', async ({ page }) => {
	const header = 'id,indexed_date,language,media_name,media_url,publish_date,title,url';
	const story = (id: number, outlet: string, url: string) =>
		`${id},2025-06-18 12:00:00.123456,Russian,${outlet},https://${outlet},2025-06-18 08:15:00,"Саммит НАТО в Гааге: ${outlet}, ""цитата"", статья ${id}",${url}`;
	const rows = [
		story(1001, 'tass.ru', 'https://tass.ru/politika/1001'),
		story(1002, 'ria.ru', 'https://ria.ru/20250618/nato-1002.html'),
		// The same story from a second search of the export, and a syndicated copy under another id.
		story(1001, 'tass.ru', 'https://tass.ru/politika/1001'),
		story(1003, 'pravda.com.ua', 'https://www.pravda.com.ua/news/2025/06/18/1003/'),
		story(1004, 'ria.ru', 'https://ria.ru/20250618/nato-1002.html')
	];
	await upload(page, 'mediacloud-two-searches.csv', [header, ...rows].join('\r\n'));
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('5 of 5 rows are valid.');
	const notes = page.getByTestId('shape-notes').getByRole('listitem');
	await expect(notes.filter({ hasText: 'Language names read as codes' })).toContainText('“Russian” → ru');
	await expect(notes.filter({ hasText: 'Repeated links' })).toHaveText([
		'Repeated links: 2 rows with the same link as an earlier row (the first repeat: row 4, https://tass.ru/politika/1001). Each row is counted as an article. If the file lists the same article more than once, as an export of several searches can, remove the repeats and check again; if it lists an article once per event or search on purpose, the counts are of those.'
	]);
	await expectNoAxeViolations(page);
});

test('a hand-made spreadsheet whose links lack https:// or are no address, or whose title is a paragraph, keeps every row and says how each cell was read', async ({
	page
}) => {
	// Saved from a spreadsheet: BOM, semicolons, CRLF, dotted day-first dates, full language names.
	const rows = [
		'Date;Outlet;Headline;Link;Language',
		'24.06.2025;Fixture Daily;Тестовый материал 1;https://fixture.example/news/1;Russian',
		'24.06.2025;Fixture Daily;"A headline with ""quotes""; and a semicolon";www.fixture.example/news/2;English',
		'25.06.2025;Тест-Агентство;Тестовый материал 3;fixture.example/news/3;Russian',
		'25.06.2025;Тест-Агентство;Print edition only;n/a;Russian',
		'26.06.2025;Fixture Daily;Тестовый материал 5;;Russian',
		'26.06.2025;Fixture Daily;Тестовый материал 6;—;Ukrainian',
		'27.06.2025;Тест-Агентство;Тестовый материал 7;https://fixture.example/news/7?utm_source=feed;Russian',
		// A scrape that put the article's opening in the headline column.
		`27.06.2025;Тест-Агентство;"${'Первый абзац статьи. '.repeat(120).trim()}";https://fixture.example/news/8;Russian`
	];
	await upload(page, 'press-clippings.csv', `\uFEFF${rows.join('\r\n')}\r\n`);
	await expect(page.getByTestId('detected-delimiter')).toHaveText('semicolon');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('8 of 8 rows are valid.');
	const notes = page.getByTestId('shape-notes').getByRole('listitem');
	await expect(notes.filter({ hasText: /^Long titles/ })).toHaveText([
		'Long titles: 1 row with a title in column “Headline” longer than 2,000 characters (the first: row 9, 2,519 characters), each cut there and marked with “…”. A title this long is often an article’s text: if “Headline” holds texts, choose it as “Article text or summary” instead.'
	]);
	await expect(notes.filter({ hasText: /^Links without https/ })).toHaveText([
		'Links without https://: 2 rows with an address in column “Link” written without http:// or https:// (the first: row 3, “www.fixture.example/news/2”). Each is read as an https:// address, as a browser would open it.'
	]);
	await expect(notes.filter({ hasText: /^Not web addresses/ })).toHaveText([
		'Not web addresses: 2 rows with something other than a web address in column “Link” (the first: row 5, “n/a”). Each such row is counted as an article, without a link. If “Link” does not hold the articles’ addresses, choose another column for “Article address”, or none.'
	]);
	await expect(page.getByTestId('issues-url')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await useRowsAndOpenCharts(page);
	await expect(page.getByTestId('filter-summary')).toContainText('8 articles match, from 2025-06-24 to 2025-06-27');
	await openCoverageTable(page);
	const counts = await coverageCells(page);
	expect(
		Object.fromEntries(Object.entries(counts).map(([day, cells]) => [day, Object.values(cells).reduce((a, b) => a + Number(b), 0)]))
	).toEqual({
		'2025-06-24': 2,
		'2025-06-25': 2,
		'2025-06-26': 2,
		'2025-06-27': 2
	});
});

test('a file chosen while the page is still loading is read once the page can read it', async ({ page }) => {
	// Hold the page's scripts back, so that the file is chosen before the page has started.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/upload', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Choose a CSV or TSV file').setInputFiles(fixture('mediacloud-legacy.csv'));
	release();
	await expect(page.getByTestId('detected-format')).toHaveText('Media Cloud story export (older)');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('4 of 4 rows are valid.');
});

test('a GDELT timeline with a BOM charts its values per day', async ({ page }) => {
	await upload(page, 'gdelt-timeline.csv');
	await expect(page.getByTestId('detected-format')).toHaveText('GDELT DOC API timeline');
	await expect(page.getByTestId('detected-encoding')).toHaveText('UTF-8 with BOM, LF line ends');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('3 of 3 rows are valid.');
	// The series matched nothing bundled: the report says it is a group of its own, not a recognised one.
	await expect(page.getByTestId('group-totals')).toHaveText('1 of 1 series have a group (3 of 3 rows).');
	await expect(page.getByTestId('own-groups')).toHaveText(
		'Of these, 1 matched no bundled outlet and is a group of its own, named after the series, so that the charts keep it apart. To add series together, give them one group.'
	);
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
	// Per month, its three days are not a whole month, and the caption says so.
	await page.goto(`${page.url()}&gran=month`);
	await expect(page.locator('[data-chart="coverage"] figcaption')).toContainText(
		'2024-01 holds only the days to 2024-01-03, so its count covers part of the period.'
	);
});

test('a file with bad rows gets an exact report and only its valid rows are used', async ({ page }) => {
	await upload(page, 'bad-rows.csv');
	await expect(page.getByTestId('detected-format')).toHaveText('Unknown format: map the columns by hand');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('1 of 5 rows are valid; 4 rows have problems and would be left out.');
	await expect(page.getByTestId('issues-date')).toContainText('Dates that are not dates: 1');
	await expect(page.getByTestId('issues-date').getByRole('listitem')).toHaveText([
		'row 3, column publish_date: "31/02/2024" read as dd/mm/yyyy (day first) is a day that does not exist'
	]);
	await expect(page.getByTestId('issues-empty').getByRole('listitem')).toHaveText(['row 4, column publish_date: is empty']);
	await expect(page.getByTestId('issues-number').getByRole('listitem')).toHaveText(['row 5, column count: "x" is not a number']);
	// Row 5's link is no address too, which alone would keep the row without it; its count refuses it.
	await expect(page.getByTestId('issues-url')).toHaveCount(0);
	await expect(page.getByTestId('issues-fields').getByRole('listitem')).toHaveText(['row 6: has 3 fields; the header has 5']);
	await expect(page.getByTestId('row-numbers')).toHaveText('Rows are numbered as a spreadsheet shows them: the header is row 1.');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download all 4 problems as CSV' }).click();
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
		'Ignored dataset "local-doesnotexist": there is no dataset with that id that you can open.'
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
	await expect(page.getByTestId('report-summary')).toHaveText(
		'2 of 2 rows are valid. Split into one row per outlet, the 2 valid stories make 3 rows.'
	);
	await expect(page.getByTestId('shape-notes').getByRole('listitem')).toHaveText([
		'Several outlets in one cell: 1 row of column “outlets” named more than one outlet and became 2 rows, one per outlet, each an appearance of the story.',
		'row 2: “TASS - Russian+RT - Russian” → “TASS - Russian”, “RT - Russian”',
		'Language names read as codes (2 values): “Russian” → ru, “English” → en.'
	]);
	const rows = page.getByTestId('imported-rows');
	await expect(rows.getByRole('row', { name: /RT - Russian/ })).toContainText('Fixture case one');
	// EUvsDisinfo adds the language to each outlet's name; the name before it is a bundled outlet.
	const mapping = page.getByTestId('group-mapping');
	await expect(mapping.getByRole('row', { name: /TASS - Russian/ })).toContainText(
		'“Russian state media”: matches bundled outlet “TASS” (tass.com) by exact name before the language “Russian”'
	);
	await expect(mapping.getByRole('row', { name: /Fixture TV - English/ })).not.toContainText('matches bundled outlet');
	await expect(page.getByRole('button', { name: 'Use 2 stories (3 rows after splitting)' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a semicolon EUvsDisinfo export with times and descriptions in its outlet cells is not split, and charts, saves and reopens', async ({
	browser
}) => {
	const { page } = await signUp(browser, 'Eva');
	await upload(page, 'euvsdisinfo-synthetic.csv', euvsdisinfoDatabase());
	await expect(page.getByTestId('detected-format')).toHaveText('EUvsDisinfo database (semicolon export)');
	await expect(page.getByTestId('detected-delimiter')).toHaveText('semicolon');
	await expect(page.getByTestId('inspection-notes')).toHaveText(
		'No outlet split proposed: split at “,”, the cells of column “outlet” give pieces such as “21:55”, “political talk show”, “18:00”, which look like times, numbers or descriptions rather than outlet names. Each row keeps its whole cell as one outlet; choose a separator below if the cells do name several outlets.'
	);
	const separator = page.getByLabel('Several outlets in one cell are separated by');
	await expect(separator).toHaveValue('');
	// Choosing the comma anyway is warned about before any row is checked.
	await separator.selectOption(',');
	await expect(page.getByTestId('split-doubt')).toContainText('pieces such as “21:55”, “political talk show”, “18:00” look like times');
	await separator.selectOption('');
	await expect(page.getByTestId('split-doubt')).toHaveCount(0);

	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('5 of 6 rows are valid; 1 row has problems and would be left out.');
	await expect(page.getByTestId('issues-empty').getByRole('listitem')).toHaveText([
		'row 7, column outlet: is empty; to keep such rows, fill in “Outlet name when no column gives one” above and check again'
	]);
	await expect(page.getByTestId('shape-notes')).toContainText('“Hungarian” → hu');
	await expectNoAxeViolations(page);

	await page.getByLabel('Outlet name when no column gives one').fill('Outlet not named');
	await page.getByRole('button', { name: 'Check again with this mapping' }).click();
	await expect(page.getByTestId('report-summary')).toHaveText('6 of 6 rows are valid.');
	// The `source` column gives each article its address, the first where a case lists several.
	await expect(page.getByTestId('imported-rows').getByRole('row', { name: /Synthetic claim 9001/ })).toContainText(
		'https://synthetic-source.example/9001'
	);
	await expect(page.getByTestId('imported-rows')).not.toContainText('synthetic-mirror');
	const groups = page.getByTestId('group-mapping');
	await expect(groups.getByRole('row', { name: /Synthetic TV One, 21:55, political talk show/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Use 6 valid rows' })).toBeVisible();

	await page.getByRole('button', { name: 'Use 6 valid rows' }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	const title = `EUvsDisinfo synthetic ${Date.now()}`;
	await save.getByLabel('Title').fill(title);
	await save.getByLabel('Source').fill('Synthetic cases in the EUvsDisinfo database shape');
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await expect(save.getByRole('status')).toContainText('Saved.');
	await save.getByRole('link', { name: `Open “${title}” in your library` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.meta-grid')).toContainText(/Rows\s*6\b/);

	// Reopened from the library, as a new visit would: the chart draws from the stored rows.
	await page.reload();
	await page.getByRole('link', { name: 'Chart this dataset' }).click();
	await expect(page.getByTestId('filter-summary')).toContainText('6 articles match, from 2024-03-02 to 2024-03-15');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await openCoverageTable(page);
	await expect(page.getByTestId('coverage-table')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a count column chosen by hand brings its decimal mark: decimal commas are read, not refused', async ({ page }) => {
	const text = 'date;outlet;frame;share\n2023-06-06;tass.ru;x;0,45\n2023-06-07;tass.ru;x;1.234,5\n2023-06-06;kyivindependent.com;y;0,30\n';
	await upload(page, 'decimal-commas.csv', text);
	await page.getByRole('combobox', { name: /^Count/ }).selectOption('share');
	await expect(page.getByLabel('Decimal mark')).toHaveValue(',');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('3 of 3 rows are valid.');
	await expect(page.getByTestId('imported-rows').getByRole('row', { name: /2023-06-07/ })).toContainText('1,234.5');
	await expectNoAxeViolations(page);
});

test('a dataset downloaded from Parallax (a count of 1 per article) uploads again as articles, not as series', async ({ page }) => {
	const text =
		'date,outlet,group,event,language,frames,count,title,url\n' +
		'2023-04-01,tass.com,russian-state-media,,en,nato-threat,1,"NATO, again",https://tass.com/s/1\n' +
		'2023-04-02,Meduza,,,ru,,1,Другой заголовок,https://meduza.io/news/2\n' +
		'2023-04-03,BBC News,international-media,,en,,1,A third,https://www.bbc.co.uk/news/3\n' +
		'2023-04-04,Local Herald,Regional press,,en,,1,A fourth,https://herald.example/4\n';
	await upload(page, 'parallax-dataset-export.csv', text);
	await expect(page.getByRole('combobox', { name: /^Series/ })).toHaveCount(0);
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('4 of 4 rows are valid.');
	await expect(page.getByTestId('imported-rows').getByRole('columnheader', { name: 'Outlet' })).toBeVisible();
	const review = page.getByTestId('group-mapping');
	await expect(review.getByRole('columnheader', { name: 'Outlet', exact: true })).toBeVisible();
	// The review starts from the file's own groups: by id, by a name no group has (a group of the
	// researcher's), and, where the file gives none, from the bundled outlet the name matches.
	await expect(review.getByTestId('group-totals')).toHaveText('4 of 4 outlets have a group (4 of 4 rows).');
	await expect(review.getByRole('row', { name: /BBC News/ }).getByRole('combobox')).toHaveValue('international-media');
	await expect(
		review
			.getByRole('row', { name: /Local Herald/ })
			.getByRole('combobox')
			.locator('option:checked')
	).toHaveText('Regional press');
	await page.getByRole('button', { name: /^Use \d+ valid rows?$/ }).click();
	await expect(page.getByText('4 articles, from parallax-dataset-export.csv')).toBeVisible();
});

test('2,400 outlets are grouped in bulk through an outlet,group mapping file and charted by group', async ({ page }) => {
	const many = manyOutlets(2400);
	await upload(page, 'synthetic-outlets.csv', many.csv);
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('4,802 of 4,802 rows are valid.');
	const review = page.getByTestId('group-mapping');
	const totals = review.getByTestId('group-totals');
	const status = review.getByTestId('group-status');
	// Only TASS is exactly a bundled outlet (by its domain); a look-alike name gets no suggestion.
	await expect(totals).toHaveText('1 of 2,402 outlets have a group (1 of 4,802 rows).');
	await expect(review.locator('caption')).toHaveText('Outlets in the valid rows: 1–50 of 2,402');
	await review.getByLabel('Search outlets').fill('insider');
	await expect(review.getByRole('row', { name: /The Insider -/ })).toContainText('no bundled outlet matches');
	await review.getByLabel('Search outlets').fill('tass');
	await expect(review.getByRole('row', { name: /TASS/ })).toContainText(
		'“Russian state media”: matches bundled outlet “TASS” by exact domain tass.com'
	);
	await review.getByLabel('Search outlets').fill('');

	await review.getByLabel('Import a mapping CSV').setInputFiles({
		name: 'synthetic-outlet-groups.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(outletMapping(2400))
	});
	await expect(review.getByTestId('mapping-result')).toContainText(
		'synthetic-outlet-groups.csv: 2,400 outlets of this upload grouped, 3 new groups; 2 rows name outlets not in this upload, 0 have no group.'
	);
	await expect(review.getByTestId('mapping-result').getByRole('listitem')).toHaveText([
		'row 2,404, column outlet: is empty',
		'row 2,405, column outlet: "Synthetic Outlet 0001" is given a group in row 2 already; the first is used'
	]);
	await expect(totals).toHaveText('2,401 of 2,402 outlets have a group (4,801 of 4,802 rows).');

	// The one outlet left goes into a new group with "assign all not assigned"; undo and redo it.
	await review.getByLabel('New group').fill('Other sources');
	await review.getByRole('button', { name: 'Add group' }).click();
	await expect(review.getByLabel('Group to assign')).toHaveValue('custom-other-sources');
	await review.getByRole('button', { name: 'Assign all 1 not assigned' }).click();
	await expect(status).toHaveText('1 put in “Other sources”');
	await expect(totals).toHaveText('2,402 of 2,402 outlets have a group (4,802 of 4,802 rows).');
	await review.getByRole('button', { name: 'Undo: 1 put in “Other sources”' }).focus();
	await page.keyboard.press('Control+z');
	await expect(status).toHaveText('Undone: 1 put in “Other sources”');
	await expect(totals).toHaveText('2,401 of 2,402 outlets have a group (4,801 of 4,802 rows).');
	await review.getByRole('button', { name: 'Assign all 1 not assigned' }).click();

	// Select what a search finds, across pages, and assign it at once.
	await review.getByLabel('Search outlets').fill('herald');
	await expect(review.locator('caption')).toHaveText('Outlets in the valid rows: 1–48 of 48');
	await review.getByRole('button', { name: 'Select all 48 found' }).click();
	await review.getByLabel('Group to assign').selectOption({ label: 'International media' });
	await review.getByRole('button', { name: 'Assign the 48 selected' }).click();
	await expect(status).toHaveText('48 put in “International media”');
	await review.getByLabel('Search outlets').fill('');
	await review.getByLabel('Sort by').selectOption('name');
	await expect(review.getByRole('rowheader').first()).toHaveText('Synthetic Herald 0050');
	await review.getByRole('button', { name: 'Next page' }).click();
	await expect(review.locator('caption')).toHaveText('Outlets in the valid rows: 51–100 of 2,402');
	await expectNoAxeViolations(page);
	await review.screenshot({ path: 'test-results/outlet-review-desktop.png' });

	const download = page.waitForEvent('download');
	await review.getByRole('button', { name: 'Export the mapping as CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('synthetic-outlets-outlet-groups.csv');
	const exported = (await readFile(await file.path(), 'utf8')).split('\r\n');
	expect(exported.slice(0, 1)).toEqual(['outlet,group']);
	expect(exported).toContain('TASS,Russian state media');
	expect(exported).toContain('Synthetic Herald 0050,International media');
	expect(exported).toContain('The Insider -,Other sources');

	await page.getByRole('button', { name: 'Use 4,802 valid rows' }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	await page.getByRole('link', { name: /^Chart / }).click();
	await openCoverageTable(page);
	const headers = await page.getByTestId('coverage-table').locator('thead th').allTextContents();
	expect(headers.slice(1).sort()).toEqual([...GROUP_LABELS, 'International media', 'Other sources', 'Russian state media'].sort());
});

test('the outlet review on a phone @phone', async ({ page }) => {
	await upload(page, 'synthetic-outlets.csv', manyOutlets(120).csv);
	await check(page);
	const review = page.getByTestId('group-mapping');
	await expect(review.getByTestId('group-totals')).toHaveText('1 of 122 outlets have a group (1 of 242 rows).');
	await review.getByLabel('Select Synthetic Outlet 0002').check();
	await review.getByLabel('Select Synthetic Outlet 0005').check();
	await review.getByLabel('Group to assign').selectOption({ label: 'International media' });
	await review.getByRole('button', { name: 'Assign the 2 selected' }).click();
	await expect(review.getByLabel('Group for Synthetic Outlet 0005')).toHaveValue('international-media');
	await expectNoAxeViolations(page);
	await review.getByRole('heading', { name: 'Outlet groups' }).evaluate((h) => h.scrollIntoView());
	await page.screenshot({ path: 'test-results/outlet-review-phone.png' });
	await review.locator('caption').evaluate((c) => c.scrollIntoView());
	await page.screenshot({ path: 'test-results/outlet-review-phone-rows.png' });
});

test('the outlet review in Ukrainian', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();
	await chooseUpload(
		page,
		{ name: 'synthetic-outlets.csv', mimeType: 'text/csv', buffer: Buffer.from(manyOutlets(60).csv) },
		'Виберіть файл CSV або TSV'
	);
	await page.getByRole('button', { name: 'Перевірити всі рядки' }).click();
	const review = page.getByTestId('group-mapping');
	await expect(review.getByRole('heading', { name: 'Групи видань' })).toBeVisible();
	await expect(review.getByTestId('group-totals')).toHaveText('Видань із групою: 1 з 62 (рядків: 1 з 122).');
	await review.getByLabel('Шукати видання').fill('tass');
	await expect(review.getByRole('row', { name: /TASS/ })).toContainText(
		'«Russian state media»: точно той самий домен tass.com, що й у вбудованого видання «TASS»'
	);
	await review.getByLabel('Шукати видання').fill('');
	await review.getByLabel('Показати').selectOption({ label: 'без групи' });
	await review.getByLabel('Група для призначення').selectOption({ label: 'International media' });
	await review.getByRole('button', { name: 'Призначити всім без групи (61)' }).click();
	await expect(review.getByTestId('group-status')).toHaveText('до групи «International media» додано: 61');
	await expect(review.locator('caption')).toHaveText('Видання в коректних рядках: нічого не знайдено');
	await expectNoAxeViolations(page);
	await context.close();
});

/** The rows of a CSV a panel's button downloads, split naively (the cells here hold no commas). */
async function panelCsv(page: Page, chart: string): Promise<string[][]> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.locator(`[data-chart="${chart}"]`).getByRole('button', { name: 'CSV' }).click()
	]);
	return readFileSync(await file.path(), 'utf8')
		.trim()
		.split('\r\n')
		.map((line) => line.split(','));
}

test('a stance column is proposed, checked by row and column, and charts adopted frames by default and reported ones on request', async ({
	page
}) => {
	await upload(page, 'stances.csv');
	await expect(page.getByTestId('detected-format')).toHaveText('Unknown format: map the columns by hand');
	await expect(page.getByRole('combobox', { name: /^Frames Leave/ })).toHaveValue('Frame codes');
	await expect(page.getByRole('combobox', { name: /^Stance of each frame/ })).toHaveValue('Frame stance');
	await expectNoAxeViolations(page);

	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('6 of 8 rows are valid; 2 rows have problems and would be left out.');
	await expect(page.getByTestId('issues-stance')).toContainText('Stances that cannot be read: 2');
	await expect(page.getByTestId('issues-stance').getByRole('listitem')).toHaveText([
		'row 5, column Frame stance: "supports" is not a stance: write adopts, reports, contests',
		'row 6, column Frame stance: gives a stance for "blame-west", a frame this row does not code in column Frame codes'
	]);
	await expectNoAxeViolations(page);

	await useRowsAndOpenCharts(page);
	const label = (kind: 'frames' | 'outletGroups', id: string) =>
		kind === 'frames' ? ledger.frames.find((f) => f.id === id)!.label : ledger.outletGroups.find((g) => g.id === id)!.label;
	const nato = label('frames', 'nato-threat');
	const west = label('frames', 'blame-west');
	const state = label('outletGroups', 'russian-state-media');
	const ukrainian = label('outletGroups', 'ukrainian-media');
	const independent = label('outletGroups', 'russian-independent-media');
	const panel = page.locator('[data-chart="frames"]');

	// Only TASS and RIA adopt frames; Kyiv Independent reports them, and Meduza's row records no stance.
	expect(tableCounts(await tableCells(page, 'frames'))).toEqual({
		[state]: { [nato]: 1, [west]: 2 },
		[independent]: { 'No frame adopted': 1 },
		[ukrainian]: { 'No frame adopted': 3 }
	});
	await expect(panel.locator('figcaption')).toContainText('Some codes in this dataset record no stance: they are not counted as adopted');
	const adopted = await panelCsv(page, 'frames');
	expect(adopted[0]).toEqual(['Outlet group', 'stance', nato, west, 'No frame adopted']);
	expect(adopted.slice(1).map((row) => row[1])).toEqual(['adopts', 'adopts', 'adopts']);

	await page.getByRole('radio', { name: 'Also frames it reports or contests' }).check();
	await expect(page).toHaveURL(/stance=all/);
	expect(tableCounts(await tableCells(page, 'frames'))).toEqual({
		[state]: { [`${nato} (adopted)`]: 1, [`${west} (adopted)`]: 2 },
		[independent]: { [`${nato} (stance not recorded)`]: 1 },
		[ukrainian]: { [`${nato} (reported)`]: 2, [`${west} (reported)`]: 1, 'No frame coded': 1 }
	});
	// One legend entry per frame, and the stances keyed once.
	await expect(panel.getByRole('list', { name: /^Series in/ }).getByRole('button')).toHaveText([nato, west, 'No frame coded']);
	await expect(panel.getByTestId('stance-key').getByRole('button')).toHaveText(['adopted', 'reported', 'stance not recorded']);
	const split = await panelCsv(page, 'frames');
	expect(split[0]).toEqual(['Outlet group', 'stance', nato, west, 'No frame coded']);
	expect(split.slice(1).filter((row) => row.slice(2).some((cell) => Number(cell) > 0))).toEqual([
		[state, 'adopts', '1', '2', ''],
		[independent, '', '1', '', '0'],
		[ukrainian, 'reports', '2', '1', ''],
		[ukrainian, '', '0', '', '1']
	]);
	await expectNoAxeViolations(page);

	// The stance key switches every bar of a stance at once.
	const reported = panel.getByTestId('stance-key').getByRole('button', { name: 'reported' });
	await reported.click();
	await expect(reported).toHaveAttribute('aria-pressed', 'false');
	await reported.click();

	await panel.locator('canvas').scrollIntoViewIfNeeded();
	await panel.screenshot({ path: 'test-results/stance-legend-light.png' });
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(21, 23, 27)');
	await panel.screenshot({ path: 'test-results/stance-legend-dark.png' });
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
		'% of GDP per year, one line for each of the countries: the values of each series in a period, and of the series in one line, are combined by their mean.'
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

test('a GDELT monthly extract is read by month and summed from its count column, not from an event code', async ({ page }) => {
	// The shape of a custom GDELT extract: yyyymm months, codes, a class, a score with thousands
	// separators and float noise, the count last; CRLF and no newline after the last line.
	const text = [
		'MonthYear,Actor2CountryCode,QuadClass,SubEventType,GoldsteinScale,RecordCount',
		'202501,RUS,4,190,"-1,701.20","1,234"',
		'202501,UKR,4,190,-0.300000012,567',
		'202502,RUS,1,40,2.5,89'
	].join('\r\n');
	await upload(page, 'gdelt-monthly.csv', text);
	await expect(page.getByRole('combobox', { name: 'Date', exact: true })).toHaveValue('MonthYear');
	await expect(page.getByRole('combobox', { name: 'Dates are written' })).toHaveValue('ym-compact');
	await expect(page.getByRole('combobox', { name: /^Count/ })).toHaveValue('RecordCount');
	await check(page);
	await expect(page.getByTestId('report-summary')).toHaveText('3 of 3 rows are valid.');
	await useRowsAndOpenCharts(page);
	await openCoverageTable(page);
	const cells = await coverageCells(page);
	expect([cells['2025-01']?.RUS, cells['2025-01']?.UKR, cells['2025-02']?.RUS]).toEqual(['1,234', '567', '89']);
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
	await expect(page.locator('.meta-grid')).toContainText(/Values measured\s*% of GDP, averaged \(mean\)/);
	await expectNoAxeViolations(page);
});
