import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { deckClaims, encodeDeck, eventDeck, resolveDeck } from '../../src/lib/domain/classroom/deck';
import { readingSteps } from '../../src/lib/domain/classroom/presentation';
import { codingNoteText, frameIndex } from '../../src/lib/domain/ledger/views';
import { beforeHydration, expectNoAxeViolations, hydrated, ledger, signUp, signUpHere } from './support';
import { mailedLink } from './mailbox.mjs';

/*
 * A teacher, three students (two on phones) and a colleague. The event has three claims, in the
 * order the class sees them: c17 {W}, c16 {W, R}, c15 {W}, with W = Western decline, R = Russian
 * strength, N = NATO as threat. A claim's score is the overlap over the union with that coding:
 * ticking W on c16 scores 1/2, ticking N anywhere scores 0.
 *
 * Exercise:          c17  c16  c15   score
 *   Ada (resumes)     W    WR   N    (1 + 1 + 0)/3   = 67 %
 *   Bo                W    W    W    (1 + ½ + 1)/3   = 83 %
 *   Cy                N    WR   W    (0 + 1 + 1)/3   = 67 %
 *   per claim:        67 % 83 % 67 %
 * Confusion, row W (answers on claims coded W: 3 students × 3 claims = 9): ticked W 7 times,
 * R twice, N twice.
 * Pre/post check (same three claims):
 *   Ada pre N N N = 0 %, post W WR W = 100 % → +100; Bo pre W W W = 83 %, post W WR W = 100 % → +17;
 *   Cy pre W WR W = 100 %, no post. Class (the 2 who took both): 41.5 % → 100 %, +58.5.
 * Debrief of the exercise, per frame over units c17, c16, c15 (Ada, Bo, Cy; T = ticked it):
 *   W: (T,T,F) (T,T,T) (F,T,T). alpha: n = 9, n_T = 7, n_F = 2; the two mixed units give 2 + 2
 *      ordered T–F pairs over m − 1 = 2 → D_o = 4/9 = 32/72, D_e = 2·7·2/(9·8) = 28/72,
 *      α = 1 − 32/28 = −1/7 = −0.143. AC1: p_a = (1/3 + 1 + 1/3)/3 = 5/9, π = 7/9,
 *      p_e = 2π(1 − π) = 28/81 → (45 − 28)/(81 − 28) = 17/53 = 0.321.
 *   R: (F,F,F) (T,F,T) (F,F,F). n_T = 2: D_o = 2/9 = 16/72, D_e = 28/72, α = 1 − 16/28 = 3/7 = 0.429.
 *      AC1: p_a = (1 + 1/3 + 1)/3 = 7/9, π = 2/9, p_e = 28/81 → (63 − 28)/53 = 35/53 = 0.660.
 *   N: (F,F,T) (F,F,F) (T,F,F): the mirror of W → α = −0.143, AC1 = 17/53 = 0.321.
 *   The other 11 of the 14 frames nobody ticked: α has no variation to measure and AC1 is 1
 *   (p_a = 1, p_e = 0); both overall means leave them out. Overall α = (−1/7 + 3/7 − 1/7)/3 =
 *   1/21 = 0.048; overall AC1 = (17/53 + 35/53 + 17/53)/3 = 23/53 = 0.434.
 * Most disputed: c17 and c15 (pairwise overlap 1, 0, 0 → disagreement 0.67), then c16 (0.33).
 */
const EVENT = 'nato-two-percent';
const EVENT_TITLE = ledger.events.find((e) => e.id === EVENT)!.title;
const label = (id: string) => ledger.frames.find((f) => f.id === id)!.label;
const W = 'western-decline';
const R = 'russian-strength';
const N = 'nato-threat';
const FRAMES = ledger.frames.filter((f) => f.family === 'russian-state').map((f) => f.id);

const EXERCISE = { Ada: [[W], [W, R], [N]], Bo: [[W], [W], [W]], Cy: [[N], [W, R], [W]] };
const PRE = { Ada: [[N], [N], [N]], Bo: [[W], [W], [W]], Cy: [[W], [W, R], [W]] };
const POST = { Ada: [[W], [W, R], [W]], Bo: [[W], [W, R], [W]] };

