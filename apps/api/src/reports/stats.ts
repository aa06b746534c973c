import type { Summary } from '@resonance/contracts';
/** One histogram bucket as stored in report_response_hist. */
export interface Bucket {
  bucket: number;
  n: number;
  sum: number;
}

/** count, median, p90 and mean of one kind of duration: the contract's Summary. */
export type { Summary } from '@resonance/contracts';

/**
 * Nearest-rank percentile over merged buckets: the bucket holding rank ⌈p·n⌉, reported as that
 * bucket's mean, which is exact when the bucket holds one distinct value and otherwise lies within
 * the bucket (20 % wide).
 */
export function percentile(buckets: Bucket[], p: number): number | null {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of [...buckets].sort((x, y) => x.bucket - y.bucket)) {
    seen += b.n;
    if (seen >= rank) return round(b.sum / b.n);
  }
  return null;
}

export function summarize(count: number, sum: number, buckets: Bucket[]): Summary {
  return {
    count,
    median: percentile(buckets, 0.5),
    p90: percentile(buckets, 0.9),
    mean: count ? round(sum / count) : null,
  };
}

export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
export const ratio = (a: number, b: number) => (b ? round(a / b, 4) : null);

/** The bucket of a duration, as resonance_duration_bucket computes it in the database. */
export const durationBucket = (seconds: number) => (seconds < 1 ? 0 : 1 + Math.floor(Math.log(seconds) / Math.log(1.2)));
