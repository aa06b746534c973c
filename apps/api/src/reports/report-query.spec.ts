import { parseReportQuery, weeksAndDays } from './report-query';

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
    expect(weeksAndDays({ from: '2026-09-28', to: '2026-11-01', interval: 'week' }).weeks).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
  });

  it('has no whole week in a period shorter than one', () => {
    expect(weeksAndDays({ from: '2026-11-03', to: '2026-11-08', interval: 'total' })).toEqual({ weeks: [], days: days('2026-11-03', 6) });
  });
});

describe('parseReportQuery periods (days as numbers, bounded)', () => {
  const parse = (period: string, today = '2026-11-30') => parseReportQuery({ period }, today, ['none']);

  it('takes the last N days up to the workspace day, and inclusive ranges', () => {
    expect(parse('7d')).toMatchObject({ from: '2026-11-24', to: '2026-11-30' });
    expect(parse('400d')).toMatchObject({ from: '2025-10-27', to: '2026-11-30' });
    expect(parse('2024-02-29..2024-03-01')).toMatchObject({ from: '2024-02-29', to: '2024-03-01' });
    expect(parse('2100-12-31..2100-12-31')).toMatchObject({ from: '2100-12-31', to: '2100-12-31' });
  });

  it('refuses days PostgreSQL would refuse, days outside 2000–2100 and periods over 400 days', () => {
    expect(() => parse('9999-12-31..9999-12-31')).toThrow(/between 2000-01-01 and 2100-12-31/);
    expect(() => parse('2024-02-30..2024-03-01')).toThrow(/2024-02-30 is not a date/);
    expect(() => parse('2023-02-29..2023-03-01')).toThrow(/2023-02-29 is not a date/);
    expect(() => parse('0000-01-01..0000-01-01')).toThrow(/0000-01-01 is not a date/);
    expect(() => parse('2024-01-01..2025-02-04')).toThrow(/at most 400 days/);
    expect(() => parse('401d')).toThrow(/period must be/);
    expect(() => parse('2024-01-02..2024-01-01')).toThrow(/ends before it starts/);
    expect(() => parse('2024-01-01..2024-01-02..2024-01-03')).toThrow(/period must be/);
  });

  it('walks the days across a year end and up to the last allowed day', () => {
    expect(weeksAndDays({ from: '2099-12-28', to: '2100-01-03', interval: 'total' })).toEqual({ weeks: ['2099-12-28'], days: [] });
    const end = weeksAndDays({ from: '2100-12-25', to: '2100-12-31', interval: 'day' });
    expect(end.days).toEqual(days('2100-12-25', 7));
  });

  it('refuses to walk a period no report may have, instead of looping', () => {
    expect(() => weeksAndDays({ from: '2020-01-01', to: '2030-01-01', interval: 'total' })).toThrow(RangeError);
    expect(() => weeksAndDays({ from: '2024-02-30', to: '2024-03-01', interval: 'total' })).toThrow(RangeError);
  });
});
