import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, grouped, hydrated, ledger } from './support';

const pfcLabel = (id: string) => ledger.policyFrames.find((f) => f.id === id)!.label;
const policyOf = (frame: string) => ledger.frames.find((f) => f.id === frame)!.policy_frame;
/** Does the article adopt a frame in this Policy Frames dimension? The charts count only those by default. */
const adopts = (c: (typeof ledger.coverage)[number], dimension: string) =>
	c.frame_codes.some((f, i) => policyOf(f) === dimension && c.frame_stances[i] === 'adopts');

test('the charts switch to the Policy Frames Codebook through the crosswalk', async ({ page }) => {
	await page.goto('/charts');
	await hydrated(page);
	await page.locator('select[name="codebook"]').selectOption('pfc');
	await expect(page).toHaveURL(/codebook=pfc/);
	await expect(page.getByTestId('codebook-note')).toContainText('Policy Frames Codebook');

	// Frames by outlet group: the columns are now Policy Frames dimensions, counted once per article.
	const panel = page.locator('[data-chart="frames"]');
	await panel.locator('summary', { hasText: 'Data table' }).click();
	await expect(panel.getByTestId('frames-table')).toBeVisible();
	const header = await panel.getByTestId('frames-table').locator('thead th').allTextContents();
	expect(header).toContain(pfcLabel('security-defense'));
	expect(header).not.toContain('NATO as threat and encirclement');
	const state = ledger.coverage.filter((c) => ledger.outlets.find((o) => o.id === c.outlet_id)?.group === 'russian-state-media');
	const expected = state.filter((c) => adopts(c, 'security-defense')).length;
	const column = header.indexOf(pfcLabel('security-defense'));
	const row = panel.getByTestId('frames-table').locator('tbody tr', { hasText: 'Russian state media' });
	await expect(row.locator('th, td').nth(column)).toHaveText(String(expected));

	// A frame filter in that codebook.
	await page.goto('/charts?codebook=pfc&frame=economic');
	const economic = ledger.coverage.filter((c) => adopts(c, 'economic')).length;
	await expect(page.getByTestId('filter-summary')).toContainText(`${grouped(economic)} articles match`);
	await expectNoAxeViolations(page);
});

test('the exercise can be done in the Policy Frames Codebook', async ({ page }) => {
	await page.goto('/exercise/lavrov-hague-outcome?codebook=pfc');
	await expect(page.locator('[data-hydrated]').first()).toBeVisible();
	await expect(page.locator('.choices li')).toHaveCount(ledger.policyFrames.length);
	const claim = ledger.claims.filter((c) => c.event_id === 'lavrov-hague-outcome').sort((a, b) => a.date.localeCompare(b.date))[0]!;
	const coded = [...new Set(claim.frame_codes.map(policyOf))];
	for (const id of coded) await page.getByRole('checkbox', { name: new RegExp(`^${pfcLabel(id)}`) }).check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(page.getByTestId('feedback-heading')).toContainText('Spot on');
	for (const id of coded) await expect(page.locator(`.verdict[data-frame="${id}"]`)).toHaveAttribute('data-status', 'correct');
	await expectNoAxeViolations(page);
});

test('a researcher adds their own codebook, sees its problems first, and charts in it', async ({ page }) => {
	await page.goto('/codebooks');
	await expect(page.getByRole('heading', { name: 'Policy Frames Codebook' })).toBeVisible();
	await expectNoAxeViolations(page);

	const codebook = {
		name: 'mine.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'id,label,definition,cues\nthreat,Threat talk,Someone is cast as a threat.,danger\nmoney,Money talk,Costs and budgets.,\n'
		)
	};
	await page.getByLabel('Name').fill('Thesis codebook');
	await page.getByLabel('Codebook CSV').setInputFiles(codebook);
	await page.getByLabel('Crosswalk CSV').setInputFiles({
		name: 'walk.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('parallax_frame,frame\nnato-threat,threat\nnot-a-frame,money\n')
	});
	await page.getByRole('button', { name: 'Check and add' }).click();
	await expect(page.getByRole('alert')).toContainText('walk.csv:3:parallax_frame — "not-a-frame" is not a Parallax frame id');

	await page.getByLabel('Crosswalk CSV').setInputFiles({
		name: 'walk.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('parallax_frame,frame\nnato-threat,threat\nrussian-threat,threat\nspending-futile,money\nburden-sharing,money\n')
	});
	await page.getByRole('button', { name: 'Check and add' }).click();
	await expect(page.getByRole('status')).toContainText('Added “Thesis codebook” with 2 frames.');
	await page.getByRole('link', { name: 'Chart coverage in it' }).click();
	await expect(page.locator('select[name="codebook"]')).toHaveValue(/^local-/);
	const panel = page.locator('[data-chart="frames"]');
	await panel.locator('summary', { hasText: 'Data table' }).click();
	await expect(panel.getByTestId('frames-table')).toBeVisible();
	const header = await panel.getByTestId('frames-table').locator('thead th').allTextContents();
	expect(header).toEqual(expect.arrayContaining(['Threat talk', 'Money talk']));
	// Parallax frames the crosswalk leaves out do not appear under their Parallax ids.
	expect(header.filter((h) => ledger.frames.some((f) => f.id === h || f.label === h))).toEqual([]);
});

test('a researcher compares their coding with the bundled one and gets alpha', async ({ page }) => {
	await page.goto('/codebooks');
	// Agree exactly on two claims: both codings then carry the same frames, so every frame that
	// appears has perfect agreement and alpha is 1.
	const [first, second] = ledger.claims;
	const csv = `claim_id,frames\n${first!.id},${first!.frame_codes.join(';')}\n${second!.id},${second!.frame_codes.join(';')}\n`;
	await page.getByLabel('Codebook of your coding').selectOption('parallax');
	await page.getByLabel('Your coding CSV').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.getByTestId('comparison')).toContainText('over 2 claims; the same frames on 100% of them.');

	await page
		.getByLabel('Your coding CSV')
		.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('claim_id,frames\nc999,nato-threat\n') });
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.getByRole('alert')).toContainText('bad.csv:2:claim_id — "c999" is not a bundled claim id');
	await expectNoAxeViolations(page);
});
