import { z } from 'zod';

export const SignupSchema = z.object({
	name: z.string().trim().min(1, 'Enter your name.').max(100, 'Your name is longer than 100 characters.'),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, 'That email address is too long.')
		.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address like name@example.org.'),
	password: z.string().min(12, 'Use a password of at least 12 characters.').max(200, 'Use a password of at most 200 characters.')
});

export const LoginSchema = z.object({
	email: z.string().trim().toLowerCase().min(1, 'Enter your email address.'),
	password: z.string().min(1, 'Enter your password.')
});

const ELSEWHERE = new URL('https://parallax.invalid');

/**
 * Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere.
 * Browsers drop tabs and line breaks and read `\\` as `/` in a Location, so `/\t/evil.example` or
 * `/\\evil.example` would leave the site: the target is resolved as a browser would and only its
 * path, query and fragment on this site are kept.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/datasets'): string {
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
