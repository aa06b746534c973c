import { intervalFactor, waitBeforeNextCallMs } from './budget';

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
});
