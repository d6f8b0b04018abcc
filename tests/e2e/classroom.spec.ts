import { expect, test, type Page } from '@playwright/test';
import { encodeDeck, eventDeck, resolveDeck, type Deck } from '../../src/lib/domain/classroom/deck';
import { presentationSteps, type Step } from '../../src/lib/domain/classroom/presentation';
import { scoreAnswer, summariseExercise } from '../../src/lib/domain/classroom/exercise';
import { codingNoteText, frameIndex } from '../../src/lib/domain/ledger/views';
import { expectNoAxeViolations, ledger } from './support';

// Expectations come from the same bundled data and pure logic the app uses, so the specs check
// the pages against the dataset rather than against copied strings.
/** A claim's coding note as the pages show it, with frame labels for codes. */
const noteOf = (claim: { coding_note: string }) => codingNoteText(claim.coding_note, frameIndex(ledger.frames));
const frameLabel = (id: string) => ledger.frames.find((f) => f.id === id)?.label ?? id;

const EVENT = 'hague-summit-2025';
const eventClaims = ledger.claims.filter((c) => c.event_id === EVENT).sort((a, b) => a.date.localeCompare(b.date));

const lesson: Deck = {
	title: 'Reading the Hague summit',
	items: [
		{ kind: 'event', id: EVENT },
		{ kind: 'claim', id: eventClaims[0]!.id },
		{ kind: 'question', text: 'Which words make NATO sound like a threat?' },
		{ kind: 'claim', id: eventClaims[1]!.id }
	]
};
const LESSON = encodeDeck(lesson);

async function ready(page: Page) {
	await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
}

async function expectStep(page: Page, step: Step, n: number, total: number) {
	await expect(page.getByTestId('progress')).toHaveText(`Step ${n} of ${total}`);
	const slide = page.locator('section.slide');
	await expect(slide).toHaveAttribute('data-step-kind', step.kind);
	const heading = page.locator('#slide-heading');
	switch (step.kind) {
		case 'title':
			await expect(heading).toHaveText(step.title);
			break;
		case 'event':
			await expect(heading).toHaveText(step.event.title);
			await expect(slide).toContainText(step.event.summary);
			break;
		case 'claim':
			await expect(heading).toContainText(step.claim.speaker);
			await expect(slide).toContainText(step.claim.quote || step.claim.paraphrase);
			// A translated quote shows the words as said too, marked with their language.
			if (step.claim.quote && step.claim.quote_original)
				await expect(slide.locator(`[lang="${step.claim.language}"]`)).toContainText(step.claim.quote_original);
			break;
		case 'perspective':
			await expect(heading).toContainText(step.perspective.source_name);
			await expect(slide).toContainText(step.perspective.summary);
			if (step.of > 1) await expect(slide).toContainText(`Perspective ${step.n} of ${step.of}`);
			for (const earlier of step.earlier)
				await expect(slide.getByRole('list', { name: 'Perspectives already shown' })).toContainText(earlier.source_name);
			break;
		case 'frames':
			for (const code of step.claim.frame_codes) {
				const frame = ledger.frames.find((f) => f.id === code)!;
				await expect(slide.locator(`[data-frame="${code}"]`)).toContainText(frame.label);
				await expect(slide.locator(`[data-frame="${code}"]`)).toContainText(frame.definition);
			}
			await expect(slide).toContainText(noteOf(step.claim));
			break;
		case 'question':
			await expect(heading).toHaveText(step.text);
			break;
		case 'end':
			await expect(heading).toHaveText('Your turn: guess the frame');
			await expect(slide.getByTestId('qr')).toBeVisible();
			break;
	}
}

