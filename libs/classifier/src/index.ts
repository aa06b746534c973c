export { IntentClassifier, classify, defaultClassifier, sentimentOf, shippedModels } from './classifier';
export type { Classification, ClassifierModels, LabelledComment } from './classifier';
export { evaluate, labelScore, macroRecall, microF1, sentimentBand } from './evaluate';
export type { ClassScore, Evaluation, Prediction } from './evaluate';
export { detectLanguage, type Language, LANGUAGES } from './text';
export { polarity, type Polarity } from './lexicon';
export { SENTIMENT_LABELS, type SentimentLabel } from './model-features';
export { INTENT_TOPIC, TOPICS, postTopic, postTopicFeatures, topicIntents, type Topic } from './post-topic';
