import { expect, test } from '@playwright/test';
import { outletHref, perspectivesFor } from '../../src/lib/domain/ledger/views';
import { expectNoAxeViolations, ledger, hydrated } from './support';

const hague = ledger.events.find((e) => e.id === 'hague-summit-2025')!;
const hagueClaims = ledger.claims.filter((c) => c.event_id === hague.id);

test('a student goes from home to an event, selects a claim and follows its perspectives', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('See a claim beside what other sources say');
	// Home and this event page before a claim is chosen are scanned in finding.spec.ts.

	// Home lists an event under each of its narratives and once more by year; the year's card is followed here.
	await page.locator('section[aria-labelledby="events-heading"]').getByRole('link', { name: hague.title }).click();
	await expect(page).toHaveURL(`/events/${hague.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(hague.title);
	await expect(page.getByRole('heading', { name: /^What was claimed/ })).toContainText(`(${hagueClaims.length})`);

	const claim = hagueClaims[0]!;
	const expected = perspectivesFor(claim.id, ledger.perspectives);
	const card = page.locator(`#claim-${claim.id}`);
	await expect(card).toContainText(claim.speaker);
	await expect(card.getByRole('link', { name: /^Read the source \(\S+\) \(opens in a new tab\)$/ })).toHaveAttribute('href', claim.url);
	await card.getByRole('link', { name: new RegExp(`Show ${expected.length} perspectives`) }).click();

	await expect(page).toHaveURL(`/events/${hague.id}?claim=${claim.id}`);
	const heading = page.locator('#perspectives-heading');
	await expect(heading).toContainText(`about the claim by ${claim.speaker}`);
	await expect(heading).toBeFocused();
	const shown = page.locator('section.perspectives > ol > li');
	await expect(shown).toHaveCount(expected.length);
	for (const perspective of expected) {
		const item = page.locator(`#perspective-${perspective.id}`);
		await expect(item).toContainText(perspective.source_name);
		// The host and the new-tab warning are words of their own, on screen and in the link's name.
		const link = item.getByRole('link', { name: /^Read the source \(\S+\) \(opens in a new tab\)$/ });
		await expect(link).toHaveAttribute('href', perspective.url);
		await expect(link).toHaveAttribute('rel', /noopener/);
	}
	await expectNoAxeViolations(page);

	// The claim's frames explain themselves on focus.
	const chip = card.locator('a.frame-chip').first();
	await chip.focus();
	const frame = ledger.frames.find((f) => f.id === claim.frame_codes[0])!;
	await expect(card.getByRole('tooltip').first()).toBeVisible();
	await expect(card.getByRole('tooltip').first()).toContainText(frame.definition);

	// Why these frames: the coding note names each frame by its label, not by its code.
	await card.locator('details.coding > summary').focus();
	await page.keyboard.press('Enter');
	const why = card.locator('details.coding > p').first();
	await expect(why).toContainText(`“${frame.label}”`);
	for (const code of claim.frame_codes) await expect(why).not.toContainText(code);

	// A perspective's source opens at its real URL in a new tab, so the comparison stays open.
	const first = expected[0]!;
	await page
		.context()
		.route('**/*', (route) => (route.request().url() === first.url ? route.fulfill({ body: 'source page' }) : route.continue()));
	const compareUrl = page.url();
	const [source] = await Promise.all([
		page.waitForEvent('popup'),
		page
			.locator(`#perspective-${first.id}`)
			.getByRole('link', { name: /Read the source.*opens in a new tab/ })
			.click()
	]);
	await expect(source).toHaveURL(first.url);
	expect(await source.evaluate(() => window.opener)).toBeNull();
	expect(page.url()).toBe(compareUrl);
});

test('an unknown claim in the link shows a notice, not an error', async ({ page }) => {
	await page.goto(`/events/${hague.id}?claim=nope`);
	await expect(page.getByRole('status')).toContainText('There is no claim “nope” in this event');
	await expect(page.locator('section.perspectives > ol > li')).toHaveCount(
		ledger.perspectives.filter((p) => p.event_id === hague.id).length
	);
});

test('the annotated article leads to a sourced claim', async ({ page }) => {
	await page.goto('/article');
	await hydrated(page);
	const framed = ledger.article.filter((s) => s.frame_codes.length > 0);
	await expect(page.locator('mark')).toHaveCount(framed.length);
	await expectNoAxeViolations(page);

	const sentence = ledger.article.find((s) => s.claim_ids.length > 0)!;
	const claim = ledger.claims.find((c) => c.id === sentence.claim_ids[0])!;
	await page
		.locator(`#s${sentence.n}`)
		.getByRole('link', { name: new RegExp(claim.speaker) })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`/events/${claim.event_id}\\?claim=${claim.id}`));
	await expect(page.locator(`#claim-${claim.id}`)).toHaveClass(/selected/);
	await expect(page.locator('#perspectives-heading')).toContainText(claim.speaker);

	await page.goto('/article');
	await hydrated(page);
	await page.getByLabel('Show annotations').uncheck();
	await expect(page.locator('mark')).toHaveCount(0);
});

