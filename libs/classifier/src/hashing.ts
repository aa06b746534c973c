import type { Language } from './language';

/**
 * The features both linear models read: word unigrams and bigrams with negation scope, character
 * 3–5-grams inside words, and a few shape features, hashed into 2^bits buckets (the hashing
 * trick: no vocabulary to ship, unknown words still share character n-grams with known ones —
 * German compounds such as "Lieferverzögerung" meet "Lieferung" and "Verzögerung").
 *
 * Every feature carries the weight 1/√n (n = the text's feature count), so long and short texts
 * score on the same scale. Nothing here allocates per character: the ingest path runs this for
 * every inbound message.
 */
export interface HashedFeatures {
  ids: Int32Array;
  /** The value every feature has (1/√n). */
  value: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

function hashText(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

// Distinct seeds keep "not" the word, "not" inside a bigram and the n-gram "not" apart.
const SEED_WORD = hashText(FNV_OFFSET, 'w');
const SEED_NEGATED = hashText(FNV_OFFSET, 'n');
const SEED_BIGRAM = hashText(FNV_OFFSET, 'b');
const SEED_CHARS = hashText(FNV_OFFSET, 'c');
const SEED_SHAPE = hashText(FNV_OFFSET, 's');

/**
 * Words that open a negation scope; the scope runs to the next punctuation mark or five words,
 * whichever comes first ("not happy at all" → not, NOT_happy, NOT_at, NOT_all), so the models
 * learn "happy" and "negated happy" as different things instead of flipping the next two tokens.
 */
export const NEGATORS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'nor', 'neither', 'cannot', 'without', 'hardly', 'nowhere']),
  de: new Set(['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'niemand', 'weder', 'ohne', 'kaum', 'nirgends']),
};
const NEGATION_SCOPE = 5;

/** English contractions ("don't", "isn't", "can't", "wont") negate as "not" does. */
export function isNegator(word: string, lang: Language): boolean {
  if (NEGATORS[lang].has(word)) return true;
  return (
    lang === 'en' &&
    (word.endsWith("n't") ||
      word.endsWith('n’t') ||
      word === 'dont' ||
      word === 'didnt' ||
      word === 'doesnt' ||
      word === 'isnt' ||
      word === 'cant' ||
      word === 'wont' ||
      word === 'wasnt' ||
      word === 'havent')
  );
}

// One pattern, one capture group per kind of token: 1 link (with or without a scheme), 2 mention,
// 3 emoticon (":)", ";-(", "<3"), 4 word or number, 5 emoji, 6 punctuation. Most comments have no
// link, and the link alternatives are the slow part: those get the pattern whose group 1 never matches.
const LINK = String.raw`https?:\/\/\S+|www\.\S+|\b[\w-]+\.(?:com|net|org|biz|info|xyz|top|shop|win|ly|me|io|de)\b\/?\S*`;
const REST = String.raw`|(@\w+)|((?:<3+|[:;=][-'^o]?[)(\][dp\/|*3o@$]+|[)(\]\[d][-'^]?[:;=])(?![\p{L}\p{N}]))|([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|(\p{Extended_Pictographic})|([?!.,;:])`;
const TOKEN_WITH_LINKS = new RegExp(`(${LINK})${REST}`, 'gu');
const TOKEN = new RegExp(`((?!))${REST}`, 'gu');
const MAY_HAVE_LINK = /https?:|www\.|[\w-]\.(?:com|net|org|biz|info|xyz|top|shop|win|ly|me|io|de)\b/i;
const STRETCHED = /(\p{L})\1\1/u;
const STRETCHED_ALL = /(\p{L})\1{2,}/gu;
const DIGITS = /^\d+$/;

export interface Token {
  text: string;
  kind: 'word' | 'number' | 'link' | 'mention' | 'emoji' | 'emoticon' | 'punct';
  stretched?: boolean;
}

const KINDS = [undefined, 'link', 'mention', 'emoticon', 'word', 'emoji', 'punct'] as const;

/** The tokens the features are built from: lower-cased; links and mentions kept whole. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const lower = text.toLowerCase();
  const pattern = MAY_HAVE_LINK.test(lower) ? TOKEN_WITH_LINKS : TOKEN;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const kind = KINDS[group];
    const t = m[0];
    if (!kind) continue; // unreachable: every match fills one of the groups
    if (kind !== 'word') out.push({ text: t, kind });
    else if (DIGITS.test(t)) out.push({ text: t, kind: 'number' });
    // "soooo goooood" is "soo good" said loudly: one spelling, plus a feature that it was stretched.
    else if (STRETCHED.test(t)) out.push({ text: t.replace(STRETCHED_ALL, '$1$1'), kind: 'word', stretched: true });
    else out.push({ text: t, kind: 'word' });
  }
  return out;
}

/** Hashed feature ids of one text for a model with 2^bits buckets. */
export function hashFeatures(text: string, lang: Language, bits: number, extra: readonly string[] = []): HashedFeatures {
  return project(featureHashes(text, tokenize(text), lang, extra), bits);
}

/**
 * A text's features as full 32-bit hashes: computed once per comment, then folded into each
 * model's hash space by project() (the intent and the sentiment model differ only in size).
 */
export function featureHashes(text: string, tokens: readonly Token[], lang: Language, extra: readonly string[] = []): number[] {
  const ids: number[] = [];
  let previous = SEED_BIGRAM;
  let havePrevious = false;
  let negated = 0;
  let words = 0;
  for (const token of tokens) {
    if (token.kind === 'punct') {
      ids.push(hashText(SEED_SHAPE, token.text));
      negated = 0;
      havePrevious = false;
      continue;
    }
    // Links, mentions and numbers say what they are, not which one ("link", "number").
    const word = token.kind === 'word' || token.kind === 'emoji' || token.kind === 'emoticon' ? token.text : `<${token.kind}>`;
    ids.push(hashText(negated > 0 ? SEED_NEGATED : SEED_WORD, word));
    const unseeded = hashText(FNV_OFFSET, word);
    if (havePrevious) ids.push(mix(previous, unseeded));
    previous = mix(SEED_BIGRAM, unseeded);
    havePrevious = true;
    if (negated > 0) negated--;
    if (token.kind === 'word') {
      words++;
      if (isNegator(token.text, lang)) negated = NEGATION_SCOPE;
      pushCharGrams(token.text, ids);
    }
  }
  if (tokens.some((t) => t.stretched)) ids.push(hashText(SEED_SHAPE, '#stretched'));
  if (tokens.some((t) => t.kind === 'link')) ids.push(hashText(SEED_SHAPE, '#link'));
  if (words <= 3) ids.push(hashText(SEED_SHAPE, '#short'));
  if (/\d\s?%/.test(text)) ids.push(hashText(SEED_SHAPE, '#percent'));
  if (/[€$£]|\beur(o|os)?\b|\bchf\b|\bfranken\b/i.test(text)) ids.push(hashText(SEED_SHAPE, '#money'));
  if (/\b[A-ZÄÖÜ]{4,}\b/.test(text)) ids.push(hashText(SEED_SHAPE, '#shout'));
  for (const e of extra) ids.push(hashText(SEED_SHAPE, e));
  return ids;
}

/** Folds full hashes (plus model-specific extras) into a model's 2^bits buckets. */
export function project(hashes: readonly number[], bits: number, extra: readonly string[] = []): HashedFeatures {
  const mask = (1 << bits) - 1;
  const ids = new Int32Array(hashes.length + extra.length);
  for (let i = 0; i < hashes.length; i++) ids[i] = hashes[i] & mask;
  for (let i = 0; i < extra.length; i++) ids[hashes.length + i] = hashText(SEED_SHAPE, extra[i]) & mask;
  return { ids, value: ids.length ? 1 / Math.sqrt(ids.length) : 0 };
}

/** Character 3-, 4- and 5-grams of "<word>" (with boundary marks), hashed without substrings. */
function pushCharGrams(word: string, ids: number[]): void {
  const n = word.length + 2;
  const at = (i: number) => (i === 0 ? 60 /* < */ : i === n - 1 ? 62 /* > */ : word.charCodeAt(i - 1));
  for (let start = 0; start + 3 <= n; start++) {
    let h = SEED_CHARS;
    for (let i = start; i < start + 5 && i < n; i++) {
      h = mix(h, at(i));
      if (i - start >= 2) ids.push(mix(h, i - start));
    }
  }
}
