/**
 * Trains the classifier's three linear models and writes their weights to
 * libs/classifier/src/model/{intent,sentiment-en,sentiment-de}.json (docs/classifier.md).
 * Deterministic: the same data and seed give byte-identical files.
 *
 *   node -r ./scripts/register-ts.cjs scripts/train-classifier.ts --semeval <dir> [--seed 23] [--validate]
 *
 * --semeval: the SemEval-2013…2016 Task 4A training files (twitter-201x*-A.tsv) from
 *   github.com/cbaziotis/datastories-semeval2017-task4, dataset/Subtask_A/downloaded/.
 *   The SemEval-2017 test set (= TweetEval's sentiment test split) is never read here; texts
 *   that also occur in it are dropped from the pool.
 * The lexicons (src/model/lexicon-{en,de}.json, scripts/build-lexicons.ts) must be built first:
 * their polarity is a feature of the sentiment models.
 * --validate: train on 80 % of each training set, print scores on the other 20 %, write nothing
 *   (for choosing the options below without looking at any test split).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, type Intent } from '@resonance/contracts';
import { SENTIMENT_LABELS, intentFeatures, sentimentFeatures, type SentimentLabel } from '../libs/classifier/src/model-features';
import type { LinearModel } from '../libs/classifier/src/linear-model';
import type { LabelledComment } from '../libs/classifier/src/classifier';
import { normalised, readIntentSet, readSemEvalPool, readTweetEvalTest, type LabelledSentiment } from '../libs/classifier/src/training/datasets';
import {
  seededRandom,
  shuffled,
  trainLogisticRegression,
  type TrainingExample,
  type TrainingOptions,
} from '../libs/classifier/src/training/logistic-regression';
import { macroRecall, microF1, sentimentBand } from '../libs/classifier/src/evaluate';
import type { Language } from '../libs/classifier/src/text';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(option('seed') ?? 23);
const validate = args.includes('--validate');
const semevalDir = option('semeval');
const modelDir = join(__dirname, '..', 'libs', 'classifier', 'src', 'model');
if (!semevalDir) throw new Error('--semeval <dir> is required (see the comment at the top of this file)');

const INTENT_OPTIONS: TrainingOptions = { bits: 16, epochs: 30, learningRate: 0.5, l2: 1e-6, seed };
const SENTIMENT_OPTIONS: TrainingOptions = { bits: 18, epochs: 20, learningRate: 0.03, l2: 1e-6, seed };
/** How much one of the project's labelled comments counts against one tweet in the sentiment model. */
const OWN_COMMENT_WEIGHT = 3;
/** Shipped buckets: weights smaller than this change no measured decision (checked with --validate). */
const PRUNE = { intent: 0.02, sentiment: 0.02 };

/** What a comment's intent says about its sentiment, for the project's own labelled comments. */
const INTENT_SENTIMENT: Partial<Record<Intent, SentimentLabel>> = {
  praise: 'positive',
  complaint_support: 'negative',
  product_question: 'neutral',
  other_spam: 'neutral',
  discount_request: 'neutral',
  purchase_intent: 'neutral',
};

function split<T>(items: T[]): { train: T[]; held: T[] } {
  if (!validate) return { train: items, held: [] };
  const order = shuffled(items, seededRandom(seed + 1));
  const cut = Math.floor(order.length * 0.8);
  return { train: order.slice(0, cut), held: order.slice(cut) };
}

/** Inverse class frequency, so every label weighs the same in total (macro-recall is the target). */
function balanced<L extends string>(labels: L[]): Map<L, number> {
  const counts = new Map<L, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const distinct = counts.size;
  return new Map([...counts].map(([l, n]) => [l, labels.length / (distinct * n)]));
}

function accuracy<L extends string>(model: LinearModel<L>, items: Array<{ features: ReturnType<typeof intentFeatures>; label: L }>): number {
  return items.filter((i) => model.best(i.features).label === i.label).length / Math.max(1, items.length);
}

const ownComments: Record<Language, LabelledComment[]> = { de: readIntentSet('de', 'train'), en: readIntentSet('en', 'train') };

