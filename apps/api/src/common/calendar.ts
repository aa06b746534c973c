/**
 * Calendar checks for dates that arrive as text (report periods, page cursors) before they reach
 * PostgreSQL, which refuses impossible ones ("2024-02-30", year 0) with an error the API would
 * otherwise answer as a 500. JavaScript's Date is no check: it rolls 2024-02-30 over to 1 March.
 */

const MS_PER_DAY = 86_400_000;

/** Whether year-month-day exists in the proleptic Gregorian calendar PostgreSQL uses (it has no year 0). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // The Gregorian calendar repeats every 400 years: 2000 + year % 400 has the same month lengths
  // (and keeps Date.UTC away from its years 0–99, which it reads as 1900–1999).
  return day <= new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" as a day number (days since 1970-01-01), or null when it is no calendar day. */
export function dayNumber(text: string): number | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDay(year, month, day)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** A day number as "YYYY-MM-DD" (years 0–9999; the callers stay far inside that). */
export function isoDay(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7;
}
