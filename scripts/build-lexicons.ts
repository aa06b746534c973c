/**
 * Writes the sentiment lexicons the classifier ships, libs/classifier/src/model/lexicon-{en,de}.json,
 * from VADER's English lexicon (vaderSentiment/vader_lexicon.txt, github.com/cjhutto/vaderSentiment,
 * MIT) and the project's own German word list (libs/classifier/data/lexicons/de.tsv, written for this
 * repository). GerVADER and the German "senticon" of nlp.js were not used: both are derived from
 * SentiWS, whose licence (CC BY-NC-SA 3.0) forbids commercial use (docs/classifier.md).
 * Run before scripts/train-classifier.ts (the lexicon polarity is a feature of its models).
 *
 *   node -r ./scripts/register-ts.cjs scripts/build-lexicons.ts --vader <file>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** VADER's `word<TAB>valence<TAB>…` lines → word → valence, lower-cased, first entry of a word wins. */
function vaderValences(content: string): Map<string, number> {
  const valence = new Map<string, number>();
  for (const line of content.split('\n')) {
    const [word, value] = line.split('\t');
    const w = word?.trim().toLowerCase();
    if (!w || w.includes(' ') || value === undefined || Number.isNaN(Number(value)) || valence.has(w)) continue;
    valence.set(w, Math.round(Number(value) * 10) / 10);
  }
  return valence;
}

const ADJECTIVE_ENDINGS = ['e', 'em', 'en', 'er', 'es'];

/**
 * The project's word list: `lemma<TAB>valence[<TAB>form,form,…]`, "+adj" among the forms adds the
 * adjective endings to the lemma; # starts a comment. Every form gets the lemma's valence.
 */
function ownValences(content: string): Map<string, number> {
  const valence = new Map<string, number>();
  content.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [lemma, value, forms = ''] = line.split('\t');
    const v = Number(value);
    if (!lemma || value === undefined || Number.isNaN(v) || v < -4 || v > 4)
      throw new Error(`line ${i + 1}: expected lemma<TAB>valence (−4…4)[<TAB>forms], got "${line}"`);
    const words = [lemma, ...forms.split(',').filter(Boolean)].flatMap((f) => (f === '+adj' ? ADJECTIVE_ENDINGS.map((e) => `${lemma}${e}`) : [f]));
    for (const w of words.map((f) => f.trim().toLowerCase())) if (w && !w.includes(' ') && !valence.has(w)) valence.set(w, Math.round(v * 10) / 10);
  });
  return valence;
}

/** word → valence as {valence: "word word …"}, words sorted, zero valences dropped. */
function grouped(valence: Map<string, number>): Record<string, string> {
  const grouped = new Map<number, string[]>();
  for (const [w, v] of [...valence].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (v !== 0) grouped.set(v, [...(grouped.get(v) ?? []), w]);
  return Object.fromEntries([...grouped].sort(([a], [b]) => a - b).map(([v, words]) => [String(v), words.join(' ')]));
}

const libDir = join(__dirname, '..', 'libs', 'classifier');
const vader = option('vader');
if (!vader) throw new Error('--vader <vader_lexicon.txt> is required (see the comment at the top of this file)');
for (const [lang, valences] of [
  ['en', vaderValences(readFileSync(vader, 'utf8'))],
  ['de', ownValences(readFileSync(join(libDir, 'data', 'lexicons', 'de.tsv'), 'utf8'))],
] as const) {
  const lexicon = grouped(valences);
  writeFileSync(join(libDir, 'src', 'model', `lexicon-${lang}.json`), `${JSON.stringify(lexicon, null, 1)}\n`);
  const words = Object.values(lexicon).reduce((n, w) => n + w.split(' ').length, 0);
  process.stdout.write(`lexicon-${lang}.json: ${words} words\n`);
}
