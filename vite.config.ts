import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/**/*.svelte.test.ts'], environment: 'node' }
			},
			{
				// Rune modules hold browser state: they run as the client build, where effects run.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: { name: 'runes', include: ['tests/unit/**/*.svelte.test.ts'], environment: './tests/unit/runes-environment.ts' }
			}
		]
	}
});
