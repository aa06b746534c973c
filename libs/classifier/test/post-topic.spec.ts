import { normalised, readPostTopicSet } from '../src/training/datasets';
import { INTENT_TOPIC, TOPICS, postTopic, topicIntents } from '../src';

/**
 * The post-topic model (deals, product news, service, brand) on the fixed test split of
 * data/post-topic, which scripts/train-post-topic.ts never reads. A model or feature change that
 * drops accuracy below the target in either language fails here.
 */
const TOPIC_ACCURACY_TARGET = 0.85;

describe('post topics', () => {
  it('keeps the test split apart from training, 20+ test and 35+ training posts per topic and language', () => {
    for (const lang of ['de', 'en'] as const) {
      const train = readPostTopicSet(lang, 'train');
      const test = readPostTopicSet(lang, 'test');
      const trainTexts = new Set(train.map((p) => normalised(p.text)));
      expect(test.filter((p) => trainTexts.has(normalised(p.text))).map((p) => p.text)).toEqual([]);
      for (const topic of TOPICS) {
        expect(test.filter((p) => p.topic === topic).length).toBeGreaterThanOrEqual(20);
        expect(train.filter((p) => p.topic === topic).length).toBeGreaterThanOrEqual(35);
      }
    }
  });

  it.each(['de', 'en'] as const)(`reaches ≥ ${TOPIC_ACCURACY_TARGET * 100} %% accuracy on the %s post-topic test split, every topic ≥ 70 %% recall`, (lang) => {
    const test = readPostTopicSet(lang, 'test');
    const right = test.filter((p) => postTopic(p.text) === p.topic).length;
    expect(right / test.length).toBeGreaterThanOrEqual(TOPIC_ACCURACY_TARGET);
    for (const topic of TOPICS) {
      const mine = test.filter((p) => p.topic === topic);
      const recall = mine.filter((p) => postTopic(p.text) === topic).length / mine.length;
      expect({ topic, recallAtLeast70: recall >= 0.7 }).toEqual({ topic, recallAtLeast70: true });
    }
  });

  it('maps every intent but other/spam onto a topic, and back', () => {
    expect(INTENT_TOPIC.other_spam).toBeNull();
    expect(topicIntents('deals')).toEqual(['discount_request', 'purchase_intent']);
    expect(topicIntents('product')).toEqual(['product_question']);
    expect(topicIntents('service')).toEqual(['complaint_support']);
    expect(topicIntents('brand')).toEqual(['praise']);
    expect(postTopic('?!')).toBe('brand');
  });
});