test('the method page lists every frame of the codebook and the data files', async ({ page }) => {
	await page.goto('/method');
	for (const frame of ledger.frames) {
		const entry = page.locator(`#frame-${frame.id}`);
		await expect(entry).toContainText(frame.label);
		await expect(entry).toContainText(frame.definition);
	}
	for (const file of ledger.manifest.files) {
		await expect(page.getByRole('link', { name: file.file, exact: true })).toHaveAttribute('href', `/data/${file.file}`);
	}
	await expectNoAxeViolations(page);

	const download = await page.request.get('/data/claims.csv');
	expect(download.headers()['content-type']).toContain('text/csv');
	expect((await download.text()).split('\n')[0]).toBe(
		'id,event_id,speaker,speaker_role,venue,date,language,quote,quote_original,quote_translation_by,paraphrase,frame_codes,coding_note,url'
	);
});

test('a Russian state source that repeats a claim is labelled apart from corroboration, in both languages', async ({ browser, page }) => {
	const repeat = ledger.perspectives.find((p) => p.relation === 'repeats' && p.claim_ids.length > 0)!;
	const claimId = repeat.claim_ids[0]!;
	await page.goto(`/events/${repeat.event_id}?claim=${claimId}`);
	const card = page.locator(`#perspective-${repeat.id}`);
	await expect(card.locator('.relation')).toHaveText('Repeats (Russian official or state source)');
	await expect(card).toHaveClass(/rel-repeats/);
	await expect(card).not.toHaveClass(/rel-corroborates/);
	await expectNoAxeViolations(page);

	await page.goto(`/claims/${claimId}`);
	await expect(page.locator(`#perspective-${repeat.id} .relation`)).toHaveText('Repeats (Russian official or state source)');

	const context = await browser.newContext({ locale: 'uk-UA' });
	const uk = await context.newPage();
	await uk.goto(`/claims/${claimId}`);
	await expect(uk.locator(`#perspective-${repeat.id} .relation`)).toHaveText('Повторює (російське офіційне чи державне джерело)');
	await context.close();
});

test('a quote an outlet reports names whose words it is, so it never reads as the outlet speaking', async ({ page }) => {
	const reported = ledger.perspectives.find((p) => p.id === 'p13')!;
	expect(reported.quote_by).toBe('Dmitry Peskov');
	await page.goto(`/events/${reported.event_id}?claim=${reported.claim_ids[0]}`);
	const card = page.locator(`#perspective-${reported.id}`);
	await expect(card.getByRole('heading', { level: 3 })).toHaveText('LBCI (citing AFP)');
	await expect(card.locator('blockquote')).toHaveText(`“${reported.quote}”`);
	await expect(card.locator('blockquote + p')).toHaveText('Quoting Dmitry Peskov');
	// In Ukrainian the name, the ledger's English, is marked as English within the Ukrainian line.
	await page.context().addCookies([{ name: 'parallax_lang', value: 'uk', url: page.url() }]);
	await page.reload();
	await expect(card.locator('blockquote + p')).toHaveText('Цитує: Dmitry Peskov');
	await expect(card.locator('blockquote + p span')).toHaveAttribute('lang', 'en');
	await page.context().clearCookies();
	// A source speaking for itself is not given a speaker.
	const own = ledger.perspectives.find((p) => p.event_id === reported.event_id && p.quote !== '' && p.quote_by === '')!;
	await page.goto(`/events/${own.event_id}?claim=${own.claim_ids[0]}`);
	await expect(page.locator(`#perspective-${own.id} blockquote`)).toBeVisible();
	await expect(page.locator(`#perspective-${own.id}`).getByText(/^Quoting /)).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.goto(`/print/event/${reported.event_id}`);
	await expect(page.getByText('Quoting Dmitry Peskov').first()).toBeVisible();
});

