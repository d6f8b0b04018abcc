/** /method/suggestions: how well learned frame suggestions agree with the human coders. */
export const en = {
	'suggest.title': 'How well frame suggestions work',
	'suggest.lede':
		'Parallax can suggest frames for articles nobody has coded yet. Before anyone relies on a suggestion, this page shows how often the suggestions matched the project’s human coders on items the model had not seen.',
	'suggest.back': 'Back to the method and codebook',
	'suggest.how.title': 'How it was tested',
	'suggest.how.items':
		'{items} human-coded items from the bundled data: each claim’s quote with its original wording, and each coverage headline (or description) with its frames.',
	'suggest.how.stance':
		'A frame counts whatever its stance: the model says whether a frame is present in the text; whether the outlet adopts, reports or contests it depends on who is speaking, which word counts cannot see, so the stance stays a human decision.',
	'suggest.how.folds':
		'The items were split into {k} parts keeping each frame’s share similar in every part (stratified {k}-fold cross-validation, seed {seed}). Each part in turn was held out: a model trained on the other parts suggested frames for it, so every item was judged by a model that never saw it.',
	'suggest.how.model':
		'The model is logistic regression, one per frame, over words, pairs of words and parts of words (3 to 5 letters), so it reads English, Russian and Ukrainian alike. A frame is suggested when its probability is at least 0.5. It runs in your browser or on the server with nothing downloaded.',
	'suggest.how.choice':
		'Logistic regression was chosen over naive Bayes by these same tests: on the same folds naive Bayes reached micro F1 {micro} and macro F1 {macro}, logistic regression {modelMicro} and {modelMacro}.',
	'suggest.how.baseline':
		'The keyword baseline suggests a frame whenever one of the codebook’s cue phrases for it appears in the text. The cues are written in English, so it finds almost nothing in Russian or Ukrainian titles.',
	'suggest.results.title': 'Cross-validated results per frame',
	'suggest.results.caption': 'Suggestions against the human codes, {items} items, {k}-fold cross-validation',
	'suggest.col.frame': 'Frame',
	'suggest.col.support': 'Coded items',
	'suggest.col.model': 'Model',
	'suggest.col.baseline': 'Keyword baseline',
	'suggest.col.precision': 'Precision',
	'suggest.col.recall': 'Recall',
	'suggest.col.f1': 'F1',
	'suggest.col.alpha': 'α with humans',
	'suggest.row.micro': 'Micro average (every decision pooled)',
	'suggest.row.macro': 'Macro average (each frame counts equally; α is the mean over frames)',
	'suggest.results.none': '— means undefined: nothing was suggested, or the frame was never coded.',
	'suggest.meaning.title': 'What the numbers mean',
	'suggest.meaning.precision': 'Precision',
	'suggest.meaning.precision.text':
		'Of the items given a frame, the share a human coder had also given it. Low precision means many false alarms.',
	'suggest.meaning.recall': 'Recall',
	'suggest.meaning.recall.text': 'Of the items a human coded with a frame, the share that got it. Low recall means many misses.',
	'suggest.meaning.f1': 'F1',
	'suggest.meaning.f1.text':
		'One number balancing the two (their harmonic mean): 1 is perfect, 0 is never right. Frames with few coded items give unstable figures.',
	'suggest.meaning.alpha': 'Krippendorff’s α',
	'suggest.meaning.alpha.text':
		'Agreement between the suggestions and the human codes beyond what chance would give, as if the model were one more coder: 1 is perfect agreement, 0 is chance, below 0 worse than chance. Krippendorff recommends at least 0.8 for human coders, and 0.667 for tentative conclusions only.',
	'suggest.meaning.averages': 'Micro and macro',
	'suggest.meaning.averages.text':
		'Micro pools every decision, so common frames weigh most; macro averages the frames, so a rare frame missed entirely pulls it down as much as a common one.',
	'suggest.separate.title': 'Suggestions never replace human codes',
	'suggest.separate.text':
		'Suggestions are never mixed silently with human codes. Wherever they appear they are marked as suggestions, with the model, its date and these cross-validated figures, and a person decides whether a frame applies and with what stance.',
	'suggest.published.title': 'Compared with published work',
	'suggest.published.text':
		'Published systems report macro F1 of about 0.66 (RoBERTa-large on the Media Frames Corpus, sentence level) and F1 of about 0.55 for the best zero-shot language models on SemEval-2025 Task 10 narratives; those are other data, codebooks and much larger models, so they are a rough bearing, not a benchmark this small model can be ranked against.'
} as const;

