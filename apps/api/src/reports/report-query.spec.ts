import { weeksAndDays } from './report-query';

const days = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('weeksAndDays (whole weeks from report_response_hist_week, the rest from the day rows)', () => {
  it('takes the Monday-to-Sunday weeks inside the period and leaves the edges as days', () => {
    // Sun 1 Nov 2026 … Mon 30 Nov: weeks of 2, 9, 16 and 23 Nov; 1 Nov and 30 Nov are left over.
    expect(weeksAndDays({ from: '2026-11-01', to: '2026-11-30', interval: 'total' })).toEqual({
      weeks: ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
      days: ['2026-11-01', '2026-11-30'],
    });
  });

  it('covers every day of the period exactly once', () => {
    for (const interval of ['total', 'day', 'week', 'month'] as const) {
      const { weeks, days: rest } = weeksAndDays({ from: '2026-09-06', to: '2026-12-04', interval });
      const covered = [...weeks.flatMap((w) => days(w, 7)), ...rest].sort();
      expect(covered).toEqual(days('2026-09-06', 90));
    }
  });

  it('never takes a week across two periods: none for days, only weeks within one month for months', () => {
    expect(weeksAndDays({ from: '2026-11-01', to: '2026-11-30', interval: 'day' }).weeks).toEqual([]);
    // 28 Sep – 4 Oct and 26 Oct – 1 Nov cross a month: their days are read one by one.
    expect(weeksAndDays({ from: '2026-09-28', to: '2026-11-01', interval: 'month' }).weeks).toEqual(['2026-10-05', '2026-10-12', '2026-10-19']);
    expect(weeksAndDays({ from: '2026-09-28', to: '2026-11-01', interval: 'week' }).weeks).toEqual(
      ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'],
    );
  });

  it('has no whole week in a period shorter than one', () => {
    expect(weeksAndDays({ from: '2026-11-03', to: '2026-11-08', interval: 'total' })).toEqual({ weeks: [], days: days('2026-11-03', 6) });
  });
});
