/** Nearest-rank percentile of a list of durations (ms), rounded to 0.1 ms. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return round(sorted[rank - 1]);
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export interface Timings {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  samples: number;
}

export const summarize = (values: number[]): Timings => ({
  p50Ms: percentile(values, 50),
  p95Ms: percentile(values, 95),
  p99Ms: percentile(values, 99),
  samples: values.length,
});

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Times `fn` `count` times after `warmup` untimed runs, one at a time; stops early past `maxMs`. */
export async function timeRepeated(fn: () => Promise<unknown>, count: number, { warmup = 3, maxMs = 60_000 } = {}): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const durations: number[] = [];
  const until = Date.now() + maxMs;
  for (let i = 0; i < count && Date.now() < until; i++) {
    const start = process.hrtime.bigint();
    await fn();
    durations.push(elapsedMs(start));
  }
  return durations;
}
