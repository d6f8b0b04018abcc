#!/usr/bin/env node
// npm run bench: the issue 7 suite. Builds the app, generates the synthetic files if missing,
// runs every benchmark against a baseline measured in the same run, prints one table and
// writes docs/benchmarks.md.
//
//   node bench/run.mjs [--rows 1000000] [--runs 3] [--changes 30] [--port 4491] [--no-build] [--no-write] [--only bundle,html,server,browser,stored,suggest,lighthouse]
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/generate-coverage.mjs';
import { filterBench, ingestBench, withApp } from './browser.mjs';
import { routeBundles } from './bundle.mjs';
import { withVite } from './load.mjs';
import { largestEventPage } from './html.mjs';
import { bundleRows, filterRows, htmlRows, ingestRows, lighthouseRows, ROUTES, serverRows, storedRows, suggestRows } from './rows.mjs';
import { storedFilterBench } from './stored.mjs';
import { suggestBench } from './suggest.mjs';
import { lighthousePages } from './lighthouse.mjs';
import { startServer } from '../tests/e2e/servers.mjs';
import { table } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
async function dataFile(rows, shape) {
	const path = join(ROOT, 'bench/out', `coverage-${shape}-${rows}.csv`);
	if (!existsSync(path) || !existsSync(`${path}.manifest.json`)) await generate({ rows, shape, out: path });
	return path;
}

async function runServer(rows, runs) {
	const path = await dataFile(rows, 'dataset');
	process.chdir(ROOT);
	const raw = await withVite(async (load) => (await load('/bench/server.ts')).serverBenches(path, runs));
	return { raw, rows: serverRows(raw) };
}

async function runBrowser(rows, runs, changes, port) {
	const path = await dataFile(rows, 'upload');
	const raw = await withApp(ROOT, port, async (page, baseURL, version) => {
		const ingest = await ingestBench(page, { baseURL, file: path, runs });
		const filter = await filterBench(page, { changes });
		return { version, ingest, filter };
	});
	return { raw, chromium: raw.version, rows: [...ingestRows(raw.ingest), ...filterRows(raw.filter)] };
}

async function runStored(rows, changes, port) {
	const raw = await storedFilterBench({ file: await dataFile(rows, 'dataset'), port, changes });
	return { raw, rows: storedRows(raw) };
}

async function runSuggest(runs, port) {
	const raw = await withApp(ROOT, port, async (page, baseURL, version) => ({
		version,
		...(await suggestBench(page, { root: ROOT, baseURL, items: 5000, titles: 100_000, runs }))
	}));
	return { raw, chromium: raw.version, rows: suggestRows(raw) };
}

async function runBundle() {
	const raw = await routeBundles(ROOT, ROUTES);
	return { raw, rows: bundleRows(raw) };
}

async function runHtml(port) {
	const db = mkdtempSync(join(tmpdir(), 'parallax-bench-html-'));
	const server = await startServer(port, { PARALLAX_DB: join(db, 'parallax.duckdb') });
	try {
		const raw = await largestEventPage(server.url);
		return { raw, rows: htmlRows(raw) };
	} finally {
		await server.stop();
		rmSync(db, { recursive: true, force: true });
	}
}

async function runLighthouse(port, runs) {
	const db = mkdtempSync(join(tmpdir(), 'parallax-bench-lighthouse-'));
	const server = await startServer(port, { PARALLAX_DB: join(db, 'parallax.duckdb') });
	try {
		const event = (await largestEventPage(server.url)).route;
		const raw = await lighthousePages(server.url, ['/', event, '/charts'], runs);
		return { raw, rows: lighthouseRows(raw) };
	} finally {
		await server.stop();
		rmSync(db, { recursive: true, force: true });
	}
}

