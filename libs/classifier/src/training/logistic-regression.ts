import type { HashedFeatures } from '../hashing';
import { LinearModel } from '../linear-model';

/**
 * Offline training of a LinearModel: multinomial logistic regression by AdaGrad SGD with L2
 * regularisation (applied to the weights a document touches), in a seeded order, so the same data
 * and options give the same weights on every machine. Used by scripts/train-classifier.ts only.
 */
export interface TrainingExample<L extends string> {
  features: HashedFeatures;
  label: L;
  /** How much this example counts (default 1): class balancing and corpus mixing. */
  weight?: number;
}

export interface TrainingOptions {
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** mulberry32: a small seeded PRNG, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function trainLogisticRegression<L extends string>(
  labels: readonly L[],
  examples: ReadonlyArray<TrainingExample<L>>,
  options: TrainingOptions,
): LinearModel<L> {
  const k = labels.length;
  const weights = new Float32Array((1 << options.bits) * k);
  const squares = new Float32Array(weights.length).fill(1e-6);
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k).fill(1e-6);
  const index = new Map(labels.map((l, i) => [l, i]));
  const random = seededRandom(options.seed);
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(examples, random)) {
      const { ids, value } = example.features;
      const truth = index.get(example.label);
      if (truth === undefined) throw new Error(`unknown label ${example.label}`);
      scores.set(bias);
      for (const id of ids) for (let j = 0; j < k; j++) scores[j] += weights[id * k + j] * value;
      let top = scores[0];
      for (let j = 1; j < k; j++) top = Math.max(top, scores[j]);
      let total = 0;
      for (let j = 0; j < k; j++) total += scores[j] = Math.exp(scores[j] - top);
      const weight = example.weight ?? 1;
      for (let j = 0; j < k; j++) {
        const gradient = (scores[j] / total - (j === truth ? 1 : 0)) * weight;
        if (gradient === 0) continue;
        biasSquares[j] += gradient * gradient;
        bias[j] -= (options.learningRate * gradient) / Math.sqrt(biasSquares[j]);
        for (const id of ids) {
          const at = id * k + j;
          const g = gradient * value + options.l2 * weights[at];
          squares[at] += g * g;
          weights[at] -= (options.learningRate * g) / Math.sqrt(squares[at]);
        }
      }
    }
  }
  return new LinearModel(labels, options.bits, weights, bias);
}
