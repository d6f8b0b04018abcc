import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { euvsdisinfoDatabase } from '../fixtures/synthetic';
import { chooseUpload, expectNoAxeViolations, grouped, signUp, tableCells } from './support';

/** What the charts count of one stored row, read from the file by this test on its own. */
interface Expected {
	outlet: string;
	language: string;
	event: string;
	/** What the row counts (1 unless the file gives a count). */
	count: number;
}

interface RealShaped {
	file: string;
	text: string;
	format: string;
	/** The file's column the researcher picks as the event. */
	eventColumn: string;
	/** GDELT rows are events counted per outlet (series); the others are articles. */
	counts: 'articles' | 'events';
	/** Filled in for rows whose outlet cell is empty. */
	defaultOutlet?: string;
	/** The rows the file holds, as the test reads them from the file's own cells. */
	expected: () => Expected[];
}

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url)), 'utf8');
const cells = (text: string, delimiter: string) =>
	Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;
const host = (url: string) => new URL(url).hostname.replace(/^www\./, '');

// EUvsDisinfo names languages in full; the charts list them by code.
const LANGUAGE_CODES: Record<string, string> = { Russian: 'ru', English: 'en', Hungarian: 'hu', German: 'de', Spanish: 'es' };

const FILES: RealShaped[] = [
	{
		// Semicolons, CRLF inside quoted cells, full language names, outlet cells with times and
		// descriptions in them, one case without an outlet; keywords stand in for the event.
		file: 'euvsdisinfo-synthetic.csv',
		text: euvsdisinfoDatabase(),
		format: 'EUvsDisinfo database (semicolon export)',
		eventColumn: 'keywords',
		counts: 'articles',
		defaultOutlet: 'Outlet not named',
		expected: () => {
			const [header = [], ...rows] = cells(euvsdisinfoDatabase(), ';');
			const at = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
			return rows.map((row) => ({
				outlet: at(row, 'outlet') || 'Outlet not named',
				language: LANGUAGE_CODES[at(row, 'language')] ?? '',
				event: at(row, 'keywords'),
				count: 1
			}));
		}
	},
	{
		// The older Media Cloud story export: timestamps with microseconds, outlets named by domain or by name.
		file: 'mediacloud-legacy.csv',
		text: fixture('mediacloud-legacy.csv'),
		format: 'Media Cloud story export (older)',
		eventColumn: 'themes',
		counts: 'articles',
		expected: () => {
			const [header = [], ...rows] = cells(fixture('mediacloud-legacy.csv'), ',');
			const at = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
			return rows.map((row) => ({ outlet: at(row, 'media_name'), language: at(row, 'language'), event: at(row, 'themes'), count: 1 }));
		}
	},
	{
		// GDELT 1.0 events: no header, 61 tab-separated columns, outlets from the source URL's domain,
		// and the CAMEO event code as the event.
		file: 'gdelt-events.tsv',
		text: fixture('gdelt-events.tsv'),
		format: 'GDELT 2.0 event file',
		eventColumn: 'EventCode',
		counts: 'events',
		expected: () =>
			cells(fixture('gdelt-events.tsv'), '\t').map((row) => ({ outlet: host(row[60] ?? ''), language: '', event: row[26] ?? '', count: 1 }))
	},
	{
		// A German spreadsheet's export: semicolons, dd.mm.yyyy dates, decimal commas with a thousands point.
		file: 'semicolon-decimal-comma.csv',
		text: readFileSync(fileURLToPath(new URL('../fixtures/bad/semicolon-decimal-comma.csv', import.meta.url)), 'utf8'),
		format: 'Unknown format: map the columns by hand',
		eventColumn: 'Title',
		counts: 'articles',
		expected: () => {
			const [header = [], ...rows] = cells(
				readFileSync(fileURLToPath(new URL('../fixtures/bad/semicolon-decimal-comma.csv', import.meta.url)), 'utf8'),
				';'
			);
			const at = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
			return rows.map((row) => ({
				outlet: at(row, 'Outlet'),
				language: '',
				event: at(row, 'Title'),
				count: Number(at(row, 'Count').replaceAll('.', '').replace(',', '.'))
			}));
		}
	}
];

