import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { codingNoteText, frameIndex, outletHref } from '../../src/lib/domain/ledger/views';
import { expectNoAxeViolations, groupOf, ledger, signUpAs, hydrated } from './support';

/** CSP violations the page reports, collected from the document's own event. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const w = window as unknown as { cspViolations: string[] };
		w.cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	const console: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) console.push(m.text());
	});
	return async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

test('the ledger zip from /method holds every CSV, the JSON, a dictionary and CITATION.cff', async ({ page }) => {
	await page.goto('/method');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the whole ledger (zip)' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`parallax-ledger-${ledger.manifest.version}.zip`);
	const path = await download.path();
	const list = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n').sort();
	const csvs = ledger.manifest.files.map((f) => f.file);
	expect(list).toEqual(
		[...csvs, 'manifest.json', 'parallax-ledger.json', 'data-dictionary.md', 'data-dictionary.csv', 'CITATION.cff'].sort()
	);
	// The widened ledger's JSON is several megabytes, beyond execFileSync's default 1 MB buffer.
	const read = (name: string) => execFileSync('unzip', ['-p', path, name], { maxBuffer: 64 * 1024 * 1024 });
	expect(read('claims.csv').equals(readFileSync('data/claims.csv'))).toBe(true);
	expect(read('changelog.csv').equals(readFileSync('data/changelog.csv'))).toBe(true);

	const json = JSON.parse(read('parallax-ledger.json').toString('utf8'));
	expect(json.version).toBe(ledger.manifest.version);
	expect(json.data.claims).toHaveLength(ledger.claims.length);
	expect(json.data.perspectives).toHaveLength(ledger.perspectives.length);
	expect(json.data.coverage).toHaveLength(ledger.coverage.length);
	expect(json.data.outlets).toHaveLength(ledger.outlets.length);
	expect(json.data.changelog).toHaveLength(ledger.changelog.length);

	const cff = read('CITATION.cff').toString('utf8');
	expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
	expect(cff).toContain(`version: "${ledger.manifest.version}"`);
	expect(cff).toContain('name: "Parallax contributors"');
	expect(read('data-dictionary.csv').toString('utf8')).toContain('claims.csv,frame_codes,list of id');
});

test('all chart data downloads in one CSV that matches the data tables of a filtered view', async ({ page }) => {
	// Every stance, so that each nato-threat code counts, split by its stance.
	await page.goto('/charts?frame=nato-threat&gran=month&stance=all');
	await hydrated(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download all chart data (CSV)' }).click()
	]);
	const rows = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true }).data;
	expect(Object.keys(rows[0] ?? {})).toEqual(['chart', 'period', 'group', 'series', 'stance', 'label', 'matching', 'total', 'unit']);

	const coverage = rows.filter((r) => r.chart === 'coverage');
	const matching = ledger.coverage.filter((c) => c.frame_codes.includes('nato-threat'));
	expect(coverage.reduce((a, r) => a + Number(r.matching || 0), 0)).toBe(matching.length);

	// The coverage data table: one column per series, one row per period, in the CSV's order.
	const panel = page.locator('[data-chart="coverage"]');
	await panel.locator('details.table summary').click();
	await expect(panel.getByTestId('coverage-table')).toBeVisible();
	const table = await panel
		.getByTestId('coverage-table')
		.locator('tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent?.trim() ?? '')));
	const [header = [], ...body] = table;
	for (const [j, label] of header.slice(1).entries()) {
		const fromCsv = coverage.filter((r) => r.label === label).map((r) => (r.matching === '' ? '–' : r.matching));
		expect(fromCsv, label).toEqual(body.map((row) => (row[j + 1] ?? '').replace(/,/g, '')));
	}
	// Totals are the same series and period without the frame filter.
	for (const row of coverage.filter((r) => r.total !== '')) expect(Number(row.total)).toBeGreaterThanOrEqual(Number(row.matching));
	const group = coverage[0]?.series ?? '';
	expect(coverage.filter((r) => r.series === group).reduce((a, r) => a + Number(r.total || 0), 0)).toBe(
		ledger.coverage.filter((c) => groupOf(c.outlet_id) === group).length
	);
	// Frames by outlet group: counts, summing to the codings of nato-threat articles.
	const frames = rows.filter((r) => r.chart === 'frames' && r.series === 'nato-threat');
	expect(frames.reduce((a, r) => a + Number(r.matching), 0)).toBe(matching.length);
	const stances = matching.map((c) => c.frame_stances[c.frame_codes.indexOf('nato-threat')]);
	for (const stance of ['adopts', 'reports', 'contests'])
		expect(
			frames.filter((r) => r.stance === stance).reduce((a, r) => a + Number(r.matching), 0),
			stance
		).toBe(stances.filter((s) => s === stance).length);
});

test('a claim page carries Claim JSON-LD that parses, with no CSP violation', async ({ page }) => {
	const claim = ledger.claims.find((c) => c.id === 'c01')!;
	const violations = await watchCsp(page);
	await page.goto(`/events/${claim.event_id}`);
	await page
		.locator(`#claim-${claim.id}`)
		.getByRole('link', { name: `Claim page for the claim by ${claim.speaker}` })
		.click();
	await expect(page).toHaveURL(`/claims/${claim.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(claim.speaker);

	const text = await page.locator('script[type="application/ld+json"]').textContent();
	const ld = JSON.parse(text ?? '');
	expect(ld).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'Claim',
		author: { '@type': 'Person', name: claim.speaker, jobTitle: claim.speaker_role },
		datePublished: claim.date,
		appearance: { '@type': 'CreativeWork', url: claim.url },
		firstAppearance: { url: claim.url },
		text: claim.quote,
		inLanguage: 'en'
	});
	expect(ld.url).toMatch(new RegExp(`/claims/${claim.id}$`));
	// Loaded directly too (server-rendered, not only after client navigation).
	const direct = await page.request.get(`/claims/${claim.id}`);
	const html = await direct.text();
	expect(direct.headers()['content-security-policy']).toContain("script-src 'self'");
	const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
	expect(JSON.parse(block ?? '')['@type']).toBe('Claim');
	await page.reload();
	await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
	expect(await violations()).toEqual([]);
	await expectNoAxeViolations(page);
});

test('a reader disputes labels anonymously, the owner resolves one, and it reaches the changelog', async ({ browser }) => {
	// Three accounts and a dozen page loads: on a busy 2-core machine this outruns the default timeout.
	test.slow();
	const reader = await (await browser.newContext()).newPage();
	const outlet = ledger.outlets.find((o) => o.id === 'afp-com')!;
	const group = ledger.outletGroups.find((g) => g.id === outlet.group)!;
	const reason = `AFP is a public-law corporation with state representatives on its board (${Date.now()}).`;

	// The basis is beside the label, and the dispute link leads to the form.
	await reader.goto(outletHref(ledger, outlet.id)!);
	const row = reader.locator(`#outlet-${outlet.id}`);
	await expect(row).toContainText(outlet.group_basis);
	await row.getByRole('link', { name: /Dispute this label/ }).click();
	await expect(reader.getByRole('heading', { level: 2, name: `The outlet group “${group.label}” of ${outlet.name}` })).toBeVisible();
	await expectNoAxeViolations(reader);

	// The reason is required and a source must be https.
	await reader.getByLabel('Source supporting your reason').fill('http://example.org/afp');
	await reader.getByRole('button', { name: 'Send dispute' }).click();
	await expect(reader.getByText('say in a sentence or two why')).toBeVisible();
	await expect(reader.getByText('is not a well-formed https URL')).toBeVisible();
	await reader.getByLabel('Why is this label wrong?').fill(reason);
	await reader.getByLabel('Source supporting your reason').fill('https://www.afp.com/en/agency/about/afps-status');
	await reader.getByLabel('Your email').fill('reader@example.org');
	await reader.getByRole('button', { name: 'Send dispute' }).click();
	await expect(reader.getByRole('status')).toContainText('your dispute is recorded');

	// Shown next to the label at once, although the outlet list is micro-cached for anonymous readers.
	await reader.goto(outletHref(ledger, outlet.id)!);
	const marker = reader.locator(`#outlet-${outlet.id}`).getByTestId('dispute-marker');
	await expect(marker).toContainText('Under dispute (1)');
	await marker.locator('summary').click();
	// An anonymous reader's words are held until the project has reviewed them.
	await expect(marker).toContainText('is under review');
	await expect(marker).not.toContainText(reason);
	await expect(reader.locator('body')).not.toContainText('reader@example.org');
	await expectNoAxeViolations(reader);

	// A frame on a claim: the basis disclosure has the coding note and the definition.
	const claim = ledger.claims.find((c) => c.id === 'c01')!;
	await reader.goto(`/claims/${claim.id}`);
	await reader.getByText('Why these frames?').click();
	await expect(reader.getByText(codingNoteText(claim.coding_note, frameIndex(ledger.frames)))).toBeVisible();
	await reader
		.getByRole('link', { name: new RegExp(`Dispute this label.* on the claim by ${claim.speaker}`) })
		.first()
		.click();
	await reader.getByLabel('Why is this label wrong?').fill('The wording is about military activity, not encirclement.');
	await reader.getByRole('button', { name: 'Send dispute' }).click();
	await expect(reader.getByRole('status')).toContainText('your dispute is recorded');
	await reader.goto(`/claims/${claim.id}`);
	await expect(reader.getByRole('list', { name: 'Frames coded for this claim' }).getByTestId('dispute-marker')).toContainText(
		'Under dispute (1)'
	);

	// A bot filling the honeypot is thanked and ignored.
	await reader.goto(`/disputes/new?kind=outlet-group&subject=${outlet.id}&label=${group.id}`);
	await reader.getByLabel('Why is this label wrong?').fill('Buy cheap watches at a great discount now.');
	await reader.locator('input[name="website"]').fill('https://spam.example', { force: true });
	await reader.getByRole('button', { name: 'Send dispute' }).click();
	await expect(reader.getByRole('status')).toContainText('your dispute is recorded');
	await reader.goto(outletHref(ledger, outlet.id)!);
	await expect(reader.locator(`#outlet-${outlet.id}`).getByTestId('dispute-marker')).toContainText('Under dispute (1)');

	// The review page: anonymous readers are sent to sign in, other accounts see nothing.
	await reader.goto('/admin/disputes');
	await expect(reader).toHaveURL(/\/login\?next=%2Fadmin%2Fdisputes/);
	const stranger = await signUpAs(browser, 'Stranger', `stranger-${Date.now()}@example.org`);
	const response = await stranger.goto('/admin/disputes');
	expect(response?.status()).toBe(404);

	const owner = await signUpAs(browser, 'Owner', 'owner@example.org');
	await owner.goto('/admin/disputes');
	const item = owner.locator('li.card', { hasText: reason });
	await expect(item).toContainText('reader@example.org');
	await expectNoAxeViolations(owner);
	await item.getByLabel(/Accept/).check();
	await item.getByLabel('Note for the public changelog').fill('Agreed: regrouped in the next release.');
	await item.getByRole('button', { name: /Resolve/ }).click();
	await expect(owner.getByRole('status')).toContainText('Resolved');

	// Off the label, onto the changelog.
	await reader.goto(outletHref(ledger, outlet.id)!);
	await expect(reader.locator(`#outlet-${outlet.id}`).getByTestId('dispute-marker')).toHaveCount(0);
	await reader.goto('/changelog');
	const resolved = reader.getByTestId('resolved-dispute').filter({ hasText: reason });
	await expect(resolved).toContainText('Accepted');
	await expect(resolved).toContainText('Agreed: regrouped in the next release.');
	await expect(reader.getByRole('table')).toContainText(ledger.changelog[0]!.change);
	await expect(reader.locator('body')).not.toContainText('reader@example.org');
	await expectNoAxeViolations(reader);
});

test('the event coverage panel downloads its chart data, with totals across all events', async ({ page }) => {
	const eventId = 'hague-summit-2025';
	await page.goto(`/events/${eventId}`);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download all chart data (CSV)' }).click()
	]);
	const rows = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true }).data;
	const coverage = rows.filter((r) => r.chart === 'coverage');
	const own = ledger.coverage.filter((c) => c.event_id === eventId);
	expect(coverage.reduce((a, r) => a + Number(r.matching || 0), 0)).toBe(own.length);
	const totals = coverage.reduce((a, r) => a + Number(r.total || 0), 0);
	const first = own.map((c) => c.date).sort()[0] ?? '';
	const last =
		own
			.map((c) => c.date)
			.sort()
			.at(-1) ?? '';
	// Totals count every event's articles in the same periods, so they are at least the matching ones.
	expect(totals).toBeGreaterThanOrEqual(own.length);
	expect(totals).toBeLessThanOrEqual(
		ledger.coverage.filter((c) => c.date >= first.slice(0, 7) && c.date <= `${last.slice(0, 7)}-31`).length
	);
});

test('the changelog reads on a phone: its table scrolls in its own region, the page does not @phone', async ({ page }) => {
	await page.goto('/changelog');
	const table = page.getByRole('region', { name: 'Changes to the bundled data, newest first' });
	await expect(table.getByRole('table')).toContainText(ledger.changelog[0]!.change);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
	expect(await table.evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
	await expectNoAxeViolations(page);
});
