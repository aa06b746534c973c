import { INTENTS, type Intent } from '@resonance/contracts';
import type { IntentClassifier, LabelledComment } from './classifier';
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
  /** Share of praise scored > 0 and of complaints scored < 0 by the sentiment lexicon. */
  sentimentSign: { praisePositive: number; complaintNegative: number };
}

/** Precision and recall per intent on one language's share of a labelled set. */
export function evaluate(classifier: IntentClassifier, set: readonly LabelledComment[], language: Language): Evaluation {
  const items = set.filter((i) => i.lang === language);
  const predicted = items.map((i) => ({ truth: i.intent, ...classifier.classify(i.text) }));
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  const classes = INTENTS.map((intent) => {
    const tp = predicted.filter((p) => p.intent === intent && p.truth === intent).length;
    const asThis = predicted.filter((p) => p.intent === intent).length;
    const truly = predicted.filter((p) => p.truth === intent).length;
    return { intent, support: truly, precision: ratio(tp, asThis), recall: ratio(tp, truly) };
  });
  const praise = predicted.filter((p) => p.truth === 'praise');
  const complaints = predicted.filter((p) => p.truth === 'complaint_support');
  return {
    language,
    items: items.length,
    accuracy: ratio(predicted.filter((p) => p.intent === p.truth).length, items.length),
    classes,
    sentimentSign: {
      praisePositive: ratio(praise.filter((p) => p.sentiment > 0).length, praise.length),
      complaintNegative: ratio(complaints.filter((p) => p.sentiment < 0).length, complaints.length),
    },
  };
}
