import { INTENTS, type Intent } from '@resonance/contracts';
import type { Classification, LabelledComment } from './classifier';
import type { Language } from './text';

export interface ClassScore {
  intent: Intent;
  support: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  language: Language;
  items: number;
  accuracy: number;
  classes: ClassScore[];
  /** Share of praise scored > 0.25 (the reports' "positive" band) and of complaints scored < −0.25. */
  sentimentSign: { praisePositive: number; complaintNegative: number };
}

export interface Prediction<L extends string> {
  truth: L;
  predicted: L;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/** Precision, recall and F1 of one label. */
export function labelScore<L extends string>(
  predictions: ReadonlyArray<Prediction<L>>,
  label: L,
): { support: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  let asLabel = 0;
  let truly = 0;
  for (const p of predictions) {
    if (p.predicted === label) asLabel++;
    if (p.truth === label) truly++;
    if (p.predicted === label && p.truth === label) tp++;
  }
  const precision = ratio(tp, asLabel);
  const recall = ratio(tp, truly);
  return { support: truly, precision, recall, f1: precision + recall ? Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000 : 0 };
}

/** Mean recall over the labels (SemEval-2017 Task 4A's measure). */
export function macroRecall<L extends string>(predictions: ReadonlyArray<Prediction<L>>, labels: readonly L[]): number {
  return Math.round((labels.reduce((s, l) => s + labelScore(predictions, l).recall, 0) / labels.length) * 1000) / 1000;
}

/** Micro-averaged F1 over all labels of a single-label task = accuracy (GermEval 2017's measure). */
export function microF1<L extends string>(predictions: ReadonlyArray<Prediction<L>>): number {
  return ratio(predictions.filter((p) => p.truth === p.predicted).length, predictions.length);
}

/** The reports' sentiment bands (apps/api threads filter): < −0.25 negative, > 0.25 positive. */
export function sentimentBand(score: number): 'negative' | 'neutral' | 'positive' {
  return score < -0.25 ? 'negative' : score > 0.25 ? 'positive' : 'neutral';
}

/** Precision and recall per intent on one language's share of a labelled set. */
export function evaluate(
  classifier: { classify(text: string, language?: Language): Classification },
  set: readonly LabelledComment[],
  language: Language,
): Evaluation {
  const items = set.filter((i) => i.lang === language);
  const predicted = items.map((i) => ({ truth: i.intent, ...classifier.classify(i.text) }));
  const pairs = predicted.map((p) => ({ truth: p.truth, predicted: p.intent }));
  const classes = INTENTS.map((intent) => {
    const { support, precision, recall } = labelScore(pairs, intent);
    return { intent, support, precision, recall };
  });
  const praise = predicted.filter((p) => p.truth === 'praise');
  const complaints = predicted.filter((p) => p.truth === 'complaint_support');
  return {
    language,
    items: items.length,
    accuracy: microF1(pairs),
    classes,
    sentimentSign: {
      praisePositive: ratio(praise.filter((p) => p.sentiment > 0.25).length, praise.length),
      complaintNegative: ratio(complaints.filter((p) => p.sentiment < -0.25).length, complaints.length),
    },
  };
}
