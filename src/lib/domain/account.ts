import { z } from 'zod';

/** The form checks' messages are these catalogue keys, said in the reader's language where the form is answered. */
export const ACCOUNT_FORM_KEYS = [
	'account.error.name',
	'account.error.nameLong',
	'account.error.emailLong',
	'account.error.email',
	'account.error.passwordShort',
	'account.error.passwordLong',
	'account.error.emailEmpty',
	'account.error.passwordEmpty'
] as const;
type Key = (typeof ACCOUNT_FORM_KEYS)[number];

export const SignupSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'account.error.name' satisfies Key)
		.max(100, 'account.error.nameLong' satisfies Key),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, 'account.error.emailLong' satisfies Key)
		.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'account.error.email' satisfies Key),
	password: z
		.string()
		.min(12, 'account.error.passwordShort' satisfies Key)
		.max(200, 'account.error.passwordLong' satisfies Key)
});

export const LoginSchema = z.object({
	email: z
		.string()
		.trim()
		.toLowerCase()
		.min(1, 'account.error.emailEmpty' satisfies Key),
	password: z.string().min(1, 'account.error.passwordEmpty' satisfies Key)
});

const ELSEWHERE = new URL('https://parallax.invalid');

/** Where a signed-in account lands when it came from nowhere in particular. */
export const AFTER_SIGN_IN = '/datasets';

/**
 * Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere.
 * Browsers drop tabs and line breaks and read `\\` as `/` in a Location, so `/\t/evil.example` or
 * `/\\evil.example` would leave the site: the target is resolved as a browser would and only its
 * path, query and fragment on this site are kept.
 */
export function safeRedirect(target: string | null | undefined, fallback = AFTER_SIGN_IN): string {
	// eslint-disable-next-line no-control-regex -- control characters are what browsers strip
	if (!target || !target.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, ELSEWHERE);
	} catch {
		return fallback;
	}
	return url.origin === ELSEWHERE.origin ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