function machine(chromium) {
	const cpu = cpus();
	const chromiumVersion =
		chromium ??
		(() => {
			try {
				return execSync('/usr/bin/chromium --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
			} catch {
				return 'unknown';
			}
		})();
	return {
		cpu: cpu[0]?.model ?? 'unknown',
		cores: cpu.length,
		ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
		node: process.version,
		chromium: chromiumVersion,
		date: new Date().toISOString()
	};
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name, fallback) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const rows = Number(option('rows', 1_000_000));
	const runs = Math.max(1, Number(option('runs', 3)));
	const changes = Number(option('changes', 30));
	const port = Number(option('port', 4491));
	const only = option('only', 'bundle,html,server,browser,stored,suggest,lighthouse').split(',');
	if (!args.includes('--no-build')) execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

	const results = [];
	let chromium;
	const raw = {};
	if (only.includes('bundle')) results.push(...(raw.bundle = await runBundle()).rows);
	if (only.includes('html')) results.push(...(raw.html = await runHtml(port + 1)).rows);
	if (only.includes('lighthouse')) results.push(...(raw.lighthouse = await runLighthouse(port + 2, runs)).rows);
	if (only.includes('server')) results.push(...(raw.server = await runServer(rows, runs)).rows);
	if (only.includes('browser')) {
		raw.browser = await runBrowser(rows, runs, changes, port);
		chromium = raw.browser.chromium;
		results.push(...raw.browser.rows);
	}
	if (only.includes('stored')) results.push(...(raw.stored = await runStored(rows, changes, port + 4)).rows);
	if (only.includes('suggest')) {
		raw.suggest = await runSuggest(runs, port + 3);
		chromium ??= raw.suggest.chromium;
		results.push(...raw.suggest.rows);
	}
	const m = machine(chromium);
	const text = table(results);
	console.log(`\n${text}\n`);
	if (args.includes('--no-write')) return;
	const doc = `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs) on ${m.date.slice(0, 10)}; see issues 7 and 19 for the targets. Each
ratio is against a baseline measured in the same run, over ${runs} runs (median, min–max). The data is
synthetic, made by scripts/generate-coverage.mjs (${rows.toLocaleString('en-GB')} rows, seed 7): it is not real coverage.

## Machine

| | |
|---|---|
| CPU | ${m.cpu} |
| Cores | ${m.cores} |
| RAM | ${m.ram} |
| Node | ${m.node} |
| Chromium | ${m.chromium} |
| Date | ${m.date} |

## Results

${text}

## How each number is measured

- **Browser ingest**: the built app (\`node build/index.js\`) in Chromium via Playwright. The synthetic
  Parallax-format file goes through the real /upload page; the time runs from the click on “Check every
  row” to the first frame after the validation report is on screen. The baseline is papaparse alone in a
  dedicated blob worker on the same page, from postMessage to its answer, reading the same File two
  ways: its own (FileReader slices of 64 KB) and streamed as the upload worker reads it (the File's
  stream decoded ahead, 64 K characters or more at a time); each run is compared with the faster.
  Long tasks come from a \`PerformanceObserver('longtask')\` installed before the app's scripts; one more
  run is traced (Chromium's \`devtools.timeline\`), and the longest \`RunTask\` on the page's main
  thread counts everything in a task, style, layout and paint included, which the observer can miss.
- **Filter → charts**: the ingested rows are kept as a local dataset and opened on /charts; each change
  clicks one outlet-group checkbox (FilterBar → URL → load → chartViews → Chart.js, animations off as
  for reduced motion) and ends at the first animation frame after the summary shows the new count.
  Then the filters are cleared and the same is done with outlet checkboxes: outlet filters cannot be
  answered from the day × group × frame cube, so those changes read the rows of the kept outlets.
  Ten group and ten outlet changes more are traced, as for the ingest.
- **Filter → charts, stored dataset**: the same file in the Parallax dataset format is saved over HTTP
  (\`POST /api/datasets\`, signed in) to the built app, and its /charts page is opened in Chromium. Its
  page (HTML with the data in it) is read twice first, right after saving and again. Then 30 outlet-group,
  30 frame and 30 outlet checkbox changes, timed as above, each set cleared after; every \`__data.json\`
  request is counted, which tells the changes the page answered itself from the records it has from
  those that asked the server. The first ten outlet selections are new; the next twenty repeat them.
  Then 30 changes of five other outlets, with a \`pointerover\` on each checkbox REST_MS (150 ms) before
  its click, as a mouse coming to rest on it: the page starts reading what a choice will chart then.
- **Frame suggestions**: the suggestion worker and its client (src/lib/client/suggest), bundled as the
  app bundles them and run on /method of the built app in Chromium: train on 5,000 synthetic coded items,
  then suggest for 100,000 synthetic titles (scripts/generate-titles.mjs, seed 7: made-up English, Russian
  and Ukrainian word lists, not real headlines), texts posted 2,000 per message. The baseline is a bare
  worker on the same page that receives the same texts in the same chunks and only loops over their
  characters. Long tasks as for the ingest, from posting the items to the last probability.
- **Server import**: the built app (\`scripts/serve.js\`, embedded DuckDB) receives the file as a streamed
  \`POST /api/datasets\` from a signed-in account, as a researcher's upload arrives: parsed and checked in
  the import worker thread while the main thread stores checked rows. Timed from the first byte sent
  to the 201 answer. The floor is papaparse alone over the same file (in the bench process) plus
  DuckDB's own \`read_csv\` inserting the same rows into the same table.
- **Server aggregate**: \`store.aggregate(id, 'week', filter)\` over the last imported dataset.
- **HTML of the largest event page**: the built app (\`scripts/serve.js\`) answers every event page the
  home page links to; each body is gzipped at level 9 and the largest counts.
- **Lighthouse**: Lighthouse's default mobile profile (simulated slow 4G and a 4× slower CPU),
  performance category only, in Chromium (\`--headless --no-sandbox --disable-gpu\`) against the built
  app (\`scripts/serve.js\`, a fresh store): \`/\`, the largest event page and \`/charts\`, each scored
  once per run. The figures are Lighthouse's own (score, largest contentful paint, total blocking
  time, cumulative layout shift).
- **JavaScript per route**: the client entry, app entry, layout and page nodes and their static imports
  from \`.svelte-kit/output/client\`, gzip level 9. Chart.js is a dynamic import of ChartPanel.

Raw numbers (ms):

\`\`\`json
${JSON.stringify({ server: raw.server?.raw, browser: raw.browser?.raw, stored: raw.stored?.raw, suggest: raw.suggest?.raw, lighthouse: raw.lighthouse?.raw }, null, 1)}
\`\`\`
`;
	// Hand-written notes (what was changed, what blocks a missed target) survive a re-run.
	const docPath = join(ROOT, 'docs/benchmarks.md');
	const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
	const notes = previous.indexOf('\n## Notes');
	writeFileSync(docPath, notes >= 0 ? `${doc}${previous.slice(notes)}` : doc);
	console.log('wrote docs/benchmarks.md');
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		}
	);
}
