import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, grouped, groupOf, hydrated, ledger, tableCells, tableCounts } from './support';

const groupLabel = (id: string) => ledger.outletGroups.find((g) => g.id === id)!.label;

function sumTable(cells: string[][]): number {
	return cells
		.slice(1)
		.flatMap((row) => row.slice(1))
		.reduce((sum, cell) => sum + (cell === '–' ? 0 : Number(cell.replace(/,/g, ''))), 0);
}

test('charts load with every view, a caption with n, and no accessibility violations', async ({ page }) => {
	await page.goto('/charts');
	await hydrated(page);
	const total = ledger.coverage.length;
	await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(total)} articles match`);
	for (const title of ['Coverage over time', 'Frames by outlet group', /^Frame share over time/]) {
		await expect(page.getByRole('heading', { name: title })).toBeVisible();
	}
	await expect(page.locator('[data-chart="coverage"] figcaption')).toContainText(
		`articles: n = ${grouped(total)}. Numbered dashed lines mark events.`
	);
	// Lines of groups count each article once: only frames' lines may count one article twice.
	await expect(page.locator('[data-chart="coverage"] figcaption')).not.toContainText("frame's line");
	// One line per group: the coverage table sums to every article.
	expect(sumTable(await tableCells(page, 'coverage'))).toBe(total);
	await expectNoAxeViolations(page);

	// Per year, the frame mix is per year too.
	await page.goto('/charts?gran=year');
	const mix = page.locator('[data-chart="frame-mix"]');
	await expect(mix.locator('figcaption')).toContainText("Each year's frame codings in this group");
	const [header = [], ...years] = await tableCells(page, 'frame-mix');
	expect(header[0]).toBe('Year');
	expect(years.length).toBeGreaterThan(1);
	expect(years.every((row) => /^\d{4}$/.test(row[0] ?? ''))).toBe(true);
});

test('each kind of filter changes the numbers in the data tables', async ({ page }) => {
	const cases: { query: string; keep: (c: (typeof ledger.coverage)[number]) => boolean }[] = [
		{ query: 'group=ukrainian-media', keep: (c) => groupOf(c.outlet_id) === 'ukrainian-media' },
		{ query: 'event=hague-summit-2025', keep: (c) => c.event_id === 'hague-summit-2025' },
		{ query: 'lang=uk', keep: (c) => c.language === 'uk' },
		{ query: 'outlet=ria-ru', keep: (c) => c.outlet_id === 'ria-ru' },
		{ query: 'from=2025-06-01&to=2025-06-30', keep: (c) => c.date >= '2025-06-01' && c.date <= '2025-06-30' },
		// A frame filter keeps the articles that adopt the frame, by default.
		{ query: 'frame=nato-threat', keep: (c) => c.frame_codes.some((f, i) => f === 'nato-threat' && c.frame_stances[i] === 'adopts') },
		{ query: 'frame=nato-threat&stance=all', keep: (c) => c.frame_codes.includes('nato-threat') }
	];
	for (const { query, keep } of cases) {
		const expected = ledger.coverage.filter(keep).length;
		expect(expected, query).toBeGreaterThan(0);
		await page.goto(`/charts?${query}`);
		await expect(page.getByTestId('filter-summary'), query).toContainText(`${expected} article`);
		expect(sumTable(await tableCells(page, 'coverage')), query).toBe(expected);
	}
});

test('changing a filter in the form updates the URL, the table, and back restores it', async ({ page }) => {
	await page.goto('/charts');
	await hydrated(page);
	const all = ledger.coverage.length;
	await page.locator('summary', { hasText: 'Outlet groups' }).click();
	await page.locator('fieldset').getByLabel(groupLabel('russian-state-media'), { exact: true }).check();
	const state = ledger.coverage.filter((c) => groupOf(c.outlet_id) === 'russian-state-media').length;
	await expect(page).toHaveURL(/\?group=russian-state-media$/);
	await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(state)} articles match`);
	const frames = await tableCells(page, 'frames');
	expect(frames.slice(1).map((row) => row[0])).toEqual([groupLabel('russian-state-media')]);

	await page.locator('select[name="by"]').selectOption('frame');
	await expect(page).toHaveURL(/by=frame/);
	await expect(page.locator('[data-chart="coverage"] figcaption')).toContainText('one line per frame');
	await expect(page.locator('[data-chart="coverage"] figcaption')).toContainText(
		"An article with several frames counts once in each frame's line."
	);

	await page.goBack();
	await expect(page).toHaveURL(/\?group=russian-state-media$/);
	await expect(page.locator('select[name="by"]')).toHaveValue('group');
	await page.goBack();
	await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(all)} articles match`);
});

/** Frames by outlet group counted by hand from the ledger: group label → column label → count. */
function handCountedFrames(split: boolean): Record<string, Record<string, number>> {
	const frameLabel = (id: string) => ledger.frames.find((f) => f.id === id)!.label;
	const stanceWord = { adopts: 'adopted', reports: 'reported', contests: 'contested' } as const;
	const counts: Record<string, Record<string, number>> = {};
	for (const c of ledger.coverage) {
		const row = (counts[groupLabel(groupOf(c.outlet_id))] ??= {});
		const columns = c.frame_codes.flatMap((f, i) => {
			const stance = c.frame_stances[i]!;
			if (split) return [`${frameLabel(f)} (${stanceWord[stance]})`];
			return stance === 'adopts' ? [frameLabel(f)] : [];
		});
		if (columns.length === 0) columns.push(split ? 'No frame coded' : 'No frame adopted');
		for (const column of columns) row[column] = (row[column] ?? 0) + 1;
	}
	return counts;
}

test('frames by outlet group count the frames each outlet adopts; the switch adds reported and contested ones, split by stance', async ({
	page
}, testInfo) => {
	await page.goto('/charts');
	await hydrated(page);
	const panel = page.locator('[data-chart="frames"]');
	const adopted = handCountedFrames(false);
	const natoThreat = ledger.frames.find((f) => f.id === 'nato-threat')!.label;
	const ukrainian = groupLabel('ukrainian-media');
	// The case the switch exists for: Ukrainian media report and rebut the Kremlin's NATO threat, never adopt it.
	expect(adopted[ukrainian]?.[natoThreat]).toBeUndefined();
	expect(tableCounts(await tableCells(page, 'frames'))).toEqual(adopted);
	await expect(panel.locator('figcaption')).toContainText('Only frames the outlet adopts in its own voice are counted');
	// The empty bar is named once, as the legend names it.
	await expect(panel.locator('figcaption')).toContainText('counts as “No frame adopted”');
	await expect(panel.locator('figcaption')).not.toContainText('No frame coded');

	await page.getByRole('radio', { name: 'Also frames it reports or contests' }).check();
	await expect(page).toHaveURL(/\?stance=all$/);
	await expect(panel.locator('figcaption')).toContainText('Every frame code is counted');
	await expect(panel.locator('figcaption')).toContainText('counts as “No frame coded”');
	await expect(panel.locator('figcaption')).not.toContainText('No frame adopted');
	const split = handCountedFrames(true);
	expect(split[ukrainian]?.[`${natoThreat} (reported)`]).toBeGreaterThan(0);
	expect(tableCounts(await tableCells(page, 'frames'))).toEqual(split);
	await expectNoAxeViolations(page);
	await panel.locator('canvas').scrollIntoViewIfNeeded();
	await testInfo.attach('frames split by stance', { body: await panel.screenshot(), contentType: 'image/png' });

	// The choice lives in the URL: a reload keeps it.
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Also frames it reports or contests' })).toBeChecked();
	expect(tableCounts(await tableCells(page, 'frames'))).toEqual(split);
	await page.getByRole('radio', { name: 'Frames the outlet adopts' }).check();
	await expect(page).toHaveURL(/\/charts\?$|\/charts$/);
	expect(tableCounts(await tableCells(page, 'frames'))).toEqual(adopted);
});

test('a pasted URL reproduces the view; invalid values are ignored with a notice', async ({ page }) => {
	await page.goto('/charts?group=ukrainian-media&by=frame&gran=month&mode=share&event=nope&gran=fortnight');
	await expect(page.getByRole('status').first()).toContainText('Ignored event="nope": not a known event.');
	await expect(page.locator('select[name="by"]')).toHaveValue('frame');
	await expect(page.locator('select[name="gran"]')).toHaveValue('month');
	const frames = await tableCells(page, 'frames');
	// Shares: every group's row adds up to 100%.
	for (const row of frames.slice(1)) {
		const sum = row.slice(1).reduce((s, cell) => s + Number(cell.replace('%', '')), 0);
		expect(Math.abs(sum - 100)).toBeLessThan(0.5);
	}
	const coverage = await tableCells(page, 'coverage');
	expect(coverage[1]?.[0]).toMatch(/^\d{4}-\d{2}$/);
	await expectNoAxeViolations(page);
});

test('an empty result says so in words and offers to clear the filters', async ({ page }) => {
	await page.goto('/charts?from=2015-01-01&to=2015-01-31');
	await expect(page.getByTestId('filter-summary')).toContainText('0 articles match');
	await expect(page.locator('[data-chart="coverage"]')).toContainText('No articles match these filters.');
	await page.locator('[data-chart="coverage"]').getByRole('link', { name: 'Clear the filters' }).click();
	await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(ledger.coverage.length)} articles match`);
});