test.describe('presentation mode', () => {
	test('an event presentation is driven by keyboard only, step by step', async ({ page }) => {
		// Forty-odd slides, each checked in full: more than the default budget, not a speed requirement.
		test.setTimeout(120_000);
		const steps = presentationSteps(resolveDeck(eventDeck(ledger, EVENT)!, ledger).items);
		expect(steps.map((s) => s.kind)).toContain('perspective');

		await page.goto(`/events/${EVENT}`);
		await page.getByRole('link', { name: 'Present', exact: true }).click();
		await expect(page).toHaveURL(`/present/${EVENT}/1`);
		await ready(page);

		// Forward through every step with the keys a teacher or a presenter clicker sends.
		const forward = ['ArrowRight', 'PageDown', ' ', 'ArrowDown'];
		for (let i = 0; i < steps.length; i++) {
			await expectStep(page, steps[i]!, i + 1, steps.length);
			await expect(page).toHaveURL(`/present/${EVENT}/${i + 1}`);
			if (i < steps.length - 1) await page.keyboard.press(forward[i % forward.length]!);
		}
		// Past the end stays on the end.
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('progress')).toHaveText(`Step ${steps.length} of ${steps.length}`);

		// Back with PageUp, ArrowLeft and Shift+Space.
		await page.keyboard.press('PageUp');
		await expectStep(page, steps[steps.length - 2]!, steps.length - 1, steps.length);
		await page.keyboard.press('ArrowLeft');
		await expectStep(page, steps[steps.length - 3]!, steps.length - 2, steps.length);
		await page.keyboard.press('Shift+Space');
		await expectStep(page, steps[steps.length - 4]!, steps.length - 3, steps.length);
		await page.keyboard.press('Home');
		await expectStep(page, steps[0]!, 1, steps.length);
		await page.keyboard.press('End');
		await expectStep(page, steps.at(-1)!, steps.length, steps.length);

		// F toggles full screen.
		const fullscreen = page.getByRole('button', { name: /Full screen/ });
		await page.keyboard.press('f');
		await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
		await page.keyboard.press('f');
		await expect(fullscreen).toHaveAttribute('aria-pressed', 'false');

		// Esc leaves, back to the event.
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(`/events/${EVENT}`);

		// Leaving from full screen leaves full screen too.
		await page.goBack();
		await expect(fullscreen).toBeVisible();
		await page.keyboard.press('f');
		await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
		await page.getByRole('link', { name: /^Leave/ }).click();
		await expect(page).toHaveURL(`/events/${EVENT}`);
		await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
	});

	test('every slide has its own URL: reload and shared links land on the same step', async ({ page, browser }) => {
		const steps = presentationSteps(resolveDeck(eventDeck(ledger, EVENT)!, ledger).items);
		// On a classroom projector's 1024×768 a slide that fits does not make the window scroll.
		await page.setViewportSize({ width: 1024, height: 768 });
		await page.goto(`/present/${EVENT}/3`);
		await expectStep(page, steps[2]!, 3, steps.length);
		expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBe(0);
		await page.reload();
		await expectStep(page, steps[2]!, 3, steps.length);

		const other = await browser.newContext();
		const shared = await other.newPage();
		await shared.goto(`/present/${EVENT}/4`);
		await expectStep(shared, steps[3]!, 4, steps.length);
		// Out of range lands on the last step, and the address says so.
		await shared.goto(`/present/${EVENT}/999`);
		await expectStep(shared, steps.at(-1)!, steps.length, steps.length);
		await expect(shared).toHaveURL(`/present/${EVENT}/${steps.length}`);
		// The server redirects, so the address is right before any script runs.
		const answer = await shared.request.get(`/present/${EVENT}/999`, { maxRedirects: 0 });
		expect(answer.status()).toBe(307);
		expect(answer.headers()['location']).toBe(`/present/${EVENT}/${steps.length}`);
		const deckSteps = presentationSteps(resolveDeck(lesson, ledger).items, { title: lesson.title });
		const deckAnswer = await shared.request.get(`/decks/${LESSON}/present/99`, { maxRedirects: 0 });
		expect(deckAnswer.status()).toBe(307);
		expect(deckAnswer.headers()['location']).toBe(`/decks/${LESSON}/present/${deckSteps.length}`);
		await other.close();
	});

	test('a deck presentation includes its title slide and discussion questions', async ({ page }) => {
		const steps = presentationSteps(resolveDeck(lesson, ledger).items, { title: lesson.title });
		await page.goto(`/decks/${LESSON}/present/1`);
		await ready(page);
		for (let i = 0; i < steps.length; i++) {
			await expectStep(page, steps[i]!, i + 1, steps.length);
			if (i < steps.length - 1) await page.keyboard.press('PageDown');
		}
		expect(steps.some((s) => s.kind === 'question')).toBe(true);
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(`/decks/${LESSON}`);
	});
});

