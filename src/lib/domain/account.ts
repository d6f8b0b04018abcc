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

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeRedirect(target: string | null | undefined, fallback = '/datasets'): string {
	return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : fallback;
}
