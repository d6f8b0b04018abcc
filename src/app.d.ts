// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			/** The signed-in researcher, if any. */
			user: { id: string; email: string; name: string } | null;
		}
		interface PageData {
			user?: { id: string; email: string; name: string } | null;
		}
	}
}

export {};
