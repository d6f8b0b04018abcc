import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishMessages, messagesFor, ROUTE_FEATURES } from '../../src/lib/i18n/catalogue';

const ROOT = resolve(__dirname, '../..');
const ALL_KEYS = new Set(Object.keys(englishMessages));

/** The route's page, the root layout and error page, and every module they import code from in src. */
function sourcesOf(routeId: string): string[] {
	const page = join(ROOT, 'src/routes', routeId, '+page.svelte');
	const queue = [page, join(ROOT, 'src/routes/+layout.svelte'), join(ROOT, 'src/routes/+error.svelte')];
	const seen = new Set<string>();
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		// Type-only imports bring no code, and so no message, to the page.
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?'([^']+)'/gm)) {
			const base = spec!.startsWith('$lib/')
				? join(ROOT, 'src/lib', spec!.slice(5))
				: spec!.startsWith('.')
					? resolve(dirname(file), spec!)
					: null;
			if (!base) continue;
			const found = [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
			if (found && !found.includes('/i18n/messages/') && !found.endsWith('catalogue.ts')) queue.push(found);
		}
	}
	return [...seen];
}

describe('each route is sent the messages its components use', () => {
	for (const routeId of Object.keys(ROUTE_FEATURES)) {
		it(routeId, () => {
			const sent = messagesFor('en', routeId);
			const missing: string[] = [];
			for (const file of sourcesOf(routeId)) {
				const text = readFileSync(file, 'utf8');
				// Every literal that is a message key, wherever it stands (t('a'), cond ? 'a' : 'b', tables of keys).
				for (const [, key] of text.matchAll(/['"]([a-zA-Z]+\.[\w.]+)['"]/g))
					if (ALL_KEYS.has(key!) && !(key! in sent)) missing.push(`${file.slice(ROOT.length + 1)}: ${key}`);
				// Keys built in template literals: some key with that prefix must be sent.
				for (const [, prefix] of text.matchAll(/`([a-zA-Z]+\.[\w.]*)\$\{/g))
					if ([...ALL_KEYS].some((k) => k.startsWith(prefix!)) && !Object.keys(sent).some((k) => k.startsWith(prefix!)))
						missing.push(`${file.slice(ROOT.length + 1)}: ${prefix}…`);
			}
			expect(missing).toEqual([]);
		});
	}

	it('sends a listed route fewer messages than the whole catalogue, and an unlisted one all', () => {
		expect(Object.keys(messagesFor('en', '/events/[id]')).length).toBeLessThan(ALL_KEYS.size / 2);
		expect(Object.keys(messagesFor('uk', '/upload')).length).toBe(ALL_KEYS.size);
		expect(Object.keys(messagesFor('en', null)).length).toBe(ALL_KEYS.size);
	});
});