test('the CSV download matches the table, PNG export produces an image, and SVG export the same numbers', async ({ page }) => {
	await page.goto('/charts?group=russian-independent-media&gran=month');
	await hydrated(page);
	const panel = page.locator('[data-chart="frames"]');
	const table = await tableCells(page, 'frames');
	const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'CSV' }).click()]);
	const text = readFileSync(await csv.path(), 'utf8');
	const rows = text
		.trim()
		.split('\r\n')
		.map((line) => line.split(','));
	// The table's columns, and after the group which frame codes the numbers count.
	const [group = '', ...series] = table[0]!;
	expect(rows[0]).toEqual([group, 'stance', ...series]);
	expect(rows.slice(1).map(([first, stance, ...values]) => [first, stance, ...values.map(Number)])).toEqual(
		table.slice(1).map(([first, ...values]) => [first, 'adopts', ...values.map(Number)])
	);

	// As shares, the download says percentages and writes them as the chart draws them (25, not 0.25).
	await page.goto('/charts?group=russian-independent-media&gran=month&mode=share');
	await hydrated(page);
	const shares = await tableCells(page, 'frames');
	const [shareCsv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'CSV' }).click()]);
	const shareRows = readFileSync(await shareCsv.path(), 'utf8')
		.trim()
		.split('\r\n')
		.map((line) => line.split(','));
	expect(shareRows[0]).toEqual([shares[0]![0], 'stance', ...shares[0]!.slice(1).map((frame) => `${frame} (%)`)]);
	const percentages = shareRows.slice(1).flatMap(([, , ...values]) => values.filter((v) => v !== '').map(Number));
	expect(Math.max(...percentages)).toBeGreaterThan(1);
	expect(Math.max(...percentages)).toBeLessThanOrEqual(100);
	// The table prints each share to one decimal; the download keeps the digits.
	expect(shareRows.map(([first]) => first)).toEqual(shares.map(([first]) => first));
	shareRows.slice(1).forEach(([, , ...values], row) =>
		values.forEach((value, column) => {
			const shown = shares[row + 1]![column + 1]!;
			if (value === '') expect(shown).toMatch(/^[–—-]?$/);
			else expect(Math.abs(Number(value) - parseFloat(shown))).toBeLessThanOrEqual(0.05 + 1e-9);
		})
	);
	await page.goto('/charts?group=russian-independent-media&gran=month');
	await hydrated(page);

	const button = panel.getByRole('button', { name: 'PNG: download “Frames by outlet group”' });
	const [png] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(png.suggestedFilename()).toBe('parallax-frames-by-group-count.png');
	const bytes = readFileSync(await png.path());
	expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(bytes.length).toBeGreaterThan(2000);
	// Drawn from the SVG (title, legend, caption) at twice its 960-pixel width.
	expect(bytes.readUInt32BE(16)).toBe(1920);

	// The SVG is well-formed and carries every non-zero number of the table as a bar's title.
	const [svgFile] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'SVG' }).click()]);
	expect(svgFile.suggestedFilename()).toBe('parallax-frames-by-group-count.svg');
	const svg = readFileSync(await svgFile.path(), 'utf8');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			title: doc.querySelector('svg > title')?.textContent,
			bars: [...doc.querySelectorAll('rect > title')].map((t) => t.textContent)
		};
	}, svg);
	expect(parsed.error).toBeNull();
	expect(parsed.title).toBe('Frames by outlet group');
	const [header = [], ...body] = table;
	const expected = body.flatMap((row) =>
		row.slice(1).flatMap((cell, j) => (Number(cell) > 0 ? [`${row[0]}, ${header[j + 1]}: ${cell}`] : []))
	);
	expect(expected.length).toBeGreaterThan(0);
	expect(parsed.bars.sort()).toEqual(expected.sort());
});

