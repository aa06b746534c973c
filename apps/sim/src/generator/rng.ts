/**
 * A small seeded PRNG (sfc32) and the draws the generator needs. Math.random is never used: the
 * same seed must give the same traffic on every machine, for tests and benchmarks alike.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const h = hashString(String(seed));
    this.a = h[0];
    this.b = h[1];
    this.c = h[2];
    this.d = h[3];
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = this.tables.get(weights);
    if (!table) {
      const keys = Object.keys(weights) as K[];
      table = { keys, weights: keys.map((k) => weights[k]), total: keys.reduce((t, k) => t + weights[k], 0) };
      this.tables.set(weights, table);
    }
    let r = this.next() * table.total;
    for (let i = 0; i < table.keys.length; i++) {
      r -= table.weights[i];
      if (r < 0) return table.keys[i] as K;
    }
    return table.keys[table.keys.length - 1] as K;
  }

  // Weight tables are fixed per generator; caching their keys keeps weighted() allocation-free.
  private readonly tables = new WeakMap<object, { keys: string[]; weights: number[]; total: number }>();
}

/** cyrb128: four 32-bit words from a string, to seed sfc32 and to derive stable per-id values. */
export function hashString(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Zipf-distributed ranks 0..n-1 (rank 0 most frequent): most customers write once, a few write
 * often. The cumulative table costs 8 bytes per customer; sampling is a binary search.
 */
export class ZipfSampler {
  private readonly cdf: Float64Array;

  /** `offset` flattens the head (Zipf–Mandelbrot) so the most loyal customer is not a tenth of all traffic. */
  constructor(
    readonly n: number,
    exponent: number,
    offset = 10,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += 1 / Math.pow(i + 1 + offset, exponent);
      this.cdf[i] = total;
    }
    for (let i = 0; i < n; i++) this.cdf[i] /= total;
  }

  sample(rng: Rng): number {
    const r = rng.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
