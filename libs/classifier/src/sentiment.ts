/// <reference path="./nlpjs.d.ts" />
import { SentimentDe } from '@nlpjs/lang-de';
import { SentimentEn } from '@nlpjs/lang-en';
import { stems, words, type Language } from './text';

/**
 * Lexicon sentiment: the ML-SentiCon lexicons that nlp.js ships for German and English (stemmed
 * keys, scores in −1…1), plus a short list of this domain's words the general lexicons miss or
 * score neutrally (a parcel that is "kaputt" or "broken" is bad news in customer service) and the
 * emoji commenters actually use. Negations turn a positive word within the next two
 * tokens negative. Politeness words (bitte, please) are neutral here: the general lexicons score
 * them, but in a comment they say nothing about the writer's mood.
 */
const DOMAIN: Record<Language, Record<string, number>> = {
  de: {
    kaputt: -0.7, defekt: -0.7, beschad: -0.6, enttauscht: -0.7, enttausch: -0.7, arger: -0.5, argerlich: -0.6,
    katastroph: -0.8, miserabel: -0.8, schlecht: -0.7, schlechtest: -0.9, schwach: -0.5, nie: -0.2,
    bitt: 0, reklamation: -0.4, beschwer: -0.5, undicht: -0.5, absturz: -0.5, sturzt: -0.5, fehlt: -0.4, warte: -0.2,
    toll: 0.7, super: 0.7, mega: 0.6, top: 0.6, begeistert: 0.8, begeist: 0.8, lieb: 0.6, liebe: 0.7,
    danke: 0.4, dank: 0.4, perfekt: 0.8, wunderschon: 0.8, wunderbar: 0.8, klasse: 0.7, hammer: 0.6,
    grossart: 0.8, fantast: 0.8, traumhaft: 0.8, lecker: 0.7, zufried: 0.6, happy: 0.6, empfehl: 0.5, gefallt: 0.5,
  },
  en: {
    broken: -0.7, broke: -0.6, damag: -0.6, disappoint: -0.7, annoy: -0.6, disast: -0.8, bad: -0.7, worst: -0.9,
    pleas: 0, poor: -0.6, crash: -0.5, leak: -0.5, complaint: -0.5, wrong: -0.4, miss: -0.3, never: -0.2, die: -0.4, still: -0.1,
    great: 0.7, love: 0.7, awesom: 0.8, amaz: 0.8, brilliant: 0.8, fantast: 0.8, perfect: 0.8, beauti: 0.7,
    thank: 0.4, thanks: 0.4, happi: 0.6, gorgeous: 0.8, wonder: 0.7, recommend: 0.5, lovely: 0.7, ador: 0.7, best: 0.7,
  },
};
const EMOJI: Record<string, number> = {
  '😍': 0.8, '❤️': 0.8, '❤': 0.8, '👍': 0.6, '👏': 0.6, '🔥': 0.3, '🙏': 0.2, '😂': 0.2, '😡': -0.8, '👎': -0.7, '😠': -0.7, '😢': -0.5,
};
// Maps, not the merged objects: tens of thousands of keys put an object in dictionary mode, and
// this lookup runs for every stem of every ingested message.
const LEXICON: Record<Language, Map<string, number>> = {
  de: new Map(Object.entries({ ...SentimentDe.senticon, ...DOMAIN.de })),
  en: new Map(Object.entries({ ...SentimentEn.senticon, ...DOMAIN.en })),
};
const NEGATIONS: Record<Language, Set<string>> = {
  de: new Set([...SentimentDe.negations.words, 'nichts', 'nie']),
  en: new Set([...SentimentEn.negations.words, "don't", 'dont', "doesn't", 'doesnt', "isn't", "won't", "can't", 'cant']),
};

export function sentimentOf(text: string, lang: Language): number {
  return sentimentOfStems(stems(text, lang), words(text), lang);
}

/** The same, from stems and raw words the caller already has (the classifier computes them once). */
export function sentimentOfStems(tokens: string[], raw: string[], lang: Language): number {
  let sum = 0;
  let hits = 0;
  let negate = 0;
  for (const t of tokens) {
    if (NEGATIONS[lang].has(t)) {
      negate = 2;
      continue;
    }
    const score = LEXICON[lang].get(t);
    if (score !== undefined && Math.abs(score) >= 0.05) {
      // "nicht gut" / "not great" turn praise around; "never again worst" stays negative.
      sum += negate > 0 && score > 0 ? -score : score;
      hits++;
    }
    if (negate > 0) negate--;
  }
  for (const w of raw) {
    const score = EMOJI[w];
    if (score !== undefined) {
      sum += score;
      hits++;
    }
  }
  if (!hits) return 0;
  // Averaging keeps one strong word strong; the square root lets agreeing words add up a little.
  const value = sum / Math.sqrt(hits);
  return Math.round(Math.max(-1, Math.min(1, value)) * 1000) / 1000;
}
