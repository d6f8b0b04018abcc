import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generate } from '../../scripts/generate-coverage.mjs';
import { DATASET_HEADER, datasetCsv, saveDataset, signUp, startServer } from './servers.mjs';
import { expectNoAxeViolations, grouped, ledger } from './support';

// Its own server and database: a 200,000-row saved dataset, charted and exported.
test.describe.configure({ mode: 'serial' });

const ROWS = 200_000;
/** The page budget of a stored dataset's chart page, HTML and data together, whatever the dataset's size. */
const PAGE_BUDGET = 200 * 1024;

test('a 200,000-row saved dataset charts from database sums in a small page, and its export streams while pages are served', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const dir = mkdtempSync(join(tmpdir(), 'parallax-scale-'));
	try {
		const { path } = await generate({ rows: ROWS, shape: 'dataset', out: join(dir, 'coverage.csv') });
		const server = await startServer(4198, { PARALLAX_DB: join(dir, 'parallax.duckdb') });
		try {
			const cookie = await signUp(server.url, 'Scale');
			const csv = readFileSync(path, 'utf8');
			const saved = await saveDataset(server.url, cookie, 'Synthetic 200k', csv);
			expect(saved.status).toBe(201);
			const id = saved.body.dataset!.id;
			expect(saved.body.dataset!.rowCount).toBe(ROWS);

			// The whole page, with the chart data in it, fits the budget: rows never reach it.
			const html = await (await fetch(`${server.url}/charts?dataset=${id}`, { headers: { cookie } })).text();
			expect(gzipSync(html).length).toBeLessThan(PAGE_BUDGET);

			const context = await browser.newContext();
			const [name = '', value = ''] = cookie.split('=');
			await context.addCookies([{ name, value, url: server.url }]);
			const page = await context.newPage();
			await page.goto(`${server.url}/charts?dataset=${id}`);
			await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(ROWS)} articles match, from 2021-01-01 to 2025-12-31`);
			await expect(page.getByTestId('coarsened')).toContainText('Totals are unchanged.');
			const total = page.getByTestId('filter-summary');
			const dataRequests: string[] = [];
			page.on('request', (request) => {
				if (request.url().includes('__data.json')) dataRequests.push(request.url());
			});
			const lines = csv.split('\n');
			// A list closes when focus moves on to another, as a floating list does: open it again first.
			const open = async (name: string) => {
				const details = page.locator(`details[data-list=${name}]`);
				if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
			};
			const tick = async (name: string, value: string) => {
				await open(name);
				await page.locator(`input[name=${name}][value="${value}"]`).check();
			};
			// A group is kept in the sums the page has: it filters them without asking the server.
			await tick('group', 'ru-state');
			const stateMedia = lines.filter((line) => line.split(',')[2] === 'ru-state').length;
			await expect(total).toContainText(`${grouped(stateMedia)} articles match`);
			expect(dataRequests).toEqual([]);
			// Languages were summed together: picking one reads that language's sums from the database.
			await tick('lang', 'uk');
			const ukrainianStateMedia = lines.filter((line) => {
				const cells = line.split(',');
				return cells[2] === 'ru-state' && cells[4] === 'uk';
			}).length;
			await expect(total).toContainText(`${grouped(ukrainianStateMedia)} articles match`);
			expect(dataRequests).toHaveLength(1);
			await expect(page.getByTestId('coarsened')).not.toContainText('Languages');
			// Outlets were summed together too: a picked outlet is read on its own, never as part of a sum.
			await tick('outlet', 'outlet-01');
			const oneOutlet = lines.filter((line) => {
				const cells = line.split(',');
				return cells[1] === 'outlet-01' && cells[2] === 'ru-state' && cells[4] === 'uk';
			}).length;
			await expect(total).toContainText(`${grouped(oneOutlet)} articles match`);
			expect(dataRequests).toHaveLength(2);
			// The pointer resting on another outlet starts reading it, and the click uses what was read.
			const secondOutlet = page.locator('input[name=outlet][value="outlet-02"]');
			const preloaded = page.waitForRequest((request) => request.url().includes('__data.json') && request.url().includes('outlet-02'));
			await secondOutlet.hover();
			await preloaded;
			expect(dataRequests).toHaveLength(3);
			await secondOutlet.check();
			const twoOutlets = lines.filter((line) => {
				const cells = line.split(',');
				return (cells[1] === 'outlet-01' || cells[1] === 'outlet-02') && cells[2] === 'ru-state' && cells[4] === 'uk';
			}).length;
			await expect(total).toContainText(`${grouped(twoOutlets)} articles match`);
			expect(dataRequests).toHaveLength(3);
			// Outlets alone are read outlet by outlet and kept: without the language, and then without
			// one of the two, the page shows each selection's own count.
			const ofOutlets = (...outlets: string[]) =>
				lines.filter((line) => {
					const cells = line.split(',');
					return outlets.includes(cells[1]!) && cells[2] === 'ru-state';
				}).length;
			await open('lang');
			await page.locator('input[name=lang][value="uk"]').uncheck();
			await expect(total).toHaveText(new RegExp(`^${grouped(ofOutlets('outlet-01', 'outlet-02'))} articles match`));
			// outlet-02 has no row in the group: its records hold none, yet the group filter still counts.
			expect(ofOutlets('outlet-02')).toBe(0);
			await open('outlet');
			await page.locator('input[name=outlet][value="outlet-01"]').uncheck();
			await expect(total).toHaveText(/^0 articles match/);
			// Charted beside the bundled ledger, the page says how coarsely it had to sum this dataset too.
			await page.goto(`${server.url}/charts?cmp=${id}`);
			await expect(page.getByTestId('coarsened-compared')).toContainText('Synthetic 200k');
			await expect(page.getByTestId('coarsened-compared')).toContainText('Totals are unchanged.');
			// Beside the bundled ledger it has the page's whole budget, as it has alone.
			await expect(page.getByTestId('coarsened-shared')).toHaveCount(0);
			// The frame mix is the first dataset's: only its groups are offered.
			await expect(page.getByLabel('Frame mix over time for').locator('option')).toHaveText(ledger.outletGroups.map((g) => g.label));
			await expectNoAxeViolations(page);
			// Beside another saved dataset, the two share it, and the page says so.
			const small = await saveDataset(server.url, cookie, 'Synthetic small', DATASET_HEADER + datasetCsv(3));
			await page.goto(`${server.url}/charts?dataset=${small.body.dataset!.id}&cmp=${id}`);
			await expect(page.getByTestId('coarsened-shared')).toHaveText(
				'Charted together, the saved datasets share what one page holds: alone, each would be summed more finely.'
			);

			// An export read slowly (one chunk, then nothing) holds no rows in the server: pages
			// are answered meanwhile, and the export then completes with every row.
			const exported = await openSlowly(`${server.url}/api/datasets/${id}/rows?format=csv`, cookie);
			expect((await fetch(`${server.url}/`)).status).toBe(200);
			expect((await fetch(`${server.url}/charts?dataset=${id}`, { headers: { cookie } })).status).toBe(200);
			const text = await exported.rest();
			expect(text.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2},/.test(line))).toHaveLength(ROWS);
			await context.close();
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

/** Start a download, read its first chunk and stop reading; `rest` reads it to the end. */
function openSlowly(url: string, cookie: string): Promise<{ rest: () => Promise<string> }> {
	return new Promise((resolve, reject) => {
		httpRequest(url, { headers: { cookie } }, (response) => {
			if (response.statusCode !== 200) return reject(new Error(`export answered ${response.statusCode}`));
			response.setEncoding('utf8');
			response.once('data', (first: string) => {
				response.pause();
				resolve({
					rest: () =>
						new Promise((done) => {
							let text = first;
							response.on('data', (chunk: string) => (text += chunk));
							response.on('end', () => done(text));
							response.resume();
						})
				});
			});
		})
			.on('error', reject)
			.end();
	});
}
