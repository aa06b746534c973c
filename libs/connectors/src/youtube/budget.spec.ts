import type { BudgetHolder } from '../http';
import { HEAD_START_SHARE, YoutubeBudget, type YoutubeBudgetState } from './budget';

const settings = { dailyUnits: 10_000, replyReserveUnits: 1_000 };

describe('YoutubeBudget: reads paced over the Pacific day, replies from the reserve', () => {
  const at = (iso: string) => () => Date.parse(iso);
  // 2026-11-22 starts at 08:00 UTC; 14:00 UTC is a quarter through the day.
  const quarter = '2026-11-22T14:00:00Z';

  it('allows reads up to the elapsed share of the read units plus the head start', () => {
    const b = new YoutubeBudget({}, settings, at(quarter));
    expect(b.readAllowance()).toBe(Math.floor(9_000 * (0.25 + HEAD_START_SHARE)));
    expect(b.readWaitMs()).toBe(0);
  });

  it('slows down before the limit: a read beyond the plan waits until the plan reaches it', () => {
    const holder: BudgetHolder = {};
    const b = new YoutubeBudget(holder, settings, at(quarter));
    b.charge(b.readAllowance());
    const wait = b.readWaitMs();
    expect(wait).toBeGreaterThan(0);
    // One unit more needs 1/9000 of a day (~9.6 s), at least a second.
    expect(wait).toBeLessThan(60_000);
    expect(() => b.assertRead()).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    expect((holder.state as YoutubeBudgetState).usedPercent).toBeGreaterThanOrEqual(99);
  });

  it('keeps the reserve for replies: reads stop at 9,000 units, a reply still fits', () => {
    const holder: BudgetHolder = {};
    const b = new YoutubeBudget(holder, settings, at('2026-11-23T07:59:00Z'));
    b.charge(9_000);
    expect(b.readWaitMs()).toBeGreaterThan(0);
    expect(b.canWrite()).toBe(true);
    b.charge(950);
    expect(b.canWrite()).toBe(true);
    b.charge(50);
    expect(b.canWrite()).toBe(false);
    expect(() => b.assertWrite()).toThrow(expect.objectContaining({ code: 'QUOTA_EXCEEDED' }));
  });

  it('quotaExceeded pauses until midnight Pacific; the new day starts from zero', () => {
    const holder: BudgetHolder = {};
    let now = Date.parse(quarter);
    const b = new YoutubeBudget(holder, settings, () => now);
    b.exhausted();
    expect((holder.state as YoutubeBudgetState).pausedUntil).toBe(Date.parse('2026-11-23T08:00:00Z'));
    expect(b.readWaitMs()).toBe(Date.parse('2026-11-23T08:00:00Z') - now);
    expect(b.canWrite()).toBe(false);
    now = Date.parse('2026-11-23T08:00:01Z');
    expect(b.state()).toMatchObject({ day: '2026-11-23', units: 0 });
    expect(b.readWaitMs()).toBe(0);
    expect(b.canWrite()).toBe(true);
  });
});
