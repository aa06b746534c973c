import { isNegator, tokenize, type Token } from './hashing';
import type { Language } from './text';
import lexiconEn from './model/lexicon-en.json';
import lexiconDe from './model/lexicon-de.json';

/**
 * Rule-based polarity in the manner of VADER (Hutto & Gilbert 2014), from VADER's English lexicon
 * (MIT) and the project's own German word list (data/lexicons/de.tsv; word → valence −4…4) plus a
 * short list of customer-service words ("Verspätung", "late", "missing"). German lexicons derived
 * from SentiWS (GerVADER, nlp.js's German "senticon") are not used: SentiWS is non-commercial.
 * The rules:
 * - negation scope: a negator flips (and dampens, ×−0.74) the valence of the next words up to a
 *   punctuation mark or five words ("not happy at all", "gar nicht zufrieden");
 * - intensifiers and dampeners scale the next valenced word ("very good" ×1.3, "etwas teuer" ×0.7);
 * - "but"/"aber": what follows counts 1.5×, what came before 0.5×;
 * - "!" adds emphasis in the direction of the sum.
 * The result goes in as features of the sentiment models (which learn how much to trust it), not
 * as the sentiment itself: the lexicon knows words, the models know comments.
 */
const DOMAIN: Record<Language, Record<string, number>> = {
  en: {
    late: -1.5,
    delayed: -1.5,
    delay: -1.3,
    missing: -1.5,
    damaged: -2,
    faulty: -2,
    defective: -2,
    cracked: -1.5,
    leaks: -1.5,
    leaking: -1.5,
    lost: -1.3,
    cancelled: -1,
    canceled: -1,
    overcharged: -2,
    unreachable: -1.5,
    ignored: -1.8,
    soaked: -1.2,
    ripped: -1.5,
    snapped: -1.3,
    // "like" is mostly "would like" or "looks like" in comments, not a compliment.
    like: 0,
  },
  de: {
    verspätung: -1.5,
    verspätungen: -1.5,
    verspätet: -1.5,
    verspätete: -1.5,
    lieferverzug: -1.8,
    ausfall: -1.5,
    zugausfall: -1.8,
    ausgefallen: -1.5,
    defekt: -2,
    defekte: -2,
    beschädigt: -2,
    beschädigte: -2,
    fehlt: -1.2,
    fehlen: -1.2,
    fehlte: -1.2,
    verloren: -1.3,
    gerissen: -1.5,
    kaputte: -1.5,
    storniert: -1,
    abgebucht: -0.5,
    unverschämt: -2.5,
    frechheit: -2.5,
    unfreundlich: -2,
    unfreundliche: -2,
    ignoriert: -1.8,
    nass: -0.8,
    mega: 1.5,
    spitze: 2,
    klasse: 2,
    genial: 2.5,
    top: 2,
  },
};
// The emoji commenters use (VADER's lexicon has emoticons such as ":)" but no emoji).
const EMOJI: Record<string, number> = {
  '😍': 3,
  '❤': 3,
  '🥰': 3,
  '😊': 2,
  '👍': 2,
  '👏': 2,
  '🙌': 2,
  '🎉': 2,
  '🔥': 1.5,
  '🙏': 1,
  '💪': 1.5,
  '😂': 1,
  '🙄': -1.5,
  '😡': -3,
  '🤬': -3,
  '😠': -2.5,
  '😤': -2,
  '😢': -2,
  '😭': -1.5,
  '👎': -2,
  '😕': -1,
  '😒': -1.5,
  '💩': -2.5,
  '🤮': -2.5,
};
const LEXICON: Record<Language, Map<string, number>> = {
  en: new Map([...expand(lexiconEn), ...Object.entries(DOMAIN.en), ...Object.entries(EMOJI)]),
  de: new Map([...expand(lexiconDe), ...Object.entries(DOMAIN.de), ...Object.entries(EMOJI)]),
};

/** The shipped files group words by valence ({"-1.5": "word word …"}): 40 % smaller than word → valence. */
function expand(grouped: Record<string, string>): Array<[string, number]> {
  return Object.entries(grouped).flatMap(([valence, words]) => words.split(' ').map((w): [string, number] => [w, Number(valence)]));
}