export const uk = {
	'suggest.title': 'Наскільки добре працюють підказки фреймів',
	'suggest.lede':
		'Parallax може підказувати фрейми для статей, які ще ніхто не закодував. Перш ніж хтось покладеться на підказку, ця сторінка показує, як часто підказки збігалися з кодами людей-кодувальників проєкту на матеріалах, яких модель не бачила.',
	'suggest.back': 'Назад до методики й кодувальника',
	'suggest.how.title': 'Як це перевіряли',
	'suggest.how.items':
		'{items} закодованих людьми матеріалів із вбудованих даних: цитата кожного твердження з оригінальним формулюванням і кожен заголовок (або опис) публікації з її фреймами.',
	'suggest.how.stance':
		'Фрейм зараховано за будь-якої позиції: модель каже, чи є фрейм у тексті; а чи видання його приймає, передає чи заперечує, залежить від того, хто говорить, чого підрахунок слів не бачить, тож позицію й далі визначає людина.',
	'suggest.how.folds':
		'Матеріали поділено на {k} частин так, щоб частка кожного фрейму була схожою в кожній частині (стратифікована {k}-кратна перехресна перевірка, зерно {seed}). Кожну частину по черзі відкладали: модель, навчена на інших частинах, підказувала для неї фрейми, тож кожен матеріал оцінювала модель, яка його не бачила.',
	'suggest.how.model':
		'Модель — логістична регресія, окрема для кожного фрейму, на словах, парах слів і частинах слів (від 3 до 5 літер), тож вона однаково читає англійську, російську й українську. Фрейм підказується, коли його ймовірність щонайменше 0,5. Вона працює у вашому браузері або на сервері й нічого не завантажує.',
	'suggest.how.choice':
		'Логістичну регресію обрано замість наївного баєсового класифікатора за цими самими перевірками: на тих самих частинах наївний Баєс досяг мікро-F1 {micro} і макро-F1 {macro}, логістична регресія — {modelMicro} і {modelMacro}.',
	'suggest.how.baseline':
		'Базова модель за ключовими словами підказує фрейм, коли в тексті трапляється одна з його фраз-ознак із кодувальника. Ознаки записано англійською, тож у російських і українських заголовках вона майже нічого не знаходить.',
	'suggest.results.title': 'Результати перехресної перевірки за фреймами',
	'suggest.results.caption': 'Підказки порівняно з кодами людей, {items} матеріалів, {k}-кратна перехресна перевірка',
	'suggest.col.frame': 'Фрейм',
	'suggest.col.support': 'Закодовано матеріалів',
	'suggest.col.model': 'Модель',
	'suggest.col.baseline': 'Базова модель за ключовими словами',
	'suggest.col.precision': 'Влучність',
	'suggest.col.recall': 'Повнота',
	'suggest.col.f1': 'F1',
	'suggest.col.alpha': 'α з людьми',
	'suggest.row.micro': 'Мікросереднє (усі рішення разом)',
	'suggest.row.macro': 'Макросереднє (кожен фрейм важить однаково; α — середнє за фреймами)',
	'suggest.results.none': '— означає невизначене значення: нічого не підказано або фрейм жодного разу не закодовано.',
	'suggest.meaning.title': 'Що означають ці числа',
	'suggest.meaning.precision': 'Влучність',
	'suggest.meaning.precision.text':
		'Частка матеріалів із підказаним фреймом, яким людина-кодувальник теж дала цей фрейм. Низька влучність — багато хибних тривог.',
	'suggest.meaning.recall': 'Повнота',
	'suggest.meaning.recall.text':
		'Частка матеріалів, закодованих людиною з цим фреймом, які його отримали. Низька повнота — багато пропусків.',
	'suggest.meaning.f1': 'F1',
	'suggest.meaning.f1.text':
		'Одне число, що врівноважує обидва (їхнє гармонічне середнє): 1 — ідеально, 0 — жодного разу правильно. Фрейми з малою кількістю закодованих матеріалів дають нестійкі значення.',
	'suggest.meaning.alpha': 'α Кріппендорфа',
	'suggest.meaning.alpha.text':
		'Узгодженість підказок із кодами людей понад випадкову, ніби модель була ще одним кодувальником: 1 — повна згода, 0 — рівень випадковості, менше 0 — гірше за випадковість. Кріппендорф радить для кодувальників-людей щонайменше 0,8, а 0,667 — лише для попередніх висновків.',
	'suggest.meaning.averages': 'Мікро й макро',
	'suggest.meaning.averages.text':
		'Мікросереднє об’єднує всі рішення, тож найбільше важать поширені фрейми; макросереднє усереднює фрейми, тож повністю пропущений рідкісний фрейм знижує його так само, як поширений.',
	'suggest.separate.title': 'Підказки ніколи не замінюють кодів людей',
	'suggest.separate.text':
		'Підказки ніколи не змішуються непомітно з кодами людей. Де б вони не з’являлися, їх позначено як підказки — з моделлю, її датою й цими результатами перехресної перевірки, — а людина вирішує, чи фрейм застосовний і з якою позицією.',
	'suggest.published.title': 'Порівняння з опублікованими роботами',
	'suggest.published.text':
		'Опубліковані системи повідомляють макро-F1 близько 0,66 (RoBERTa-large на Media Frames Corpus, на рівні речень) і F1 близько 0,55 для найкращих мовних моделей без донавчання на наративах SemEval-2025 Task 10; це інші дані, кодувальники й значно більші моделі, тож це приблизний орієнтир, а не еталон, з яким можна рівняти цю невелику модель.'
} satisfies Record<keyof typeof en, string>;