// Intent: one model for both languages (the language is a feature), trained on the project's set.
const intentSplit = split([...ownComments.de, ...ownComments.en]);
const intentWeight = balanced(intentSplit.train.map((c) => `${c.lang}:${c.intent}`));
const intentExamples: Array<TrainingExample<Intent>> = intentSplit.train.map((c) => ({
  features: intentFeatures(c.text, c.lang),
  label: c.intent,
  weight: intentWeight.get(`${c.lang}:${c.intent}`),
}));
const intentModel = trainLogisticRegression(INTENTS, intentExamples, INTENT_OPTIONS);
if (validate) {
  for (const lang of ['de', 'en'] as const) {
    const held = intentSplit.held.filter((c) => c.lang === lang).map((c) => ({ features: intentFeatures(c.text, lang), label: c.intent }));
    process.stdout.write(`intent ${lang}: held-out accuracy ${accuracy(intentModel, held).toFixed(3)} (${held.length})\n`);
  }
}

function ownSentiment(lang: Language): Array<TrainingExample<SentimentLabel>> {
  return ownComments[lang].flatMap((c) => {
    const label = INTENT_SENTIMENT[c.intent];
    return label ? [{ features: sentimentFeatures(c.text, lang), label, weight: OWN_COMMENT_WEIGHT }] : [];
  });
}

// English sentiment: SemEval 2013–2016 tweets plus the project's comments (praise +, complaints −).
const testTexts = new Set(readTweetEvalTest().map((t) => normalised(t.text)));
const pool = split(readSemEvalPool(semevalDir, testTexts));
const classWeight = balanced(pool.train.map((t) => t.label));
const sentimentEnExamples: Array<TrainingExample<SentimentLabel>> = [
  ...pool.train.map((t: LabelledSentiment) => ({ features: sentimentFeatures(t.text, 'en'), label: t.label, weight: classWeight.get(t.label) })),
  ...ownSentiment('en'),
];
const sentimentEn = trainLogisticRegression(SENTIMENT_LABELS, sentimentEnExamples, SENTIMENT_OPTIONS);
if (validate) {
  const predicted = pool.held.map((t) => ({ truth: t.label, predicted: sentimentEn.best(sentimentFeatures(t.text, 'en')).label }));
  const banded = pool.held.map((t) => {
    const p = sentimentEn.probabilities(sentimentFeatures(t.text, 'en'));
    return { truth: t.label, predicted: sentimentBand(p[2] - p[0]) };
  });
  process.stdout.write(`banded macro-recall ${macroRecall(banded, SENTIMENT_LABELS).toFixed(3)}\n`);
  process.stdout.write(
    `sentiment en: SemEval pool held-out macro-recall ${macroRecall(predicted, SENTIMENT_LABELS).toFixed(3)}, micro-F1 ${microF1(predicted).toFixed(3)} (${pool.held.length} of ${pool.held.length + pool.train.length})\n`,
  );
}

// German sentiment: the project's German comments only (no German social-media corpus with a licence
// that allows our use could be found; docs/classifier.md), weighted as the English ones.
const sentimentDe = trainLogisticRegression(SENTIMENT_LABELS, ownSentiment('de'), { ...SENTIMENT_OPTIONS, epochs: 30, learningRate: 0.5, l2: 1e-5 });

if (!validate) {
  const dir = modelDir;
  const write = (name: string, json: object) => writeFileSync(join(dir, name), `${JSON.stringify(json, null, 1)}\n`);
  write(
    'intent.json',
    intentModel.toJSON(
      `intent of a comment; multinomial logistic regression over hashed word/char n-grams; trained on libs/classifier/data/intent/*-train.txt (seed ${seed})`,
      PRUNE.intent,
    ),
  );
  write(
    'sentiment-en.json',
    sentimentEn.toJSON(
      `English sentiment; trained on SemEval-2013…2016 Task 4A tweets (${pool.train.length}) and the project's English comments (seed ${seed})`,
      PRUNE.sentiment,
    ),
  );
  write('sentiment-de.json', sentimentDe.toJSON(`German sentiment; trained on the project's German comments (seed ${seed})`, PRUNE.sentiment));
  process.stdout.write(
    `wrote ${dir}/{intent,sentiment-en,sentiment-de}.json (${pool.train.length} tweets, ${ownComments.de.length + ownComments.en.length} comments)\n`,
  );
}