test.describe('lesson decks', () => {
	test('a deck built in one browser opens identically from its link in another', async ({ page, browser }) => {
		await page.goto('/decks/new');
		await ready(page);
		await page.getByLabel('Event').selectOption(EVENT);
		await page.getByRole('button', { name: /^Add event\s*:/ }).click();
		const addClaim = (speaker: string) =>
			page.getByRole('button', { name: new RegExp(`^Add claim\\s*: ${speaker.replace(/[()]/g, '\\$&')}`) });
		await addClaim(eventClaims[0]!.speaker).first().click();
		await addClaim(eventClaims[1]!.speaker).first().click();
		await page.getByLabel('Title').fill('Week 3: the Hague summit');
		await page.getByLabel('Discussion question').fill('Who benefits from calling NATO a threat?');
		await page.getByRole('button', { name: 'Add question' }).click();

		const entries = page.getByTestId('deck-entry');
		await expect(entries).toHaveCount(4);
		await expect(entries.nth(3)).toContainText('Who benefits');

		// Keyboard reordering: focus "Up" on the question and press Enter twice.
		const up = entries.nth(3).getByRole('button', { name: /Up\s*: move Question/ });
		await up.focus();
		await page.keyboard.press('Enter');
		await expect(entries.nth(2)).toContainText('Who benefits');
		await expect(page.locator(':focus')).toHaveAccessibleName(/Up\s*: move Question/);
		await page.keyboard.press('Enter');
		await expect(entries.nth(1)).toContainText('Who benefits');
		await expect(page.getByRole('status').filter({ hasText: 'moved to position 2 of 4' })).toHaveCount(1);

		// Dragging works too: drag the event (first) below the last claim.
		// A native drag cannot scroll the page mid-gesture here, so give it room to see both rows.
		await page.setViewportSize({ width: 1280, height: 2000 });
		const last = await entries.nth(3).boundingBox();
		// Grab by the grip at the row's top-left, as a teacher would; drop on the lower half of the last row.
		await entries.nth(0).dragTo(entries.nth(3), { sourcePosition: { x: 14, y: 16 }, targetPosition: { x: 20, y: last!.height - 4 } });
		await expect(entries.nth(3)).toContainText('Event:');
		await expect(entries.nth(0)).toContainText('Question:');

		// Show only one perspective on the first claim.
		const claimEntry = entries.filter({ hasText: `Claim: ${eventClaims[0]!.speaker}` });
		// A claim is named by its speaker, date and first words, since one speaker can have several on a day.
		const words = (eventClaims[0]!.quote || eventClaims[0]!.paraphrase).split(/\s+/);
		await expect(claimEntry).toContainText(`“${words.slice(0, Math.min(8, words.length)).join(' ')}`);
		const boxes = claimEntry.getByRole('checkbox');
		const total = await boxes.count();
		for (let i = 1; i < total; i++) await boxes.nth(i).uncheck();
		await expect(claimEntry).toContainText(`Perspectives to show (1 of ${total})`);

		// A paraphrase is never shown in quotation marks, in the list as on the handout.
		const paraphrased = eventClaims.find((c) => c.quote === '')!;
		await page
			.locator(`[data-claim="${paraphrased.id}"]`)
			.getByRole('button', { name: /^Add claim/ })
			.click();
		const paraphraseEntry = entries.filter({ hasText: paraphrased.paraphrase.split(/\s+/).slice(0, 8).join(' ') });
		await expect(paraphraseEntry).toContainText(
			`Claim: ${paraphrased.speaker}, 27 June 2025, in paraphrase: ${paraphrased.paraphrase.split(/\s+/)[0]}`
		);
		await expect(paraphraseEntry.locator('.entry-text')).not.toContainText('“');
		await paraphraseEntry.getByRole('button', { name: /^Remove/ }).click();
		await expect(entries).toHaveCount(4);

		const link = await page.getByTestId('share-link').inputValue();
		expect(link).toMatch(/\/decks\/[A-Za-z0-9_-]+$/);
		await expect(page.getByRole('img', { name: 'QR code of the deck link', exact: true })).toBeVisible();
		// The work-in-progress is kept in the address bar.
		await expect(page).toHaveURL(/\/decks\/new\?from=/);

		await page.getByRole('button', { name: 'Show QR code large' }).click();
		await expect(page.getByRole('dialog', { name: 'Scan to open the deck' }).getByTestId('qr')).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog')).toBeHidden();

		await page.goto(link);
		const here = await page.getByRole('list', { name: 'Deck contents' }).innerText();

		const other = await browser.newContext();
		const student = await other.newPage();
		await student.goto(link);
		await expect(student.getByRole('heading', { level: 1 })).toHaveText('Week 3: the Hague summit');
		const items = student.getByRole('list', { name: 'Deck contents' });
		expect(await items.innerText()).toBe(here);
		const rows = items.locator(':scope > li');
		await expect(rows).toHaveCount(4);
		await expect(rows.nth(0)).toContainText('Who benefits from calling NATO a threat?');
		await expect(rows.nth(1)).toContainText(eventClaims[0]!.speaker);
		await expect(rows.nth(1)).toContainText('1 perspective on this claim');
		await expect(rows.nth(2)).toContainText(eventClaims[1]!.speaker);
		await expect(rows.nth(3)).toContainText(ledger.events.find((e) => e.id === EVENT)!.title);
		await other.close();
	});

	test('unknown ids in a deck link are dropped with a visible notice', async ({ page }) => {
		const code = encodeDeck({ title: 'Old deck', items: [{ kind: 'claim', id: 'no-such-claim' }, ...lesson.items] });
		await page.goto(`/decks/${code}`);
		await expect(page.getByRole('status').first()).toContainText('claim “no-such-claim”');
		await expect(page.getByRole('list', { name: 'Deck contents' }).locator(':scope > li')).toHaveCount(lesson.items.length);
		await page.goto('/decks/!!broken!!');
		await expect(page.getByText('This deck link is damaged')).toBeVisible();
	});
});

