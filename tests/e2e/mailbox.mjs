import { readFileSync } from 'node:fs';

/** Where the e2e server appends the mail it would send (PARALLAX_MAIL_OUTBOX). */
export const OUTBOX = '.e2e-db/outbox.jsonl';

/**
 * The newest link the server mailed to `to` that matches `pattern`, from the outbox's JSON lines.
 * @param {string} to
 * @param {string} [outbox]
 * @param {RegExp} [pattern]
 * @returns {string | undefined}
 */
export function mailedLink(to, outbox = OUTBOX, pattern = /https?:\/\/\S+\/verify\?token=\S+/) {
	let lines;
	try {
		lines = readFileSync(outbox, 'utf8').trim().split('\n');
	} catch {
		return undefined;
	}
	for (const line of lines.reverse()) {
		const mail = JSON.parse(line);
		const link = mail.to === to ? pattern.exec(mail.text)?.[0] : undefined;
		if (link) return link;
	}
	return undefined;
}
