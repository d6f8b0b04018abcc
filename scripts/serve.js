// Starts the built app and says where it is. adapter-node refuses form POSTs unless it knows
// its own origin, so a local default is set here; behind a proxy, set ORIGIN yourself.
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
process.env.PORT = port;
process.env.HOST = host;
process.env.ORIGIN ??= `http://localhost:${port}`;

await import('../build/index.js');
console.log(`\nParallax is running at ${process.env.ORIGIN}\n`);
