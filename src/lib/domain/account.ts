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

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeRedirect(target: string | null | undefined, fallback = '/datasets'): string {
	return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : fallback;
}
