/** The search page: its results by kind and what it says when nothing matches. */
export const en = {
	'search.pageTitle': 'Search — Parallax',
	'search.pageTitleFor': '“{query}” — search — Parallax',
	'search.title': 'Search',
	'search.hint':
		'Every word you type must match. Capitals and accents do not matter, in Latin or Cyrillic script: “е” also finds “ё”, “lavrov” finds “Lavrov”. Names are written in Latin letters here, and typed in Cyrillic they are found too: “песков” finds “Peskov”; so are other romanisations of a name: “Sergei Lavrov” finds “Sergey Lavrov”.',
	'search.count.one': '{count} result for “{query}”',
	'search.count.few': '{count} results for “{query}”',
	'search.count.many': '{count} results for “{query}”',
	'search.count.other': '{count} results for “{query}”',
	'search.none': 'Nothing matches “{query}”.',
	'search.didYouMean': 'Did you mean',
	'search.noneHint':
		'Check the spelling, try fewer words, or write a name as the sources do (Lavrov or Лавров). Search reads event titles and summaries, claims with their quotes in the original, speakers, and the sources of perspectives.',
	'search.browse': 'Browse the events by narrative',
	'search.tooShort': 'Type at least {min} letters to search.',
	'search.events': 'Events',
	'search.claims': 'Claims',
	'search.speakers': 'Speakers',
	'search.sources': 'Sources',
	'search.shownOf': 'The first {shown} of {total} are shown; add a word to narrow the search.',
	'search.claimsLabel': 'Claims:',
	'search.perspectivesLabel': 'Perspectives:'
} as const;

export const uk = {
	'search.pageTitle': 'Пошук — Parallax',
	'search.pageTitleFor': '«{query}» — пошук — Parallax',
	'search.title': 'Пошук',
	'search.hint':
		'Мають збігтися всі введені слова. Великі літери й діакритичні знаки не важать — і в латиниці, і в кирилиці: «е» знаходить і «ё», «lavrov» — «Lavrov». Імена тут записано латиницею, але їх знаходить і запит кирилицею: «пєсков» або «песков» знаходить «Peskov»; так само й інший латинський запис імені: «Sergei Lavrov» знаходить «Sergey Lavrov».',
	'search.count.one': 'За запитом «{query}» знайдено {count} результат',
	'search.count.few': 'За запитом «{query}» знайдено {count} результати',
	'search.count.many': 'За запитом «{query}» знайдено {count} результатів',
	'search.count.other': 'За запитом «{query}» знайдено {count} результату',
	'search.none': 'За запитом «{query}» нічого не знайдено.',
	'search.didYouMean': 'Можливо, ви мали на увазі',
	'search.noneHint':
		'Перевірте написання, спробуйте менше слів або напишіть ім’я так, як у джерелах (Lavrov чи Лавров). Пошук охоплює назви й описи подій, твердження з цитатами мовою оригіналу, мовців і джерела позицій.',
	'search.browse': 'Переглянути події за наративами',
	'search.tooShort': 'Щоб шукати, введіть щонайменше {min} літери.',
	'search.events': 'Події',
	'search.claims': 'Твердження',
	'search.speakers': 'Мовці',
	'search.sources': 'Джерела',
	'search.shownOf': 'Показано перші {shown} з {total}; додайте слово, щоб звузити пошук.',
	'search.claimsLabel': 'Твердження:',
	'search.perspectivesLabel': 'Позиції:'
} satisfies Record<keyof typeof en, string>;
