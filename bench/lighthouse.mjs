// Page-load budget for readers on phones: Lighthouse's default (mobile) profile, performance only,
// against the built app. Lighthouse 12 is the last major that runs on Node 20.
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

export const LIGHTHOUSE_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu'];

/**
 * Scores each path `runs` times, one Chromium for all, and returns every run's performance score
 * (0–100), LCP, TBT (ms), CLS and the host's benchmark index.
 */
export async function lighthousePages(baseURL, paths, runs, chromePath = '/usr/bin/chromium') {
	const chrome = await launch({ chromePath, chromeFlags: LIGHTHOUSE_FLAGS });
	try {
		const pages = [];
		for (const path of paths) {
			const page = { path, score: [], lcpMs: [], tbtMs: [], cls: [], benchmarkIndex: [] };
			for (let run = 0; run < runs; run++) {
				const result = await lighthouse(`${baseURL}${path}`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
				if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
				const { lhr } = result;
				if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
				page.score.push(Math.round((lhr.categories.performance.score ?? 0) * 100));
				page.lcpMs.push(lhr.audits['largest-contentful-paint'].numericValue);
				page.tbtMs.push(lhr.audits['total-blocking-time'].numericValue);
				page.cls.push(lhr.audits['cumulative-layout-shift'].numericValue);
				// Lighthouse's own measure of the host's speed: its 4× CPU slowdown assumes a fast desktop.
				page.benchmarkIndex.push(Math.round(lhr.environment.benchmarkIndex));
			}
			pages.push(page);
		}
		return { version: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version, pages };
	} finally {
		await chrome.kill();
	}
}
