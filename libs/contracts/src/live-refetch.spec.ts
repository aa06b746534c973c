import { LIVE_REFETCH_GATHER_MS, LIVE_REFETCH_INTERVAL_MS, LiveRefetchPolicy, type LiveRefetchScope, type LiveRefetchTimers } from './live-refetch';

/** A hand-driven clock: timers run only when the test advances it. */
class Clock implements LiveRefetchTimers {
  t = 0;
  private timers: Array<{ at: number; run: () => void; id: number }> = [];
  private next = 1;
  now(): number {
    return this.t;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }
  /** Moves to `to`, running due timers in order (a timer may set another). */
  advanceTo(to: number): void {
    for (;;) {
      const due = this.timers.filter((x) => x.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.run();
    }
    this.t = to;
  }
}

describe('LiveRefetchPolicy', () => {
  it('one change refetches once, after the gather time', () => {
    const clock = new Clock();
    const runs: Array<[number, LiveRefetchScope]> = [];
    const policy = new LiveRefetchPolicy((s) => void runs.push([clock.t, s]), LIVE_REFETCH_INTERVAL_MS, LIVE_REFETCH_GATHER_MS, clock);
    policy.changed('lists');
    policy.changed('lists');
    clock.advanceTo(60_000);
    expect(runs).toEqual([[LIVE_REFETCH_GATHER_MS, 'lists']]);
  });

  it('a flood refetches at most once per interval, and once more after the last change', () => {
    const clock = new Clock();
    const runs: number[] = [];
    const policy = new LiveRefetchPolicy(() => void runs.push(clock.t), LIVE_REFETCH_INTERVAL_MS, LIVE_REFETCH_GATHER_MS, clock);
    // inbox.changed every 250 ms for 60 s (what the api sends at 2,000 comments a second).
    for (let t = 0; t < 60_000; t += 250) {
      clock.advanceTo(t);
      policy.changed('all');
    }
    clock.advanceTo(120_000);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(60_000 / LIVE_REFETCH_INTERVAL_MS) + 1);
    for (let i = 1; i < runs.length; i += 1) expect(runs[i] - runs[i - 1]).toBeGreaterThanOrEqual(LIVE_REFETCH_INTERVAL_MS);
    // Trailing: the last change (at 59,750 ms) is covered by a refetch that starts after it.
    expect(runs[runs.length - 1]).toBeGreaterThan(59_750);
  });

  it('an inbox.changed widens the pending refetch to everything', () => {
    const clock = new Clock();
    const scopes: LiveRefetchScope[] = [];
    const policy = new LiveRefetchPolicy((s) => void scopes.push(s), LIVE_REFETCH_INTERVAL_MS, LIVE_REFETCH_GATHER_MS, clock);
    policy.changed('lists');
    policy.changed('all');
    policy.changed('lists');
    clock.advanceTo(1_000);
    expect(scopes).toEqual(['all']);
  });

  it('never starts a refetch while the last one is still running; the next follows when it settles', async () => {
    const clock = new Clock();
    let running = 0;
    let most = 0;
    let finish: () => void = () => undefined;
    const policy = new LiveRefetchPolicy(
      () => {
        running += 1;
        most = Math.max(most, running);
        return new Promise<void>((resolve) => {
          finish = () => {
            running -= 1;
            resolve();
          };
        });
      },
      LIVE_REFETCH_INTERVAL_MS,
      LIVE_REFETCH_GATHER_MS,
      clock,
    );
    policy.changed('lists');
    clock.advanceTo(1_000);
    expect(running).toBe(1);
    policy.changed('lists');
    clock.advanceTo(30_000); // the first is slow: nothing else starts
    expect(running).toBe(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    clock.advanceTo(30_000 + LIVE_REFETCH_GATHER_MS);
    expect(running).toBe(1);
    expect(most).toBe(1);
  });

  it('stop cancels what is pending', () => {
    const clock = new Clock();
    const runs: number[] = [];
    const policy = new LiveRefetchPolicy(() => void runs.push(clock.t), LIVE_REFETCH_INTERVAL_MS, LIVE_REFETCH_GATHER_MS, clock);
    policy.changed('lists');
    policy.stop();
    policy.changed('lists');
    clock.advanceTo(10_000);
    expect(runs).toEqual([]);
  });
});