test('each outlet group lists its outlets with their basis, a hundred to a page', async ({ page }) => {
	await page.goto('/method#outlets');
	for (const group of ledger.outletGroups) {
		const count = ledger.outlets.filter((o) => o.group === group.id).length;
		await expect(page.locator(`#group-${group.id}`).getByRole('link')).toContainText(`The ${count} outlets in this group`);
	}
	const group = ledger.outletGroups.find((g) => g.id === 'international-media')!;
	const outlets = ledger.outlets.filter((o) => o.group === group.id).sort((a, b) => a.name.localeCompare(b.name));
	await page.locator(`#group-${group.id}`).getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Outlets in the group “${group.label}”`);
	await expect(page.getByTestId('outlet-page')).toHaveText(
		`Page 1 of ${Math.ceil(outlets.length / 100)} (${outlets.length} outlets, by name)`
	);
	await expect(page.locator('tbody tr')).toHaveCount(100);
	await expect(page.locator('tbody tr').first()).toContainText(outlets[0]!.name);
	await expectNoAxeViolations(page);
	// The last outlet is on the last page, where its row is the link target.
	const last = outlets.at(-1)!;
	await page.goto(outletHref(ledger, last.id)!);
	await expect(page.locator(`#outlet-${last.id}`)).toContainText(last.group_basis);
	expect((await page.goto('/method/outlets/no-such-group'))?.status()).toBe(404);
});

test('the method page defines the three stances and counts each event, in both languages', async ({ browser, page }) => {
	await page.goto('/method#stances');
	const stances = page.locator('section[aria-labelledby="stances"]');
	for (const stance of ['adopts', 'reports', 'contests']) await expect(stances.locator(`#stance-${stance}`)).toContainText(stance);
	await expect(stances).toContainText('SemEval-2025 Task 10 annotation guidelines');
	await expect(page.getByText(/counter-frames/)).toBeVisible();

	const rows = page.getByRole('table', { name: 'Events with their counts of claims, perspectives and coded articles' }).locator('tbody tr');
	await expect(rows).toHaveCount(ledger.events.length);
	for (const [i, event] of ledger.events.entries()) {
		const cells = [
			ledger.claims.filter((c) => c.event_id === event.id).length,
			ledger.perspectives.filter((p) => p.event_id === event.id).length,
			ledger.coverage.filter((c) => c.event_id === event.id).length
		].map(String);
		await expect(rows.nth(i).getByRole('rowheader')).toHaveText(event.title);
		await expect(rows.nth(i).getByRole('cell')).toHaveText(cells);
	}
	// The method page is scanned with its frames above.

	const context = await browser.newContext({ locale: 'uk-UA' });
	const uk = await context.newPage();
	await uk.goto('/method#stances');
	await expect(uk.getByRole('heading', { name: 'Позиції щодо фрейму: приймає, передає, заперечує' })).toBeVisible();
	await expect(uk.locator('#stance-reports')).toContainText('передає');
	await expect(
		uk.getByRole('table', { name: 'Події з кількістю тверджень, позицій і закодованих статей' }).locator('tbody tr')
	).toHaveCount(ledger.events.length);
	await context.close();
});

// Every event page is one template, and an accessibility scan of one takes several seconds. The
// scans run on the event with the most claims and perspectives and on one event per language its
// claims are quoted in, which between them render every kind of content the template has.
const itemsOf = (id: string) =>
	ledger.claims.filter((c) => c.event_id === id).length + ledger.perspectives.filter((p) => p.event_id === id).length;
const largest = ledger.events.reduce((a, b) => (itemsOf(b.id) > itemsOf(a.id) ? b : a));
const scanned = new Set([largest.id, ...new Map(ledger.claims.map((c) => [c.language, c.event_id])).values()]);

for (const event of ledger.events) {
	const scan = scanned.has(event.id);
	test(`the event page "${event.id}" shows its claims${scan ? ' and passes an accessibility scan' : ''}`, async ({ page }) => {
		await page.goto(`/events/${event.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(event.title);
		await expect(page.locator('article.claim')).toHaveCount(ledger.claims.filter((c) => c.event_id === event.id).length);
		if (scan) await expectNoAxeViolations(page);
	});
}

test('an unknown event is a 404 with a way back', async ({ page }) => {
	const response = await page.goto('/events/nope');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
});

test('the compare view stacks on a phone @phone', async ({ page }) => {
	await page.goto(`/events/${hague.id}`);
	const claims = await page.locator('#claims-heading').boundingBox();
	const perspectives = await page.locator('#perspectives-heading').boundingBox();
	expect(perspectives!.y).toBeGreaterThan(claims!.y);
	expect(Math.abs(perspectives!.x - claims!.x)).toBeLessThan(4);
	// This page on a phone is scanned with its timeline in finding.spec.ts.
});

test('a link with a claim selected opens at that claim, screens down on a phone @phone', async ({ page }) => {
	const claim = hagueClaims.at(-1)!;
	await page.goto(`/events/${hague.id}?claim=${claim.id}`);
	await hydrated(page);
	const card = page.locator(`#claim-${claim.id}`);
	await expect(card).toHaveClass(/selected/);
	await expect(card).toBeInViewport();
	expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
});
