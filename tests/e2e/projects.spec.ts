import { readFileSync } from 'node:fs';
import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { mailedLink, OUTBOX } from './mailbox.mjs';
import { chooseUpload, expectNoAxeViolations, ledger, PASSWORD, signUp, signUpAs, tableCells } from './support';

/**
 * A synthetic outlet archive for this test only: 200 articles from three Russian state outlets
 * and two Ukrainian ones (groups matched from the bundled outlets by domain), over four months.
 * Titles, links and texts are made up and say so.
 */
function outletArchive(): string {
	const outlets = ['tass.com', 'ria.ru', 'rt.com', 'kyivindependent.com', 'ukrinform.net'];
	const lines = ['Date,URL,Title,Text'];
	for (let i = 0; i < 200; i += 1) {
		const outlet = outlets[Math.floor(i / 40)]!;
		const month = (i % 4) + 1;
		const day = (i % 28) + 1;
		lines.push(
			`2025-0${month}-${String(day).padStart(2, '0')},https://${outlet}/fixture/${i + 1},Synthetic fixture article ${i + 1},"Synthetic test text ${i + 1}, not a real article."`
		);
	}
	return lines.join('\n');
}

const [first, second] = ledger.frames;

/*
 * What each coder ticks on the article at position p (1–60), keys 1 and 2 being the codebook's
 * first two frames:
 *   frame 1: both on p ≡ 1 (mod 4) (15 articles); Bob also on 2 and 6.
 *   frame 2: both on p ≡ 0 (mod 10) (6 articles); on 10 Ada gives it the stance "reports".
 * Frame 1: n = 120 values, 15 units (1,1), 2 units (1,0), 43 units (0,0): Σo_cc = 116, n_1 = 32,
 *   n_0 = 88, α = 1 − 119·4 / (120·119 − 32·31 − 88·87) = 1 − 476/5632 = 0.915;
 *   AC1: p_a = 58/60, π = 16/60, p_e = 2π(1 − π) = 0.3911, AC1 = 0.945.
 * Frame 2: full agreement, α = AC1 = 1. Means over the two ticked frames: α 0.958, AC1 0.973.
 * Disagreements: 2 and 6 (frame 1), 10 (the stance of frame 2).
 */
const ticks = (coder: 'ada' | 'bob', p: number) => ({
	first: p % 4 === 1 || (coder === 'bob' && (p === 2 || p === 6)),
	second: p % 10 === 0,
	reports: coder === 'ada' && p === 10
});

/** Codes all 60 articles from the keyboard; on a phone, a few by touch. */
async function codeAll(page: Page, coder: 'ada' | 'bob') {
	const progress = page.getByTestId('progress');
	for (let p = 1; p <= 60; p += 1) {
		await expect(progress).toContainText(`Article ${p} of 60`);
		const { first: one, second: two, reports } = ticks(coder, p);
		if (one && coder === 'bob' && p === 2) await page.getByRole('button', { name: first!.label }).click();
		else if (one) await page.keyboard.press('1');
		if (two) await page.keyboard.press('2');
		if (reports) await page.keyboard.press('s');
		if (coder === 'bob' && p === 2) await page.getByRole('button', { name: 'Next' }).click();
		else await page.keyboard.press('j');
	}
	await expect(progress).toContainText('60 coded by you');
	await expect(page.getByTestId('save-status')).toHaveText('Saved.');
}

