import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { readLedger } from '../../src/lib/server/ledger';
import { mailedLink } from './mailbox.mjs';

/** The bundled data, read the same way the server reads it, for computing expected values. */
export const ledger = readLedger('data');

export async function expectNoAxeViolations(page: Page) {
	// Every rule still runs on every node; only the details of passing checks are skipped, which
	// takes about a quarter off each scan. Legacy mode runs axe.run in the page itself instead of
	// finishing the scan in a new blank page with a second copy of axe, which halves a scan here;
	// what it gives up is scanning cross-origin frames, and the app has no frames at all.
	const results = await new AxeBuilder({ page })
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary).toEqual([]);
}

export function groupOf(outletId: string): string {
	return ledger.outlets.find((o) => o.id === outletId)?.group ?? '';
}

/** Waits until the page has hydrated (the root layout's mark), before using a control that only its script drives. */
export async function hydrated(page: Page) {
	await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

/**
 * Opens `url` with the app's script held back while `act` runs, as on a slow phone where a student
 * types before the page has hydrated, then lets it run and waits for hydration.
 */
export async function beforeHydration(page: Page, url: string, act: () => Promise<void>) {
	const script = '**/_app/immutable/**';
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(script, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(url, { waitUntil: 'commit' });
	await act();
	release();
	await hydrated(page);
	await page.unroute(script);
}

/**
 * Opens /upload and chooses a file there. The input is disabled until the page has hydrated:
 * a file chosen before that fires no handler, and the page would wait for it forever.
 */
export async function chooseUpload(page: Page, files: Parameters<Locator['setInputFiles']>[0], label = 'Choose a CSV or TSV file') {
	await page.goto('/upload');
	const input = page.getByLabel(label);
	await expect(input).toBeEnabled();
	await input.setInputFiles(files);
}

export const PASSWORD = 'correct horse battery staple';

/** A new researcher account in its own browser context, confirmed through its mailed link and signed in on /datasets. */
export async function signUp(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
	const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
	return { page: await signUpAs(browser, name, email), email };
}

export async function signUpAs(browser: Browser, name: string, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto('/signup');
	await signUpHere(page, name, email);
	await expect(page).toHaveURL('/datasets');
	await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
	return page;
}

/** Fills in the sign-up page the browser is on, and opens the link it mails. */
export async function signUpHere(page: Page, name: string, email: string): Promise<void> {
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
	let link: string | undefined;
	await expect.poll(() => (link = mailedLink(email))).toBeTruthy();
	await page.goto(link!);
}

/** The numbers in a chart's data table, as rows of cell texts (header row first). */
export async function tableCells(page: Page, id: string): Promise<string[][]> {
	const panel = page.locator(`[data-chart="${id}"]`);
	const details = panel.locator('details.table');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	// The table is built once the disclosure is open, in the next update.
	await expect(panel.getByTestId(`${id}-table`)).toBeVisible();
	return panel
		.getByTestId(`${id}-table`)
		.locator('tr')
		.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent?.trim() ?? '')));
}

/** A data table as group → column → count, leaving out zeros. */
export function tableCounts(cells: string[][]): Record<string, Record<string, number>> {
	const [header = [], ...rows] = cells;
	return Object.fromEntries(
		rows.map(([group = '', ...values]) => [
			group,
			Object.fromEntries(values.flatMap((v, j) => (Number(v) > 0 ? [[header[j + 1] ?? '', Number(v)]] : [])))
		])
	);
}

/** A count as the English interface writes it: 1,341. */
export const grouped = (n: number) => n.toLocaleString('en-GB');