test('legends are keyboard-operable buttons, and the lines switched off are kept in the link', async ({ page }) => {
	await page.goto('/charts?gran=month');
	await hydrated(page);
	await expect(page.locator('.lede')).toContainText(
		'the address of this page keeps every filter and setting, and the lines switched off in a legend.'
	);
	await expect(page.getByRole('link', { name: 'Upload a coverage file' })).toHaveAttribute('href', '/upload');
	const panel = page.locator('[data-chart="coverage"]');
	// The ledger was searched event by event: its first and last months are not said to be partial.
	await expect(panel.locator('figcaption')).not.toContainText('holds only the days');
	const legend = panel.getByRole('button', { name: groupLabel('ukrainian-media') });
	await legend.focus();
	await page.keyboard.press('Enter');
	await expect(legend).toHaveAttribute('aria-pressed', 'false');
	await expect(page).toHaveURL(/\?gran=month&hide=coverage%3Aukrainian-media$/);
	await expect(legend).toBeFocused();

	// Opened from the link, the line is still off: on the legend and in the drawing the reader downloads.
	await page.reload();
	await hydrated(page);
	await expect(legend).toHaveAttribute('aria-pressed', 'false');
	await expect(panel.getByRole('button', { name: groupLabel('russian-state-media') })).toHaveAttribute('aria-pressed', 'true');
	const [svgFile] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'SVG' }).click()]);
	const svg = readFileSync(await svgFile.path(), 'utf8');
	expect(svg).toContain(groupLabel('russian-state-media'));
	expect(svg).not.toContain(groupLabel('ukrainian-media'));
	// Entries naming no chart of the page are dropped from the link.
	await page.goto('/charts?gran=month&hide=coverage%3Aukrainian-media&hide=nonsense');
	await hydrated(page);
	await expect(legend).toHaveAttribute('aria-pressed', 'false');

	await legend.focus();
	await page.keyboard.press('Space');
	await expect(legend).toHaveAttribute('aria-pressed', 'true');
	await expect(page).toHaveURL(/\?gran=month$/);

	// Two lines switched off at once are both kept; lines per outlet are other lines, so they drop out.
	await legend.click();
	await panel.getByRole('button', { name: groupLabel('russian-state-media') }).click();
	await expect(page).toHaveURL(/\?gran=month&hide=coverage%3Arussian-state-media&hide=coverage%3Aukrainian-media$/);
	await page.locator('select[name="by"]').selectOption('outlet');
	await expect(page).toHaveURL(/\?by=outlet&gran=month$/);
});

