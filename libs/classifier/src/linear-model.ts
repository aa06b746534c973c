import type { HashedFeatures } from './hashing';

/**
 * A multinomial linear model over hashed features (softmax of one weight row per label). The
 * weights are trained offline by scripts/train-classifier.ts and shipped in this package as JSON
 * (`src/model/*.json`): pruned to the buckets that matter and quantised to 8 bits, then expanded
 * into one dense Float32Array when the module loads, so scoring is two array reads per feature
 * and label. Nothing is fetched at run time.
 */
export interface SerializedModel {
  /** What the model predicts and what it was trained on (for people reading the file). */
  about: string;
  labels: string[];
  bits: number;
  /** weights = int8 × scale */
  scale: number;
  bias: number[];
  /** base64 of the bucket numbers (Uint32, ascending) that have a weight; "" = every bucket (dense). */
  buckets: string;
  /** base64 of Int8 weights, labels.length per bucket, in bucket order. */
  weights: string;
}

export class LinearModel<L extends string> {
  readonly labels: readonly L[];
  readonly bits: number;
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;

  constructor(labels: readonly L[], bits: number, weights: Float32Array, bias: ArrayLike<number>) {
    if (weights.length !== (1 << bits) * labels.length) throw new Error(`weights: expected ${(1 << bits) * labels.length} values, got ${weights.length}`);
    this.labels = labels;
    this.bits = bits;
    this.weights = weights;
    this.bias = Float64Array.from(bias);
  }

  static fromJSON<L extends string>(model: SerializedModel, expected: readonly L[]): LinearModel<L> {
    if (model.labels.join() !== expected.join()) throw new Error(`model labels ${model.labels.join()} differ from ${expected.join()}`);
    const k = expected.length;
    const quantised = new Int8Array(toArrayBuffer(model.weights));
    const weights = new Float32Array((1 << model.bits) * k);
    if (model.buckets === '') {
      if (quantised.length !== weights.length) throw new Error('dense model weights have the wrong length');
      for (let i = 0; i < weights.length; i++) weights[i] = quantised[i] * model.scale;
    } else {
      const buckets = new Uint32Array(toArrayBuffer(model.buckets));
      if (quantised.length !== buckets.length * k) throw new Error('model weights and buckets differ in length');
      for (let i = 0; i < buckets.length; i++) for (let j = 0; j < k; j++) weights[buckets[i] * k + j] = quantised[i * k + j] * model.scale;
    }
    return new LinearModel(expected, model.bits, weights, model.bias);
  }

  /** Label probabilities (softmax), in label order. */
  probabilities(features: HashedFeatures): Float64Array {
    const k = this.labels.length;
    const scores = Float64Array.from(this.bias);
    const { ids, value } = features;
    for (const id of ids) {
      const row = id * k;
      for (let j = 0; j < k; j++) scores[j] += this.weights[row + j] * value;
    }
    let top = scores[0];
    for (let j = 1; j < k; j++) if (scores[j] > top) top = scores[j];
    let total = 0;
    for (let j = 0; j < k; j++) total += scores[j] = Math.exp(scores[j] - top);
    for (let j = 0; j < k; j++) scores[j] /= total;
    return scores;
  }

  /** The most probable label (ties to the earlier label) and its probability. */
  best(features: HashedFeatures): { label: L; p: number; probabilities: Float64Array } {
    const p = this.probabilities(features);
    let top = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[top]) top = j;
    return { label: this.labels[top], p: p[top], probabilities: p };
  }

  /**
   * The model as shipped: buckets whose largest absolute weight is below `minWeight` are dropped
   * (they change no decision measurably), the rest quantised to int8.
   */
  toJSON(about: string, minWeight = 0): SerializedModel {
    const k = this.labels.length;
    let max = 0;
    for (const w of this.weights) max = Math.max(max, Math.abs(w));
    const scale = max / 127 || 1;
    const kept: number[] = [];
    const values: number[] = [];
    for (let b = 0; b < 1 << this.bits; b++) {
      let largest = 0;
      for (let j = 0; j < k; j++) largest = Math.max(largest, Math.abs(this.weights[b * k + j]));
      if (largest === 0 || largest < minWeight) continue;
      const q = Array.from({ length: k }, (_, j) => Math.round(this.weights[b * k + j] / scale));
      if (q.every((v) => v === 0)) continue;
      kept.push(b);
      values.push(...q);
    }
    // When most buckets are used, all of them without bucket numbers is the smaller file.
    const dense = kept.length * (4 + k) > (1 << this.bits) * k;
    return {
      about,
      labels: [...this.labels],
      bits: this.bits,
      scale,
      bias: Array.from(this.bias, (b) => Math.round(b * 1e6) / 1e6),
      buckets: dense ? '' : Buffer.from(Uint32Array.from(kept).buffer).toString('base64'),
      weights: Buffer.from(
        dense ? Int8Array.from(this.weights, (w) => (Math.abs(w) < minWeight ? 0 : Math.round(w / scale))).buffer : Int8Array.from(values).buffer,
      ).toString('base64'),
    };
  }
}

function toArrayBuffer(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  // A copy: Buffer.from may share a larger pooled ArrayBuffer with an unaligned offset.
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
