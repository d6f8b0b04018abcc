/** The annotated seed article, and the frame chips shown on it and elsewhere. Its sentences, notes and provenance are data and keep their language. */
export const en = {
	'article.title': 'Annotated article',
	'article.heading': 'One article, sentence by sentence',
	'article.lede':
		'This is the news article Parallax started from. {framed} of its {total} sentences carry a framing from the codebook; each one is marked, named, and linked to the sourced claim it retells and to what other sources say about it.',
	'article.about': 'About this text',
	'article.annotate': 'Show annotations',
	'article.framesIn': 'Frames in sentence {n}',
	'article.claimLink': 'The sourced claim: {speaker}, {date}, “{gist}” — and what others say',
	'article.claimLinkParaphrase': 'The sourced claim: {speaker}, {date}, in paraphrase: {gist} — and what others say',
	'frames.label': 'Frames',
	'frames.what': 'the frame {frame}'
} as const;

export const uk = {
	'article.title': 'Стаття з анотаціями',
	'article.heading': 'Одна стаття, речення за реченням',
	'article.lede':
		'Це новинна стаття, з якої почався Parallax. Речень із фреймінгом з кодувальника: {framed} із {total}; кожне таке речення позначено, названо й пов’язано із задокументованим твердженням, яке воно переказує, і з тим, що про нього кажуть інші джерела.',
	'article.about': 'Про цей текст',
	'article.annotate': 'Показувати анотації',
	'article.framesIn': 'Фрейми в реченні {n}',
	'article.claimLink': 'Задокументоване твердження: {speaker}, {date}, «{gist}» — і що кажуть інші',
	'article.claimLinkParaphrase': 'Задокументоване твердження: {speaker}, {date}, у переказі: {gist} — і що кажуть інші',
	'frames.label': 'Фрейми',
	'frames.what': 'фрейм «{frame}»'
} satisfies Record<keyof typeof en, string>;
