// Starts the built app and says where it is. adapter-node refuses form POSTs unless it knows
// its own origin, so a local default is set here; behind a proxy, set ORIGIN yourself.
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${port}`;
// Uploads stream through our own size check (PARALLAX_UPLOAD_MAX_BYTES); adapter-node's
// default body limit (512 KB) would refuse them first.
process.env.BODY_SIZE_LIMIT ??= String(Number(process.env.PARALLAX_UPLOAD_MAX_BYTES ?? 200 * 1024 * 1024) + 1024 * 1024);

const { server } = await import('../build/index.js');
// Micro-cached anonymous pages are answered before SvelteKit (see fromCache in hooks.server.ts):
// under a class's worth of load, converting each request and response costs more than the page.
// adapter-node's server is kept as it is (shutdown, timeouts); only its request listener is wrapped.
const fromCache = globalThis[Symbol.for('parallax.fromCache')];
const headers = Object.entries(globalThis[Symbol.for('parallax.securityHeaders')] ?? {});
server.server.removeListener('request', server.attach);
server.server.on('request', (req, res) => {
	// Static files are answered by adapter-node without passing SvelteKit's hooks.
	for (const [name, value] of headers) res.setHeader(name, value);
	if (typeof fromCache !== 'function' || !fromCache(req, res)) server.attach(req, res);
});
console.log(`\nParallax is running at ${process.env.ORIGIN}\n`);
