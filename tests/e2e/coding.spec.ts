import { mkdirSync, readFileSync } from 'node:fs';
import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { encodeDeck } from '../../src/lib/domain/classroom/deck';
import { beforeHydration, expectNoAxeViolations, ledger } from './support';

const SHOTS = '/tmp/coding-shots';
mkdirSync(SHOTS, { recursive: true });

const EVENT = 'hague-summit-2025';
const [claimA, claimB] = ledger.claims.filter((c) => c.event_id === EVENT).sort((a, b) => a.date.localeCompare(b.date));
const X = 'nato-threat';
const Y = 'blame-west';
const label = (id: string) => ledger.frames.find((f) => f.id === id)!.label;
const DECK = encodeDeck({
	title: 'Blind coding: the Hague summit',
	items: [
		{ kind: 'claim', id: claimA!.id },
		{ kind: 'claim', id: claimB!.id }
	]
});

/*
 * The class's answers are chosen so alpha is known exactly. Students code with the 14 Russian-state
 * frames; each frame is a binary (ticked / not) variable.
 *   Claim A: all three tick {X}.     Claim B: two tick {Y}, the third ticks {X, Y}.
 * Per frame, the units are the two claims:
 *   X: A (1,1,1), B (0,0,1). n = 6 values, n_1 = 4, n_0 = 2. Coincidences: o_11 = 3 from A; in B
 *      o_00 = 2·1/2 = 1 and o_01 = o_10 = 2·1/2 = 1. D_o = (o_01 + o_10)/n = 2/6;
 *      D_e = 2·n_0·n_1/(n(n−1)) = 16/30. alpha_X = 1 − (1/3)/(8/15) = 1 − 0.625 = 0.375.
 *   Y: A (0,0,0), B (1,1,1): no observed disagreement, alpha_Y = 1.
 *   The 12 other frames are never ticked: no variation, alpha undefined, left out of the mean.
 *   Overall = (0.375 + 1)/2 = 0.6875, shown as 0.688.
 * Per claim, the 14 frames are the units:
 *   A: every frame unanimous, alpha = 1.
 *   B: n = 42, n_1 = 4 (Y×3, X×1), n_0 = 38; Σ o_cc = 3 (Y) + 1 (X's two zeros) + 12·3 = 40.
 *      alpha = 1 − (n−1)(n − Σo_cc) / (n(n−1) − Σ n_c(n_c−1)) = 1 − 41·2/(1722 − 12 − 1406) = 1 − 82/304 = 0.730.
 */
const CLASS = [
	{ nickname: 'Ada', a: [X], b: [Y] },
	{ nickname: 'Bo', a: [X], b: [Y] },
	{ nickname: 'Cy', a: [X], b: [X, Y] }
];

async function hydrated(page: Page) {
	await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
}

async function code(page: Page, n: number, frames: string[], claimId: string) {
	const group = page.getByRole('group', { name: `Which frames does claim ${n} use?` });
	for (const frame of frames) await group.getByRole('checkbox', { name: label(frame) }).check();
	await page
		.locator('form', { has: group })
		.getByRole('button', { name: /Save my coding/ })
		.click();
	await expect(page.getByTestId(`saved-${claimId}`)).toContainText(`You chose ${frames.length} frame`);
}

