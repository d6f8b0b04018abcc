import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Each page's small stylesheets come inside its HTML instead of as render-blocking requests
		// (an event page asked for eight, each 0.6–2 KB gzip): on a phone's connection every one delayed
		// the first paint. style-src allows inline styles, so no hash is needed.
		inlineStyleThreshold: 4096,
		// Hashes (not nonces) for SvelteKit's own bootstrap script, so anonymous pages can be micro-cached;
		// nothing else inline may run.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