async function phone(browser: Browser): Promise<Page> {
	return (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
}

async function join(page: Page, code: string, nickname: string): Promise<string> {
	// Typed before the page's script has run, a nickname was cleared by hydration, and Join met an
	// empty required field.
	await beforeHydration(page, `/join?code=${code}`, () => page.getByLabel('Nickname').fill(nickname));
	await expect(page.getByLabel('Nickname')).toHaveValue(nickname);
	await expect(page.getByLabel('Join code')).toHaveValue(code);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	// Waited for as the user sees it, so a join that fails stops the test within the expect timeout.
	await expect(page.getByTestId('resume-code')).toHaveText(/^\s*[A-Z0-9]{5}-[A-Z0-9]{5}\s*$/);
	const resume = (await page.getByTestId('resume-code').textContent())!.trim();
	await page.getByRole('link', { name: 'Go to my assignments' }).click();
	await expect(page.getByTestId('student-name')).toContainText(nickname);
	return resume;
}

/** Answers the next open claims of an assignment, as the page offers them. */
async function answer(page: Page, assignment: string, answers: string[][], { from = 0, total = 3 } = {}) {
	await page.getByRole('link', { name: assignment }).click();
	for (const [i, frames] of answers.entries()) {
		await expect(page.getByTestId('claim-position')).toHaveText(`Claim ${from + i + 1} of ${total}`);
		for (const frame of frames) await page.getByRole('checkbox', { name: new RegExp(`^${label(frame)}`) }).check();
		await page.getByRole('button', { name: 'Save my coding' }).click();
		// Saved once the page has moved on to the next claim, or to the results, which take the focus.
		await expect(page.getByTestId('claim-position').filter({ hasText: `Claim ${from + i + 1} of ${total}` })).toHaveCount(0);
		// The next claim, of this phase or the next, or the closing notice.
		await expect(page.getByTestId('claim-position').or(page.locator('.notice[role=status]'))).toBeFocused();
	}
}

const row = (page: Page, table: string, name: string) => page.getByTestId(table).getByRole('row', { name: new RegExp(`^${name}`) });

/** A confusion table's row for a frame, as counts under the columns W, R and N, then its total. */
async function confusionCounts(table: Locator, frame: string): Promise<string[]> {
	const headers = await table.getByRole('columnheader').allInnerTexts();
	const cells = await table
		.getByRole('row', { name: new RegExp(`^${label(frame)}`) })
		.getByRole('cell')
		.allTextContents();
	return [...[W, R, N].map((column) => cells[headers.indexOf(label(column)) - 1]!), cells.at(-1)!];
}

test('a class through a term: join, assign, answer over two sessions, results, debrief, delete', async ({ browser }) => {
	test.setTimeout(600_000);
	const { page: teacher } = await signUp(browser, 'Teacher');
	await teacher.goto('/classes');
	await expectNoAxeViolations(teacher);
	await teacher.getByLabel('Class name').fill('9B History');
	// A term already over would have the class deleted within weeks: the date field offers no past
	// day, and the server refuses one sent anyway.
	const termEnd = teacher.getByLabel('Term ends on');
	await expect(termEnd).toHaveAttribute('min', new Date().toISOString().slice(0, 10));
	await termEnd.evaluate((input) => input.removeAttribute('min'));
	await termEnd.fill('2025-01-01');
	await teacher.getByRole('button', { name: 'Create the class' }).click();
	await expect(teacher.getByRole('alert')).toHaveText(
		'That date has passed. Give the day this term ends: the class is deleted 30 days after it.'
	);
	await expect(teacher.getByLabel('Class name')).toHaveValue('9B History');
	await teacher.getByLabel('Term ends on').fill('2099-06-30');
	await teacher.getByRole('button', { name: 'Create the class' }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: '9B History' })).toBeVisible();
	await expect(teacher.getByTestId('retention')).toContainText('deleted automatically on 30 July 2099');
	await expect(teacher.getByTestId('qr')).toBeVisible();
	const code = (await teacher.getByTestId('join-code').textContent())!.trim();
	const classUrl = new URL(teacher.url()).pathname;

	const assign = async (kind: string, title: string) => {
		await teacher.getByLabel(kind).check();
		await teacher.getByLabel('Event', { exact: true }).selectOption({ label: EVENT_TITLE });
		await teacher.getByLabel('Title (optional)').fill(title);
		await teacher.getByRole('button', { name: 'Assign to the class' }).click();
		await expect(teacher.getByRole('heading', { level: 3, name: title })).toBeVisible();
	};
	await assign('Guess-the-frame exercise', 'Spending frames');
	await assign('Pre/post check', 'Unit check');
	await expectNoAxeViolations(teacher);

	// Session one. Ada, on a phone, answers one claim and closes the tab.
	const ada = await phone(browser);
	const adaResume = await join(ada, code, 'Ada');
	await expectNoAxeViolations(ada);
	// An exercise shows its answers after the last claim, without the teacher: the page says so.
	await ada.getByRole('link', { name: 'Spending frames' }).click();
	await expect(ada.getByTestId('how-hidden')).toHaveText(
		'Who said these claims, and where, is hidden while you answer: judge the words alone. Tick every frame you think fits. After the last claim you see who said each one, the project’s coding and your score.'
	);
	await ada.goBack();
	await answer(ada, 'Spending frames', EXERCISE.Ada.slice(0, 1));
	await expectNoAxeViolations(ada);
	await ada.context().close();

	const bo = await phone(browser);
	await join(bo, code, 'Bo');
	await answer(bo, 'Spending frames', EXERCISE.Bo);
	await expect(bo.getByTestId('score-main')).toHaveText('83%');
	// Answered, each claim is shown whole: who said it, when, its source, and the perspectives on it.
	const eventClaims = ledger.claims.filter((c) => c.event_id === EVENT);
	const shown = bo.getByTestId('revealed');
	await expect(shown).toHaveCount(eventClaims.length);
	for (const claim of eventClaims) {
		const card = shown.filter({ has: bo.locator(`a[href="${claim.url}"]`) });
		await expect(card).toContainText(claim.speaker);
		await expect(bo.locator('[data-testid="revealed"]').getByText('[speaker]')).toHaveCount(0);
	}
	await expectNoAxeViolations(bo);
	await bo.getByRole('link', { name: 'Back to my assignments' }).click();
	await answer(bo, 'Unit check', PRE.Bo);
	await expect(bo.getByText(/The “after” check opens when your teacher says so/)).toBeVisible();

	const cy = await (await browser.newContext()).newPage();
	await join(cy, code, 'Cy');
	await answer(cy, 'Spending frames', EXERCISE.Cy);
	await cy.getByRole('link', { name: 'Back to my assignments' }).click();
	await answer(cy, 'Unit check', PRE.Cy);

	// A nickname is one per class.
	const dup = await (await browser.newContext()).newPage();
	await dup.goto(`/join?code=${code}`);
	await hydrated(dup);
	await dup.getByLabel('Nickname').fill('bo');
	await dup.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(dup.getByRole('alert')).toHaveText(
		'Someone in this class already uses that nickname. If that is you, give the resume code you were shown when you joined, under “I have a resume code”; if not, choose another nickname.'
	);

	// After the unit the teacher opens the second check.
	await teacher.reload();
	const check = teacher.getByTestId('assignment').filter({ hasText: 'Unit check' });
	await check.getByLabel('Open the “after” check').check();
	await check.getByRole('button', { name: 'Save changes to “Unit check”' }).click();
	await expect(check.getByLabel('Open the “after” check')).toBeChecked();

	// Session two. Ada, on another phone, continues with her resume code where she stopped.
	const ada2 = await phone(browser);
	await ada2.goto('/join');
	await ada2.getByLabel('Resume code').fill(adaResume.toLowerCase());
	await ada2.getByRole('button', { name: 'Continue where I left off' }).click();
	await expect(ada2.getByTestId('student-name')).toContainText('Ada');
	await answer(ada2, 'Spending frames', EXERCISE.Ada.slice(1), { from: 1 });
	await expect(ada2.getByTestId('score-main')).toHaveText('67%');
	await ada2.getByRole('link', { name: 'Back to my assignments' }).click();
	await answer(ada2, 'Unit check', PRE.Ada);
	await expect(ada2.getByTestId('phase')).toHaveText('After the unit');
	for (const [i, frames] of POST.Ada.entries()) {
		await expect(ada2.getByTestId('claim-position')).toHaveText(`Claim ${i + 1} of 3`);
		for (const frame of frames) await ada2.getByRole('checkbox', { name: new RegExp(`^${label(frame)}`) }).check();
		await ada2.getByRole('button', { name: 'Save my coding' }).click();
		await expect(ada2.getByTestId('phase').or(ada2.getByTestId('done'))).toBeVisible();
	}
	await expect(ada2.getByTestId('score-pre')).toHaveText('0%');
	await expect(ada2.getByTestId('score-post')).toHaveText('100%');
	await expectNoAxeViolations(ada2);

	await bo.getByRole('link', { name: 'Back to my assignments' }).click();
	await expect(bo.getByRole('heading', { name: 'My assignments' })).toBeVisible();
	await answer(bo, 'Unit check', POST.Bo);
	await expect(bo.getByTestId('score-post')).toHaveText('100%');

	// The dashboard.
	await teacher.goto(`${classUrl}/results`);
	await expect(row(teacher, 'progress', 'Ada')).toContainText(['finished67%', 'finished0%', 'finished100%'].join(''));
	await expect(row(teacher, 'progress', 'Bo')).toContainText('finished83%finished83%finished100%');
	await expect(row(teacher, 'progress', 'Cy')).toContainText('finished67%finished100%not started');
	const exercise = teacher.getByRole('region', { name: 'Spending frames' });
	await expect(exercise.getByTestId('items-main').getByRole('row')).toHaveText([
		/#ClaimAnsweredMean score/,
		/^1.*367%$/,
		/^2.*383%$/,
		/^3.*367%$/
	]);
	expect(await confusionCounts(exercise.getByRole('table', { name: /Frames chosen/ }), W)).toEqual(['7', '2', '2', '9']);
	const prepost = teacher.getByTestId('prepost');
	await expect(prepost.getByRole('row', { name: /^Ada/ })).toHaveText(/Ada0%100%\+100/);
	await expect(prepost.getByRole('row', { name: /^Bo/ })).toHaveText(/Bo83%100%\+17/);
	await expect(prepost.getByRole('row', { name: /^Cy/ })).toHaveText(/Cy100%—/);
	await expect(prepost.getByRole('row', { name: /^Class/ })).toHaveText('Class (2 took both)41.5%100%+58.5');
	await expectNoAxeViolations(teacher);

	// The CSV, one row per student, assignment and phase.
	const [download] = await Promise.all([
		teacher.waitForEvent('download'),
		teacher.getByRole('link', { name: 'Download results (CSV)' }).click()
	]);
	const text = (await (await download.createReadStream()).toArray()).join('');
	// Marked as UTF-8 for Excel, which otherwise garbles Cyrillic nicknames.
	expect(text.startsWith('\uFEFFclass,student,')).toBe(true);
	const csv = text.slice(1).trim().split('\r\n');
	expect(csv).toEqual([
		'class,student,assignment,kind,phase,status,answered,claims,score_percent',
		'9B History,Ada,Spending frames,exercise,main,finished,3,3,67',
		'9B History,Bo,Spending frames,exercise,main,finished,3,3,83',
		'9B History,Cy,Spending frames,exercise,main,finished,3,3,67',
		'9B History,Ada,Unit check,prepost,pre,finished,3,3,0',
		'9B History,Bo,Unit check,prepost,pre,finished,3,3,83',
		'9B History,Cy,Unit check,prepost,pre,finished,3,3,100',
		'9B History,Ada,Unit check,prepost,post,finished,3,3,100',
		'9B History,Bo,Unit check,prepost,post,finished,3,3,100',
		'9B History,Cy,Unit check,prepost,post,not-started,0,3,'
	]);

	await teacher.getByRole('link', { name: 'Printable class report' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Class report: 9B History');
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.getByRole('link', { name: 'Back to the dashboard' })).toBeHidden();
	await expect(row(teacher, 'progress', 'Bo')).toContainText('finished83%');
	await expect(teacher.getByTestId('prepost').getByRole('row', { name: /^Class/ })).toHaveText('Class (2 took both)41.5%100%+58.5');
	await teacher.emulateMedia({ media: 'screen' });

	// The debrief of the exercise.
	await teacher.goto(classUrl);
	await teacher.getByTestId('assignment').filter({ hasText: 'Spending frames' }).getByRole('link', { name: 'Debrief: agreement' }).click();
	const debriefUrl = new URL(teacher.url()).pathname;
	const agreement = teacher.getByTestId('agreement');
	const frameRow = (frame: string) => agreement.getByRole('row', { name: new RegExp(`^${label(frame)}`) });
	await expect(frameRow(W)).toHaveText(`${label(W)}-0.1430.321`);
	await expect(frameRow(R)).toHaveText(`${label(R)}0.4290.660`);
	await expect(frameRow(N)).toHaveText(`${label(N)}-0.1430.321`);
	expect(FRAMES).toHaveLength(14);
	await expect(agreement.locator('tbody').getByRole('row')).toHaveCount(FRAMES.length);
	await expect(teacher.getByTestId('alpha-overall')).toHaveText('0.048');
	await expect(teacher.getByTestId('ac1-overall')).toHaveText('0.434');
	const debriefConfusion = teacher.getByRole('region', { name: 'Frames chosen' }).getByRole('table');
	expect(await confusionCounts(debriefConfusion, W)).toEqual(['7', '2', '2', '9']);
	expect(await confusionCounts(debriefConfusion, R)).toEqual(['3', '2', '0', '3']);
	const disputed = teacher.getByTestId('disputed');
	await expect(disputed).toHaveCount(3);
	await expect(disputed.nth(0)).toContainText('Claim 1 · disagreement 0.67 among 3 students');
	// The coding note as a reader sees it everywhere else: frame codes given as their labels.
	const note = codingNoteText(ledger.claims.find((c) => c.id === 'c17')!.coding_note, frameIndex(ledger.frames));
	expect(note).not.toBe(ledger.claims.find((c) => c.id === 'c17')!.coding_note);
	await expect(disputed.nth(0)).toContainText(note);
	await expect(disputed.nth(1)).toContainText('Claim 3 · disagreement 0.67');
	await expect(disputed.nth(2)).toContainText('Claim 2 · disagreement 0.33');
	await expectNoAxeViolations(teacher);

	// Someone not in the class, teacher or student, gets the same 404 as for no class at all until
	// invited; a student of the class reaches none of the teacher's pages.
	const { page: colleague } = await signUp(browser, 'Colleague');
	const assignmentUrl = debriefUrl.replace('/debrief/', '/learn/');
	for (const path of [classUrl, `${classUrl}/results`, `${classUrl}/report`, `${classUrl}/report.csv`, debriefUrl, `${classUrl}/learn`])
		expect((await colleague.goto(path))?.status(), path).toBe(404);
	for (const path of [`${classUrl}/results`, debriefUrl]) expect((await cy.goto(path))?.status(), path).toBe(404);
	for (const path of [`${classUrl}/learn`, assignmentUrl]) expect((await dup.goto(path))?.status(), path).toBe(404);
	await teacher.goto(classUrl);
	await teacher.getByRole('button', { name: 'Make a co-teacher invitation link' }).click();
	await expect(teacher.getByTestId('invite-link')).toContainText('/classes/invite/');
	const invite = (await teacher.getByTestId('invite-link').textContent())!.trim();
	await colleague.goto(invite);
	await colleague.getByRole('button', { name: 'Join as a co-teacher' }).click();
	await expect(colleague.getByTestId('teachers')).toHaveText('Colleague, Teacher');

	// Removing a student removes their answers from the results.
	await teacher.reload();
	await teacher.getByRole('button', { name: 'Remove Cy' }).click();
	await expect(teacher.getByRole('heading', { name: 'Students (2)' })).toBeVisible();
	expect((await cy.goto(`${classUrl}/learn`))?.status()).toBe(404);
	await teacher.goto(`${classUrl}/results`);
	await expect(row(teacher, 'progress', 'Ada')).toBeVisible();
	await expect(row(teacher, 'progress', 'Cy')).toHaveCount(0);
	// Claim 1 without Cy's N: Ada and Bo both ticked W.
	await expect(exercise.getByTestId('items-main').getByRole('row').nth(1)).toHaveText(/^1.*2100%$/);

	await teacher.goto(classUrl);
	await teacher.getByLabel('Class name').fill('9B History and Media');
	await teacher.getByRole('button', { name: 'Rename' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('9B History and Media');
	await ada2.goto(`${classUrl}/learn`);
	await expect(ada2.getByRole('heading', { level: 1 })).toHaveText('9B History and Media');

	// Deleting the class removes everything in it.
	await teacher.goto(classUrl);
	await teacher.getByRole('button', { name: 'Delete the class and everything in it' }).click();
	await expect(teacher).toHaveURL('/classes');
	await expect(teacher.getByText('You have no classes yet.')).toBeVisible();
	expect((await teacher.goto(`${classUrl}/results`))?.status()).toBe(404);
	expect((await teacher.goto(`${classUrl}/report.csv`))?.status()).toBe(404);
	expect((await colleague.goto(classUrl))?.status()).toBe(404);
	expect((await ada2.goto(`${classUrl}/learn`))?.status()).toBe(404);
	await ada2.goto('/join');
	await ada2.getByLabel('Resume code').fill(adaResume);
	await ada2.getByRole('button', { name: 'Continue where I left off' }).click();
	await expect(ada2.getByRole('alert')).toHaveText('That resume code is not valid. Check it, or join again with a new nickname.');
	await ada2.goto(`/join?code=${code}`);
	await ada2.getByLabel('Nickname').fill('Dee');
	await ada2.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(ada2.getByRole('alert')).toHaveText('No class has that code. Check it with your teacher.');
});

/** The printable width of each paper in CSS pixels: the sheet less the report's 12 mm side margins (its @page rule). */
const PAPERS = { A4: 210, Letter: 215.9 };
const printableWidth = (mm: number) => Math.floor(((mm - 2 * 12) * 96) / 25.4);

/** At print media and each paper's printable width, nothing on the page reaches past its right edge. */
async function expectFitsPaper(page: Page) {
	await page.emulateMedia({ media: 'print' });
	for (const [paper, mm] of Object.entries(PAPERS)) {
		await page.setViewportSize({ width: printableWidth(mm), height: 1000 });
		const cut = await page.evaluate(() => {
			const edge = document.documentElement.clientWidth;
			const over = [...document.querySelectorAll('main table, main h1, main h2, main p')]
				.filter((el) => el.getBoundingClientRect().right > edge + 0.5)
				.map((el) => `${el.tagName} ${(el.querySelector('caption') ?? el).textContent!.trim().slice(0, 50)}`);
			return document.documentElement.scrollWidth > edge ? [`page ${document.documentElement.scrollWidth}px > ${edge}px`, ...over] : over;
		});
		expect(cut, `cut off on ${paper}`).toEqual([]);
	}
	await page.emulateMedia({ media: 'screen' });
}

test('a deck assigned to a class: a student opens it from their list and continues where they stopped; the report fits A4 and Letter', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const lesson = {
		title: 'Reading the Hague summit',
		items: [
			{ kind: 'event' as const, id: 'hague-summit-2025' },
			{ kind: 'claim' as const, id: 'c09' },
			{ kind: 'question' as const, text: 'Which words make NATO sound like a threat?' },
			{ kind: 'claim' as const, id: 'c10' }
		]
	};
	const claims = deckClaims(resolveDeck(lesson, ledger).items);
	expect(claims.map((c) => c.id)).toEqual(['c09', 'c10']);
	const { page: teacher } = await signUp(browser, 'Dara');
	// Teachers find their classes from the site header.
	await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' }).click();
	await expect(teacher.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
	await teacher.getByLabel('Class name').fill('10A Media studies with a long name for its report');
	await teacher.getByLabel('Term ends on').fill('2099-06-30');
	await teacher.getByRole('button', { name: 'Create the class' }).click();
	await expect(teacher.getByTestId('join-code')).toHaveText(/^\s*[A-Z0-9]{6}\s*$/);
	const code = (await teacher.getByTestId('join-code').textContent())!.trim();
	const classUrl = new URL(teacher.url()).pathname;

	// The deck's link as the teacher copies it from the deck page; no title, so the deck's is used.
	await teacher.getByLabel('Or a lesson deck: its link or code').fill(`${baseURL}/decks/${encodeDeck(lesson)}`);
	await teacher.getByRole('button', { name: 'Assign to the class' }).click();
	const assigned = teacher.getByTestId('assignment').filter({ hasText: lesson.title });
	await expect(assigned).toContainText('Guess-the-frame exercise · 2 claims');
	// Three more pre/post checks with long titles widen the report's progress table to seven columns.
	for (const n of [1, 2, 3]) {
		await teacher.getByLabel('Pre/post check').check();
		await teacher.getByLabel('Title (optional)').fill(`Unit ${n} check: how outlets frame NATO spending, before and after the unit`);
		await teacher.getByRole('button', { name: 'Assign to the class' }).click();
		await expect(teacher.getByTestId('assignment')).toHaveCount(n + 1);
	}

	const student = await phone(browser);
	const resumeCode = await join(student, code, 'Wolfeschlegelsteinhausenberger');
	await expect(student.getByTestId('my-assignment')).toHaveCount(4);
	await answer(student, lesson.title, [claims[0]!.frame_codes], { total: 2 });
	await student.getByRole('link', { name: 'Back to my assignments' }).click();
	await expect(student.getByTestId('my-assignment').filter({ hasText: lesson.title })).toContainText('started · 1 of 2 answered');
	await student.context().close();

	// Another phone, the resume code: the list keeps the progress and the deck opens at its second claim.
	const again = await phone(browser);
	await again.goto('/join');
	await again.getByLabel('Resume code').fill(resumeCode);
	await again.getByRole('button', { name: 'Continue where I left off' }).click();
	await expect(again.getByTestId('my-assignment').filter({ hasText: lesson.title })).toContainText('started · 1 of 2 answered');
	await answer(again, lesson.title, [claims[1]!.frame_codes], { from: 1, total: 2 });
	await expect(again.getByTestId('score-main')).toHaveText('100%');
	await again.getByRole('link', { name: 'Back to my assignments' }).click();
	await expect(again.getByTestId('my-assignment').filter({ hasText: lesson.title })).toContainText('finished · 100%');

	await teacher.goto(`${classUrl}/report`);
	await expect(row(teacher, 'progress', 'Wolfeschlegelsteinhausenberger')).toContainText('finished100%');
	await expectNoAxeViolations(teacher);
	await expectFitsPaper(teacher);
});

/*
 * A coding sample of the same three claims, picked one by one, in the ledger's order: c15 {W},
 * c16 {W, R}, c17 {W}. Two students code it blind:
 *   Ada: W, WR, N      Bo: W, WR, W
 * W: units (T,T) (T,T) (F,T). alpha: n = 6, n_T = 5, n_F = 1, o_TT + o_FF = 2 + 2 + 0 = 4;
 *    α = 1 − (n − 1)(n − 4)/(n(n − 1) − n_T(n_T − 1) − n_F(n_F − 1)) = 1 − 5·2/(30 − 20) = 0.
 *    AC1: p_a = (1 + 1 + 0)/3 = 2/3, π = (1 + 1 + ½)/3 = 5/6, p_e = 2·5/6·1/6 = 5/18,
 *    AC1 = (12/18 − 5/18)/(13/18) = 7/13 = 0.538.
 * R: (F,F) (T,T) (F,F): perfect agreement on a frame with variation, α = 1 and AC1 = 1.
 * N: (F,F) (F,F) (T,F): n_T = 1, n_F = 5, diagonal 4 → α = 1 − 5·2/(30 − 20) = 0; AC1 as W, 7/13.
 * Overall (frames anyone ticked): α = (0 + 1 + 0)/3 = 0.333, AC1 = (7/13 + 1 + 7/13)/3 = 9/13 = 0.692.
 * Disagreement 1 − overlap/union: c17 {N} vs {W} = 1, the others 0; so c17 (claim 3) comes first.
 * Confusion, row W (3 claims coded W × 2 students = 6 answers): W 5, R 2, N 1.
 * Scores against the project's coding: Ada (1 + 1 + 0)/3 = 67 %, Bo 100 %.
 */
const SAMPLE = ['c15', 'c16', 'c17'];
const CODING = { Ada: [[W], [W, R], [N]], Bo: [[W], [W, R], [W]] };

test('a deck read step by step and a coding sample coded blind; the debrief presented on a projector; a dozen assignments on a phone', async ({
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(300_000);
	const steps = readingSteps(resolveDeck(eventDeck(ledger, EVENT)!, ledger).items).length;
	expect(steps).toBeGreaterThan(4);
	expect(ledger.claims.filter((c) => SAMPLE.includes(c.id)).map((c) => c.id)).toEqual(SAMPLE);
	const { page: teacher } = await signUp(browser, 'Teacher');
	await teacher.goto('/classes');
	await teacher.getByLabel('Class name').fill('11C Civics');
	await teacher.getByLabel('Term ends on').fill('2099-06-30');
	await teacher.getByRole('button', { name: 'Create the class' }).click();
	const code = (await teacher.getByTestId('join-code').textContent())!.trim();
	const classUrl = new URL(teacher.url()).pathname;

	await teacher.getByLabel('Lesson deck to read').check();
	await teacher.getByLabel('Event', { exact: true }).selectOption({ label: EVENT_TITLE });
	await teacher.getByLabel('Title (optional)').fill('Read: NATO spending');
	await teacher.getByRole('button', { name: 'Assign to the class' }).click();
	await expect(teacher.getByTestId('assignment').filter({ hasText: 'Read: NATO spending' })).toContainText(
		`Lesson deck to read · ${steps} steps`
	);

	await teacher.getByLabel('Coding sample').check();
	await teacher.locator('summary', { hasText: EVENT_TITLE }).click();
	for (const id of SAMPLE) await teacher.locator(`input[name="claims"][value="${id}"]`).check();
	await teacher.getByRole('button', { name: 'Assign to the class' }).click();
	await expect(teacher.getByTestId('assignment').filter({ hasText: 'Coding sample (3 claims)' })).toContainText(
		'Coding sample (blind, for agreement) · 3 claims'
	);

	// Ada reads three steps on her phone, then codes the sample blind: no score, no project coding.
	const ada = await phone(browser);
	const adaResume = await join(ada, code, 'Ada');
	await ada.getByRole('link', { name: 'Read: NATO spending' }).click();
	for (const n of [1, 2, 3]) {
		await expect(ada.getByTestId('reading-step')).toContainText(`Step ${n} of ${steps}`);
		if (n < 3) await ada.getByRole('link', { name: 'Next →' }).click();
	}
	await expectNoAxeViolations(ada);
	await ada.getByRole('link', { name: 'Back to my assignments' }).click();
	await expect(ada.getByTestId('my-assignment').filter({ hasText: 'Read: NATO spending' })).toContainText(
		`started · 3 of ${steps} steps read`
	);
	await answer(ada, 'Coding sample (3 claims)', CODING.Ada);
	await expect(ada.getByTestId('done')).toContainText('Your teacher shows the class’s agreement');
	await expect(ada.getByText('The project coded:')).toHaveCount(0);
	await ada.getByRole('link', { name: 'Back to my assignments' }).click();
	await expect(ada.getByTestId('my-assignment').filter({ hasText: 'Coding sample' })).toHaveText(/finished\s*$/);
	await ada.screenshot({ path: testInfo.outputPath('phone-student-assignments.png'), fullPage: true });
	await ada.context().close();

	const bo = await (await browser.newContext()).newPage();
	await join(bo, code, 'Bo');
	await answer(bo, 'Coding sample (3 claims)', CODING.Bo);

	// On another phone the deck opens where Ada stopped, and the arrow key turns the page.
	const ada2 = await phone(browser);
	await ada2.goto('/join');
	await ada2.getByLabel('Resume code').fill(adaResume);
	await ada2.getByRole('button', { name: 'Continue where I left off' }).click();
	await ada2.getByRole('link', { name: 'Read: NATO spending' }).click();
	await expect(ada2.getByTestId('reading-step')).toContainText(`Step 3 of ${steps} · ${Math.round(300 / steps)}% read`);
	await expect(ada2.locator('[data-hydrated="true"]')).toBeVisible();
	await ada2.keyboard.press('ArrowRight');
	await expect(ada2.getByTestId('reading-step')).toContainText(`Step 4 of ${steps}`);
	// Reading back does not lower the progress.
	await ada2.keyboard.press('ArrowLeft');
	await expect(ada2.getByTestId('reading-step')).toHaveText(`Step 3 of ${steps} · ${Math.round(400 / steps)}% read`);

	// Ten more assignments, posted as the form does, make the progress table twelve columns wide.
	for (let n = 1; n <= 10; n++) {
		const response = await teacher.request.post(`${classUrl}?/assign`, {
			headers: { origin: baseURL! },
			form: { kind: 'exercise', event: EVENT, title: `Extra exercise ${n} on outlets and frames`, deck: '', due: '' }
		});
		expect(response.ok()).toBe(true);
	}
	await teacher.goto(`${classUrl}/results`);
	await expect(row(teacher, 'progress', 'Ada')).toContainText(`Adastarted4/${steps}finished67%not started`);
	await expect(row(teacher, 'progress', 'Bo')).toContainText('Bonot startedfinished100%not started');
	await expect(teacher.getByRole('region', { name: 'Read: NATO spending' })).toContainText('0 of 2 students read it to the end.');
	await teacher.setViewportSize({ width: 390, height: 844 });
	const wide = teacher.getByRole('region', { name: 'Who started and finished what' });
	await expect(wide).toHaveAttribute('tabindex', '0');
	expect(await teacher.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
	// Scrolled by keyboard to the far end, the nicknames are still beside the cells.
	await wide.focus();
	await teacher.keyboard.press('ArrowRight');
	await expect.poll(() => wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	await wide.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
	const regionLeft = (await wide.boundingBox())!.x;
	const nickname = (await wide.getByRole('rowheader', { name: 'Ada' }).boundingBox())!;
	expect(Math.abs(nickname.x - regionLeft)).toBeLessThan(2);
	await teacher.setViewportSize({ width: 1280, height: 800 });

	// The debrief of the sample, then the same debrief presented on a projector.
	await teacher.goto(classUrl);
	await teacher.getByTestId('assignment').filter({ hasText: 'Coding sample' }).getByRole('link', { name: 'Debrief: agreement' }).click();
	const agreement = teacher.getByTestId('agreement');
	const frameRow = (frame: string) => agreement.getByRole('row', { name: new RegExp(`^${label(frame)}`) });
	await expect(frameRow(W)).toHaveText(`${label(W)}0.0000.538`);
	await expect(frameRow(R)).toHaveText(`${label(R)}1.0001.000`);
	await expect(frameRow(N)).toHaveText(`${label(N)}0.0000.538`);
	await expect(teacher.getByTestId('alpha-overall')).toHaveText('0.333');
	await expect(teacher.getByTestId('ac1-overall')).toHaveText('0.692');
	await expect(teacher.getByTestId('disputed').first()).toContainText('Claim 3 · disagreement 1.00 among 2 students');

	await teacher.getByRole('link', { name: 'Present the debrief' }).click();
	await expect(teacher.locator('[data-hydrated="true"]')).toBeVisible();
	await expect(teacher.getByTestId('progress')).toHaveText('Step 1 of 9');
	await expect(teacher.getByTestId('present-alpha')).toHaveText('0.333');
	await expect(teacher.getByTestId('present-ac1')).toHaveText('0.692');
	await expectNoAxeViolations(teacher);
	await teacher.keyboard.press('ArrowRight');
	await expect(teacher.getByRole('heading', { level: 2 })).toHaveText('Agreement per frame');
	await expect(teacher.getByRole('row', { name: new RegExp(`^${label(R)}`) })).toHaveText(`${label(R)}1.0001.000`);
	// Only the frames the class ticked: the codebook's fourteen ran off a projected slide.
	await expect(teacher.getByRole('row')).toHaveCount(1 + 3);
	// Students code with the 14 Russian-state frames; 3 were ticked.
	await expect(teacher.getByText('Frames no one ticked, left out: 11.')).toBeVisible();
	const fits = () => teacher.locator('.stage').evaluate((stage) => stage.scrollHeight <= stage.clientHeight);
	expect(await fits()).toBe(true);
	await teacher.keyboard.press('ArrowRight');
	const confusion = teacher.getByRole('table', { name: /Frames chosen/ });
	expect(await confusionCounts(confusion, W)).toEqual(['5', '2', '1', '6']);
	// Columns only for the frames chosen or coded, so the table fits the slide's width too.
	await expect(confusion.getByRole('columnheader')).toHaveCount(1 + 3 + 2);
	expect(await fits()).toBe(true);
	expect(await teacher.getByRole('region', { name: /Frames chosen/ }).evaluate((region) => region.scrollWidth <= region.clientWidth)).toBe(
		true
	);
	// On a narrow screen the table scrolls: focused, the arrows scroll it to its edge before they change slides.
	await teacher.setViewportSize({ width: 360, height: 800 });
	const region = teacher.getByRole('region', { name: /Frames chosen/ });
	expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	await region.focus();
	await teacher.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	await expect(teacher.getByTestId('progress')).toHaveText('Step 3 of 9');
	await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
	await teacher.keyboard.press('ArrowRight');
	await expect(teacher.getByTestId('progress')).toHaveText('Step 4 of 9');
	await teacher.keyboard.press('ArrowLeft');
	await expect(teacher.getByTestId('progress')).toHaveText('Step 3 of 9');
	await teacher.setViewportSize({ width: 1280, height: 800 });
	await teacher.keyboard.press(' ');
	await expect(teacher.getByTestId('progress')).toHaveText('Step 4 of 9');
	await expect(teacher.getByRole('heading', { level: 2 })).toHaveText('Claim 3');
	await expect(teacher.getByTestId('present-tally')).toHaveText(`1 ${label(N)}1 ${label(W)}`);
	await expect(teacher.getByTestId('present-project')).toHaveCount(0);
	await teacher.keyboard.press('ArrowRight');
	const c17 = ledger.claims.find((c) => c.id === 'c17')!;
	await expect(teacher.getByTestId('present-project')).toContainText(codingNoteText(c17.coding_note, frameIndex(ledger.frames)));
	await expect(teacher.getByTestId('present-project').getByRole('list', { name: 'The project coded:' })).toContainText(label(W));
	await expectNoAxeViolations(teacher);
	await teacher.screenshot({ path: testInfo.outputPath('projector-debrief.png') });

	// In Ukrainian, the same step; Escape leaves for the debrief page.
	await teacher.context().addCookies([{ name: 'parallax_lang', value: 'uk', url: baseURL! }]);
	await teacher.reload();
	await expect(teacher.getByTestId('progress')).toHaveText('Крок 5 з 9');
	await expect(teacher.getByText('Спірне твердження 1 з 3')).toBeVisible();
	await expect(teacher.locator('[data-hydrated="true"]')).toBeVisible();
	await teacher.keyboard.press('Escape');
	await expect(teacher.getByTestId('alpha-overall')).toHaveText('0.333');
});

test('a teacher who signs up from /classes is back on /classes once the mailed link confirms the account', async ({ page }) => {
	await page.goto('/classes');
	await expect(page).toHaveURL('/login?next=%2Fclasses');
	await page.getByRole('link', { name: 'Create an account' }).click();
	await expect(page).toHaveURL('/signup?next=%2Fclasses');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	await expectNoAxeViolations(page);
	const email = `teacher-next-${Date.now()}@example.org`;
	await signUpHere(page, 'Tess', email);
	await expect(page).toHaveURL('/classes');
	await expect(page.getByText('Signed in as Tess')).toBeVisible();
	// The mailed link opened again, signed in, says who is signed in and leads on to where it led the first time.
	await page.goto(mailedLink(email)!);
	await expect(page.getByText('This link has expired or has already been used. You are signed in as Tess.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/verify-used.png' });
	await page.getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL('/classes');
});

test('the join page and the privacy page work on a phone, in Ukrainian too @phone', async ({ page, baseURL }) => {
	// A student follows the header's Classes link and is sent on to joining, with no account.
	await page.goto('/');
	const classes = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' });
	await expect(classes).toBeInViewport();
	await classes.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expect(page.locator('.lead')).toHaveText(
		'Classes are for teachers: give a class guess-the-frame exercises, lesson decks to read and claims to code blind, then see each student’s progress and the class’s results. Sign in or create an account to start one.'
	);
	await page.getByRole('link', { name: 'join with your class code' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join a class');
	await expectNoAxeViolations(page);
	await page.context().addCookies([{ name: 'parallax_lang', value: 'uk', url: baseURL! }]);
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Класи' }).click();
	await page.getByRole('link', { name: 'приєднайтеся за кодом класу' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Приєднатися до класу');
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Приватність: що зберігає Parallax');
	await expectNoAxeViolations(page);
});
