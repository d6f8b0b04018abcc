import { expect, test } from '@playwright/test';
import { byNarrative, byStartYear, eventTimeline, formatDate, NARRATIVE_SLUGS } from '../../src/lib/domain/ledger/views';
import { expectNoAxeViolations, ledger } from './support';

const lavrovClaims = ledger.claims.filter((c) => /Lavrov/.test(c.speaker));
const claimHref = (c: { id: string; event_id: string }) => `/events/${c.event_id}?claim=${c.id}#claim-${c.id}`;

test('home groups the events under each narrative by year, and by year with their narratives', async ({ page }) => {
	await page.goto('/');
	const groups = byNarrative(ledger.events.map((event) => ({ event })));
	const jump = page.getByRole('navigation', { name: 'Jump to a narrative' }).getByRole('link');
	await expect(jump).toHaveCount(groups.length);
	for (const group of groups) {
		const section = page.locator(`section[aria-labelledby="narrative-${group.slug}"]`);
		await expect(section.getByRole('heading', { level: 3 })).toHaveText(`${group.narrative} (${group.count})`);
		await expect(section.locator('dt')).toHaveText(group.years.map((y) => y.year));
		await expect(section.getByRole('link')).toHaveText(group.years.flatMap((y) => y.events.map((e) => e.event.title)));
	}
	const years = byStartYear(ledger.events.map((event) => ({ event })));
	const byYear = page.locator('section[aria-labelledby="events-heading"]');
	await expect(byYear.getByRole('heading', { level: 3 })).toHaveText(years.map((y) => y.year));
	await expect(byYear.getByRole('heading', { level: 4 })).toHaveText(years.flatMap((y) => y.events.map((e) => e.event.title)));
	await expectNoAxeViolations(page);

	// A narrative in the jump list lands on its group.
	const first = groups[0]!;
	await jump.first().click();
	await expect(page).toHaveURL(`/#narrative-${first.slug}`);
	await expect(page.locator(`#narrative-${first.slug}`)).toBeInViewport();
	await page.screenshot({ path: 'test-results/finding-home.png', fullPage: false });
});

test('search finds a speaker’s claims and a Cyrillic quote, and says when nothing matches', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Search events, claims, speakers and sources').fill('Lavrov');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page).toHaveURL('/search?q=Lavrov');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
	await expect(page.getByTestId('search-count')).toHaveText(/^\d+ results for “Lavrov”$/);

	const speakers = page.locator('section[aria-labelledby="results-speakers"]');
	await expect(speakers.locator('li > strong')).toHaveText(['Sergey Lavrov']);
	const claims = page.locator('section[aria-labelledby="results-claims"]');
	for (const claim of lavrovClaims)
		await expect(claims.getByRole('link', { name: `${claim.speaker}, ${formatDate(claim.date)}` }).first()).toHaveAttribute(
			'href',
			claimHref(claim)
		);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/finding-search.png', fullPage: true });

	// The link lands on the claim, selected, in its event.
	const claim = lavrovClaims[0]!;
	await claims.locator(`a[href="${claimHref(claim)}"]`).click();
	await expect(page.locator(`#claim-${claim.id}`)).toHaveClass(/selected/);

	// Russian with е for ё and in capitals finds the quote with ё.
	const withYo = ledger.claims.find((c) => c.quote_original.includes('вооружённым'))!;
	await page.goto(`/search?q=${encodeURIComponent('ВООРУЖЕННЫМ путем')}`);
	await expect(page.locator('section[aria-labelledby="results-claims"]').locator(`a[href="${claimHref(withYo)}"]`)).toBeVisible();

	// Ukrainian in a perspective's quote finds its source, linked to the perspective and its page.
	const ukrainian = ledger.perspectives.find((p) => p.quote.includes('Оленівці'))!;
	await page.goto(`/search?q=${encodeURIComponent('оленівці')}`);
	const sources = page.locator('section[aria-labelledby="results-sources"]');
	await expect(sources.locator('li > strong')).toContainText([ukrainian.source_name]);
	await expect(sources.locator(`a[href="/events/${ukrainian.event_id}#perspective-${ukrainian.id}"]`)).toBeVisible();
	await expect(sources.locator(`a[href="${ukrainian.url}"]`)).toHaveAttribute('rel', /noopener/);

	// A name typed in Cyrillic finds the speaker written in Latin letters.
	await page.goto(`/search?q=${encodeURIComponent('лавров')}`);
	await expect(page.locator('section[aria-labelledby="results-speakers"]').locator('li > strong')).toHaveText(['Sergey Lavrov']);
	// So does an older romanisation of the name.
	await page.goto(`/search?q=${encodeURIComponent('Sergei Lavrov')}`);
	await expect(page.locator('section[aria-labelledby="results-speakers"]').locator('li > strong')).toHaveText(['Sergey Lavrov']);

	await page.goto('/search?q=zzqxj');
	await expect(page.getByRole('status')).toContainText('Nothing matches “zzqxj”.');
	await expect(page.locator('section[aria-labelledby^="results-"]')).toHaveCount(0);
	await expect(page.getByTestId('search-suggestion')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// A misspelt name gets the spelling the ledger uses, which leads to results.
	await page.goto('/search?q=Lavrof');
	await expect(page.getByRole('status')).toContainText('Nothing matches “Lavrof”.');
	await expect(page.getByTestId('search-suggestion')).toHaveText('Did you mean lavrov?');
	await expectNoAxeViolations(page);
	await page.getByTestId('search-suggestion').getByRole('link', { name: 'lavrov' }).click();
	await expect(page.locator('section[aria-labelledby="results-speakers"]').locator('li > strong')).toHaveText(['Sergey Lavrov']);
});

