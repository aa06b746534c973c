import type { Intent } from '@resonance/contracts';
import { hashFeatures, tokenize, type HashedFeatures } from './hashing';
import { LinearModel } from './linear-model';
import { detectLanguage, type Language } from './text';
import topicWeights from './model/post-topic.json';

/**
 * What a post is about, in the terms of the perception gap (DESIGN.md §5): the company's posts
 * (deals, product news, service, brand) are set against what commenters ask for.
 */
export const TOPICS = ['deals', 'product', 'service', 'brand'] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * The intents that ask for each topic (docs/reports.md, perception gap): deals ↔ discount requests
 * and purchase intent, product news ↔ product questions, service ↔ complaints/support, brand ↔
 * praise. Other/spam asks for nothing and is left out of the comparison.
 */
export const INTENT_TOPIC: Record<Intent, Topic | null> = {
  discount_request: 'deals',
  purchase_intent: 'deals',
  product_question: 'product',
  complaint_support: 'service',
  praise: 'brand',
  other_spam: null,
};

/** The intents behind one topic (the inverse of INTENT_TOPIC). */
export const topicIntents = (topic: Topic): Intent[] => (Object.keys(INTENT_TOPIC) as Intent[]).filter((intent) => INTENT_TOPIC[intent] === topic);

/** 2^14 buckets: the model learns from ≈ 280 labelled posts (data/post-topic). */
export const TOPIC_BITS = 14;

/** The features the post-topic model reads; scripts/train-post-topic.ts trains on the same. */
export function postTopicFeatures(text: string, lang: Language = detectLanguage(text, tokenize(text))): HashedFeatures {
  return hashFeatures(text, lang, TOPIC_BITS, [`#lang:${lang}`]);
}

let model: LinearModel<Topic> | undefined;

/**
 * The topic of a company post: a multinomial logistic regression over hashed word and character
 * n-grams (src/model/post-topic.json, trained by scripts/train-post-topic.ts on
 * data/post-topic/*-train.txt); 'brand' for a post with nothing to read.
 */
export function postTopic(text: string, language?: Language): Topic {
  if (!/\p{L}/u.test(text)) return 'brand';
  model ??= LinearModel.fromJSON(topicWeights, TOPICS);
  return model.best(postTopicFeatures(text, language)).label;
}