test.describe('live class coding', () => {
	let contexts: BrowserContext[] = [];
	test.afterEach(async () => {
		await Promise.all(contexts.map((c) => c.close()));
		contexts = [];
	});

	async function context(browser: Browser, phone = false) {
		const ctx = await browser.newContext(phone ? { ...devices['Pixel 7'] } : { viewport: { width: 1280, height: 900 } });
		contexts.push(ctx);
		return ctx;
	}

	test('a teacher and three students run a blind session end to end', async ({ browser, baseURL }) => {
		// Four browsers, two scans and the debrief's presentation outgrow the default on a shared 2-core machine.
		test.setTimeout(180_000);
		const teacherContext = await context(browser);
		const teacher = await teacherContext.newPage();
		await teacher.goto(`/decks/${DECK}`);
		await teacher.getByRole('link', { name: 'Live class coding' }).click();
		await teacher.getByRole('button', { name: 'Start the session' }).click();
		await expect(teacher).toHaveURL(/\/coding\/[\w-]{24}\/teacher$/);
		await expect(teacher.getByTestId('qr')).toBeVisible();
		const joinLink = (await teacher.getByTestId('join-link').textContent())!.trim();
		const joinCode = (await teacher.getByTestId('join-code').textContent())!.trim();
		expect(joinLink).toBe(teacher.url().replace(/\/teacher$/, ''));
		expect(joinCode).toMatch(/^[A-Z2-9]{6}$/);
		await expect(teacher.locator('[data-live="true"]')).toBeVisible();

		const students: Page[] = [];
		for (const [i, student] of CLASS.entries()) {
			// The first student is on a phone and types the join code; the others open the link.
			const page = await (await context(browser, i === 0)).newPage();
			if (i === 0) {
				await page.goto('/coding');
				await page.getByLabel('Join code').fill(joinCode.toLowerCase());
				await page.getByRole('button', { name: 'Join' }).click();
				await expect(page).toHaveURL(joinLink);
			} else await page.goto(joinLink);
			await hydrated(page);
			await page.getByLabel('Nickname').fill(student.nickname);
			await page.getByRole('button', { name: 'Join' }).click();
			await expect(page.getByTestId('student-status')).toContainText(`You are ${student.nickname}`);
			students.push(page);
		}
		const [phone] = students;

		// Blind: neither the screen nor the page's data carries the speaker, venue or source link.
		for (const claim of [claimA!, claimB!]) {
			const html = await phone!.content();
			for (const hidden of [claim.speaker, claim.speaker_role, claim.venue, claim.url]) expect(html).not.toContain(hidden);
			await expect(phone!.getByText(claim.speaker.split(' ').at(-1)!, { exact: false })).toHaveCount(0);
		}
		await phone!.screenshot({ path: `${SHOTS}/student-phone-blind.png` });
		await expectNoAxeViolations(phone!);

		for (const [i, student] of CLASS.entries()) {
			await code(students[i]!, 1, student.a, claimA!.id);
			await code(students[i]!, 2, student.b, claimB!.id);
		}
		await expect(students[1]!.getByTestId('student-status')).toContainText('2 of 2 claims coded');
		await phone!.getByTestId(`saved-${claimB!.id}`).scrollIntoViewIfNeeded();
		await phone!.screenshot({ path: `${SHOTS}/student-phone-saved.png` });

		// Live: no reload on the teacher's screen.
		await expect(teacher.getByTestId('joined')).toHaveText('3 students joined');
		await expect(teacher.getByTestId('coders')).toHaveText('3');
		// The class's choices stay off the (often projected) screen until the teacher asks for them.
		await expect(teacher.getByTestId(`item-coders-${claimA!.id}`)).toHaveText('3');
		await expect(teacher.getByTestId(`count-${claimA!.id}-${X}`)).toHaveCount(0);
		await expect(teacher.getByTestId('overall-alpha')).toHaveCount(0);
		await expect(teacher.getByTestId('answers-toggle')).toContainText('The class’s choices are hidden while students code');
		await teacher.getByRole('link', { name: 'Show them' }).click();
		await expect(teacher.getByTestId(`count-${claimA!.id}-${X}`)).toHaveText('3');
		await expect(teacher.getByTestId(`count-${claimB!.id}-${X}`)).toHaveText('1');
		await expect(teacher.getByTestId(`count-${claimB!.id}-${Y}`)).toHaveText('3');
		await expect(teacher.getByTestId(`frame-alpha-${X}`)).toHaveText('0.375');
		await expect(teacher.getByTestId(`frame-alpha-${Y}`)).toHaveText('1.000');
		await expect(teacher.getByTestId('frame-alpha-western-decline')).toHaveText('—');
		await expect(teacher.getByTestId('overall-alpha')).toHaveText('0.688');
		await expect(teacher.getByTestId(`item-alpha-${claimA!.id}`)).toHaveText('1.000');
		await expect(teacher.getByTestId(`item-alpha-${claimB!.id}`)).toHaveText('0.730');
		await expect(teacher.getByText(claimA!.speaker)).toHaveCount(0);
		await teacher.screenshot({ path: `${SHOTS}/teacher-desktop-live.png`, fullPage: true });
		await expectNoAxeViolations(teacher);

		// Students hold no teacher powers: the export answers as if there were no session, and the
		// teacher view explains where it opens, exactly as it does for an id that names no session.
		const studentRequest = phone!.context().request;
		expect((await studentRequest.get(`${joinLink}/export`)).status()).toBe(404);
		const teacherOnly = 'The teacher’s view of a class coding session opens only in the browser that started the session';
		const elsewhere = await studentRequest.get(`${joinLink}/teacher`);
		expect(elsewhere.status()).toBe(403);
		expect(await elsewhere.text()).toContain(teacherOnly);
		const unknown = await studentRequest.get(`/coding/${'x'.repeat(24)}/teacher`);
		expect(unknown.status()).toBe(403);
		expect(await unknown.text()).toContain(teacherOnly);
		const forged = await studentRequest.post(`${joinLink}/teacher?/reveal`, { form: {}, headers: { origin: baseURL! } });
		expect(forged.status()).toBe(403);
		// The teacher on another computer reads why, and where students join.
		const otherComputer = await (await context(browser)).newPage();
		expect((await otherComputer.goto(teacher.url()))?.status()).toBe(403);
		await expect(otherComputer.getByRole('heading', { level: 1 })).toHaveText('Not available here');
		await expect(otherComputer.getByText(teacherOnly)).toBeVisible();
		await expect(otherComputer.getByText(`Students join at ${new URL('/coding', baseURL).href} with the join code.`)).toBeVisible();
		await expectNoAxeViolations(otherComputer);
		await otherComputer.context().close();

		// CSV export, through the teacher's download link.
		const [download] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('link', { name: 'Download results (CSV)' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
		expect(csv[0]).toBe('\uFEFFrow_type,student,claim_n,claim_id,frame_id,value,coders,text,speaker');
		// Each claim as the students saw it, numbered as on the teacher's screen; the speaker blank until the reveal.
		const claimRow = csv.find((line) => line.startsWith(`claim,,1,${claimA!.id},`))!;
		expect(claimRow).toContain(claimA!.quote.slice(0, 20));
		expect(claimRow.endsWith(',')).toBe(true);
		expect(csv.filter((line) => line.startsWith('code,'))).toHaveLength(3 * 2 * 14);
		expect(csv.filter((line) => line.startsWith('project,'))).toHaveLength(0);
		expect(csv).toContain(`code,Cy,2,${claimB!.id},${X},1,,,`);
		expect(csv).toContain(`code,Ada,2,${claimB!.id},${X},0,,,`);
		expect(csv).toContain(`alpha_frame,,,,${X},0.375,3,,`);
		expect(csv).toContain('alpha_frame,,,,western-decline,,3,,');
		expect(csv).toContain(`alpha_claim,,2,${claimB!.id},,0.730263,3,,`);
		expect(csv).toContain('alpha_mean_of_frames,,,,,0.6875,3,,');

		// The debrief shows the project's coding, so its presentation waits for the reveal.
		const presentUrl = `${new URL(teacher.url()).pathname}/present`;
		expect((await teacher.request.get(presentUrl, { maxRedirects: 0 })).status()).toBe(303);

		// Reveal: the teacher's screen and, without a reload, the students' screens.
		await teacher.getByRole('button', { name: /Reveal speakers/ }).click();
		await expect(teacher.getByTestId('revealed-status')).toBeVisible();
		// Revealed, the download names each claim's speaker and adds the project's own coding.
		const [revealedDownload] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('link', { name: 'Download results (CSV)' }).click()
		]);
		const revealedCsv = readFileSync((await revealedDownload.path())!, 'utf8').split('\r\n');
		expect(revealedCsv.find((line) => line.startsWith(`claim,,1,${claimA!.id},`))).toContain(claimA!.speaker);
		expect(revealedCsv.filter((line) => line.startsWith('project,'))).toHaveLength(2 * 14);
		expect(revealedCsv).toContain(`project,,1,${claimA!.id},${claimA!.frame_codes[0]},1,,,`);
		// The teacher's screen shows each claim once, whole, where its masked text was.
		const firstItem = teacher.getByRole('article', { name: 'Claim 1' });
		await expect(firstItem.getByTestId('revealed')).toContainText(claimA!.speaker);
		expect(claimA!.quote).not.toBe('');
		await expect(firstItem.getByText(claimA!.quote, { exact: false })).toHaveCount(1);
		await expect(phone!.getByTestId('reveal-notice')).toBeVisible();
		const revealed = phone!.getByTestId('revealed').first();
		await expect(revealed).toContainText(claimA!.speaker);
		await expect(revealed.getByRole('list', { name: 'Frames coded for this claim' })).toContainText(label(claimA!.frame_codes[0]!));
		await expect(revealed.locator(`a[href="${claimA!.url}"]`)).toBeVisible();
		const perspectives = ledger.perspectives.filter((p) => p.claim_ids.includes(claimA!.id));
		if (perspectives.length > 0) {
			await revealed.getByText(/What other sources say/).click();
			await expect(revealed).toContainText(perspectives[0]!.source_name);
		}
		await expect(phone!.getByRole('button', { name: /Save my coding|Update my coding/ })).toHaveCount(0);
		await revealed.scrollIntoViewIfNeeded();
		await phone!.screenshot({ path: `${SHOTS}/student-phone-revealed.png` });
		await students[1]!.screenshot({ path: `${SHOTS}/student-desktop-revealed.png`, fullPage: true });
		await teacher.screenshot({ path: `${SHOTS}/teacher-desktop-revealed.png`, fullPage: true });
		await expectNoAxeViolations(phone!);
		await expectNoAxeViolations(teacher);

		/*
		 * The debrief, presented with the class debrief's computation. AC1 by hand (units A, B; r = 3):
		 * X p_a = (1 + 1/3)/2 = 2/3, π = (1 + 1/3)/2 = 2/3, p_e = 4/9 → (2/9)/(5/9) = 0.400; Y p_a = 1,
		 * π = 1/2 → 1; the mean over the frames ticked is 0.700. Disagreement: A 0, B 1 − (1 + ½ + ½)/3 = 1/3,
		 * so B comes first, and the steps are 3 + 2 claims × 2 = 7.
		 */
		await teacher.getByRole('link', { name: 'Present the debrief' }).click();
		await hydrated(teacher);
		await expect(teacher.getByTestId('progress')).toHaveText('Step 1 of 7');
		await expect(teacher.getByTestId('present-alpha')).toHaveText('0.688');
		await expect(teacher.getByTestId('present-ac1')).toHaveText('0.700');
		for (let i = 0; i < 3; i++) await teacher.keyboard.press('ArrowRight');
		await expect(teacher.getByRole('heading', { level: 2 })).toHaveText('Claim 2');
		await expect(teacher.getByTestId('present-tally')).toHaveText(`3 ${label(Y)}1 ${label(X)}`);
		await expect(teacher.getByTestId('present-project')).toHaveCount(0);
		await teacher.keyboard.press('ArrowRight');
		await expect(teacher.getByTestId('present-project')).toContainText(claimB!.speaker);
	});

	test('a session is started from an event, and unknown links say so', async ({ browser }) => {
		const page = await (await context(browser)).newPage();
		await page.goto(`/events/${EVENT}`);
		await page.getByRole('link', { name: 'Live class coding' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ledger.events.find((e) => e.id === EVENT)!.title);
		await page.getByRole('button', { name: 'Start the session' }).click();
		await expect(page.getByTestId('join-code')).toBeVisible();
		const eventClaims = ledger.claims.filter((c) => c.event_id === EVENT);
		await expect(page.getByRole('heading', { name: /^Claim \d+$/ })).toHaveCount(eventClaims.length);

		const response = await page.goto('/coding/AAAAAAAAAAAAAAAAAAAAAAAA');
		expect(response?.status()).toBe(404);
		await expect(page.getByText('There is no coding session at this link')).toBeVisible();
		await page.goto('/coding');
		await page.getByLabel('Join code').fill('ZZZZZZ');
		await page.getByRole('button', { name: 'Join' }).click();
		await expect(page.getByRole('alert')).toContainText('No open session has that code');
		await expectNoAxeViolations(page);
	});

	test('a student whose phone ran flat carries on from another device with the rejoin code', async ({ browser }) => {
		const teacher = await (await context(browser)).newPage();
		await teacher.goto(`/decks/${DECK}`);
		await teacher.getByRole('link', { name: 'Live class coding' }).click();
		await teacher.getByRole('button', { name: 'Start the session' }).click();
		await expect(teacher).toHaveURL(/\/teacher$/);
		const joinLink = (await teacher.getByTestId('join-link').textContent())!.trim();

		const phone = await (await context(browser, true)).newPage();
		// Typed before the page's script has run, as on a slow phone, the nickname is kept.
		await beforeHydration(phone, joinLink, () => phone.getByLabel('Nickname').fill('Alex'));
		await expect(phone.getByLabel('Nickname')).toHaveValue('Alex');
		await phone.getByRole('button', { name: 'Join' }).click();
		await code(phone, 1, [X], claimA!.id);
		// A tick not yet saved survives a reload of the tab, unsaved.
		const second = phone.getByRole('group', { name: 'Which frames does claim 2 use?' });
		await second.getByRole('checkbox', { name: label(Y) }).check();
		await phone.reload();
		await hydrated(phone);
		await expect(second.getByRole('checkbox', { name: label(Y) })).toBeChecked();
		await expect(phone.getByTestId(`saved-${claimB!.id}`)).toHaveText('');
		await expect(phone.getByTestId('student-status')).toHaveText('You are Alex · 1 of 2 claims coded');
		const rejoin = (await phone.getByTestId('rejoin').locator('strong').textContent())!.trim();
		expect(rejoin).toMatch(/^[A-Z2-9]{8}$/);

		// Another device: the nickname alone is someone else's, a wrong code is refused, the right one lets Alex back.
		const laptop = await (await context(browser)).newPage();
		await laptop.goto(joinLink);
		await hydrated(laptop);
		await laptop.getByLabel('Nickname').fill('alex');
		await laptop.getByRole('button', { name: 'Join' }).click();
		await expect(laptop.getByRole('alert')).toHaveText(
			'Someone in this class already uses that nickname. If it is you on another device, enter the rejoin code shown under your nickname there; otherwise choose another.'
		);
		await expectNoAxeViolations(laptop);
		await laptop.getByLabel('Rejoin code (optional)').fill('AAAAAAAA');
		await laptop.getByRole('button', { name: 'Join' }).click();
		await expect(laptop.getByRole('alert')).toHaveText(
			'That rejoin code is not the one for this nickname. Check both on your other device: the nickname is shown there above the code.'
		);
		// The right code with a mistyped nickname is refused too, rather than making a second student.
		await laptop.getByLabel('Nickname').fill('Alec');
		await laptop.getByLabel('Rejoin code (optional)').fill(rejoin);
		await laptop.getByRole('button', { name: 'Join' }).click();
		await expect(laptop.getByRole('alert')).toHaveText(
			'That rejoin code is not the one for this nickname. Check both on your other device: the nickname is shown there above the code.'
		);
		await laptop.getByLabel('Nickname').fill('alex');
		await laptop.getByLabel('Rejoin code (optional)').fill(rejoin.toLowerCase());
		await laptop.getByRole('button', { name: 'Join' }).click();
		await expect(laptop.getByTestId('student-status')).toHaveText('You are Alex · 1 of 2 claims coded');
		await expect(laptop.getByTestId(`saved-${claimA!.id}`)).toContainText('You chose 1 frame');
		await code(laptop, 2, [Y], claimB!.id);
		await expect(laptop.getByTestId('student-status')).toHaveText('You are Alex · 2 of 2 claims coded');
		// The code changed with the device, and the old device no longer codes as Alex.
		await expect(laptop.getByTestId('rejoin').locator('strong')).not.toHaveText(rejoin);
		await phone.reload();
		await expect(phone.getByLabel('Nickname')).toBeVisible();
		// The teacher still counts one Alex.
		await teacher.reload();
		await expect(teacher.getByText('1 student joined')).toBeVisible();
	});
});
