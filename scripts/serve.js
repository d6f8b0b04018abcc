// Starts the built app and says where it is. adapter-node refuses form POSTs unless it knows
// its own origin, so a local default is set here; behind a proxy, set ORIGIN yourself.
const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${port}`;
// Uploads stream through our own size check (PARALLAX_UPLOAD_MAX_BYTES); adapter-node's
// default body limit (512 KB) would refuse them first.
process.env.BODY_SIZE_LIMIT ??= String(Number(process.env.PARALLAX_UPLOAD_MAX_BYTES ?? 200 * 1024 * 1024) + 1024 * 1024);

await import('../build/index.js');
console.log(`\nParallax is running at ${process.env.ORIGIN}\n`);
