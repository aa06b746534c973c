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

/** Splits on anything that is not a letter or digit, keeping emoji and '%' as their own tokens. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)?%?|\p{Extended_Pictographic}|[?!@%€$]/gu) ?? [];
}

export function detectLanguage(text: string): Language {
  let de = /[äöüß]/i.test(text) ? 1 : 0;
  let en = 0;
  for (const w of words(text)) {
    if (FUNCTION_WORDS.de.has(w)) de++;
    if (FUNCTION_WORDS.en.has(w)) en++;
  }
  return de > en ? 'de' : 'en';
}

/** Lower-cased, accent-folded (ä → a, as the lexicons are), stemmed word tokens of one language. */
export function stems(text: string, lang: Language): string[] {
  const tokens = words(normalizers[lang].normalize(text)).filter((t) => /[\p{L}\p{N}]/u.test(t));
  return stemmers[lang].stem(tokens);
}