test.describe('guess-the-frame exercise', () => {
	test('a full run gives feedback on every claim and a score at the end @phone', async ({ page }) => {
		await page.goto(`/exercise/${EVENT}`);
		await ready(page);
		const russianFrames = ledger.frames.filter((f) => f.family === 'russian-state');
		const results = [];
		for (const [i, claim] of eventClaims.entries()) {
			await expect(page.getByTestId('exercise-progress')).toHaveText(`Claim ${i + 1} of ${eventClaims.length}`);
			// Frames are hidden until the answer is in.
			await expect(page.locator('.claim')).not.toContainText(frameLabel(claim.frame_codes[0]!));
			if (claim.quote && claim.quote_original)
				await expect(page.locator(`.claim [lang="${claim.language}"]`)).toContainText(claim.quote_original);
			// Odd claims: exactly right. Even claims: the first coded frame plus one wrong frame.
			const wrong = russianFrames.find((f) => !claim.frame_codes.includes(f.id))!;
			const chosen = i % 2 === 1 ? claim.frame_codes : [claim.frame_codes[0]!, wrong.id];
			for (const code of chosen) await page.getByRole('checkbox', { name: frameLabel(code) }).check();
			await page.getByRole('button', { name: 'Check my answer' }).click();

			const result = scoreAnswer(chosen, claim.frame_codes);
			results.push(result);
			const heading = page.getByTestId('feedback-heading');
			await expect(heading).toBeFocused();
			const spotOn =
				['Spot on: you found the frame.', 'Spot on: you found both frames.'][claim.frame_codes.length - 1] ?? 'Spot on: you found all';
			await expect(heading).toContainText(result.exact ? spotOn : `You found ${result.correct.length} of ${claim.frame_codes.length}`);
			for (const code of result.correct)
				await expect(page.locator(`.verdict[data-frame="${code}"]`)).toHaveAttribute('data-status', 'correct');
			for (const code of result.missed)
				await expect(page.locator(`.verdict[data-frame="${code}"]`)).toHaveAttribute('data-status', 'missed');
			for (const code of result.extra) await expect(page.locator(`.verdict[data-frame="${code}"]`)).toHaveAttribute('data-status', 'extra');
			for (const code of claim.frame_codes)
				await expect(page.locator(`.verdict[data-frame="${code}"]`)).toContainText(ledger.frames.find((f) => f.id === code)!.definition);
			await expect(page.getByTestId('coding-note')).toHaveText(noteOf(claim));
			const perspectives = ledger.perspectives.filter((p) => p.claim_ids.includes(claim.id));
			for (const p of perspectives) await expect(page.locator(`#perspective-${p.id}`)).toContainText(p.source_name);
			await page.getByRole('button', { name: i + 1 < eventClaims.length ? 'Next claim →' : 'See my score →' }).click();
		}
		const summary = summariseExercise(results);
		await expect(page.getByTestId('score')).toHaveText(`Your score: ${summary.percent}%`);
		await expect(page.getByText(`${summary.exact} of ${eventClaims.length} claims exactly right`)).toBeVisible();
		await expect(page.getByTestId('review-item')).toHaveCount(eventClaims.length);

		// Progress is kept for the session: a reload still shows the score.
		await page.reload();
		await expect(page.getByTestId('score')).toHaveText(`Your score: ${summary.percent}%`);
		await page.getByRole('button', { name: 'Start again' }).click();
		await expect(page.getByTestId('exercise-progress')).toHaveText(`Claim 1 of ${eventClaims.length}`);
	});

	test('a deck link starts the same set of claims for the whole class', async ({ page }) => {
		await page.goto(`/exercise?deck=${LESSON}`);
		await ready(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await expect(page.getByTestId('exercise-progress')).toHaveText('Claim 1 of 2');
		await page.getByRole('button', { name: 'Check my answer' }).click();
		await expect(page.getByRole('alert')).toContainText('Choose at least one frame');
	});
});

test.describe('printable handouts', () => {
	test('a deck handout prints claims, perspectives, frames, full source URLs and questions', async ({ page }) => {
		await page.goto(`/print/deck/${LESSON}`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print this handout' })).toBeHidden();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		const claims = page.getByTestId('handout-claim');
		await expect(claims).toHaveCount(2);
		for (const [i, id] of [eventClaims[0]!.id, eventClaims[1]!.id].entries()) {
			const claim = ledger.claims.find((c) => c.id === id)!;
			await expect(claims.nth(i)).toContainText(claim.speaker);
			await expect(claims.nth(i)).toContainText(claim.url);
			await expect(claims.nth(i)).toContainText(noteOf(claim));
			for (const code of claim.frame_codes) await expect(claims.nth(i)).toContainText(frameLabel(code));
			for (const p of ledger.perspectives.filter((p) => p.claim_ids.includes(id))) {
				await expect(claims.nth(i)).toContainText(p.source_name);
				await expect(claims.nth(i)).toContainText(p.url);
			}
		}
		await expect(page.getByTestId('handout-question')).toContainText('Which words make NATO sound like a threat?');
		await expect(page.getByRole('heading', { name: 'Frames in this handout' })).toBeVisible();
	});

	test('an event handout prints every claim and suggested questions, without navigation', async ({ page }) => {
		await page.goto(`/print/event/${EVENT}`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByTestId('handout-claim')).toHaveCount(eventClaims.length);
		await expect(page.getByTestId('handout-question')).toHaveCount(3);
		for (const url of ledger.events.find((e) => e.id === EVENT)!.source_urls)
			await expect(page.getByText(url, { exact: true }).first()).toBeVisible();
	});
});

test.describe('accessibility of classroom pages', () => {
	// The event page itself is scanned with the student's journeys.
	const pages = [
		`/present/${EVENT}/1`,
		`/present/${EVENT}/2`,
		`/present/${EVENT}/3`,
		`/present/${EVENT}/999`,
		`/decks/new`,
		`/decks/new?from=${LESSON}`,
		`/decks/${LESSON}`,
		`/decks/${LESSON}/present/1`,
		`/decks/${LESSON}/present/6`,
		`/exercise`,
		`/exercise/${EVENT}`,
		`/print/event/${EVENT}`,
		`/print/deck/${LESSON}`
	];
	for (const path of pages) {
		test(`axe finds no violations on ${path.replace(LESSON, '<deck>')}`, async ({ page }) => {
			await page.goto(path);
			await expectNoAxeViolations(page);
		});
	}

	test('axe finds no violations in a deck exercise, its feedback and score', async ({ page }) => {
		await page.goto(`/exercise?deck=${LESSON}`);
		await ready(page);
		await expectNoAxeViolations(page);
		for (let i = 0; i < 2; i++) {
			await page.getByRole('checkbox').first().check();
			await page.getByRole('button', { name: 'Check my answer' }).click();
			await expect(page.getByTestId('feedback-heading')).toBeVisible();
			// The second claim's feedback is the same screen as the first's.
			if (i === 0) await expectNoAxeViolations(page);
			await page.getByRole('button', { name: /Next claim|See my score/ }).click();
		}
		await expect(page.getByTestId('score')).toBeVisible();
		await expectNoAxeViolations(page);
	});
});