test('two researchers code a stratified sample of an uploaded outlet archive, compare and adjudicate', async ({ browser }, testInfo) => {
	test.setTimeout(240_000);
	const { page: ada } = await signUp(browser, 'Ada');

	await chooseUpload(ada, { name: 'outlet-archive.csv', mimeType: 'text/csv', buffer: Buffer.from(outletArchive()) });
	await ada.getByRole('button', { name: 'Check every row' }).click();
	await expect(ada.getByTestId('report-summary')).toHaveText('200 of 200 rows are valid.');
	await ada.getByRole('button', { name: 'Use 200 valid rows' }).click();
	const save = ada.getByRole('region', { name: /Save “.*” on the server/ });
	await save.getByLabel('Title').fill('Outlet archive fixture');
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await expect(save.getByRole('status')).toContainText('Saved.');
	await save.getByRole('link', { name: 'Open “Outlet archive fixture” in your library' }).click();

	const start = ada.getByRole('region', { name: 'Code its articles' });
	await expect(start.getByLabel('A sample stratified by outlet group and month')).toBeChecked();
	await expect(start.getByLabel('Sample size (articles)')).toHaveValue('60');
	await start.getByLabel('Seed').fill('2026');
	await start.getByRole('button', { name: 'Draw the sample and start coding' }).click();
	await expect(ada.getByRole('heading', { level: 1 })).toHaveText('Coding “Outlet archive fixture”');
	await expect(ada.getByTestId('sample')).toHaveText('A sample stratified by outlet group and month · 60 articles');
	await expect(ada.getByTestId('seed')).toHaveText('2026');
	const projectUrl = new URL(ada.url()).pathname;

	// Someone not invited gets the same 404 as for a project that does not exist, on every page of it.
	const { page: bob, email: bobEmail } = await signUp(browser, 'Bob');
	for (const path of ['', '/code', '/agreement', '/codes.csv']) {
		expect((await bob.request.get(`${projectUrl}${path}`)).status()).toBe(404);
	}

	await ada.getByLabel('Invite a co-coder by the email of their Parallax account').fill(bobEmail);
	await ada.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(ada.getByRole('status')).toHaveText('Bob can now code this project, and has been emailed a link to it.');
	await ada.getByRole('button', { name: 'Make an invite link' }).click();
	const inviteUrl = await ada.getByTestId('invite-url').textContent();
	await expectNoAxeViolations(ada);

	// An invite link asks a signed-in account to join; Bob is already in, so joining again changes nothing.
	await bob.goto(inviteUrl!);
	await expect(bob.getByText('You have been invited to code the articles of “Outlet archive fixture”.')).toBeVisible();
	await expectNoAxeViolations(bob);
	await bob.getByRole('button', { name: 'Join as a coder' }).click();
	await expect(bob).toHaveURL(projectUrl);

	await ada.getByRole('link', { name: 'Code articles' }).click();
	await expect(ada.getByRole('heading', { name: 'Keyboard' })).toBeVisible();
	// The upload's Text column was kept with the dataset and shows with the article.
	await expect(ada.getByTestId('item-text')).toHaveText(/^Synthetic test text \d+, not a real article\.$/);
	await expectNoAxeViolations(ada);
	await codeAll(ada, 'ada');
	// Back to article 10: frame 2 is ticked with Ada's stance, and her codes came back from the server.
	await ada.reload();
	await expect(ada.getByTestId('progress')).toContainText('Article 1 of 60 · 60 coded by you');
	for (let i = 0; i < 9; i += 1) await ada.keyboard.press('ArrowRight');
	await expect(ada.getByTestId('progress')).toContainText('Article 10 of 60');
	await expect(ada.getByTestId(`stance-${second!.id}`)).toHaveText('reports');
	await ada.screenshot({ path: testInfo.outputPath('coding-desktop.png'), fullPage: true });

	// Bob codes on a phone-sized screen, signed in as in his own browser.
	const phone = await browser.newContext({ ...devices['Pixel 7'], storageState: await bob.context().storageState() });
	const bobPhone = await phone.newPage();
	// The same page as Ada's, scanned there; only its layout differs.
	await bobPhone.goto(`${projectUrl}/code`);
	await bobPhone.screenshot({ path: testInfo.outputPath('coding-phone.png'), fullPage: true });
	await codeAll(bobPhone, 'bob');

	await ada.goto(`${projectUrl}/agreement`);
	await expect(ada.getByTestId('pairable')).toHaveText('60');
	await expect(ada.getByTestId('alpha')).toHaveText('0.958');
	await expect(ada.getByTestId('ac1')).toHaveText('0.973');
	const perFrame = ada.getByTestId('per-frame');
	await expect(perFrame.getByRole('row', { name: first!.label })).toHaveText(new RegExp(`${first!.label}\\s*32\\s*0\\.915\\s*0\\.945`));
	await expect(perFrame.getByRole('row', { name: second!.label })).toHaveText(new RegExp(`${second!.label}\\s*12\\s*1\\.000\\s*1\\.000`));
	await expect(ada.getByRole('heading', { name: 'Disagreements (3)' })).toBeVisible();
	const review = ada.getByTestId('disagreement');
	await expect(review).toHaveCount(3);
	await expectNoAxeViolations(ada);

	// Article 2: Ada ticked nothing, Bob frame 1. Ada decides: frame 1, raised to be rebutted.
	// Each form starts from what both coders agree on, leaning to neither: on article 10 both ticked
	// the second frame, Ada as reported and Bob as adopted, so it is ticked with no stance chosen,
	// and saving it so asks for one.
	const ten = review.nth(2);
	await expect(ten.getByRole('checkbox', { name: second!.label })).toBeChecked();
	const tenStance = ten.getByLabel(`Stance of ${second!.label}`);
	await expect(tenStance).toHaveValue('');
	await expect(tenStance.locator('option:checked')).toHaveText('choose: the coders differ');
	await ten.getByLabel('Why (kept with the decision)').fill('Reported, not adopted.');
	await ten.getByRole('button', { name: 'Save the final code' }).click();
	await expect(review.nth(2).getByRole('alert')).toHaveText(`Choose the stance of “${second!.label}”: the coders gave it different ones.`);
	const two = review.first();
	await expect(two.getByRole('checkbox', { name: first!.label })).not.toBeChecked();
	// An article's outlet group is named as the method page names it, not by its id.
	const said = (await two.textContent())!;
	expect(ledger.outletGroups.filter((g) => said.includes(` · ${g.label} · `))).toHaveLength(1);
	expect(ledger.outletGroups.filter((g) => said.includes(` · ${g.id} · `))).toHaveLength(0);
	await expect(two).toContainText(`Ada: no frame`);
	await expect(two).toContainText(`Bob: ${first!.label} (adopts)`);
	await two.getByRole('checkbox', { name: first!.label }).check();
	await two.getByLabel(`Stance of ${first!.label}`).selectOption('contests');
	await two.getByLabel('Why (kept with the decision)').fill('The fixture pattern says so.');
	await two.getByRole('button', { name: 'Save the final code' }).click();
	await expect(review.first().getByTestId('final')).toContainText(`Final code: ${first!.label} (contests) — decided by Ada`);
	await expect(review.first().getByTestId('final')).toContainText('Why: The fixture pattern says so.');

	const csv = await (await ada.request.get(`${projectUrl}/codes.csv`)).text();
	const lines = csv.trim().split('\r\n');
	expect(lines[0]).toBe(
		'item,date,outlet,group,title,url,source,coder,frames,stances,coded_at,codebook,codebook_version,reason,probability'
	);
	expect(lines.filter((l) => l.includes(',human,'))).toHaveLength(120);
	const adjudicated = lines.filter((l) => l.includes(',adjudication,'));
	expect(adjudicated).toHaveLength(1);
	expect(adjudicated[0]).toMatch(
		new RegExp(`^2,.*,adjudication,Ada,${first!.id},contests,.*,parallax,[0-9a-f]{12},The fixture pattern says so\\.,$`)
	);

	// Frames by outlet group from the human codes: 57 agreed articles plus the adjudicated one.
	await ada.goto(projectUrl);
	await expect(ada.getByText('58 articles have a final code, 1 of them by adjudication.')).toBeVisible();
	await expect(ada.getByTestId('coders')).toContainText('Bob: 60 of 60 coded');
	// Groups are named as the bundled ledger names them, not by their ids.
	const byGroup = ada.getByTestId('frames-by-group');
	for (const id of ['russian-state-media', 'ukrainian-media']) {
		const label = ledger.outletGroups.find((g) => g.id === id)!.label;
		await expect(byGroup.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
	}
	await expect(byGroup).not.toContainText('russian-state-media');
	await phone.close();

	// Suggestions: cross-validated on the 58 settled articles (16 with frame 1) beside the keyword baseline, then kept for every article.
	await ada.getByRole('button', { name: 'Train suggestions' }).click();
	await expect(ada.getByTestId('suggest-status')).toHaveText('Suggestions saved.', { timeout: 90_000 });
	await expect(ada.getByTestId('suggest-model')).toContainText('58 of them from this project');
	await expect(ada.getByTestId('suggest-report').getByTestId('suggest-frame')).toHaveCount(ledger.frames.length);
	const micro = await ada.getByTestId('suggest-micro').locator('td').allTextContents();
	expect(micro).toHaveLength(6);
	for (const value of micro) expect(value === '—' || (Number(value) >= -1 && Number(value) <= 1)).toBe(true);
	const firstRow = await ada.getByTestId('suggest-frame').first().locator('td').allTextContents();
	expect(firstRow[0]).toBe('16');

	await ada.getByRole('radio', { name: 'both, with the difference' }).check();
	const both = ada.getByTestId('frames-by-group-both');
	await expect(both.getByRole('columnheader', { name: 'Difference (suggested − human)' })).toBeVisible();
	await expect(both.getByTestId('difference').first()).toHaveText(/^[+−±]\d+ points$/);
	await expect(ada.getByTestId('by-group-model')).toContainText('cross-validated micro F1');
	// The chart draws the same shares as the table: one bar pair per group and frame.
	const [header, ...bars] = await tableCells(ada, 'project-frames-both');
	expect(header!.slice(1)).toEqual(['Human codes', 'Model suggestions']);
	// Its rows are groups and frames, not periods: no note about gaps in periods under the table.
	await expect(ada.locator('[data-chart="project-frames-both"]').getByText('a gap, not a zero')).toHaveCount(0);
	const rows = await both
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!)));
	expect(bars).toHaveLength(rows.length);
	const percent = (text: string) => Number(/\((\d+)%\)/.exec(text)?.[1]);
	for (const [i, [human, suggested]] of rows.entries()) {
		// The chart prints one decimal, the table whole percentages.
		expect(Math.abs(parseFloat(bars[i]![1]!) - percent(human!))).toBeLessThan(0.6);
		expect(Math.abs(parseFloat(bars[i]![2]!) - percent(suggested!))).toBeLessThan(0.6);
	}
	await expectNoAxeViolations(ada);
	await ada.locator('[data-chart="project-frames-both"]').screenshot({ path: testInfo.outputPath('frames-by-group-chart.png') });
	await both.screenshot({ path: testInfo.outputPath('frames-by-group-both.png') });

	const withSuggestions = (await (await ada.request.get(`${projectUrl}/codes.csv`)).text()).trim().split('\r\n');
	expect(withSuggestions.filter((l) => l.includes(',suggestion,model,'))).toHaveLength(60);

	await ada.goto(`${projectUrl}/code`);
	await expect(ada.getByTestId('suggestion-model')).toContainText('cross-validated micro F1');
	await expect(ada.getByTestId('suggestion')).toContainText(/probability 0\.\d\d|probability 1\.00/);
});