/** Uploads a file, checks it with the event column picked, and saves it on the server; the stored dataset's id. */
async function saveOnServer(page: Page, shaped: RealShaped, title: string, rows: number): Promise<string> {
	await chooseUpload(page, { name: shaped.file, mimeType: 'text/csv', buffer: Buffer.from(shaped.text) });
	await expect(page.getByTestId('detected-format')).toContainText(shaped.format);
	await page.getByRole('combobox', { name: 'Event', exact: true }).selectOption(shaped.eventColumn);
	if (shaped.defaultOutlet) await page.getByLabel('Outlet name when no column gives one').fill(shaped.defaultOutlet);
	await page.getByRole('button', { name: 'Check every row' }).click();
	await expect(page.getByTestId('report-summary')).toHaveText(`${rows} of ${rows} rows are valid.`);
	await page.getByRole('button', { name: `Use ${rows} valid rows` }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	await save.getByLabel('Title').fill(title);
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await expect(save.getByRole('status')).toContainText('Saved.');
	await save.getByRole('link', { name: 'chart it' }).click();
	await expect(page).toHaveURL(/\/charts\?dataset=[A-Za-z0-9_-]+$/);
	return new URL(page.url()).searchParams.get('dataset')!;
}

/** Ticks one value of a filter list, or unticks it. */
async function tick(page: Page, list: string, value: string, on = true) {
	const details = page.locator(`details[data-list=${list}]`);
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	await details.locator(`input[name=${list}][value="${value.replaceAll('"', '\\"')}"]`).setChecked(on);
}

/** The start of the summary above the charts when `n` rows match. */
const matching = (shaped: RealShaped, n: number) => {
	return shaped.counts === 'events' ? `Total ${grouped(n)} events` : `${grouped(n)} ${n === 1 ? 'article matches' : 'articles match'}`;
};

const sum = (rows: Expected[]) => rows.reduce((total, row) => total + row.count, 0);

const countOf = (rows: Expected[], key: 'outlet' | 'language' | 'event') => {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + row.count);
	return counts;
};

/** The sum of every count in the coverage chart's data table. */
async function coverageTotal(page: Page): Promise<number> {
	const [, ...rows] = await tableCells(page, 'coverage');
	return rows.flatMap(([, ...values]) => values.map((v) => Number(v.replaceAll(',', '')) || 0)).reduce((a, b) => a + b, 0);
}

for (const shaped of FILES) {
	test(`a stored ${shaped.file} charts every row, and filters by outlet, language and event as the file counts them`, async ({
		browser
	}) => {
		const expected = shaped.expected();
		const { page } = await signUp(browser, 'Rhea');
		const title = `Real-shaped ${shaped.file} ${Date.now()}`;
		const id = await saveOnServer(page, shaped, title, expected.length);

		const summary = page.getByTestId('filter-summary');
		await expect(page.getByLabel('Dataset').locator('option:checked')).toContainText(title);
		await expect(summary).toContainText(matching(shaped, sum(expected)));
		await expect(page.getByRole('alert')).toHaveCount(0);
		expect(await coverageTotal(page)).toBeCloseTo(sum(expected));
		await expectNoAxeViolations(page);

		for (const [list, key] of [
			['outlet', 'outlet'],
			['lang', 'language'],
			['event', 'event']
		] as const) {
			for (const [value, count] of countOf(expected, key)) {
				if (value === '') continue;
				await tick(page, list, value);
				await expect(summary, `${list} ${value}`).toContainText(matching(shaped, count));
				await tick(page, list, value, false);
				await expect(summary).toContainText(matching(shaped, sum(expected)));
			}
		}

		// Beside the bundled ledger (articles), a stored file of articles is drawn with all its rows;
		// one of events is not drawn on the same axis, and the page says why.
		await page.goto(`/charts?cmp=${id}`);
		const figure = page.getByRole('figure', { name: 'Datasets side by side' });
		if (shaped.counts === 'events') {
			await expect(page.getByText(`is not drawn: its numbers are events`)).toContainText(title);
		} else {
			await expect(figure.locator('figcaption')).toContainText(`n = ${grouped(sum(expected))},`);
			const [header = [], ...rows] = await tableCells(page, 'side-by-side');
			const columns = header.flatMap((h, i) => (h.includes(title) ? [i] : []));
			expect(columns.length).toBeGreaterThan(0);
			// Cells read as the table writes them: 1,236 for 1236, – for a period outside the dataset's dates.
			const total = rows.flatMap((row) => columns.map((i) => Number(row[i]?.replaceAll(',', '')) || 0)).reduce((a, b) => a + b, 0);
			expect(total).toBeCloseTo(sum(expected));
		}
		await expectNoAxeViolations(page);
	});
}
