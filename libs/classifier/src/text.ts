/// <reference path="./nlpjs.d.ts" />
import { NormalizerDe, StemmerDe } from '@nlpjs/lang-de';
import { NormalizerEn, StemmerEn } from '@nlpjs/lang-en';

export type Language = 'de' | 'en';
export const LANGUAGES: Language[] = ['de', 'en'];

// Function words tell German from English in short comments better than character statistics do.
const FUNCTION_WORDS: Record<Language, Set<string>> = {
  de: new Set(
    'der die das und ist ich ein eine einen nicht es gibt habt ihr wie wo was wann mit für fur auf auch noch mal schon bei bitte danke mein meine euer eure euch sie wir kann man wird sind hat haben zu von den dem im am aus nach oder aber sehr kein keine'.split(' '),
  ),
  en: new Set(
    'the a an and is i it not there do does you your how where what when with for on also still at please thanks thank my our can will are has have to of in from or but very no this that get got any me'.split(' '),
  ),
};

const stemmers = { de: new StemmerDe(), en: new StemmerEn() };
const normalizers = { de: new NormalizerDe(), en: new NormalizerEn() };
/**
 * nlp.js stemmers remember every word they ever stemmed, in an object that only grows: in a
 * worker that classifies every inbound message for months (names, typos, order numbers, links)
 * that is a leak. Starting the memory afresh every STEM_CACHE_WORDS stemmed words keeps most of
 * its use (common words come back within a few thousand comments) at a bounded size.
 */
const STEM_CACHE_WORDS = 50_000;
let stemmedSinceReset = 0;

/** Words the stemmers remember now (bounded by STEM_CACHE_WORDS plus one text's words). */
export function stemCacheSize(): number {
  return Object.values(stemmers).reduce((n, stemmer) => n + Object.keys(stemmer.cache).length, 0);
}

/** Splits on anything that is not a letter or digit, keeping emoji and '%' as their own tokens. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)?%?|\p{Extended_Pictographic}|[?!@%€$]/gu) ?? [];
}

/** `tokens`: words(text), when the caller has them already. */
export function detectLanguage(text: string, tokens: string[] = words(text)): Language {
  let de = /[äöüß]/i.test(text) ? 1 : 0;
  let en = 0;
  for (const w of tokens) {
    if (FUNCTION_WORDS.de.has(w)) de++;
    if (FUNCTION_WORDS.en.has(w)) en++;
  }
  return de > en ? 'de' : 'en';
}

/** Lower-cased, accent-folded (ä → a, as the lexicons are), stemmed word tokens of one language. */
export function stems(text: string, lang: Language): string[] {
  const tokens = words(normalizers[lang].normalize(text)).filter((t) => /[\p{L}\p{N}]/u.test(t));
  stemmedSinceReset += tokens.length;
  if (stemmedSinceReset > STEM_CACHE_WORDS) {
    stemmedSinceReset = 0;
    for (const stemmer of Object.values(stemmers)) stemmer.cache = {};
  }
  return stemmers[lang].stem(tokens);
}