/** Saves the outlet archive under `title` and opens it in the library, as its owner. */
async function saveArchive(page: Page, title: string) {
	await chooseUpload(page, { name: 'outlet-archive.csv', mimeType: 'text/csv', buffer: Buffer.from(outletArchive()) });
	await page.getByRole('button', { name: 'Check every row' }).click();
	await page.getByRole('button', { name: 'Use 200 valid rows' }).click();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	await save.getByLabel('Title').fill(title);
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await save.getByRole('link', { name: `Open “${title}” in your library` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Draws a random sample of the dataset open on the page and returns the project's path. */
async function startProject(page: Page, size: number, seed: number): Promise<string> {
	const start = page.getByRole('region', { name: 'Code its articles' });
	await start.getByLabel('A random sample').check();
	await start.getByLabel('Sample size (articles)').fill(String(size));
	await start.getByLabel('Seed').fill(String(seed));
	await start.getByRole('button', { name: 'Draw the sample and start coding' }).click();
	await expect(page.getByTestId('sample')).toHaveText(`A random sample · ${size} articles`);
	return new URL(page.url()).pathname;
}

/** A browser with nobody signed in. */
async function signedOut(browser: Browser): Promise<Page> {
	return (await browser.newContext()).newPage();
}

async function signIn(page: Page, email: string) {
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a co-coder invited by email is mailed a link to the project and finds it among their coding projects', async ({
	browser
}, testInfo) => {
	test.setTimeout(150_000);
	const { page: ada } = await signUp(browser, 'Ada');
	const coderEmail = `dr-coder-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
	const coder = await signUpAs(browser, 'Dr Coder', coderEmail);

	// Before any invitation: the library points to the coder's projects, and the list says how projects start.
	await coder.screenshot({ path: testInfo.outputPath('datasets-signed-in.png') });
	await coder.getByRole('link', { name: 'Your coding projects' }).click();
	await expect(coder).toHaveURL('/projects');
	await expect(coder.getByRole('heading', { level: 1 })).toHaveText('Coding projects');
	const none = coder.getByTestId('no-projects');
	await expect(none).toContainText('You do not own or code in any coding project yet.');
	await expect(none).toContainText('save a dataset of articles on the server, open it from your datasets');
	await expect(none).toContainText('ask its owner to invite the email address of your Parallax account, or to send you an invite link');
	await expect(none.getByRole('link', { name: 'your datasets' })).toHaveAttribute('href', '/datasets');
	await expect(coder.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coding projects' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expectNoAxeViolations(coder);
	await coder.screenshot({ path: testInfo.outputPath('projects-empty.png'), fullPage: true });

	await saveArchive(ada, 'Invite fixture');
	const projectUrl = await startProject(ada, 5, 7);
	await ada.getByLabel('Invite a co-coder by the email of their Parallax account').fill(coderEmail);
	await ada.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(ada.getByRole('status')).toHaveText('Dr Coder can now code this project, and has been emailed a link to it.');
	await ada.locator('.invite').screenshot({ path: testInfo.outputPath('invited.png') });
	// Inviting the same coder again, or oneself, mails nothing more: the invite cannot be used to send mail at will.
	const mailsTo = (to: string) =>
		readFileSync(OUTBOX, 'utf8')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as { to: string; text: string })
			.filter((mail) => mail.to === to && mail.text.includes('/projects/')).length;
	await expect.poll(() => mailsTo(coderEmail)).toBe(1);
	await ada.getByLabel('Invite a co-coder by the email of their Parallax account').fill(coderEmail);
	await ada.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(ada.getByRole('status')).toHaveText('Dr Coder can already code this project.');
	expect(mailsTo(coderEmail)).toBe(1);

	// The mail names the project and who invited; its link, opened signed out, asks to sign in and then opens the project.
	let link: string | undefined;
	await expect.poll(() => (link = mailedLink(coderEmail, OUTBOX, /https?:\/\/\S+\/projects\/[a-z0-9]+/))).toBeTruthy();
	expect(new URL(link!).pathname).toBe(projectUrl);
	const mail = readFileSync(OUTBOX, 'utf8')
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line) as { to: string; subject: string; text: string })
		.findLast((m) => m.to === coderEmail)!;
	expect(mail.subject).toBe('Ada invited you to code “Invite fixture” on Parallax');
	expect(mail.text).toContain('Ada added you as a coder of the coding project “Invite fixture” on Parallax.');
	const elsewhere = await signedOut(browser);
	await elsewhere.goto(link!);
	await expect(elsewhere).toHaveURL(`/login?next=${encodeURIComponent(projectUrl)}`);
	await signIn(elsewhere, coderEmail);
	await expect(elsewhere).toHaveURL(projectUrl);
	await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText('Coding “Invite fixture”');

	// Signed in, the coder's list holds the project, their role in it and their progress.
	await coder.goto('/datasets');
	await coder.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coding projects' }).click();
	const list = coder.getByTestId('projects');
	const row = list.getByRole('row', { name: /Invite fixture/ });
	// Names typed by people are isolated (U+2068 … U+2069), so their direction cannot reorder the text around them.
	await expect(row.getByRole('rowheader')).toHaveText('Coding “\u2068Invite fixture\u2069” random sample of 5, seed 7');
	await expect(row.getByRole('cell')).toHaveText(['Invite fixture', 'Co-coder (\u2068Ada\u2069 owns it)', '0 of 5']);
	await coder.goto(`${projectUrl}/code`);
	await expect(coder.getByTestId('progress')).toContainText('Article 1 of 5');
	await coder.keyboard.press('j');
	await expect(coder.getByTestId('save-status')).toHaveText('Saved.');
	await coder.goto('/projects');
	await expect(row.getByRole('cell').last()).toHaveText('1 of 5');
	await expectNoAxeViolations(coder);
	await coder.screenshot({ path: testInfo.outputPath('projects-list.png'), fullPage: true });
	await row.getByRole('link', { name: /Invite fixture/ }).click();
	await expect(coder).toHaveURL(projectUrl);

	await ada.goto('/projects');
	await expect(
		ada
			.getByTestId('projects')
			.getByRole('row', { name: /Invite fixture/ })
			.getByRole('cell')
	).toHaveText([/Invite fixture/, 'Owner', '0 of 5']);

	// Signed out, the list is behind sign-in, which comes back to it; the link to it is only for accounts.
	const visitor = await signedOut(browser);
	await visitor.goto('/datasets');
	await expect(visitor.getByRole('link', { name: 'Your coding projects' })).toHaveCount(0);
	await expect(visitor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coding projects' })).toHaveCount(0);
	await visitor.goto('/projects');
	await expect(visitor).toHaveURL('/login?next=%2Fprojects');
	await signIn(visitor, coderEmail);
	await expect(visitor).toHaveURL('/projects');
	await expect(visitor.getByTestId('projects').getByRole('row', { name: /Invite fixture/ })).toBeVisible();
});

test('deleting a dataset names the coding projects it deletes with what they hold, and links their codes to save first', async ({
	browser
}, testInfo) => {
	test.setTimeout(150_000);
	const { page: ada } = await signUp(browser, 'Ada');
	const { page: bob, email: bobEmail } = await signUp(browser, 'Bob');
	const title = 'Delete fixture';
	await saveArchive(ada, title);
	const datasetUrl = new URL(ada.url()).pathname;

	// Before any project, deleting says only what it always said.
	const remove = ada.getByRole('region', { name: 'Delete' });
	await expect(remove).toContainText('Deleting removes the dataset and all its rows from the server. It cannot be undone.');
	await expect(remove.getByTestId('deleted-projects')).toHaveCount(0);

	const coded = await startProject(ada, 4, 11);
	await ada.getByLabel('Invite a co-coder by the email of their Parallax account').fill(bobEmail);
	await ada.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(ada.getByRole('status')).toContainText('Bob can now code this project');
	// Ada ticks the first frame on article 1, Bob ticks nothing: one disagreement, which Ada settles.
	const code = async (page: Page, position: number, frames: string[]) =>
		expect((await page.request.post(`${coded}/codes`, { data: { position, frames, stances: frames.map(() => 'adopts') } })).ok()).toBe(
			true
		);
	await code(ada, 1, [first!.id]);
	await code(ada, 2, []);
	await code(bob, 1, []);
	await code(bob, 2, []);
	await ada.goto(`${coded}/agreement`);
	const review = ada.getByTestId('disagreement');
	await expect(review).toHaveCount(1);
	await review.getByRole('checkbox', { name: first!.label }).check();
	await review.getByLabel('Why (kept with the decision)').fill('Fixture decision.');
	await review.getByRole('button', { name: 'Save the final code' }).click();
	await expect(review.getByTestId('final')).toContainText('decided by Ada');

	// A second project on the same dataset, with nothing coded yet.
	await ada.goto(datasetUrl);
	const empty = await startProject(ada, 3, 12);

	await ada.goto(datasetUrl);
	await expect(remove.getByRole('paragraph').first()).toHaveText(
		'Deleting removes the dataset and all its rows from the server, and with them its coding projects below: every coder’s codes and every adjudication in them. It cannot be undone. Download a project’s codes first to keep them.'
	);
	const listed = remove.getByTestId('deleted-projects').getByRole('listitem');
	await expect(listed).toHaveCount(2);
	await expect(listed).toContainText([
		'Coding project: random sample of 3, seed 12: nothing coded yet · Download codes (CSV)',
		'Coding project: random sample of 4, seed 11: 4 codes by 2 coders, 1 adjudication · Download codes (CSV)'
	]);
	await expect(listed.first().getByRole('link', { name: 'Coding project: random sample of 3, seed 12', exact: true })).toHaveAttribute(
		'href',
		empty
	);
	const download = listed.last().getByRole('link', { name: 'Download codes (CSV) Coding project: random sample of 4, seed 11' });
	const [file] = await Promise.all([ada.waitForEvent('download'), download.click()]);
	const lines = readFileSync((await file.path())!, 'utf8')
		.trim()
		.split('\r\n');
	expect(lines.filter((l) => l.includes(',human,'))).toHaveLength(4);
	expect(lines.filter((l) => l.includes(',adjudication,Ada,') && l.includes('Fixture decision.'))).toHaveLength(1);
	await expect(remove.getByRole('button', { name: 'Delete this dataset and its coding projects' })).toBeVisible();
	await expectNoAxeViolations(ada);
	await remove.screenshot({ path: testInfo.outputPath('delete-with-projects.png') });

	// The title is still typed to confirm; then the projects go with the dataset, for every coder.
	await remove.getByRole('button', { name: 'Delete this dataset and its coding projects' }).click();
	await expect(ada.getByRole('alert')).toContainText('Type the title exactly');
	await ada.getByLabel(/Type the title/).fill(title);
	await ada.getByRole('button', { name: 'Delete this dataset and its coding projects' }).click();
	await expect(ada).toHaveURL('/datasets');
	await bob.goto('/projects');
	await expect(bob.getByTestId('no-projects')).toBeVisible();
	expect((await bob.request.get(coded)).status()).toBe(404);
});
