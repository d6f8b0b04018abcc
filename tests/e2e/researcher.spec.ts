import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { chooseUpload, expectNoAxeViolations, signUp } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));
async function uploadAndSave(page: Page, title: string): Promise<string> {
	await chooseUpload(page, fixture('mediacloud-legacy.csv'));
	await page.getByRole('button', { name: 'Check every row' }).click();
	await expect(page.getByTestId('report-summary')).toHaveText('4 of 4 rows are valid.');
	await page.getByRole('button', { name: /^Use 4 valid rows$/ }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	await save.getByLabel('Title').fill(title);
	await save.getByLabel('Source').fill('Fixture in the Media Cloud shape');
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await expect(save.getByRole('status')).toContainText('Saved.');
	// The browser copy remembers which server dataset it became.
	await expect(page.getByRole('region', { name: 'Datasets in this browser' }).getByTestId('saved-as')).toHaveText(
		`Saved on this server as “${title}” — open it ${title}`
	);
	await save.getByRole('link', { name: `Open “${title}” in your library` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	return new URL(page.url()).pathname.split('/').pop()!;
}

test('a researcher signs up, saves an upload, charts it, shares it by link, and deletes it', async ({ browser }) => {
	const { page: ada } = await signUp(browser, 'Ada');
	await expectNoAxeViolations(ada);
	const title = `Ada's sample ${Date.now()}`;
	const id = await uploadAndSave(ada, title);

	await expect(ada.locator('.meta-grid')).toContainText(/Rows\s*4\b/);
	await expect(ada.getByText('Private — only you').first()).toBeVisible();
	await expectNoAxeViolations(ada);

	await ada.getByRole('link', { name: 'Chart this dataset' }).click();
	await expect(ada.getByTestId('filter-summary')).toContainText('4 articles match, from 2022-02-21 to 2022-02-22');
	await expect(ada.getByLabel('Dataset').locator('option:checked')).toContainText(title);
	await expect(ada.getByText('was uploaded by a researcher and is stored on this server')).toBeVisible();

	// Titles and links survive the browser copy and reach the server with the rows.
	const stored = (await (await ada.request.get(`/api/datasets/${id}/rows`)).json()) as { rows: { title: string; url: string }[] };
	expect(stored.rows.map((r) => [r.title, r.url]).sort()).toEqual([
		['Fixture headline about a summit', 'https://tass.com/politics/1000001?utm_source=fixture&utm_medium=test&utm_campaign=parallax'],
		['Fourth fixture headline', 'https://example-news.org/fixture'],
		['Second fixture headline, with a comma', 'https://www.reuters.com/world/fixture-story?utm_source=fixture'],
		['Third fixture headline', 'https://meduza.io/en/news/fixture']
	]);

	const download = await ada.request.get(`/api/datasets/${id}/rows?format=csv`);
	expect(download.status()).toBe(200);
	const csv = await download.text();
	expect(csv.split('\r\n')[0]).toBe('date,outlet,group,event,language,frames,stances,count,title,url');
	expect(csv.trim().split('\r\n')).toHaveLength(5);

	// A second researcher can neither list, read, chart, nor download it while it is private.
	const { page: bob } = await signUp(browser, 'Bob');
	await bob.goto('/datasets');
	await expect(bob.getByRole('link', { name: title })).toHaveCount(0);
	expect((await bob.goto(`/datasets/${id}`))?.status()).toBe(404);
	expect((await bob.request.get(`/api/datasets/${id}/rows?format=csv`)).status()).toBe(404);
	expect((await bob.request.get(`/api/datasets/${id}/aggregate`)).status()).toBe(404);
	expect(
		((await (await bob.request.get('/api/datasets')).json()) as { datasets: { id: string }[] }).datasets.map((d) => d.id)
	).not.toContain(id);
	await bob.goto(`/charts?dataset=${id}`);
	await expect(bob.getByRole('status').first()).toContainText(`Ignored dataset "${id}"`);
	await expect(bob.getByTestId('sign-in-for-dataset')).toHaveCount(0);
	// Signed out, the page says where to sign in, for a private id and a made-up one alike.
	const anonymous = await (await browser.newContext()).newPage();
	for (const asked of [id, 'x'.repeat(id.length)]) {
		await anonymous.goto(`/charts?dataset=${asked}&gran=month`);
		await expect(anonymous.getByTestId('sign-in-for-dataset')).toHaveText(
			'Sign in if the dataset is yours: a private dataset opens only for its owner, and one shared by link from the whole link its owner sent.'
		);
		await expect(anonymous.getByRole('link', { name: 'Sign in', exact: true }).last()).toHaveAttribute(
			'href',
			`/login?next=${encodeURIComponent(`/charts?dataset=${asked}&gran=month`)}`
		);
	}
	await expectNoAxeViolations(anonymous);
	await anonymous.context().close();
	// Nor can Bob change or delete it.
	const hijack = await bob.request.post(`/datasets/${id}?/delete`, {
		form: { confirm: title },
		headers: { origin: new URL(bob.url()).origin }
	});
	expect(hijack.status()).toBe(404);
	const rename = await bob.request.post(`/datasets/${id}?/update`, {
		form: { title: 'Taken over', visibility: 'public' },
		headers: { origin: new URL(bob.url()).origin }
	});
	expect(rename.status()).toBe(404);
	// Guessing: the metadata API, a made-up share token and a made-up id all answer the same 404,
	// so a private id cannot even be told apart from one that does not exist.
	const notFound = async (path: string) => {
		const response = await bob.request.get(path);
		expect(response.status(), path).toBe(404);
		return response.text();
	};
	const guessed = await notFound(`/api/datasets/${'x'.repeat(id.length)}`);
	expect(await notFound(`/api/datasets/${id}`)).toBe(guessed);
	expect(await notFound(`/api/datasets/${id}?token=${'a'.repeat(24)}`)).toBe(guessed);
	await notFound(`/api/datasets/${id}/rows?token=${'a'.repeat(24)}`);
	expect((await bob.goto(`/datasets/${id}?token=guess`))?.status()).toBe(404);
	await ada.goto(`/datasets/${id}`);
	await expect(ada.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(ada.getByText('Private — only you').first()).toBeVisible();

	// Shared by link: Bob can read it with the token, still not without.
	await ada.goto(`/datasets/${id}`);
	await ada.getByLabel('Anyone with the link').check();
	await ada.getByRole('button', { name: 'Save changes' }).click();
	await expect(ada.locator('section[aria-labelledby="edit-heading"]').getByRole('status')).toHaveText('Saved.');
	const shareUrl = (await ada.locator('code.url').textContent())!.trim();
	// The link copies with one button.
	await ada.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await ada.getByRole('button', { name: 'Copy link' }).click();
	await expect(ada.getByRole('button', { name: 'Copied' })).toBeVisible();
	expect(await ada.evaluate(() => navigator.clipboard.readText())).toBe(shareUrl);
	await bob.goto(shareUrl);
	await expect(bob.getByRole('heading', { level: 1 })).toHaveText(title);
	await bob.getByRole('link', { name: 'Chart this dataset' }).click();
	await expect(bob.getByTestId('filter-summary')).toContainText('4 articles match');
	expect((await bob.goto(`/datasets/${id}`))?.status()).toBe(404);

	// Deleting asks for the title first.
	await ada.goto(`/datasets/${id}`);
	await ada.getByRole('button', { name: 'Delete this dataset' }).click();
	await expect(ada.getByRole('alert')).toContainText('Type the title exactly');
	await ada.getByLabel(/Type the title/).fill(title);
	await ada.getByRole('button', { name: 'Delete this dataset' }).click();
	await expect(ada).toHaveURL('/datasets');
	await expect(ada.getByRole('link', { name: title })).toHaveCount(0);
	expect((await ada.goto(`/datasets/${id}`))?.status()).toBe(404);
});

test('saving a browser copy from the library lists it on the server at once and marks the copy saved', async ({ browser }) => {
	const { page } = await signUp(browser, 'Grace');
	await chooseUpload(page, fixture('mediacloud-legacy.csv'));
	await page.getByRole('button', { name: 'Check every row' }).click();
	await page.getByRole('button', { name: /^Use 4 valid rows$/ }).click();
	await expect(page.getByTestId('saved')).toBeVisible();

	await page.goto('/datasets');
	const server = page.getByRole('region', { name: /^On this server/ });
	const local = page.getByRole('region', { name: /^In this browser/ });
	const title = `Grace's sample ${Date.now()}`;
	await expect(local.getByRole('listitem')).toHaveCount(1);
	await expect(server.getByRole('link', { name: title, exact: true })).toHaveCount(0);
	await local.getByRole('button', { name: 'Save on the server…' }).click();
	const save = page.getByRole('region', { name: /Save “.*” on the server/ });
	await save.getByLabel('Title').fill(title);
	await save.getByRole('button', { name: 'Save on the server' }).click();
	await expect(save.getByRole('status')).toContainText('Saved.');

	// No reload: the server list has it, and the browser copy says where it went instead of offering a second save.
	await expect(server.getByRole('link', { name: title, exact: true })).toBeVisible();
	await expect(local.getByTestId('saved-as')).toHaveText(`Saved on this server as “${title}” — open it ${title}`);
	await expect(local.getByRole('button', { name: 'Save on the server…' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Remembered in this browser: after a reload, and in the upload page's list.
	await page.reload();
	await expect(local.getByTestId('saved-as')).toContainText(`Saved on this server as “${title}”`);
	await expect(local.getByRole('button', { name: 'Save on the server…' })).toHaveCount(0);
	await page.goto('/upload');
	await expect(page.getByRole('region', { name: 'Datasets in this browser' }).getByTestId('saved-as')).toContainText(
		`Saved on this server as “${title}”`
	);

	// The browser copy can still be removed; the server copy stays.
	await page.goto('/datasets');
	await local.getByRole('button', { name: /^Remove from this browser/ }).click();
	await expect(local).toContainText('None.');
	await expect(server.getByRole('link', { name: title, exact: true })).toBeVisible();
	await server.getByRole('link', { name: title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a public dataset is listed for everyone, signed in or not', async ({ browser }) => {
	const { page: ada } = await signUp(browser, 'Ada');
	const title = `Public sample ${Date.now()}`;
	const id = await uploadAndSave(ada, title);
	await ada.getByLabel('Public — listed for everyone').check();
	await ada.getByRole('button', { name: 'Save changes' }).click();
	await expect(ada.getByRole('status')).toHaveText('Saved.');

	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/datasets?q=Public%20sample');
	await visitor.getByRole('link', { name: title, exact: true }).click();
	await expect(visitor).toHaveURL(`/datasets/${id}`);
	await expect(visitor.getByRole('heading', { name: 'Edit' })).toHaveCount(0);
	const api = await visitor.request.get(`/api/datasets/${id}/aggregate?gran=month`);
	expect(await api.json()).toMatchObject({
		granularity: 'month',
		rows: expect.arrayContaining([expect.objectContaining({ period: '2022-02-01' })])
	});
	await expectNoAxeViolations(visitor);
});

test('sign-up and sign-in explain what is wrong, and sign-in attempts are limited', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Email').fill('not-an-email');
	await page.getByLabel('Password').fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Enter your name.')).toBeVisible();
	await expect(page.getByText('Enter an email address like name@example.org.')).toBeVisible();
	await expect(page.getByText('Use a password of at least 12 characters.')).toBeVisible();
	// Each error is read out with its field, after the field's hint.
	await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address like name@example.org.');
	await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/\S.* Use a password of at least 12 characters\.$/);
	await expectNoAxeViolations(page);

	const email = `nobody-${Date.now()}@example.org`;
	await page.goto('/login');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill('wrong password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('That email and password do not match an account.');
	}
	await page.getByLabel('Password').fill('wrong password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Too many sign-in attempts.');
});

test('the session cookie is httpOnly and SameSite', async ({ browser }) => {
	const { page } = await signUp(browser, 'Cookie');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'parallax_session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});
