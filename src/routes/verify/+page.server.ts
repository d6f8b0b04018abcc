import { redirect } from '@sveltejs/kit';
import { hashToken, startSession } from '$lib/server/auth';
import { safeRedirect } from '$lib/domain/account';
import { store } from '$lib/server/storage';

/** The link from the confirmation mail: proves the address, then signs the account in. */
export async function load({ url, cookies, locals }) {
	const token = url.searchParams.get('token') ?? '';
	const db = await store();
	const spent = token ? await db.useEmailToken(hashToken(token), new Date()) : undefined;
	if (spent?.signup) await db.applySignup(spent.userId, spent.signup);
	const user = spent ? await db.userById(spent.userId) : undefined;
	// Opened again once it has signed the account in (from the mail, or a second tab), the link has
	// done its work; whose it was is no longer known, so the page says so and offers the way on.
	if (!user) return { confirmed: false, signedIn: locals.user?.name ?? null, next: safeRedirect(url.searchParams.get('next')) };
	await db.markVerified(user.id, new Date());
	await startSession(db, user, cookies, url.protocol === 'https:');
	redirect(303, safeRedirect(url.searchParams.get('next')));
}
