import { checkBusinessHours, checkHolidays, checkTargets, SlaRuleError } from './sla-rules';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (!(error instanceof SlaRuleError)) throw error;
    const body = error.getResponse();
    return typeof body === 'object' && 'code' in body ? String(body.code) : undefined;
  }
};

describe('SLA rules', () => {
  it('accepts a schedule with a lunch break, a day ending at 24:00 and empty days', () => {
    expect(
      codeOf(() =>
        checkBusinessHours({
          '1': [
            ['13:00', '17:00'],
            ['08:00', '12:00'],
          ],
          '5': [['18:00', '24:00']],
          '0': [],
        }),
      ),
    ).toBeUndefined();
  });

  it('refuses spans that end before they start, overlap, are malformed or too many', () => {
    expect(codeOf(() => checkBusinessHours({ '1': [['12:00', '12:00']] }))).toBe('HOURS_SPAN_INVALID');
    expect(codeOf(() => checkBusinessHours({ '1': [['8:00', '12:00']] }))).toBe('HOURS_SPAN_INVALID');
    expect(codeOf(() => checkBusinessHours({ '7': [['08:00', '12:00']] }))).toBe('HOURS_SPAN_INVALID');
    expect(
      codeOf(() =>
        checkBusinessHours({
          '2': [
            ['08:00', '12:00'],
            ['11:59', '13:00'],
          ],
        }),
      ),
    ).toBe('HOURS_SPAN_OVERLAP');
    expect(
      codeOf(() =>
        checkBusinessHours({
          '2': [
            ['08:00', '12:00'],
            ['12:00', '13:00'],
          ],
        }),
      ),
    ).toBeUndefined();
    const five = ['08', '09', '10', '11', '12'].map((h): [string, string] => [`${h}:00`, `${h}:30`]);
    expect(codeOf(() => checkBusinessHours({ '3': five }))).toBe('HOURS_TOO_MANY_SPANS');
  });

  it('refuses targets without a network or priority, twice the same, or out of range', () => {
    expect(
      codeOf(() =>
        checkTargets([
          { network: 'x', priority: null, minutes: 30 },
          { network: 'x', priority: 3, minutes: 5 },
        ]),
      ),
    ).toBeUndefined();
    expect(codeOf(() => checkTargets([{ network: null, priority: null, minutes: 30 }]))).toBe('SLA_TARGET_EMPTY');
    expect(
      codeOf(() =>
        checkTargets([
          { network: null, priority: 2, minutes: 30 },
          { network: null, priority: 2, minutes: 40 },
        ]),
      ),
    ).toBe('SLA_TARGET_DUPLICATE');
    expect(codeOf(() => checkTargets([{ network: 'x', priority: null, minutes: 1.5 }]))).toBe('SLA_MINUTES_RANGE');
    expect(codeOf(() => checkTargets([{ network: 'x', priority: null, minutes: 525_601 }]))).toBe('SLA_MINUTES_RANGE');
  });

  it('refuses holidays that are no calendar date, unnamed or listed twice', () => {
    expect(codeOf(() => checkHolidays([{ date: '2028-02-29', name: 'Schalttag' }]))).toBeUndefined();
    expect(codeOf(() => checkHolidays([{ date: '2027-02-29', name: 'Nie' }]))).toBe('HOLIDAY_DATE_INVALID');
    expect(codeOf(() => checkHolidays([{ date: '24.12.2026', name: 'Heiligabend' }]))).toBe('HOLIDAY_DATE_INVALID');
    expect(codeOf(() => checkHolidays([{ date: '2026-12-24', name: ' ' }]))).toBe('HOLIDAY_NAME_INVALID');
    expect(
      codeOf(() =>
        checkHolidays([
          { date: '2026-12-24', name: 'A' },
          { date: '2026-12-24', name: 'B' },
        ]),
      ),
    ).toBe('HOLIDAY_DUPLICATE');
  });
});
