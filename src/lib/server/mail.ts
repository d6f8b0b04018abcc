import { appendFile } from 'node:fs/promises';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/**
 * Sends through PARALLAX_SMTP_URL when it is set (any nodemailer transport URL, e.g.
 * smtps://user:pass@smtp.example.org). Without it, as on a developer's machine, the message is
 * printed to the server log, where whoever runs the server can follow the link.
 * PARALLAX_MAIL_OUTBOX also appends each message as a JSON line to a file, for tests.
 */
export async function sendMail(mail: Mail): Promise<void> {
	const smtp = process.env.PARALLAX_SMTP_URL;
	if (smtp) {
		const { createTransport } = await import('nodemailer');
		await createTransport(smtp).sendMail({ from: process.env.PARALLAX_MAIL_FROM ?? 'Parallax <no-reply@localhost>', ...mail });
	} else {
		console.log(`\n[mail] To: ${mail.to}\n[mail] Subject: ${mail.subject}\n${mail.text}\n`);
	}
	const outbox = process.env.PARALLAX_MAIL_OUTBOX;
	if (outbox) await appendFile(outbox, `${JSON.stringify(mail)}\n`);
}