const INTENSIFIERS: Record<Language, Map<string, number>> = {
  en: new Map([
    ...['very', 'really', 'so', 'extremely', 'absolutely', 'totally', 'completely', 'incredibly', 'super', 'highly', 'truly', 'utterly', 'most'].map(
      (w) => [w, 1.3] as const,
    ),
    ...['slightly', 'somewhat', 'kinda', 'kind', 'bit', 'little', 'fairly', 'rather', 'barely', 'almost'].map((w) => [w, 0.7] as const),
  ]),
  de: new Map([
    ...[
      'sehr',
      'echt',
      'total',
      'extrem',
      'absolut',
      'richtig',
      'wirklich',
      'mega',
      'voll',
      'äußerst',
      'unglaublich',
      'höchst',
      'so',
      'viel',
      'besonders',
      'ganz',
    ].map((w) => [w, 1.3] as const),
    ...['etwas', 'bisschen', 'leicht', 'ziemlich', 'eher', 'kaum', 'fast', 'einigermaßen'].map((w) => [w, 0.7] as const),
  ]),
};
const BUT: Record<Language, ReadonlySet<string>> = {
  en: new Set(['but', 'however', 'although', 'though']),
  de: new Set(['aber', 'jedoch', 'allerdings', 'trotzdem', 'doch']),
};
const NEGATION_SCOPE = 5;

export interface Polarity {
  /** −1…1 (VADER's compound normalisation of the summed valences). */
  compound: number;
  positiveWords: number;
  negativeWords: number;
}

export function polarity(text: string, lang: Language): Polarity {
  return polarityOfTokens(tokenize(text), lang);
}

export function polarityOfTokens(tokens: readonly Token[], lang: Language): Polarity {
  const valences: number[] = [];
  let negated = 0;
  let boost = 1;
  let butAt = -1;
  let exclamations = 0;
  for (const token of tokens) {
    if (token.kind === 'punct') {
      negated = 0;
      boost = 1;
      if (token.text === '!') exclamations++;
      continue;
    }
    const word = token.text;
    if (token.kind === 'word' && isNegator(word, lang)) {
      negated = NEGATION_SCOPE;
      continue;
    }
    if (BUT[lang].has(word)) {
      butAt = valences.length;
      continue;
    }
    const scale = INTENSIFIERS[lang].get(word);
    if (scale !== undefined) {
      boost *= scale;
      continue;
    }
    const valence = LEXICON[lang].get(word);
    if (valence !== undefined) {
      valences.push(valence * boost * (negated > 0 ? -0.74 : 1));
      boost = 1;
    }
    if (negated > 0) negated--;
  }
  let sum = 0;
  let positiveWords = 0;
  let negativeWords = 0;
  valences.forEach((v, i) => {
    const weight = butAt < 0 ? 1 : i < butAt ? 0.5 : 1.5;
    sum += v * weight;
    if (v > 0) positiveWords++;
    if (v < 0) negativeWords++;
  });
  if (sum !== 0) sum += Math.sign(sum) * Math.min(exclamations, 4) * 0.292;
  const compound = sum / Math.sqrt(sum * sum + 15);
  return { compound: Math.round(compound * 1000) / 1000, positiveWords, negativeWords };
}

/** The polarity as features for the linear models: the compound's band and the word counts. */
export function polarityFeatures(p: Polarity): string[] {
  const out: string[] = [];
  const c = p.compound;
  out.push(c <= -0.5 ? '#lex:neg2' : c <= -0.05 ? '#lex:neg1' : c < 0.05 ? '#lex:zero' : c < 0.5 ? '#lex:pos1' : '#lex:pos2');
  for (let i = 0; i < Math.min(p.positiveWords, 3); i++) out.push('#lex:+');
  for (let i = 0; i < Math.min(p.negativeWords, 3); i++) out.push('#lex:-');
  if (p.positiveWords && p.negativeWords) out.push('#lex:mixed');
  return out;
}
