import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeRedirect } from '../../src/lib/domain/account';
import { isolate } from '../../src/lib/domain/bidi';
import { toCsv } from '../../src/lib/domain/ledger/table';
import { isGuessable } from '../../src/lib/server/passwords';
import { isOwner } from '../../src/lib/server/disputes';
import { sendAlreadyRegistered } from '../../src/lib/server/auth';

describe('safeRedirect', () => {
	it.each(['/\t/evil.example/x', '/\\evil.example', '//evil.example', '/\n/evil.example', 'https://evil.example/', '/%09/x\u0000'])(
		'refuses %j',
		(target) => expect(safeRedirect(target)).toBe('/datasets')
	);
	it('keeps a same-site path with its query and fragment', () => {
		expect(safeRedirect('/charts?by=outlet#coverage')).toBe('/charts?by=outlet#coverage');
		expect(safeRedirect('/a/../datasets')).toBe('/datasets');
	});
});

describe('CSV exports', () => {
	it('neutralise formulas in the header row as in data cells', () => {
		const csv = toCsv(["+cmd|' /C calc'!A0", '=HYPERLINK("x")', '@SUM(1)', 'period'], [{ period: '=1+1' }]);
		const [header, row] = csv.split('\r\n');
		expect(header).toBe(`'+cmd|' /C calc'!A0,"'=HYPERLINK(""x"")",'@SUM(1),period`);
		expect(row).toBe(",,,'=1+1");
	});
});

describe('passwords', () => {
	it.each(['aaaaaaaaaaaa', 'password1234', '            ', 'ada@example.org', 'ada lovelace 1'])('refuses %j', (password) =>
		expect(isGuessable(password, ['Ada Lovelace', 'ada@example.org'])).toBe(true)
	);
	it('accepts a long phrase of unrelated words', () =>
		expect(isGuessable('correct horse battery staple', ['Ada', 'ada@example.org'])).toBe(false));
});

describe('bidirectional text', () => {
	it('isolates user text so an override inside it ends with it', () => expect(isolate('a\u202Eb')).toBe('\u2068a\u202Eb\u2069'));
});

describe('the owner role', () => {
	it('needs a confirmed address, not only a listed one', () => {
		process.env.PARALLAX_ADMIN_EMAILS = 'owner@example.org';
		expect(isOwner({ id: 'u', email: 'owner@example.org', name: 'O', verified: false })).toBe(false);
		expect(isOwner({ id: 'u', email: 'Owner@Example.org', name: 'O', verified: true })).toBe(true);
		expect(isOwner({ id: 'u', email: 'other@example.org', name: 'O', verified: true })).toBe(false);
	});
});

describe('the mail an address receives', () => {
	it('is in the language the sign-up was made in, and names its owner’s way in', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'parallax-mail-'));
		vi.stubEnv('PARALLAX_MAIL_OUTBOX', join(dir, 'outbox.jsonl'));
		vi.spyOn(console, 'log').mockImplementation(() => {});
		try {
			await sendAlreadyRegistered('ada@example.org', 'https://parallax.example', 'uk');
			await sendAlreadyRegistered('ada@example.org', 'https://parallax.example', 'en');
			const [uk, en] = readFileSync(join(dir, 'outbox.jsonl'), 'utf8')
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line));
			expect(uk.subject).toBe('Ваш обліковий запис Parallax');
			expect(uk.text).toContain('Увійти: https://parallax.example/login');
			expect(en.subject).toBe('Your Parallax account');
			expect(en.text).toContain('Sign in: https://parallax.example/login');
		} finally {
			vi.unstubAllEnvs();
			vi.restoreAllMocks();
			rmSync(dir, { recursive: true });
		}
	});
});
