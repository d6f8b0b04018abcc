// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			/** The signed-in researcher, if any. */
			user: { id: string; email: string; name: string; verified: boolean } | null;
			/** Interface language: the remembered choice, else the browser's preference. */
			locale: import('$lib/i18n/catalogue').Locale;
		}
		interface Error {
			message: string;
			/** The message as a catalogue key and values, when the server has one (src/lib/server/refusal.ts). */
			said?: import('$lib/domain/message').Message<import('$lib/i18n/catalogue').MessageRef>;
		}
		interface PageData {
			user?: { id: string; email: string; name: string } | null;
			locale?: import('$lib/i18n/catalogue').Locale;
			/** The interface messages in the page's language (see src/lib/i18n/locales.ts). */
			messages?: Record<string, string>;
		}
	}
}

export {};
