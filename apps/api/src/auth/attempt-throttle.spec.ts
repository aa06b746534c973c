import { backoffDelayMs, decide, type ThrottleRule } from './attempt-throttle';

const MINUTE = 60_000;
const window: ThrottleRule = { key: 'ip:x', kind: 'window', max: 3, windowMs: 15 * MINUTE };
const backoff = { key: 'pair:x', kind: 'backoff', free: 2, baseMs: MINUTE, maxDelayMs: 10 * MINUTE, memoryMs: 60 * MINUTE } as const;

describe('attempt throttle rules', () => {
  it('window: counts up to max within the window, refuses until the window ends, then starts over', () => {
    const t0 = 1_000_000;
    expect(decide(window, { failures: 2, startedAt: t0 }, t0 + MINUTE)).toEqual({ allowed: true, next: { failures: 3, startedAt: t0 } });
    expect(decide(window, { failures: 3, startedAt: t0 }, t0 + MINUTE)).toEqual({ allowed: false, waitMs: 14 * MINUTE });
    expect(decide(window, { failures: 3, startedAt: t0 }, t0 + 15 * MINUTE)).toEqual({ allowed: true, next: { failures: 1, startedAt: t0 + 15 * MINUTE } });
  });

  it('backoff: free attempts, then a delay after the last attempt that doubles per attempt up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelayMs(backoff, n) / MINUTE)).toEqual([0, 0, 1, 2, 4, 8, 10, 10]);
    const last = 5_000_000;
    expect(decide(backoff, { failures: 1, startedAt: last }, last + 1)).toEqual({ allowed: true, next: { failures: 2, startedAt: last + 1 } });
    expect(decide(backoff, { failures: 3, startedAt: last }, last + MINUTE)).toEqual({ allowed: false, waitMs: MINUTE });
    expect(decide(backoff, { failures: 3, startedAt: last }, last + 2 * MINUTE)).toEqual({
      allowed: true,
      next: { failures: 4, startedAt: last + 2 * MINUTE },
    });
  });

  it('backoff: forgets a counter left alone for its memory', () => {
    const last = 5_000_000;
    expect(decide(backoff, { failures: 40, startedAt: last }, last + 60 * MINUTE)).toEqual({
      allowed: true,
      next: { failures: 1, startedAt: last + 60 * MINUTE },
    });
  });
});
