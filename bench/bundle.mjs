// JavaScript each route ships on first load (issue 7, 5), read from the build output: the
// client entry, the app entry, the route's layout and page nodes, and everything they import
// statically. Dynamic imports (Chart.js) load later and are not counted.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const CHARTJS_SOURCE = 'src/lib/components/charts/chartjs.ts';

export async function routeBundles(root, routeIds) {
	const client = join(root, '.svelte-kit/output/client');
	const vite = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8'));
	const { manifest } = await import(pathToFileURL(resolve(root, '.svelte-kit/output/server/manifest.js')).href);
	const chunkOf = (key) => {
		const chunk = vite[key];
		if (!chunk) throw new Error(`${key} is not in the Vite manifest; run the build first`);
		return chunk;
	};
	const closure = (keys) => {
		const files = new Set();
		const visit = (key) => {
			const chunk = chunkOf(key);
			if (files.has(chunk.file)) return;
			files.add(chunk.file);
			for (const imported of chunk.imports ?? []) visit(imported);
		};
		keys.forEach(visit);
		return files;
	};
	const chartFile = vite[CHARTJS_SOURCE]?.file;
	const entries = ['node_modules/@sveltejs/kit/src/runtime/client/entry.js', '.svelte-kit/generated/client-optimized/app.js'];
	return routeIds.map((id) => {
		const route = manifest._.routes.find((r) => r.id === id);
		if (!route?.page) throw new Error(`no page route ${id} in the build`);
		const nodes = [...route.page.layouts, route.page.leaf].filter((n) => n !== undefined);
		const files = closure([...entries, ...nodes.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)]);
		let raw = 0;
		let gzip = 0;
		for (const file of files) {
			const bytes = readFileSync(join(client, file));
			raw += bytes.length;
			gzip += gzipSync(bytes, { level: 9 }).length;
		}
		return { route: id, files: files.size, raw, gzip, chartJs: chartFile ? files.has(chartFile) : false };
	});
}
