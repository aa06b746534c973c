export { IntentClassifier, classify, defaultClassifier, features } from './classifier';
export type { Classification, LabelledComment } from './classifier';
export { evaluate } from './evaluate';
export type { ClassScore, Evaluation } from './evaluate';
export { detectLanguage, type Language, LANGUAGES } from './text';
export { sentimentOf, sentimentOfStems } from './sentiment';
export { INTENT_TOPIC, TOPICS, postTopic, type Topic } from './post-topic';
