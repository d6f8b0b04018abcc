// HTML of the compare view (issue 17, "Still fast"): every event page the home page links to is
// fetched from the built app and gzipped at level 9, as the JavaScript is; the largest counts.
import { gzipSync } from 'node:zlib';

export async function largestEventPage(baseURL) {
	const home = await (await fetch(`${baseURL}/`)).text();
	const paths = [...new Set([...home.matchAll(/href="(\/events\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
	if (paths.length === 0) throw new Error('the home page links to no event');
	let largest;
	for (const path of paths) {
		const response = await fetch(`${baseURL}${path}`);
		if (!response.ok) throw new Error(`${path} answered ${response.status}`);
		const bytes = Buffer.from(await response.arrayBuffer());
		const page = { route: path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
		if (!largest || page.gzip > largest.gzip) largest = page;
	}
	return { ...largest, pages: paths.length };
}
