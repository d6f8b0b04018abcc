/** Disputing a label: the link beside a label, the marker on a disputed one, the form and the review page. */
export const en = {
	'dispute.link': 'Dispute this label',
	'dispute.under': 'Under dispute ({count})',
	'dispute.readerSource': "reader's source",
	'dispute.sent': 'A dispute sent on {date} is under review.',
	'dispute.pending': 'Readers dispute this label; the project has not yet decided. Outcomes go to the',
	'dispute.changelog': 'changelog',
	'dispute.after': '.',
	'dispute.title': 'Dispute a label',
	'dispute.basisNow': 'Basis given now:',
	'dispute.source': 'source',
	'dispute.whereShown': 'Where this label is shown',
	'dispute.thanks': 'Thank you — your dispute is recorded',
	'dispute.thanksText':
		'The label is marked “under dispute” until the project reviews it; your reason is not shown before then. The outcome, accepted or rejected with a note and your reason, will appear on the',
	'dispute.publicChangelog': 'public changelog',
	'dispute.back': 'Back to the label',
	'dispute.noAccount':
		'No account needed. Your reason and source are shown publicly once the project has reviewed them; your email never is.',
	'dispute.reason': 'Why is this label wrong? (required)',
	'dispute.sourceUrl': 'Source supporting your reason (https address, optional)',
	'dispute.email': 'Your email, if you want a reply (optional, never shown)',
	'dispute.send': 'Send dispute',
	'dispute.tooMany': 'Too many disputes from this address. Try again in {minutes} minutes.',
	'dispute.error.reasonShort': 'say in a sentence or two why the label is wrong (at least 10 characters)',
	'dispute.error.reasonLong': 'keep the reason under {max} characters',
	'dispute.error.sourceUrl': '{value} is not a well-formed https URL',
	'dispute.error.email': 'is not an email address',
	'dispute.error.noTarget': 'There is no such label to dispute.'
} as const;

export const uk = {
	'dispute.link': 'Оскаржити цю мітку',
	'dispute.under': 'Оскаржується ({count})',
	'dispute.readerSource': 'джерело читача',
	'dispute.sent': 'Оскарження, надіслане {date}, розглядається.',
	'dispute.pending': 'Читачі оскаржують цю мітку; проєкт ще не ухвалив рішення. Результати потрапляють до',
	'dispute.changelog': 'журналу змін',
	'dispute.after': '.',
	'dispute.title': 'Оскаржити мітку',
	'dispute.basisNow': 'Чинна підстава:',
	'dispute.source': 'джерело',
	'dispute.whereShown': 'Де показано цю мітку',
	'dispute.thanks': 'Дякуємо — ваше заперечення зареєстровано',
	'dispute.thanksText':
		'Поруч із міткою буде позначка «оскаржується», доки проєкт не розгляне заперечення; ваше пояснення до того не показується. Результат — прийнято чи відхилено, з поясненням і вашим обґрунтуванням — з’явиться в',
	'dispute.publicChangelog': 'публічному журналі змін',
	'dispute.back': 'Повернутися до мітки',
	'dispute.noAccount':
		'Обліковий запис не потрібен. Ваше пояснення й джерело буде показано публічно після розгляду проєктом; електронну адресу — ніколи.',
	'dispute.reason': 'Чому ця мітка хибна? (обов’язково)',
	'dispute.sourceUrl': 'Джерело на підтвердження (адреса https, необов’язково)',
	'dispute.email': 'Ваша електронна адреса, якщо хочете отримати відповідь (необов’язково, ніде не показується)',
	'dispute.send': 'Надіслати заперечення',
	'dispute.tooMany': 'Забагато заперечень з цієї адреси. Спробуйте знову за {minutes} хв.',
	'dispute.error.reasonShort': 'поясніть одним-двома реченнями, чому мітка хибна (щонайменше 10 символів)',
	'dispute.error.reasonLong': 'пояснення має бути коротшим за {max} символів',
	'dispute.error.sourceUrl': '{value} — не правильна адреса https',
	'dispute.error.email': 'це не адреса електронної пошти',
	'dispute.error.noTarget': 'Такої мітки, яку можна оскаржити, немає.'
} satisfies Record<keyof typeof en, string>;
