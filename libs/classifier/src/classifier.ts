import { INTENTS, type Intent } from '@resonance/contracts';
import { NaiveBayes } from './naive-bayes';
import { sentimentOfStems } from './sentiment';
import { detectLanguage, stems, words, type Language } from './text';
import trainingSet from './data/train.json';

export interface LabelledComment {
  lang: Language;
  intent: Intent;
  text: string;
}

export interface Classification {
  intent: Intent;
  /** Posterior probability of the chosen intent (0…1). */
  confidence: number;
  /** −1 (negative) … 1 (positive); 0 when no scored word was found. */
  sentiment: number;
  language: Language;
}

/**
 * Features of one comment: language-tagged stems and stem bigrams, plus a few shape features that
 * carry intent in short comments in either language (a question mark, a percentage, a mention,
 * a link, emoji).
 */
export function features(text: string, lang: Language): string[] {
  const s = stems(text, lang);
  const raw = words(text);
  return featuresOf(text, s, raw, lang, sentimentOfStems(s, raw, lang));
}

function featuresOf(text: string, s: string[], raw: string[], lang: Language, polarity: number): string[] {
  const out = s.map((t) => `${lang}:${t}`);
  for (let i = 1; i < s.length; i++) out.push(`${lang}:${s[i - 1]}_${s[i]}`);
  if (raw.includes('?')) out.push('#question');
  if (raw.includes('!')) out.push('#exclaim');
  if (raw.includes('@')) out.push('#mention');
  if (raw.some((w) => w.endsWith('%'))) out.push('#percent');
  if (/https?:\/\//i.test(text)) out.push('#link');
  if (raw.some((w) => /\p{Extended_Pictographic}/u.test(w))) out.push('#emoji');
  if (s.length <= 2) out.push('#short');
  // German compounds ("Rabattcode", "Gutscheincode", "Lieferverzug") share their parts with
  // the words the training set has: character 4-grams of long stems let them meet.
  for (const t of s) if (t.length >= 7) for (let i = 0; i + 4 <= t.length; i++) out.push(`${lang}~${t.slice(i, i + 4)}`);
  // Polarity from the sentiment lexicon separates praise from complaints when words are rare.
  if (polarity >= 0.2) out.push('#positive', '#positive');
  if (polarity <= -0.2) out.push('#negative', '#negative');
  return out;
}

export class IntentClassifier {
  private readonly model = new NaiveBayes<Intent>(INTENTS);

  constructor(training: readonly LabelledComment[]) {
    for (const item of training) this.model.learn(features(item.text, item.lang), item.intent);
  }

  classify(text: string, language?: Language): Classification {
    const raw = words(text);
    const lang = language ?? detectLanguage(text, raw);
    const s = stems(text, lang);
    const sentiment = sentimentOfStems(s, raw, lang);
    const f = featuresOf(text, s, raw, lang, sentiment);
    const best = this.model.best(f);
    // Nothing recognisable (emoji only, another language, "test"): say so instead of guessing.
    if (!best.known) return { intent: 'other_spam', confidence: 0, sentiment, language: lang };
    return { intent: best.label, confidence: Math.round(best.p * 1000) / 1000, sentiment, language: lang };
  }
}

let shared: IntentClassifier | undefined;

/** The classifier trained on the project's labelled training set (built once per process). */
export function defaultClassifier(): IntentClassifier {
  shared ??= new IntentClassifier(trainingSet as LabelledComment[]);
  return shared;
}

export function classify(text: string, language?: Language): Classification {
  return defaultClassifier().classify(text, language);
}