test('an event page has its own coverage panel', async ({ page }) => {
	await page.goto('/events/hague-summit-2025');
	const n = ledger.coverage.filter((c) => c.event_id === 'hague-summit-2025').length;
	await expect(page.getByRole('heading', { name: 'How this event was covered' })).toBeVisible();
	expect(sumTable(await tableCells(page, 'event-coverage'))).toBe(n);
	await page.getByRole('link', { name: 'Explore them with filters' }).click();
	await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(n)} articles match`);
});

test('an event page fetches Chart.js when its charts near the screen or the page is idle, and prints them drawn', async ({ page }) => {
	// Idle callbacks are held until the test runs them, so that only scrolling can ask for Chart.js.
	await page.addInitScript(() => {
		const w = window as unknown as { idle: (() => void)[]; requestIdleCallback: (run: () => void) => number };
		w.idle = [];
		w.requestIdleCallback = (run) => w.idle.push(run);
	});
	const chartjs: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script' && (await response.text()).includes('Canvas is already in use'))
			chartjs.push(response.url());
	});
	const canvas = page.locator('[data-chart="event-coverage"] canvas');
	// Chart.js sizes a canvas it draws on.
	const drawn = () => canvas.evaluate((c) => c.style.width !== '');

	await page.goto('/events/hague-summit-2025');
	await expect(page.locator('[data-chart="event-coverage"]').getByRole('button', { name: 'CSV' })).toBeEnabled();
	await page.evaluate(() => new Promise(requestAnimationFrame));
	expect(chartjs).toEqual([]);
	await canvas.scrollIntoViewIfNeeded();
	await expect.poll(drawn).toBe(true);
	expect(chartjs).toHaveLength(1);

	// A printout draws every chart at once, the ones never scrolled to included: Chart.js is there by then.
	chartjs.length = 0;
	await page.goto('/events/mh17');
	await expect(page.locator('[data-chart="event-coverage"]').getByRole('button', { name: 'CSV' })).toBeEnabled();
	await page.evaluate(() => (window as unknown as { idle: (() => void)[] }).idle.forEach((run) => run()));
	await expect.poll(() => chartjs.length).toBe(1);
	// The same module the page imported: once it has run here, it has run for the page.
	await page.evaluate((url) => import(url).then(() => undefined), chartjs[0]!);
	expect(await drawn()).toBe(false);
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	expect(await drawn()).toBe(true);
});

test('a filter list floating over the fields closes when focus moves on, and on Escape', async ({ page }) => {
	await page.goto('/charts');
	await hydrated(page);
	const outlets = page.locator('details[data-list="outlet"]');
	await outlets.locator('summary').click();
	await expect(outlets).toHaveAttribute('open', '');
	// Tabbing on through its checkboxes keeps it open; moving to a field outside closes it.
	await outlets.getByRole('checkbox').first().focus();
	await expect(outlets).toHaveAttribute('open', '');
	await page.getByRole('combobox', { name: 'Period' }).focus();
	await expect(outlets).not.toHaveAttribute('open');

	await outlets.locator('summary').click();
	await outlets.getByRole('checkbox').first().focus();
	await page.keyboard.press('Escape');
	await expect(outlets).not.toHaveAttribute('open');
	await expect(outlets.locator('summary')).toBeFocused();
});

test('the chart filters fit a phone, with every list open @phone', async ({ page }) => {
	await page.goto('/charts');
	await hydrated(page);
	const lists = page.locator('.filters details');
	for (const list of await lists.all()) await list.locator('summary').click();
	await expect(page.getByRole('checkbox', { name: 'Russian state media' })).toBeVisible();
	// Nothing reaches past the right edge: a wider page would cut the filters off on a phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
	await expectNoAxeViolations(page);
});

test('past 12 lines the rest are added up as "Other", and a searchable picker adds a line of its own', async ({ page }) => {
	await page.goto('/charts?by=outlet');
	await hydrated(page);
	const total = ledger.coverage.length;
	const perOutlet = new Map<string, number>();
	for (const row of ledger.coverage) perOutlet.set(row.outlet_id, (perOutlet.get(row.outlet_id) ?? 0) + 1);
	const ranked = [...perOutlet].sort((a, b) => b[1] - a[1]);
	const [header = []] = await tableCells(page, 'coverage');
	expect(header).toHaveLength(1 + 12 + 1);
	expect(header.at(-1)).toBe(`Other (${ranked.length - 12})`);
	// Nothing is lost in "Other": the table still sums to every article.
	expect(sumTable(await tableCells(page, 'coverage'))).toBe(total);

	const picker = page.getByTestId('line-picker');
	await expect(picker).toContainText(`The 12 largest of ${ranked.length} lines by total are drawn`);
	// An outlet well past the 12 largest, found by typing part of its name.
	const [id, count] = ranked.find(([, n], i) => i >= 20 && n < ranked[11]![1])!;
	const name = ledger.outlets.find((o) => o.id === id)!.name;
	await picker.getByLabel('Find a line to add').fill(name);
	await picker.getByRole('link', { name: `+ ${name}` }).click();
	await expect(page).toHaveURL(new RegExp(`line=${encodeURIComponent(id)}`));
	const cells = await tableCells(page, 'coverage');
	expect(cells[0]).toContain(name);
	const column = cells[0]!.indexOf(name);
	expect(cells.slice(1).reduce((sum, row) => sum + (row[column] === '–' ? 0 : Number(row[column])), 0)).toBe(count);
	expect(sumTable(cells)).toBe(total);
	await expect(picker.getByRole('link', { name: `Remove ${name}` })).toBeVisible();
	await expectNoAxeViolations(page);
});
