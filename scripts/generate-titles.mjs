// Synthetic headlines for the suggestion benchmark. Made-up text from word lists in English,
// Russian and Ukrainian: no real outlet, quote or headline; never written to data/ or shown to
// users. Coded items carry the frames whose marker words they were built from, so a model has
// something to learn; the benchmark measures speed, not accuracy.
//
//   import { syntheticTitles } from './scripts/generate-titles.mjs';
//   const { items, titles, frames } = syntheticTitles({ items: 5000, titles: 100000, seed: 7 });

function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FILLER = {
	en: [
		'minister',
		'says',
		'talks',
		'city',
		'report',
		'week',
		'new',
		'plan',
		'officials',
		'after',
		'meeting',
		'region',
		'government',
		'warns',
		'over',
		'latest'
	],
	ru: [
		'министр',
		'заявил',
		'переговоры',
		'город',
		'доклад',
		'неделя',
		'новый',
		'план',
		'власти',
		'после',
		'встречи',
		'регион',
		'правительство',
		'предупредил'
	],
	uk: [
		'міністр',
		'заявив',
		'переговори',
		'місто',
		'доповідь',
		'тиждень',
		'новий',
		'план',
		'влада',
		'після',
		'зустрічі',
		'регіон',
		'уряд',
		"пам'ять"
	]
};

const MARKERS = {
	'nato-threat': { en: ['nato', 'borders', 'encirclement'], ru: ['нато', 'границ', 'окружение'], uk: ['нато', 'кордонів', 'оточення'] },
	'escalation-arms-race': {
		en: ['arms', 'race', 'escalation'],
		ru: ['гонка', 'вооружений', 'эскалация'],
		uk: ['гонка', 'озброєнь', 'ескалація']
	},
	'western-decline': { en: ['decline', 'disunity', 'vassals'], ru: ['упадок', 'раскол', 'вассалы'], uk: ['занепад', 'розкол', 'васали'] },
	'russian-threat': { en: ['kremlin', 'attack', 'threat'], ru: ['кремль', 'атака', 'угроза'], uk: ['кремль', 'атака', 'загроза'] },
	'ukraine-support': {
		en: ['aid', 'support', 'ukraine'],
		ru: ['помощь', 'поддержка', 'украина'],
		uk: ['допомога', 'підтримка', 'україна']
	},
	'staged-evidence': {
		en: ['staged', 'fake', 'provocation'],
		ru: ['постановка', 'фейк', 'провокация'],
		uk: ['інсценування', 'фейк', 'провокація']
	}
};

export const SYNTHETIC_FRAMES = Object.keys(MARKERS);
const LANGUAGES = ['en', 'ru', 'uk'];

export function syntheticTitles({ items = 5000, titles = 100_000, seed = 7 } = {}) {
	const random = prng(seed);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const title = () => {
		const language = pick(LANGUAGES);
		const frames = SYNTHETIC_FRAMES.filter(() => random() < 0.12);
		const words = Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(FILLER[language]));
		for (const frame of frames) words.splice(Math.floor(random() * words.length), 0, pick(MARKERS[frame][language]));
		const text = words.join(' ');
		return { text: text[0].toUpperCase() + text.slice(1), frames };
	};
	return {
		frames: SYNTHETIC_FRAMES,
		items: Array.from({ length: items }, title),
		titles: Array.from({ length: titles }, () => title().text)
	};
}
