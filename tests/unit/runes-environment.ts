import type { Environment } from 'vitest/environments';

/**
 * Node, but with modules transformed for the browser: Svelte compiles `.svelte.ts` files for the
 * server under SSR, where `$state` is a plain value and effects never run, so rune modules are
 * tested as the client build runs them.
 */
export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup: () => ({ teardown() {} })
} satisfies Environment;
