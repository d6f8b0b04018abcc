import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { browserImport, CASES, fixtureBytes, savedCsv, type BadCase } from '../fixtures/bad/harness';
import { chooseUpload, expectNoAxeViolations, signUp } from './support';

const byFile = (file: string): BadCase => CASES.find((c) => c.file === file)!;

async function post(request: APIRequestContext, title: string, body: Buffer | string) {
	const response = await request.post(`/api/datasets?${new URLSearchParams({ title })}`, {
		data: typeof body === 'string' ? Buffer.from(body) : body,
		headers: { 'content-type': 'text/csv' }
	});
	return {
		status: response.status(),
		body: (await response.json()) as { problems?: string[]; dataset?: { id: string; rowCount: number } }
	};
}

test('every bad file gets its expected answer from POST /api/datasets, nothing partial is stored, and others are served meanwhile', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const { page } = await signUp(browser, 'Mallory');
	const visitor = await (await browser.newContext()).newPage();
	const run = Date.now();
	const stored: string[] = [];

	for (const test of CASES.filter((c) => c.server && c.size === undefined)) {
		const title = `raw ${test.file} ${run}`;
		// A visitor reads pages and the API while the bad upload is being refused.
		const [answer, home, list] = await Promise.all([
			post(page.request, title, fixtureBytes(test.file)),
			visitor.request.get('/'),
			visitor.request.get('/api/datasets')
		]);
		expect([home.status(), list.status()], test.file).toEqual([200, 200]);
		expect(
			{
				status: answer.status,
				...(answer.body.problems ? { problems: answer.body.problems } : { rowCount: answer.body.dataset?.rowCount })
			},
			test.file
		).toEqual(test.server);
		if (answer.status === 201) stored.push(title);
	}
	// The rows the page would save after the researcher checked the file are stored whole.
	for (const test of CASES.filter((c) => (c.browser.validRows ?? 0) > 0)) {
		const title = `saved ${test.file} ${run}`;
		const answer = await post(page.request, title, savedCsv(test, browserImport(test).result!));
		expect(answer.status, test.file).toBe(201);
		expect(answer.body.dataset?.rowCount, test.file).toBe(test.browser.validRows);
		stored.push(title);
	}
	const listed = ((await (await page.request.get('/api/datasets')).json()) as { datasets: { title: string }[] }).datasets
		.map((d) => d.title)
		.filter((t) => t.endsWith(` ${run}`));
	expect(listed.sort()).toEqual(stored.sort());
});

test('an upload whose Content-Length is over the limit is refused before its body is sent', async ({ browser, baseURL }) => {
	const expected = byFile('too-large.csv');
	const { page } = await signUp(browser, 'Huge');
	const session = (await page.context().cookies()).find((c) => c.name === 'parallax_session')!;
	const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = httpRequest(
			new URL('/api/datasets?title=huge', baseURL),
			{
				method: 'POST',
				headers: { 'content-type': 'text/csv', 'content-length': String(expected.size), cookie: `${session.name}=${session.value}` }
			},
			(res) => {
				let body = '';
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => {
					resolve({ status: res.statusCode ?? 0, body });
					req.destroy();
				});
			}
		);
		req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
		// Only the headers and a few bytes go out; the answer must come without the other 200 MB.
		req.write('date,outlet');
	});
	expect(answer.status).toBe(expected.server!.status);
	const body = JSON.parse(answer.body) as { problems: string[]; details: { key: string }[] };
	expect(body.problems).toEqual(expected.server!.problems);
	// The same refusal as a message key, for the upload page to say in the reader's language.
	expect(body.details.map((d) => d.key)).toEqual(['import.refusal.uploadTooLarge']);
});

test('a formula cell is stored as text and neutralised in the CSV export', async ({ browser }) => {
	const { page } = await signUp(browser, 'Formula');
	const answer = await post(page.request, `formulas ${Date.now()}`, fixtureBytes('formula-injection.csv'));
	expect(answer.status).toBe(201);
	const id = answer.body.dataset!.id;
	const json = (await (await page.request.get(`/api/datasets/${id}/rows`)).json()) as {
		rows: { outlet: string; title: string; event: string }[];
	};
	expect(json.rows.map((r) => [r.outlet, r.title, r.event])).toEqual([
		['=HYPERLINK("http://evil.example","click")', '+cmd|calc', ''],
		['@SUM(A1)', '-2+3', ''],
		['Plain Daily', '@mention', '=1+1']
	]);
	const csv = await (await page.request.get(`/api/datasets/${id}/rows?format=csv`)).text();
	expect(csv.split('\r\n').slice(1, 4)).toEqual([
		`2025-06-24,"'=HYPERLINK(""http://evil.example"",""click"")",,,en,,,1,'+cmd|calc,`,
		`2025-06-25,'@SUM(A1),,,en,,,1,'-2+3,`,
		`2025-06-26,Plain Daily,,'=1+1,en,,,1,'@mention,`
	]);
});

