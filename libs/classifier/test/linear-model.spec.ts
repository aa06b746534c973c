import { hashFeatures, tokenize } from '../src/hashing';
import { LinearModel } from '../src/linear-model';
import { trainLogisticRegression, type TrainingExample } from '../src/training/logistic-regression';

const LABELS = ['bad', 'good'] as const;
type Label = (typeof LABELS)[number];
const BITS = 12;
const TEXTS: Array<[string, Label]> = [
  ['terrible broken late', 'bad'],
  ['awful late parcel', 'bad'],
  ['broken again, awful', 'bad'],
  ['lovely fast delivery', 'good'],
  ['great lovely product', 'good'],
  ['fast and great', 'good'],
];
const examples = (): Array<TrainingExample<Label>> => TEXTS.map(([text, label]) => ({ features: hashFeatures(text, 'en', BITS), label }));
const train = (seed: number) => trainLogisticRegression(LABELS, examples(), { bits: BITS, epochs: 20, learningRate: 0.5, l2: 1e-6, seed });

describe('trainLogisticRegression', () => {
  it('learns a separable set and gives the same weights for the same seed', () => {
    const model = train(7);
    for (const [text, label] of TEXTS) expect(model.best(hashFeatures(text, 'en', BITS)).label).toBe(label);
    expect(model.best(hashFeatures('awful broken', 'en', BITS)).label).toBe('bad');
    expect(JSON.stringify(train(7).toJSON('a'))).toBe(JSON.stringify(model.toJSON('a')));
  });
});

describe('LinearModel', () => {
  it('gives the same answers after the shipped (quantised) round trip, sparse and dense', () => {
    const model = train(3);
    const sparse = model.toJSON('sparse');
    expect(sparse.buckets).not.toBe('');
    const dense = new LinearModel(
      LABELS,
      2,
      Float32Array.from({ length: 8 }, (_, i) => (i % 3) - 1),
      [0, 0],
    ).toJSON('dense');
    expect(dense.buckets).toBe('');
    expect(Array.from(LinearModel.fromJSON(dense, LABELS).probabilities({ ids: Int32Array.from([0, 1, 2, 3]), value: 0.5 }))).toEqual(
      Array.from(
        new LinearModel(
          LABELS,
          2,
          Float32Array.from({ length: 8 }, (_, i) => (i % 3) - 1),
          [0, 0],
        ).probabilities({ ids: Int32Array.from([0, 1, 2, 3]), value: 0.5 }),
      ),
    );
    const loaded = LinearModel.fromJSON(sparse, LABELS);
    for (const [text] of [...TEXTS, ['lovely but late', 'bad'] as const]) {
      const f = hashFeatures(text, 'en', BITS);
      expect(loaded.best(f).label).toBe(model.best(f).label);
      expect(loaded.best(f).p).toBeCloseTo(model.best(f).p, 1);
    }
  });

  it('refuses weights whose labels differ from the code', () => {
    expect(() => LinearModel.fromJSON(train(1).toJSON('x'), ['good', 'bad'] as const)).toThrow(/labels/);
  });
});

describe('tokenize', () => {
  it('keeps links, mentions, emoticons and emoji as what they are', () => {
    expect(tokenize('Check https://t.co/x @user :) 🔥 www.cheap.shop/a soooo good!').map((t) => `${t.kind}:${t.text}`)).toEqual([
      'word:check',
      'link:https://t.co/x',
      'mention:@user',
      'emoticon::)',
      'emoji:🔥',
      'link:www.cheap.shop/a',
      'word:soo',
      'word:good',
      'punct:!',
    ]);
  });
});
