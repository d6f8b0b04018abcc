/**
 * Every interface string in one catalogue. English is the source; other languages may lag, and
 * a missing key falls back to English rather than showing a key name. Data (claims, summaries)
 * is not translated here: it keeps its source language, with quotes in their original.
 */
import { RELATION_LABELS } from '$lib/domain/views';

export const LOCALES = ['en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'parallax_lang';
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', uk: 'Українська' };

const en = {
	'nav.main': 'Main',
	'nav.events': 'Events',
	'nav.charts': 'Charts',
	'nav.datasets': 'Datasets',
	'nav.article': 'Annotated article',
	'nav.classroom': 'Classroom',
	'nav.method': 'Method & codebook',
	'nav.skip': 'Skip to content',
	'account.signedInAs': 'Signed in as {name}',
	'account.signOut': 'Sign out',
	'account.signIn': 'Sign in',
	'language.label': 'Language',
	'language.apply': 'Change',
	'footer.text': 'Parallax is open source. Every claim and perspective links to the source it was taken from; read',
	'footer.link': 'how items were found and coded',
	'footer.after': ', including the limits of this dataset.',
	'home.title': 'See a claim beside what other sources say',
	'home.lede':
		'Parallax sets claims made in Russian-state framing beside other sourced perspectives on the same events — international bodies, governments, media, fact-checkers and researchers. Every item names who said it, when, and links to where it was said.',
	'home.totals': '{events} events · {claims} claims · {perspectives} perspectives · {sources} distinct sources · {coverage} coded articles',
	'home.waysIn': 'Ways in',
	'home.students': 'Students',
	'home.studentsText': 'Open an event, pick a claim, and read what other sources say about it, with links to read further.',
	'home.studentsLink': 'Start with the first event',
	'home.teachers': 'Teachers',
	'home.teachersText':
		'Present an event step by step, build a lesson deck to share by link or QR code, run a guess-the-frame exercise, print handouts — or walk through the annotated seed article.',
	'home.teachersDeck': 'Build a lesson deck',
	'home.teachersArticle': 'Open the annotated article',
	'home.researchers': 'Researchers',
	'home.researchersText':
		'Chart the coded coverage, upload your own exports (Media Cloud, GDELT, EUvsDisinfo), save and share datasets, read the codebook and download every bundled file with its provenance.',
	'home.researchersCharts': 'Coverage and framing charts',
	'home.researchersUpload': 'Upload a coverage file',
	'home.researchersMethod': 'Method, codebook and data',
	'home.events': 'Events',
	'home.count.claims': 'Claims',
	'home.count.perspectives': 'Perspectives',
	'home.count.sources': 'Sources',
	'home.count.articles': 'Articles coded',
	'compare.claimed': 'What was claimed',
	'compare.claimedHint':
		'Claims in Russian-state framing, each with the frames it was coded with. Choose “Show perspectives” to bring the other sources on that claim into view.',
	'compare.others': 'What other sources say',
	'compare.othersAbout': 'What other sources say about the claim by {speaker}',
	'compare.othersHint':
		'Each perspective says how it relates to the claim it answers: it disputes it, adds context, or corroborates it.',
	'compare.showAll': 'Show all perspectives on this event',
	'compare.otherPerspectives': 'Other perspectives on this event ({count})',
	'compare.noClaim': 'There is no claim “{id}” in this event, so all perspectives are shown.',
	'compare.summaryBasedOn': 'Summary based on:',
	'compare.source': 'source {n}',
	'claim.label': 'Russian-state framing',
	'claim.why': 'Why these frames?',
	'claim.show': 'Show {count} perspectives',
	'claim.showing': 'Showing {count} perspectives',
	'claim.paraphrase': 'Paraphrase',
	'claim.englishBy': 'English: {by}.',
	'claim.framesLabel': 'Frames coded for this claim',
	'source.read': 'Read the source',
	'perspective.answers': 'Answers:',
	'relation.disputes': RELATION_LABELS.disputes,
	'relation.adds-context': RELATION_LABELS['adds-context'],
	'relation.corroborates': RELATION_LABELS.corroborates
} as const;

export type MessageKey = keyof typeof en;

const uk: Partial<Record<MessageKey, string>> = {
	'nav.main': 'Головне меню',
	'nav.events': 'Події',
	'nav.charts': 'Графіки',
	'nav.datasets': 'Набори даних',
	'nav.article': 'Стаття з анотаціями',
	'nav.classroom': 'Для уроку',
	'nav.method': 'Методика й кодувальник',
	'nav.skip': 'Перейти до змісту',
	'account.signedInAs': 'Ви увійшли як {name}',
	'account.signOut': 'Вийти',
	'account.signIn': 'Увійти',
	'language.label': 'Мова',
	'language.apply': 'Змінити',
	'footer.text': 'Parallax — відкритий проєкт. Кожне твердження й кожна позиція мають посилання на джерело; прочитайте,',
	'footer.link': 'як матеріали знаходили й кодували',
	'footer.after': ', зокрема про обмеження цього набору даних.',
	'home.title': 'Твердження поруч із тим, що кажуть інші джерела',
	'home.lede':
		'Parallax ставить твердження в російському державному фреймінгу поруч з іншими задокументованими позиціями щодо тих самих подій — міжнародних організацій, урядів, медіа, фактчекерів і дослідників. Для кожного матеріалу вказано, хто це сказав, коли, і подано посилання на джерело.',
	'home.totals': 'Подій: {events} · тверджень: {claims} · позицій: {perspectives} · різних джерел: {sources} · закодованих статей: {coverage}',
	'home.waysIn': 'З чого почати',
	'home.students': 'Учням і студентам',
	'home.studentsText': 'Відкрийте подію, виберіть твердження й прочитайте, що про нього кажуть інші джерела, з посиланнями для подальшого читання.',
	'home.studentsLink': 'Почати з першої події',
	'home.teachers': 'Викладачам',
	'home.teachersText':
		'Покажіть подію крок за кроком, складіть добірку для уроку й поділіться нею посиланням або QR-кодом, проведіть вправу «Вгадай фрейм», роздрукуйте матеріали — або пройдіть статтю з анотаціями.',
	'home.teachersDeck': 'Скласти добірку для уроку',
	'home.teachersArticle': 'Відкрити статтю з анотаціями',
	'home.researchers': 'Дослідникам',
	'home.researchersText':
		'Будуйте графіки закодованого висвітлення, завантажуйте власні експорти (Media Cloud, GDELT, EUvsDisinfo), зберігайте набори даних і діліться ними, читайте кодувальник і завантажуйте кожен файл із походженням даних.',
	'home.researchersCharts': 'Графіки висвітлення й фреймів',
	'home.researchersUpload': 'Завантажити файл висвітлення',
	'home.researchersMethod': 'Методика, кодувальник і дані',
	'home.events': 'Події',
	'home.count.claims': 'Твердження',
	'home.count.perspectives': 'Позиції',
	'home.count.sources': 'Джерела',
	'home.count.articles': 'Закодовані статті',
	'compare.claimed': 'Що стверджували',
	'compare.claimedHint':
		'Твердження в російському державному фреймінгу, кожне з фреймами, якими його закодовано. Натисніть «Показати позиції», щоб побачити інші джерела щодо цього твердження.',
	'compare.others': 'Що кажуть інші джерела',
	'compare.othersAbout': 'Що кажуть інші джерела про твердження: {speaker}',
	'compare.othersHint': 'Кожна позиція вказує, як вона стосується твердження: спростовує його, додає контекст або підтверджує.',
	'compare.showAll': 'Показати всі позиції щодо цієї події',
	'compare.otherPerspectives': 'Інші позиції щодо цієї події ({count})',
	'compare.noClaim': 'У цій події немає твердження «{id}», тому показано всі позиції.',
	'compare.summaryBasedOn': 'Опис за джерелами:',
	'compare.source': 'джерело {n}',
	'claim.label': 'Російський державний фреймінг',
	'claim.why': 'Чому ці фрейми?',
	'claim.show': 'Показати позиції ({count})',
	'claim.showing': 'Показано позиції ({count})',
	'claim.paraphrase': 'Переказ',
	'claim.englishBy': 'Англійською: {by}.',
	'claim.framesLabel': 'Фрейми, якими закодовано це твердження',
	'source.read': 'Читати джерело',
	'perspective.answers': 'Відповідає на:',
	'relation.disputes': 'Спростовує',
	'relation.adds-context': 'Додає контекст',
	'relation.corroborates': 'Підтверджує'
};

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { en, uk };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
	const template: string = catalogues[locale][key] ?? en[key];
	return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The first supported language in an Accept-Language header, else English. */
export function negotiate(header: string | null): Locale {
	for (const part of (header ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
		if (isLocale(tag)) return tag;
	}
	return 'en';
}

export { en as englishMessages, uk as ukrainianMessages };
