/** The method and codebook page. Frame labels, definitions, outlet bases and references are data. */
export const en = {
	'method.title': 'Method and codebook',
	'method.lede':
		'How the {claims} claims, {perspectives} perspectives and {coverage} coded articles were found, how they were coded, and what this dataset cannot tell you.',
	'method.toc': 'On this page',
	'method.toc.codebook': 'The frame codebook',
	'method.toc.pfc': 'The Policy Frames Codebook',
	'method.toc.coding': 'How items were found and coded',
	'method.found.suggestions': 'Suggestions.',
	'method.found.suggestionsText':
		'A classifier trained on these human codes can suggest frames for uncoded articles; it is tested before use:',
	'method.found.suggestionsLink': 'how well its suggestions agree with the human coders, frame by frame',
	'method.toc.stances': 'Stances: adopts, reports, contests',
	'method.toc.events': 'Events and their counts',
	'method.toc.outlets': 'Outlet groups and their basis',
	'method.toc.limits': 'Limitations',
	'method.toc.data': 'Data files and provenance',
	'method.toc.references': 'References',
	'method.codebook.before': 'A',
	'method.codebook.frame': 'frame',
	'method.codebook.after':
		'is a way of selecting and stressing some aspects of an event so that a particular interpretation follows (Entman, 1993). Parallax codes each claim with one to three frames and each coded article with zero to three. The codebook has {count} frames in two families.',
	'method.family.russian-state': 'Russian-state narratives',
	'method.family.russian-state.text':
		'Frames used to code claims made by Russian officials and state media. Each maps to the closest top-level narrative of the SemEval-2025 Task 10 taxonomy for the war in Ukraine.',
	'method.family.alliance-ukrainian': 'Alliance, Ukrainian and other frames',
	'method.family.alliance-ukrainian.text':
		'Frames found mainly in coverage by non-Russian outlets. They are counter-frames: coded so that the charts can set them against the Russian-state frames, not a verdict that these framings are right.',
	'method.cues': 'Cues:',
	'method.semeval': 'SemEval-2025 narrative: {narrative}.',
	'method.pfcDimension': 'Policy Frames Codebook dimension:',
	'method.pfc.title': 'A second codebook: the Policy Frames Codebook',
	'method.pfc.text':
		'Every Parallax frame maps to one of the 15 issue-general dimensions of the Policy Frames Codebook (Boydstun et al., 2014), so charts and exercises can also be read in that widely used vocabulary. See',
	'method.pfc.link': 'all codebooks and their crosswalks',
	'method.pfc.after': ', or add your own.',
	'method.pfc.from': 'From Parallax: {frames}.',
	'method.pfc.none': 'none',
	'method.found.events': 'Events',
	'method.found.eventsText': 'started from the seed article (see the',
	'method.found.eventsLink': 'annotated article',
	'method.found.eventsAfter':
		') and were widened to the most contested events of the war. Each is described in neutral words with its sources and lists the SemEval-2025 narratives its claims use.',
	'method.found.claims': 'Claims',
	'method.found.claimsText':
		'are statements by Russian officials or Russian state media. Each was found in a stored copy of its public page; quotes are copied exactly, at most 30 words, and Russian originals are kept beside the English with who translated them. Everything else is paraphrased neutrally.',
	'method.found.perspectives': 'Perspectives',
	'method.found.perspectivesText':
		'are other sourced views on the same claim: intergovernmental bodies, governments, courts and investigations, media, fact-checkers, research institutes and human-rights organisations, and Russian sources. Each says whether it',
	'method.found.disputes': 'disputes',
	'method.found.theClaim': 'the claim,',
	'method.found.addsContext': 'adds context',
	'method.found.or': ', or',
	'method.found.corroborates': 'corroborates',
	'method.found.it': 'it.',
	'method.found.repeatsBefore':
		'Corroboration means an independent source supports the substance of the claim. A Russian official or state source that says the claim again',
	'method.found.repeats': 'repeats',
	'method.found.repeatsAfter':
		' it, and is never counted as corroboration; an independent outlet that only reports that the claim was made adds context.',
	'method.found.frames': 'Frames',
	'method.found.framesText':
		'were coded from the wording of the claim or headline against the cues above; every claim carries a one-sentence note saying which words signalled which frame.',
	'method.found.coverage': 'Coverage',
	'method.found.coverageText':
		'rows are real articles found in stored public pages, coded from headline and lede only (never from the page address), each frame with its stance. Their dates are the publication dates shown by the page or in its address. The title is the published headline, or a short description marked as such when no headline could be read.',
	'method.found.unchecked': 'Items whose source could not be checked were left out. Who coded each file, and when, is listed under',
	'method.found.uncheckedLink': 'data files',
	'method.found.uncheckedAfter': '.',
	'method.stances.text':
		'A frame in an article is not always the outlet’s own. Each frame coded on an article carries one of three stances, read from the headline and lede.',
	'method.stances.adopts': 'adopts',
	'method.stances.adopts.text': 'The outlet presents the frame in its own voice, unattributed.',
	'method.stances.adopts.example': 'RT’s headline “Did NATO lie to Russia?” raises NATO’s deception in its own voice.',
	'method.stances.reports': 'reports',
	'method.stances.reports.text':
		'The frame is attributed to a named actor (“Lavrov said…”, “according to the Kremlin…”) and the outlet neither endorses nor rebuts it.',
	'method.stances.reports.example':
		'Gazeta.ru: “Putin says NATO deceived Russia by promising no eastward movement” — the frame is Putin’s, reported.',
	'method.stances.contests': 'contests',
	'method.stances.contests.text':
		'The frame is raised in order to rebut, fact-check or debunk it (“baseless claims”, “no evidence”, a counter-fact set against it).',
	'method.stances.contests.example': 'MSNBC: “Debunking the Kremlin’s vile ‘denazification’ propaganda…” raises the frame to refute it.',
	'method.stances.example': 'Example:',
	'method.stances.rules': 'Decision rules',
	'method.stances.rule1':
		'Attribution decides first, as in the SemEval-2025 Task 10 annotation guidelines: a frame voiced by a named actor and not endorsed by the outlet is “reports”, even in a state outlet.',
	'method.stances.rule2':
		'Only words that rebut — a denial set against evidence, “fake”, “baseless”, a fact-check verdict — make it “contests”; a critical tone or “allegedly” alone is still “reports”.',
	'method.stances.rule3':
		'A Ukrainian or international story that reports a Kremlin claim critically is “reports” or “contests”, never “adopts”; a story that says in its own voice that Russia is preparing for war adopts “Russia as threat”.',
	'method.stances.rule4':
		'No headline or lede, no code: an article known only from its address gets no frame codes. The charts still count every coded frame, whatever its stance.',
	'method.events.text': 'Each event with the claims, perspectives and coded articles the ledger holds for it.',
	'method.events.caption': 'Events with their counts of claims, perspectives and coded articles',
	'method.events.event': 'Event',
	'method.events.claims': 'Claims',
	'method.events.perspectives': 'Perspectives',
	'method.events.coverage': 'Coded articles',
	'method.outlets.text':
		'Outlets are grouped by who owns or controls them, not by what they say. Each grouping names its basis and links to it. If you think a grouping is wrong, dispute it: open disputes are shown beside the label and their outcome goes to the',
	'method.outlets.changelog': 'changelog',
	'method.outlets.after': '.',
	'method.outlets.caption': 'Outlets in the group {group}',
	'method.outlets.outlet': 'Outlet',
	'method.outlets.basis': 'Basis for the grouping',
	'method.outlets.basisLink': 'basis',
	'method.outlets.what': 'the group {group} of {outlet}',
	'method.outlets.see': 'The {count} outlets in this group, each with the basis for its place',
	'method.outlets.title': 'Outlets in the group “{group}”',
	'method.outlets.back': '← Method: outlet groups',
	'method.outlets.breadcrumb': 'Back to the method',
	'method.outlets.page': 'Page {page} of {pages} ({total} outlets, by name)',
	'method.outlets.pages': 'Pages of outlets',
	'method.limits.small':
		'The dataset is small and hand-curated. Counts of articles show what was found and coded, not the total output of any outlet; do not read them as measures of volume.',
	'method.limits.stored':
		'Sources were found in stored copies of public pages. A stored copy can differ from the live page, and links can break; dates are those the page showed.',
	'method.limits.people':
		'Frames are coded by people (with AI assistance) and are interpretations. The “Why these frames?” note on every claim shows the reasoning so that you can disagree with it.',
	'method.limits.label':
		'“Russian-state framing” labels where a claim comes from and how it is put; it is not by itself a judgement that the claim is false. The perspectives beside it are there so that you can compare.',
	'method.limits.seed':
		'The seed article is not from an identifiable publisher; near-identical versions appeared on several generic-named news sites. Parallax uses it as a teaching text, not as a source.',
	'method.limits.language':
		'The interface is in English and Ukrainian; the data keeps its source language (mostly English, with Russian originals beside quotes), and messages from the file import, which name a file, row and column, are in English only.',
	'method.data.version': 'Version {version}.',
	'method.data.zip': 'Download the whole ledger (zip)',
	'method.data.zipText': ': every CSV below, the same data as one JSON file, a data dictionary, the manifest and a',
	'method.data.zipAfter': 'for citing this version. Changes between versions are listed on the',
	'method.data.changelog': 'changelog',
	'method.data.after': '.',
	'method.data.caption': 'Bundled data files',
	'method.data.file': 'File',
	'method.data.provenance': 'Provenance',
	'method.data.licence': 'Licence',
	'method.data.codedBy': 'Coded by, when',
	'method.data.synthetic': 'Synthetic',
	'method.data.manifest': 'Download the manifest (JSON)',
	'method.references.link': 'link'
} as const;

