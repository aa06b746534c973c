import { waitBeforeNextCallMs } from '../budget';
import { HttpClient } from '../http';
import { countXingCall, XING_WINDOW_MS, type XingBudgetState } from './budget';
import { parseXingError } from './errors';

describe('XING call budget (no budget headers: the connector counts its own calls per minute)', () => {
  const read = countXingCall(20);
  const h = new Headers();

  it('spends calls within the minute, slows down from 75 %, and stops at the limit until the minute is over', () => {
    const t0 = 1_000_000;
    let state: XingBudgetState | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      state = read(h, state, t0 + i * 100);
      waits.push(waitBeforeNextCallMs(state, t0 + i * 100));
    }
    // Under 75 % no wait; from 75 % growing waits; spent → paused until the window ends.
    expect(waits.slice(0, 14)).toEqual(new Array(14).fill(0));
    expect(waits[14]).toBeGreaterThan(0);
    expect(waits[18]).toBeGreaterThan(waits[15]);
    expect(state).toMatchObject({ calls: 20, usedPercent: 100, windowStart: t0, pausedUntil: t0 + XING_WINDOW_MS });
    expect(waitBeforeNextCallMs(state, t0 + 1_900)).toBe(XING_WINDOW_MS - 1_900);
    // The window is over: a fresh minute, nothing to wait.
    const next = read(h, state, t0 + XING_WINDOW_MS);
    expect(next).toMatchObject({ calls: 1, windowStart: t0 + XING_WINDOW_MS, usedPercent: 5 });
    expect(next.pausedUntil).toBeUndefined();
    expect(waitBeforeNextCallMs(next, t0 + XING_WINDOW_MS)).toBe(0);
  });

  it('the shared HTTP layer waits a short rest out inline and hands a long one to the queue as RATE_LIMITED, without calling XING', async () => {
    let now = 5_000_000;
    const slept: number[] = [];
    let calls = 0;
    const fetchStub = (() => {
      calls += 1;
      return Promise.resolve(new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }));
    }) as typeof fetch;
    const client = new HttpClient({
      network: 'xing',
      parseError: parseXingError,
      readBudget: countXingCall(4),
      fetch: fetchStub,
      now: () => now,
      sleep: (ms) => {
        slept.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    for (let i = 0; i < 4; i++) await client.request({ url: 'http://xing.test/v1/users/me/conversations' });
    expect(slept.length).toBeGreaterThan(0); // slowed down before the limit
    expect(calls).toBe(4);
    await expect(client.request({ url: 'http://xing.test/v1/users/me/conversations' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: expect.any(Number),
    });
    expect(calls).toBe(4); // the spent minute was never sent to XING
    now += XING_WINDOW_MS;
    await client.request({ url: 'http://xing.test/v1/users/me/conversations' });
    expect(calls).toBe(5); // waited out the reset, then called again
  });
});
