// Loads a TypeScript bench module through the app's own Vite config, so `$lib` imports and the
// SvelteKit aliases resolve exactly as they do in the app.
import { createServer } from 'vite';

export async function withVite(work) {
	const vite = await createServer({
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	try {
		return await work((path) => vite.ssrLoadModule(path));
	} finally {
		await vite.close();
	}
}
