import { featureHashes, project, tokenize, type HashedFeatures, type Token } from './hashing';
import { polarityFeatures, polarityOfTokens } from './lexicon';
import type { Language } from './text';

/**
 * What each shipped model reads. Training (scripts/train-classifier.ts) and classification call
 * the same functions, so the features a model was trained on are the features it is given.
 */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Hash-space sizes: 2^16 buckets for intents (≈1,200 training comments), 2^18 for sentiment (≈50,000 tweets). */
export const INTENT_BITS = 16;
export const SENTIMENT_BITS = 18;

export interface CommentFeatures {
  intent: HashedFeatures;
  sentiment: HashedFeatures;
}

/**
 * Both models' features from one pass over the text: word and character n-grams, shape, and the
 * lexicon polarity (tokenised once, hashed once, folded into each model's hash space).
 */
export function commentFeatures(text: string, lang: Language, tokens: readonly Token[] = tokenize(text)): CommentFeatures {
  const hashes = featureHashes(text, tokens, lang, polarityFeatures(polarityOfTokens(tokens, lang)));
  return { intent: project(hashes, INTENT_BITS, [`#lang:${lang}`]), sentiment: project(hashes, SENTIMENT_BITS) };
}

export function intentFeatures(text: string, lang: Language): HashedFeatures {
  return commentFeatures(text, lang).intent;
}

export function sentimentFeatures(text: string, lang: Language): HashedFeatures {
  return commentFeatures(text, lang).sentiment;
}
