import { INTENTS, type Intent } from '@resonance/contracts';
import { LinearModel } from './linear-model';
import { SENTIMENT_LABELS, commentFeatures, sentimentFeatures, type SentimentLabel } from './model-features';
import { tokenize, type HashedFeatures } from './hashing';
import { detectLanguage, type Language } from './text';
import { MEMORY_WEIGHT, type WorkspaceMemory } from './workspace-memory';
import intentWeights from './model/intent.json';
import sentimentEnWeights from './model/sentiment-en.json';
import sentimentDeWeights from './model/sentiment-de.json';

export interface LabelledComment {
  lang: Language;
  intent: Intent;
  text: string;
}

export interface Classification {
  intent: Intent;
  /** Probability of the chosen intent (0…1); 0 for a text with nothing to read (no letters). */
  confidence: number;
  /** P(positive) − P(negative) of the sentiment model: −1 (negative) … 1 (positive), ≈0 neutral. */
  sentiment: number;
  language: Language;
}

export interface ClassifierModels {
  intent: LinearModel<Intent>;
  sentiment: Record<Language, LinearModel<SentimentLabel>>;
}

/** Intent and sentiment of one comment from the trained linear models (scripts/train-classifier.ts). */
export class IntentClassifier {
  constructor(private readonly models: ClassifierModels) {}

  /**
   * `memory`: the workspace's reviewed texts (workspace-memory.ts); their labels are added to the
   * models' answers for texts like them, weighted by similarity.
   */
  classify(text: string, language?: Language, memory?: WorkspaceMemory): Classification {
    const tokens = tokenize(text);
    const lang = language ?? detectLanguage(text, tokens);
    const features = commentFeatures(text, lang, tokens);
    const sentimentProbabilities = this.models.sentiment[lang].probabilities(features.sentiment);
    // Nothing to read (empty, punctuation, only numbers): say so instead of guessing.
    if (!/[\p{L}\p{Extended_Pictographic}]/u.test(text)) {
      return { intent: 'other_spam', confidence: 0, sentiment: sentimentScore(sentimentProbabilities), language: lang };
    }
    const labels = this.models.intent.labels;
    const probabilities = this.models.intent.probabilities(features.intent);
    if (memory?.size) {
      // The reviewed texts like this one vote with their similarity, added to each model's probabilities.
      const votes = memory.votes(tokens);
      // Votes are in INTENTS order, the model's probabilities in its labels' order.
      addVotes(probabilities, (j) => votes.intents[INTENTS.indexOf(labels[j])]);
      addVotes(sentimentProbabilities, (j) => votes.sentiments[j]);
    }
    const sentiment = sentimentScore(sentimentProbabilities);
    let top = 0;
    for (let j = 1; j < probabilities.length; j++) if (probabilities[j] > probabilities[top]) top = j;
    return { intent: labels[top], confidence: Math.round(probabilities[top] * 1000) / 1000, sentiment, language: lang };
  }

  /**
   * −1…1: P(positive) − P(negative), moved just far enough that the reports' bands (negative
   * < −0.25 < neutral < 0.25 < positive, apps/api threads filter) give the label the model chose:
   * a comment the model calls positive is never counted neutral because a negative reading was
   * also likely, and a neutral one never crosses a band.
   */
  sentiment(text: string, lang: Language): number {
    return this.sentimentOfFeatures(sentimentFeatures(text, lang), lang);
  }

  private sentimentOfFeatures(features: HashedFeatures, lang: Language): number {
    return sentimentScore(this.models.sentiment[lang].probabilities(features));
  }
}

/** probabilities[j] ← (probabilities[j] + weight·vote(j)) / (1 + weight·Σ votes): still a distribution. */
function addVotes(probabilities: Float64Array, vote: (j: number) => number): void {
  let total = 1;
  for (let j = 0; j < probabilities.length; j++) total += MEMORY_WEIGHT * vote(j);
  if (total === 1) return;
  for (let j = 0; j < probabilities.length; j++) probabilities[j] = (probabilities[j] + MEMORY_WEIGHT * vote(j)) / total;
}

/**
 * −1…1 from [P(negative), P(neutral), P(positive)]: P(positive) − P(negative), moved just far
 * enough that the reports' bands (negative < −0.25 < neutral < 0.25 < positive, apps/api threads
 * filter) give the label the model chose: a comment the model calls positive is never counted
 * neutral because a negative reading was also likely, and a neutral one never crosses a band.
 */
function sentimentScore(probabilities: Float64Array): number {
  const [negative, neutral, positive] = probabilities;
  const difference = positive - negative;
  let score: number;
  if (positive > neutral && positive >= negative) score = Math.max(difference, 0.26);
  else if (negative > neutral && negative > positive) score = Math.min(difference, -0.26);
  else score = Math.max(-0.25, Math.min(0.25, difference));
  return Math.round(score * 1000) / 1000;
}

/** The shipped models (src/model/*.json), loaded once. */
export function shippedModels(): ClassifierModels {
  return {
    intent: LinearModel.fromJSON(intentWeights, INTENTS),
    sentiment: {
      en: LinearModel.fromJSON(sentimentEnWeights, SENTIMENT_LABELS),
      de: LinearModel.fromJSON(sentimentDeWeights, SENTIMENT_LABELS),
    },
  };
}

let shared: IntentClassifier | undefined;

/** The classifier with the shipped weights (built once per process, ≈ 40 ms). */
export function defaultClassifier(): IntentClassifier {
  shared ??= new IntentClassifier(shippedModels());
  return shared;
}

export function classify(text: string, language?: Language, memory?: WorkspaceMemory): Classification {
  return defaultClassifier().classify(text, language, memory);
}

/** Sentiment alone (−1…1), from the shipped model of the language. */
export function sentimentOf(text: string, lang: Language): number {
  return defaultClassifier().sentiment(text, lang);
}