export const uk = {
	'method.title': 'Методика й кодувальник',
	'method.lede':
		'Як знаходили й кодували твердження ({claims}), позиції ({perspectives}) і закодовані статті ({coverage}) — і чого цей набір даних сказати не може.',
	'method.toc': 'На цій сторінці',
	'method.toc.codebook': 'Кодувальник фреймів',
	'method.toc.pfc': 'Кодувальник Policy Frames',
	'method.toc.coding': 'Як матеріали знаходили й кодували',
	'method.found.suggestions': 'Підказки.',
	'method.found.suggestionsText':
		'Класифікатор, навчений на цих кодах людей, може підказувати фрейми для незакодованих статей; його перевірено перед використанням:',
	'method.found.suggestionsLink': 'наскільки його підказки узгоджуються з кодувальниками-людьми, фрейм за фреймом',
	'method.toc.stances': 'Позиції щодо фрейму: приймає, передає, заперечує',
	'method.toc.events': 'Події та їхні показники',
	'method.toc.outlets': 'Групи видань і їхні підстави',
	'method.toc.limits': 'Обмеження',
	'method.toc.data': 'Файли даних і їхнє походження',
	'method.toc.references': 'Джерела',
	'method.codebook.before': '',
	'method.codebook.frame': 'Фрейм',
	'method.codebook.after':
		'— це спосіб вибрати й підкреслити певні аспекти події так, щоб з них випливало певне тлумачення (Entman, 1993). Parallax кодує кожне твердження одним–трьома фреймами, а кожну закодовану статтю — нулем–трьома. Фреймів у кодувальнику: {count}, у двох родинах.',
	'method.family.russian-state': 'Наративи російської держави',
	'method.family.russian-state.text':
		'Фрейми для кодування тверджень російських посадовців і державних медіа. Кожен відповідає найближчому наративу верхнього рівня таксономії SemEval-2025 Task 10 щодо війни в Україні.',
	'method.family.alliance-ukrainian': 'Фрейми Альянсу, українські та інші',
	'method.family.alliance-ukrainian.text':
		'Фрейми, що трапляються переважно у висвітленні неросійських видань. Це контрфрейми: їх кодують, щоб графіки могли зіставити їх із фреймами російської держави; це не вердикт, що такий фреймінг правильний.',
	'method.cues': 'Сигнали:',
	'method.semeval': 'Наратив SemEval-2025: {narrative}.',
	'method.pfcDimension': 'Вимір кодувальника Policy Frames:',
	'method.pfc.title': 'Другий кодувальник: Policy Frames Codebook',
	'method.pfc.text':
		'Кожен фрейм Parallax відповідає одному з 15 загальних вимірів Policy Frames Codebook (Boydstun et al., 2014), тож графіки й вправи можна читати і в цьому поширеному словнику. Див.',
	'method.pfc.link': 'усі кодувальники та їхні відповідності',
	'method.pfc.after': ' або додайте власний.',
	'method.pfc.from': 'З Parallax: {frames}.',
	'method.pfc.none': 'немає',
	'method.found.events': 'Події',
	'method.found.eventsText': 'спершу взято зі статті-першоджерела (див.',
	'method.found.eventsLink': 'статтю з анотаціями',
	'method.found.eventsAfter':
		'), а потім розширено до найбільш оспорюваних подій війни. Кожну описано нейтральними словами, з джерелами й наративами SemEval-2025, які використовують її твердження.',
	'method.found.claims': 'Твердження',
	'method.found.claimsText':
		'— це заяви російських посадовців або російських державних медіа. Кожне знайдено в збереженій копії його публічної сторінки; цитати скопійовано дослівно, не довші за 30 слів, а російські оригінали подано поруч з англійським перекладом і вказано, хто перекладав. Усе інше переказано нейтрально.',
	'method.found.perspectives': 'Позиції',
	'method.found.perspectivesText':
		'— це інші задокументовані погляди на те саме твердження: міжурядових організацій, урядів, судів і розслідувань, медіа, фактчекерів, дослідницьких інститутів і правозахисних організацій, а також російських джерел. Для кожної вказано, чи вона',
	'method.found.disputes': 'спростовує',
	'method.found.theClaim': 'твердження,',
	'method.found.addsContext': 'додає контекст',
	'method.found.or': ' чи',
	'method.found.corroborates': 'підтверджує',
	'method.found.it': 'його.',
	'method.found.repeatsBefore':
		'Підтвердження означає, що незалежне джерело підтримує суть твердження. Російське офіційне чи державне джерело, яке каже те саме,',
	'method.found.repeats': 'повторює',
	'method.found.repeatsAfter':
		' його і ніколи не вважається підтвердженням; незалежне видання, яке лише повідомляє про твердження, додає контекст.',
	'method.found.frames': 'Фрейми',
	'method.found.framesText':
		'кодували за формулюванням твердження чи заголовка, зіставляючи його із сигналами вище; до кожного твердження додано однореченнєву примітку, які слова вказали на який фрейм.',
	'method.found.coverage': 'Висвітлення',
	'method.found.coverageText':
		'— це справжні статті, знайдені в збережених публічних сторінках і закодовані лише за заголовком і лідом (ніколи за адресою сторінки), кожен фрейм — з позицією щодо нього. Дати — це дати публікації, показані на сторінці або в її адресі. Назва — це опублікований заголовок або короткий опис, позначений як опис, якщо заголовок прочитати не вдалося.',
	'method.found.unchecked':
		'Матеріали, джерело яких не вдалося перевірити, не включено. Хто й коли кодував кожен файл, зазначено в розділі',
	'method.found.uncheckedLink': 'файли даних',
	'method.found.uncheckedAfter': '.',
	'method.stances.text':
		'Фрейм у статті не завжди належить самому виданню. Кожен закодований у статті фрейм має одну з трьох позицій, визначену за заголовком і лідом.',
	'method.stances.adopts': 'приймає',
	'method.stances.adopts.text': 'Видання подає фрейм власним голосом, без посилання на когось.',
	'method.stances.adopts.example':
		'Заголовок RT «Did NATO lie to Russia?» («Чи обдурило НАТО Росію?») подає обман з боку НАТО власним голосом.',
	'method.stances.reports': 'передає',
	'method.stances.reports.text':
		'Фрейм приписано названому актору («Лавров заявив…», «за словами Кремля…»), а видання його не схвалює й не спростовує.',
	'method.stances.reports.example':
		'Gazeta.ru: «Путін каже, що НАТО обдурило Росію, пообіцявши не просуватися на схід» — фрейм належить Путіну, видання його передає.',
	'method.stances.contests': 'заперечує',
	'method.stances.contests.text':
		'Фрейм згадано, щоб його спростувати, перевірити чи розвінчати («безпідставні заяви», «жодних доказів», факт, протиставлений твердженню).',
	'method.stances.contests.example':
		'MSNBC: «Debunking the Kremlin’s vile ‘denazification’ propaganda…» згадує фрейм, щоб його спростувати.',
	'method.stances.example': 'Приклад:',
	'method.stances.rules': 'Правила рішення',
	'method.stances.rule1':
		'Спершу вирішує атрибуція, як у настановах з анотування SemEval-2025 Task 10: фрейм, який озвучує названий актор і який видання не схвалює, — це «передає», навіть у державному виданні.',
	'method.stances.rule2':
		'Лише слова, що спростовують, — заперечення, протиставлене доказам, «фейк», «безпідставно», вердикт фактчекера — дають «заперечує»; критичний тон чи «нібито» самі по собі — це ще «передає».',
	'method.stances.rule3':
		'Український чи міжнародний матеріал, який критично передає твердження Кремля, — це «передає» або «заперечує», ніколи «приймає»; матеріал, що власним голосом каже, ніби Росія готується до війни, приймає фрейм «Росія як загроза».',
	'method.stances.rule4':
		'Без заголовка чи ліду немає коду: стаття, відома лише за адресою, не отримує фреймів. Графіки й далі рахують кожен закодований фрейм, хоч би якою була позиція.',
	'method.events.text': 'Кожна подія з кількістю тверджень, позицій і закодованих статей, які містить реєстр.',
	'method.events.caption': 'Події з кількістю тверджень, позицій і закодованих статей',
	'method.events.event': 'Подія',
	'method.events.claims': 'Твердження',
	'method.events.perspectives': 'Позиції',
	'method.events.coverage': 'Закодовані статті',
	'method.outlets.text':
		'Видання згруповано за тим, хто ними володіє чи їх контролює, а не за тим, що вони кажуть. Для кожного групування вказано підставу й посилання на неї. Якщо вважаєте групування хибним, оскаржте його: відкриті заперечення показано поруч із міткою, а їхні результати потрапляють до',
	'method.outlets.changelog': 'журналу змін',
	'method.outlets.after': '.',
	'method.outlets.caption': 'Видання в групі {group}',
	'method.outlets.outlet': 'Видання',
	'method.outlets.basis': 'Підстава групування',
	'method.outlets.basisLink': 'підстава',
	'method.outlets.what': 'група «{group}» для {outlet}',
	'method.outlets.see': 'Усі видання цієї групи ({count}), кожне з підставою для його місця',
	'method.outlets.title': 'Видання в групі «{group}»',
	'method.outlets.back': '← Методика: групи видань',
	'method.outlets.breadcrumb': 'Назад до методики',
	'method.outlets.page': 'Сторінка {page} з {pages} ({total} видань, за назвою)',
	'method.outlets.pages': 'Сторінки видань',
	'method.limits.small':
		'Набір даних невеликий і зібраний вручну. Кількість статей показує, що знайшли й закодували, а не весь випуск видання; не сприймайте її як міру обсягу.',
	'method.limits.stored':
		'Джерела знайдено в збережених копіях публічних сторінок. Збережена копія може відрізнятися від чинної сторінки, а посилання — переставати працювати; дати взято такі, які показувала сторінка.',
	'method.limits.people':
		'Фрейми кодують люди (з допомогою ШІ), і це тлумачення. Примітка «Чому ці фрейми?» біля кожного твердження показує міркування, щоб ви могли з ним не погодитися.',
	'method.limits.label':
		'Мітка «Російський державний фреймінг» вказує, звідки твердження і як його подано; сама собою вона не означає, що твердження хибне. Позиції поруч наведено, щоб ви могли порівняти.',
	'method.limits.seed':
		'Стаття-першоджерело не має встановленого видавця; майже ідентичні версії з’являлися на кількох новинних сайтах із загальними назвами. Parallax використовує її як навчальний текст, а не як джерело.',
	'method.limits.language':
		'Інтерфейс доступний англійською та українською; дані зберігають мову джерела (здебільшого англійську, з російськими оригіналами поруч із цитатами), а повідомлення імпорту файлів, що вказують файл, рядок і стовпець, — лише англійською.',
	'method.data.version': 'Версія {version}.',
	'method.data.zip': 'Завантажити весь реєстр (zip)',
	'method.data.zipText': ': усі CSV нижче, ті самі дані одним файлом JSON, словник даних, маніфест і',
	'method.data.zipAfter': 'для цитування цієї версії. Зміни між версіями наведено в',
	'method.data.changelog': 'журналі змін',
	'method.data.after': '.',
	'method.data.caption': 'Файли даних у комплекті',
	'method.data.file': 'Файл',
	'method.data.provenance': 'Походження',
	'method.data.licence': 'Ліцензія',
	'method.data.codedBy': 'Хто й коли кодував',
	'method.data.synthetic': 'Синтетичні',
	'method.data.manifest': 'Завантажити маніфест (JSON)',
	'method.references.link': 'посилання'
} satisfies Record<keyof typeof en, string>;
