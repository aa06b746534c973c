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
});