test('search and the narratives are in Ukrainian too', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Події за наративами' })).toBeVisible();
	await expect(page.locator(`#narrative-${NARRATIVE_SLUGS['Discrediting Ukraine']}`)).toContainText('Дискредитація України');
	await page.getByLabel('Пошук подій, тверджень, мовців і джерел').fill('Лавров');
	await page.getByRole('button', { name: 'Шукати' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Пошук');
	// The name typed in Cyrillic finds Lavrov as the ledger writes him, in Latin letters.
	const cyrillic = (await page.getByTestId('search-count').textContent())!;
	expect(cyrillic).toMatch(/^За запитом «Лавров» знайдено \d+ результат(и|ів)?$/);
	await page.goto(`/search?q=lavrov`);
	expect((await page.getByTestId('search-count').textContent())!.replace('lavrov', 'Лавров')).toBe(cyrillic);
	await expect(page.getByTestId('search-count')).toHaveText(/^За запитом «lavrov» знайдено \d+ результат(и|ів)?$/);
	await expect(page.getByRole('heading', { name: /^Мовці/ })).toBeVisible();
	await expectNoAxeViolations(page);
	await context.close();
});

test('an event page has a timeline of its claims and perspectives in date order', async ({ page }) => {
	const event = ledger.events.find((e) => e.id === 'hague-summit-2025')!;
	const entries = eventTimeline(
		ledger.claims.filter((c) => c.event_id === event.id),
		ledger.perspectives.filter((p) => p.event_id === event.id)
	);
	await page.goto(`/events/${event.id}`);
	const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
	await expect(timeline.getByRole('heading', { level: 2 })).toHaveText(`Timeline (${entries.length})`);
	const items = timeline.getByRole('listitem');
	await expect(items).toHaveCount(entries.length);
	await expect(timeline.locator('li > time')).toHaveText(entries.map((e) => formatDate(e.date)));
	const datetimes = await timeline.locator('li > time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
	expect(datetimes).toEqual([...datetimes].sort());
	const claim = entries.find((e) => e.kind === 'claim')!;
	await expect(items.nth(entries.indexOf(claim))).toContainText(`Claim ${claim.who}`);
	const answer = entries.find((e) => e.kind === 'perspective' && e.answers.length > 0)!;
	if (answer.kind !== 'perspective') throw new Error('no perspective answers a claim');
	const first = answer.answers[0]!;
	await expect(items.nth(entries.indexOf(answer)).locator(`a[href="#claim-${first.claims[0]!.id}"]`)).toHaveText(
		first.claims.length > 1 ? formatDate(first.claims[0]!.date) : first.speaker
	);
	await expectNoAxeViolations(page);

	// A perspective answering several claims by one speaker names them once, each claim by its date.
	const bucha = eventTimeline(
		ledger.claims.filter((c) => c.event_id === 'bucha-2022'),
		ledger.perspectives.filter((p) => p.event_id === 'bucha-2022')
	);
	const several = bucha.find((e) => e.kind === 'perspective' && e.answers.some((a) => a.claims.length > 1));
	if (several?.kind !== 'perspective') throw new Error('no Bucha perspective answers one speaker twice');
	const repeated = several.answers.find((a) => a.claims.length > 1)!;
	await page.goto('/events/bucha-2022');
	const row = page.locator('section[aria-labelledby="timeline-heading"] li').nth(bucha.indexOf(several));
	await expect(row).not.toContainText(`${repeated.speaker}, ${repeated.speaker}`);
	await expect(row.getByRole('link', { name: `${repeated.speaker}, ${formatDate(repeated.claims[1]!.date)}` })).toHaveAttribute(
		'href',
		`#claim-${repeated.claims[1]!.id}`
	);
	// Two claims of one speaker on one day: numbered after the date, so no two links read the same.
	await page.goto('/events/gerasimov-attaches');
	const attaches = page.locator('section[aria-labelledby="timeline-heading"] li');
	await expect(attaches.filter({ hasText: 'RIA Novosti' }).first()).toContainText('Valery Gerasimov (18 December 2025: 1, 2)');
	for (const row of await attaches.all()) {
		const names = await row.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? a.textContent));
		expect(new Set(names).size, names.join(' | ')).toBe(names.length);
	}
	await page.goto(`/events/${event.id}`);

	await items.nth(entries.indexOf(claim)).getByRole('link', { name: claim.who }).click();
	await expect(page.locator(`#claim-${claim.id}`)).toBeInViewport();
	await timeline.screenshot({ path: 'test-results/finding-timeline.png' });
});

test('the timeline and search read on a phone @phone', async ({ page }) => {
	await page.goto('/events/hague-summit-2025');
	const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
	const first = timeline.getByRole('listitem').first();
	const time = await first.locator('time').boundingBox();
	const what = await first.locator('.what').boundingBox();
	// On a narrow screen the date stands above its entry rather than squeezing it.
	expect(what!.y).toBeGreaterThan(time!.y);
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectNoAxeViolations(page);

	await page.goto('/search?q=Lavrov');
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectNoAxeViolations(page);
});
