import { INTENTS } from '@resonance/contracts';
import { IntentClassifier, classify, detectLanguage, evaluate, postTopic, sentimentOf, type LabelledComment } from '../src';
import { stemCacheSize } from '../src/text';
import train from '../src/data/train.json';
import test from '../src/data/test.json';

const trainSet = train as LabelledComment[];
const testSet = test as LabelledComment[];

describe('labelled set', () => {
  it('keeps train and test apart, with every intent in both languages in each', () => {
    const trainTexts = new Set(trainSet.map((t) => t.text));
    expect(testSet.filter((t) => trainTexts.has(t.text))).toEqual([]);
    expect(trainSet.length + testSet.length).toBeGreaterThanOrEqual(400);
    for (const set of [trainSet, testSet])
      for (const lang of ['de', 'en'] as const)
        for (const intent of INTENTS) expect(set.filter((t) => t.lang === lang && t.intent === intent).length).toBeGreaterThanOrEqual(10);
  });
});

describe('classifier', () => {
  it('keeps the stemmers\' memory of words bounded, with the same labels after it starts afresh', () => {
    const before = classify('Gibt es einen Rabattcode für Neukunden?');
    // 70,000 words never seen before (a worker meets names, typos and order numbers every day).
    for (let i = 0; i < 7_000; i++) classify(Array.from({ length: 10 }, (_, j) => `wort${i}x${j}`).join(' '));
    expect(stemCacheSize()).toBeLessThanOrEqual(50_000 + 10);
    expect(classify('Gibt es einen Rabattcode für Neukunden?')).toEqual(before);
  });

  it('tells German from English', () => {
    expect(detectLanguage('Gibt es einen Rabattcode für Neukunden?')).toBe('de');
    expect(detectLanguage('Is there a discount code for new customers?')).toBe('en');
    expect(detectLanguage('Wo kann ich das kaufen?')).toBe('de');
  });

  it('labels unseen comments of each clear kind', () => {
    expect(classify('Habt ihr einen Gutschein für mich?').intent).toBe('discount_request');
    expect(classify('Any discount code this week?').intent).toBe('discount_request');
    expect(classify('Wo kann ich den Mixer kaufen?').intent).toBe('purchase_intent');
    expect(classify('Where can I buy the blender?').intent).toBe('purchase_intent');
    expect(classify('My parcel never arrived, still waiting for a refund').intent).toBe('complaint_support');
    expect(classify('Absolutely love it, thank you!').intent).toBe('praise');
  });

  it('scores sentiment with the sign a reader would give, negation included', () => {
    expect(sentimentOf('Super Produkt, bin total begeistert!', 'de')).toBeGreaterThan(0.3);
    expect(sentimentOf('Kaputt angekommen, sehr enttäuscht', 'de')).toBeLessThan(-0.3);
    expect(sentimentOf('This is great', 'en')).toBeGreaterThan(0);
    expect(sentimentOf('This is not great', 'en')).toBeLessThan(0);
    expect(sentimentOf('Hallo zusammen', 'de')).toBe(0);
    for (const t of testSet) {
      const s = classify(t.text).sentiment;
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('does better than chance on the held-out test set in both languages (docs/classifier.md has the numbers)', () => {
    const classifier = new IntentClassifier(trainSet);
    for (const lang of ['de', 'en'] as const) {
      const e = evaluate(classifier, testSet, lang);
      // Six balanced classes: chance is 1/6. A regression in features or data shows here.
      expect(e.accuracy).toBeGreaterThan(0.5);
      expect(e.classes.every((c) => c.recall > 0.3)).toBe(true);
    }
  });

  it('is fast enough for the ingest path (≥ 5,000 comments/s on one core)', () => {
    const texts = testSet.map((t) => t.text);
    classify(texts[0]);
    const started = performance.now();
    for (let i = 0; i < 5_000; i++) classify(texts[i % texts.length]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('names the topic of a post for the perception gap', () => {
    expect(postTopic('Nur heute: 20 % auf alles mit dem Code SOMMER')).toBe('deals');
    expect(postTopic('Introducing our new collection')).toBe('product');
    expect(postTopic('Happy Friday, team!')).toBe('brand');
  });
});
