import { FreshReads } from './fresh-reads';

/** A run the test ends by hand, recording when it started. */
function controlled() {
  const started: Array<{ at: number; finish: (value: string) => void; fail: (error: Error) => void }> = [];
  let clock = 0;
  const run = () =>
    new Promise<string>((finish, fail) => {
      started.push({ at: clock, finish, fail });
    });
  return { started, run, tick: () => (clock += 1), now: () => clock };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

describe('FreshReads', () => {
  it('lets callers that arrive during a run share the next run, which starts after all of them arrived', async () => {
    const reads = new FreshReads<string>();
    const c = controlled();
    const first = reads.read('k', c.run);
    c.tick();
    const arrivedAt = c.now();
    const second = Array.from({ length: 50 }, () => reads.read('k', c.run));
    await flush();
    // The 50 wait: none of them may be answered by the run that started before they asked.
    expect(c.started).toHaveLength(1);
    c.tick();
    c.started[0].finish('before');
    await expect(first).resolves.toBe('before');
    await flush();
    expect(c.started).toHaveLength(2);
    expect(c.started[1].at).toBeGreaterThanOrEqual(arrivedAt);
    c.started[1].finish('after');
    await expect(Promise.all(second)).resolves.toEqual(Array.from({ length: 50 }, () => 'after'));
    expect(reads.runs).toBe(2);
  });

  it('never answers a caller from a run that started before it (a write committed in between is seen)', async () => {
    const reads = new FreshReads<number>();
    let committed = 0;
    // A statement sees what was committed when it started (its snapshot).
    const run = () => {
      const snapshot = committed;
      return new Promise<number>((r) => setTimeout(() => r(snapshot), 5));
    };
    const first = reads.read('k', run);
    committed = 1; // e.g. the agent's own reply, or a logout, committed after the first run's statement went out
    const mine = reads.read('k', run);
    expect([await first, await mine]).toEqual([0, 1]);
  });

  it('keeps keys apart and starts afresh after a failure', async () => {
    const reads = new FreshReads<string>();
    const c = controlled();
    const a = reads.read('a', c.run);
    const b = reads.read('b', c.run);
    expect(c.started).toHaveLength(2);
    const aNext = reads.read('a', c.run);
    c.started[0].fail(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await flush();
    // The waiting callers get a run of their own, not the failure of the one before them.
    expect(c.started).toHaveLength(3);
    c.started[2].finish('a2');
    c.started[1].finish('b1');
    await expect(aNext).resolves.toBe('a2');
    await expect(b).resolves.toBe('b1');
    // Nothing stays: a later call runs again.
    const later = reads.read('a', () => Promise.resolve('a3'));
    await expect(later).resolves.toBe('a3');
    expect(reads.runs).toBe(4);
  });

  it('fails every caller that shared a failed run', async () => {
    const reads = new FreshReads<string>();
    const c = controlled();
    void reads.read('k', c.run).catch(() => undefined);
    const shared = [reads.read('k', c.run), reads.read('k', c.run)];
    c.started[0].finish('x');
    await flush();
    c.started[1].fail(new Error('down'));
    for (const p of shared) await expect(p).rejects.toThrow('down');
  });
});
