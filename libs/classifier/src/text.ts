import { tokenize, type Token } from './hashing';
import type { Language } from './language';

export { LANGUAGES, type Language } from './language';

// Function words tell German from English in short comments better than character statistics do.
const FUNCTION_WORDS: Record<Language, Set<string>> = {
  de: new Set(
    'der die das und ist ich ein eine einen nicht es gibt habt ihr wie wo was wann wer mit für fur auf auch noch mal schon bei bitte danke mein meine euer eure euch sie wir kann man wird sind hat haben zu von den dem im am aus nach oder aber sehr kein keine'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the a an and is i it not there do does you your how where what when who with for on also still at please thanks thank my our can will are has have to of in from or but very no this that get got any me'.split(
      ' ',
    ),
  ),
};

/** German or English, from function words and umlauts; `tokens`: tokenize(text), when the caller has them. */
export function detectLanguage(text: string, tokens: readonly Token[] = tokenize(text)): Language {
  let de = /[äöüß]/i.test(text) ? 1 : 0;
  let en = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (FUNCTION_WORDS.de.has(t.text)) de++;
    if (FUNCTION_WORDS.en.has(t.text)) en++;
  }
  return de > en ? 'de' : 'en';
}
