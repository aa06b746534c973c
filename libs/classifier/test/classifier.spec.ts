import { INTENTS } from '@resonance/contracts';
import { SENTIMENT_LABELS, classify, defaultClassifier, detectLanguage, evaluate, macroRecall, polarity, postTopic, sentimentBand, sentimentOf } from '../src';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalised, readIntentSet, readTweetEvalTest } from '../src/training/datasets';
import lexiconDe from '../src/model/lexicon-de.json';

/**
 * The accuracy targets of docs/classifier.md on the fixed evaluation splits no training run reads:
 * the project's intent test set (600+ comments per language) and TweetEval's sentiment test split
 * (SemEval-2017 Task 4A, 12,284 English tweets). A model or feature change that drops below a
 * target fails here.
 */
const INTENT_ACCURACY_TARGET = 0.85;
const TWEETEVAL_MACRO_RECALL_TARGET = 0.63;

describe('labelled sets', () => {
  it('keeps the intent test set apart from training (no text in both, also after dropping case and punctuation), 600+ per language, 100 per intent', () => {
    for (const lang of ['de', 'en'] as const) {
      const train = readIntentSet(lang, 'train');
      const test = readIntentSet(lang, 'test');
      const trainTexts = new Set(train.map((t) => normalised(t.text)));
      expect(test.filter((t) => trainTexts.has(normalised(t.text))).map((t) => t.text)).toEqual([]);
      expect(test.length).toBeGreaterThanOrEqual(600);
      for (const intent of INTENTS) {
        expect(test.filter((t) => t.intent === intent).length).toBeGreaterThanOrEqual(98);
        expect(train.filter((t) => t.intent === intent).length).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('reads the TweetEval sentiment test split whole', () => {
    const tweets = readTweetEvalTest();
    expect(tweets.length).toBe(12_284);
    expect(new Set(tweets.map((t) => t.label))).toEqual(new Set(SENTIMENT_LABELS));
  });
});

describe('intent', () => {
  it.each(['de', 'en'] as const)(`reaches ≥ ${INTENT_ACCURACY_TARGET * 100} %% accuracy on the project's %s intent test set`, (lang) => {
    const e = evaluate(defaultClassifier(), readIntentSet(lang, 'test'), lang);
    expect(e.accuracy).toBeGreaterThanOrEqual(INTENT_ACCURACY_TARGET);
    // No intent is given up for the others' sake.
    for (const c of e.classes) expect({ intent: c.intent, recallAtLeast70: c.recall >= 0.7 }).toEqual({ intent: c.intent, recallAtLeast70: true });
  });

  it('gets the failures reported in issue 23 right', () => {
    expect(classify('Still waiting 26 days for my refund')).toMatchObject({ intent: 'complaint_support' });
    expect(classify('Still waiting 26 days for my refund').sentiment).toBeLessThan(-0.25);
    expect(classify('Parcel tracking says delivered but it is not here').intent).toBe('complaint_support');
    expect(classify('Got the wrong size, how do I exchange it?').intent).toBe('complaint_support');
    expect(classify('Wer ist noch wach?')).toMatchObject({ intent: 'other_spam', language: 'de' });
  });

  it('labels nothing readable as other_spam with confidence 0', () => {
    expect(classify('?!')).toMatchObject({ intent: 'other_spam', confidence: 0 });
    expect(classify('')).toMatchObject({ intent: 'other_spam', confidence: 0 });
  });
});

describe('sentiment', () => {
  it(`reaches macro-recall ≥ ${TWEETEVAL_MACRO_RECALL_TARGET} on TweetEval's sentiment test split (the SemEval-2017 measure)`, () => {
    const classifier = defaultClassifier();
    const predictions = readTweetEvalTest().map((t) => ({ truth: t.label, predicted: sentimentBand(classifier.sentiment(t.text, 'en')) }));
    expect(macroRecall(predictions, SENTIMENT_LABELS)).toBeGreaterThanOrEqual(TWEETEVAL_MACRO_RECALL_TARGET);
  });

  it('scores with the sign a reader would give, negation and irony included', () => {
    expect(sentimentOf('Super Produkt, bin total begeistert!', 'de')).toBeGreaterThan(0.25);
    expect(sentimentOf('Kaputt angekommen, sehr enttäuscht', 'de')).toBeLessThan(-0.25);
    expect(sentimentOf('Schon wieder Verspätung, zum dritten Mal diese Woche', 'de')).toBeLessThan(-0.25);
    expect(sentimentOf('This is great', 'en')).toBeGreaterThan(0.25);
    expect(sentimentOf('This is not great at all', 'en')).toBeLessThan(0);
    expect(sentimentOf('Never disappointed by you, thank you!', 'en')).toBeGreaterThan(0.25);
    expect(sentimentOf('Great, third time my delivery is late 🙄', 'en')).toBeLessThan(-0.25);
    for (const t of readIntentSet('en', 'test').slice(0, 200)) {
      const s = classify(t.text).sentiment;
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});

describe('lexicon', () => {
  it('gives function words no polarity (the old lexicon scored "to" 0.375) and knows complaint words', () => {
    expect(polarity('to be in like the', 'en').compound).toBe(0);
    expect(polarity('Ich warte in der Bahn', 'de').compound).toBe(0);
    expect(polarity('Verspätung', 'de').compound).toBeLessThan(0);
    expect(polarity('late and missing', 'en').compound).toBeLessThan(0);
  });

  it('ships as German lexicon only the project word list (data/lexicons/de.tsv), nothing derived from SentiWS', () => {
    // SentiWS (CC BY-NC-SA 3.0) and lexicons built on it (GerVADER, nlp.js's German senticon) must
    // not come back: every shipped German word is a lemma, a listed form or a lemma + adjective ending.
    const own = new Set<string>();
    for (const line of readFileSync(join(__dirname, '..', 'data', 'lexicons', 'de.tsv'), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [lemma = '', , forms = ''] = line.split('\t');
      for (const form of [lemma, ...forms.split(',')]) own.add(form.toLowerCase());
      for (const ending of ['e', 'em', 'en', 'er', 'es']) own.add(`${lemma}${ending}`.toLowerCase());
    }
    const shipped = Object.values(lexiconDe).flatMap((words) => words.split(' '));
    expect(shipped.length).toBeGreaterThan(500);
    expect(shipped.filter((w) => !own.has(w))).toEqual([]);
  });

  it('negates to the end of the clause and weighs intensifiers', () => {
    expect(polarity('not happy at all', 'en').compound).toBeLessThan(0);
    expect(polarity('nicht wirklich gut', 'de').compound).toBeLessThan(0);
    expect(polarity('not good. Great!', 'en').compound).toBeGreaterThan(0);
    expect(polarity('very good', 'en').compound).toBeGreaterThan(polarity('good', 'en').compound);
    expect(polarity('sehr gut', 'de').compound).toBeGreaterThan(polarity('gut', 'de').compound);
  });
});

describe('classifier', () => {
  it('tells German from English', () => {
    expect(detectLanguage('Gibt es einen Rabattcode für Neukunden?')).toBe('de');
    expect(detectLanguage('Is there a discount code for new customers?')).toBe('en');
    expect(detectLanguage('Wo kann ich das kaufen?')).toBe('de');
    expect(detectLanguage('Wer ist noch wach?')).toBe('de');
  });

  it('names the topic of a post for the perception gap', () => {
    expect(postTopic('Nur heute: 20 % auf alles mit dem Code SOMMER')).toBe('deals');
    expect(postTopic('Introducing our new collection')).toBe('product');
    expect(postTopic('Happy Friday, team!')).toBe('brand');
  });
});
