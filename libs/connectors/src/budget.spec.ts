import { intervalFactor, waitBeforeNextCallMs, windowPaceMs } from './budget';

const NOW = 1_800_000_000_000;

describe('a budget counted in a window that has ended slows nothing down (issue 28)', () => {
  const busyMinute = { usedPercent: 90, readAt: NOW - 30_000, resetsAt: NOW - 1 };

  it('no wait before the next call once the window ended; the usual wait inside it', () => {
    expect(waitBeforeNextCallMs(busyMinute, NOW)).toBe(0);
    expect(waitBeforeNextCallMs({ ...busyMinute, resetsAt: NOW + 10_000 }, NOW)).toBeGreaterThan(5_000);
    expect(waitBeforeNextCallMs({ usedPercent: 90, readAt: NOW }, NOW)).toBeGreaterThan(5_000);
  });

  it('no longer interval when the window ends before the next run; a longer one when it lasts past it', () => {
    expect(intervalFactor({ usedPercent: 80, readAt: NOW, resetsAt: NOW + 30_000 }, NOW + 60_000)).toBe(1);
    expect(intervalFactor({ usedPercent: 80, readAt: NOW, resetsAt: NOW + 30_000 }, NOW + 10_000)).toBe(4);
    expect(intervalFactor({ usedPercent: 80, readAt: NOW }, NOW + 60_000)).toBe(4);
  });

  it("a counted window paces runs by their cost, so a window's use stays under the slow-down mark", () => {
    const after = { usedPercent: 40, readAt: NOW, resetsAt: NOW + 50_000, windowMs: 60_000 };
    // This run made 4 of 50 calls (8 %) in the same window: every 6.4 s keeps a minute at 75 %.
    expect(windowPaceMs({ usedPercent: 32, readAt: NOW - 5_000, resetsAt: NOW + 50_000, windowMs: 60_000 }, after)).toBe(6_400);
    // The window began during the run: all of its use is this run's.
    expect(windowPaceMs({ usedPercent: 90, readAt: NOW - 70_000, resetsAt: NOW - 10_000, windowMs: 60_000 }, after)).toBe(32_000);
    expect(windowPaceMs(undefined, { usedPercent: 40, readAt: NOW })).toBe(0);
    expect(intervalFactor(after, NOW + 5_000)).toBe(1);
  });
});
