import { disputesByLabel, publicDispute, type PublicDispute } from '$lib/domain/ledger/disputes';
import { RateLimiter } from './auth';
import { store } from './storage';

/**
 * The owner is whoever signs in with an address listed in PARALLAX_ADMIN_EMAILS and has proved
 * they own it (the confirmation link); no separate role is stored, so granting or revoking review
 * is a configuration change, and signing up first with the owner's address gains nothing.
 */
export function isOwner(user: App.Locals['user']): boolean {
	if (!user?.verified) return false;
	const owners = (process.env.PARALLAX_ADMIN_EMAILS ?? '')
		.split(',')
		.map((e) => e.trim().toLowerCase())
		.filter((e) => e !== '');
	return owners.includes(user.email.trim().toLowerCase());
}

/** Anonymous disputes per address per hour: enough for a reader, too few for a flood. */
export const disputeLimiter = new RateLimiter(Number(process.env.PARALLAX_DISPUTES_PER_HOUR ?? 10), 60 * 60_000);

/** Open disputes, without contact addresses, keyed by the label they dispute. */
export async function openDisputes(): Promise<Record<string, PublicDispute[]>> {
	return disputesByLabel((await (await store()).disputes('open')).map(publicDispute));
}
