import { BadRequestException } from '@nestjs/common';
import type { ApiErrorCode, HolidayWire, SlaTargetWire } from '@resonance/contracts';

/** Longest target: a year, in minutes. */
export const MAX_SLA_MINUTES = 525_600;
/** Spans per weekday and holidays per workspace the form and the due computation allow. */
export const MAX_SPANS_PER_DAY = 4;
export const MAX_HOLIDAYS = 200;

/** A refusal the dashboard translates by its code (the English message is for API users and logs). */
export class SlaRuleError extends BadRequestException {
  constructor(code: ApiErrorCode, message: string) {
    super({ statusCode: 400, error: 'Bad Request', code, message });
  }
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const minutesOk = (m: number) => Number.isInteger(m) && m >= 1 && m <= MAX_SLA_MINUTES;

export function checkMinutes(minutes: number): void {
  if (!minutesOk(minutes)) throw new SlaRuleError('SLA_MINUTES_RANGE', `a target is a whole number of minutes from 1 to ${MAX_SLA_MINUTES}`);
}

/** Each target names a network or a priority (or both), once; minutes within range. */
export function checkTargets(targets: SlaTargetWire[]): void {
  const seen = new Set<string>();
  for (const t of targets) {
    checkMinutes(t.minutes);
    if (t.network === null && t.priority === null) throw new SlaRuleError('SLA_TARGET_EMPTY', 'a target names a network, a priority or both');
    const key = `${t.network ?? '*'}/${t.priority ?? '*'}`;
    if (seen.has(key)) throw new SlaRuleError('SLA_TARGET_DUPLICATE', `two targets for ${key}`);
    seen.add(key);
  }
}

/** Weekdays 0–6 to at most four "HH:MM"–"HH:MM" spans, each starting before it ends, none overlapping. */
export function checkBusinessHours(hours: Record<string, unknown>): asserts hours is Record<string, Array<[string, string]>> {
  for (const [day, spans] of Object.entries(hours)) {
    if (!/^[0-6]$/.test(day) || !Array.isArray(spans)) throw new SlaRuleError('HOURS_SPAN_INVALID', `weekday ${day}: weekdays are 0 (Sunday) to 6`);
    if (spans.length > MAX_SPANS_PER_DAY) throw new SlaRuleError('HOURS_TOO_MANY_SPANS', `weekday ${day}: at most ${MAX_SPANS_PER_DAY} spans`);
    const list: Array<[string, string]> = [];
    for (const span of spans as unknown[]) {
      if (!Array.isArray(span) || span.length !== 2 || typeof span[0] !== 'string' || typeof span[1] !== 'string') {
        throw new SlaRuleError('HOURS_SPAN_INVALID', `weekday ${day}: a span is ["HH:MM","HH:MM"]`);
      }
      const [from, to] = span as [string, string];
      if (!HHMM.test(from) || !HHMM.test(to) || from >= to)
        throw new SlaRuleError('HOURS_SPAN_INVALID', `weekday ${day}: ${from}–${to} does not start before it ends`);
      list.push([from, to]);
    }
    list.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (let i = 1; i < list.length; i++) {
      if (list[i][0] < list[i - 1][1])
        throw new SlaRuleError('HOURS_SPAN_OVERLAP', `weekday ${day}: ${list[i - 1].join('–')} and ${list[i].join('–')} overlap`);
    }
  }
}

/** Real calendar dates, each once, named (1–100 characters). */
export function checkHolidays(holidays: HolidayWire[]): void {
  if (holidays.length > MAX_HOLIDAYS) throw new SlaRuleError('HOLIDAY_DATE_INVALID', `at most ${MAX_HOLIDAYS} holidays`);
  const seen = new Set<string>();
  for (const h of holidays) {
    const d = new Date(`${h.date}T00:00:00Z`);
    if (!DATE.test(h.date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== h.date || h.date < '2000-01-01' || h.date > '2100-12-31') {
      throw new SlaRuleError('HOLIDAY_DATE_INVALID', `holiday ${h.date} is not a date (YYYY-MM-DD, 2000–2100)`);
    }
    const name = h.name.trim();
    if (!name || name.length > 100) throw new SlaRuleError('HOLIDAY_NAME_INVALID', `holiday ${h.date} needs a name of 1–100 characters`);
    if (seen.has(h.date)) throw new SlaRuleError('HOLIDAY_DUPLICATE', `holiday ${h.date} is listed twice`);
    seen.add(h.date);
  }
}