async function choose(page: Page, file: string, buffer?: Buffer) {
	await chooseUpload(page, { name: file, mimeType: 'text/csv', buffer: buffer ?? fixtureBytes(file) });
}

test('the upload page refuses a binary file, saying it is not a text file', async ({ page }) => {
	await choose(page, 'binary.csv');
	await expect(page.getByTestId('upload-message')).toHaveText(byFile('binary.csv').browser.refused!);
	await expect(page.getByTestId('detected-format')).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('the upload page decodes UTF-16 and reports an unterminated quote and an impossible date by row', async ({ page }) => {
	await choose(page, 'utf16le-bom.csv');
	await expect(page.getByTestId('detected-encoding')).toHaveText('UTF-16LE with BOM, CRLF line ends');
	await expect(page.getByRole('table', { name: /First 2 rows/ })).toContainText('Süddeutsche Zeitung');
	await expect(page.getByRole('table', { name: /First 2 rows/ })).toContainText('ТАСС');

	for (const file of ['unterminated-quote.csv', 'impossible-date.csv']) {
		const expected = byFile(file).browser;
		await choose(page, file);
		await page.getByRole('button', { name: 'Check every row' }).click();
		await expect(page.getByTestId('report-summary')).toContainText(`${expected.validRows} of ${expected.rows} rows are valid`);
		await expect(page.getByTestId('validation-report').getByRole('listitem')).toHaveText(expected.issues!);
	}
	await expectNoAxeViolations(page);
});

test('a quote left open for the rest of a large file stops the check at that row, with a way out', async ({ page }) => {
	// Twelve million characters after the quote: every piece the browser reads joins the same cell.
	const text = `date,outlet,title\n2025-06-24,A,Summit\n2025-06-25,B,"Summit${' in The Hague'.repeat(1_000_000)}\n2025-06-26,C,Pledge\n`;
	await choose(page, 'endless-quote.csv', Buffer.from(text));
	await page.getByRole('button', { name: 'Check every row' }).click();
	await expect(page.getByTestId('upload-message')).toHaveText(
		'Row 3 goes on for more than ten million characters without ending, so the file was not read further. A quote mark (") left open makes the rest of a file one cell: close it, or save the file again as CSV.'
	);
	// The file can be checked again once fixed: the mapping is still there.
	await expect(page.getByRole('button', { name: 'Check every row' })).toBeEnabled();
	await expectNoAxeViolations(page);
});

test('HTML and script in cells and titles are shown as text and never run', async ({ browser }) => {
	const { page } = await signUp(browser, 'Markup');
	const outlet = '<script>window.__parallaxXss=1</script>';
	const title = `<script>window.__parallaxXss=3</script> markup ${Date.now()}`;
	await choose(page, 'html-script.csv');
	const preview = page.getByRole('table', { name: /First 1 rows/ });
	await expect(preview).toContainText(outlet);
	await expect(preview).toContainText('<img src=x onerror="window.__parallaxXss=2">');
	await page.getByRole('button', { name: 'Check every row' }).click();
	await expect(page.getByTestId('group-mapping')).toContainText(outlet);
	await page.getByRole('button', { name: /^Use 1 valid row/ }).click();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	await save.getByLabel('Title').fill(title);
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await save.getByRole('link', { name: `Open “${title}” in your library` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByRole('link', { name: 'Chart this dataset' }).click();
	await expect(page.getByTestId('filter-summary')).toContainText('1 article');
	await expect(page.getByLabel('Dataset').locator('option:checked')).toContainText(title);
	expect(await page.evaluate(() => (window as unknown as { __parallaxXss?: number }).__parallaxXss)).toBeUndefined();
	expect(await page.locator('script:not([src])', { hasText: '__parallaxXss' }).count()).toBe(0);
});
