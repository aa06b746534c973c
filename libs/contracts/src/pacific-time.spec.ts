import { nextPacificMidnight, pacificDay, pacificDayStart } from './pacific-time';

describe('Pacific quota day', () => {
  it('resets at midnight Pacific: 08:00 UTC in winter (PST), 07:00 UTC in summer (PDT)', () => {
    expect(new Date(nextPacificMidnight(Date.parse('2026-11-22T22:00:00Z'))).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2026-07-01T12:00:00Z'))).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    // 07:30 UTC on 2026-11-23 is still the 22nd in California.
    expect(pacificDay(Date.parse('2026-11-23T07:30:00Z'))).toBe('2026-11-22');
    expect(new Date(pacificDayStart(Date.parse('2026-11-23T07:30:00Z'))).toISOString()).toBe('2026-11-22T08:00:00.000Z');
    // The day the clocks go back (2026-11-01) has 25 hours.
    expect(nextPacificMidnight(Date.parse('2026-11-01T12:00:00Z')) - pacificDayStart(Date.parse('2026-11-01T12:00:00Z'))).toBe(25 * 3600_000);
  });

  it('gives the same day as Intl at every instant of a year, across both clock changes (the offset is cached per UTC hour)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });
    const start = Date.parse('2026-01-01T00:00:00Z');
    // Every 7 min 13 s for a year: every hour-of-day and minute, both sides of 2026-03-08 and 2026-11-01.
    for (let t = start; t < start + 366 * 86_400_000; t += 433_000) expect(pacificDay(t)).toBe(intl.format(t));
    expect(pacificDay(Date.parse('2026-03-08T09:59:59Z'))).toBe('2026-03-08');
    expect(new Date(pacificDayStart(Date.parse('2026-03-08T10:00:00Z'))).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(Date.parse('2026-03-08T10:00:00Z'))).toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });
});
