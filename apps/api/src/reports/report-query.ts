import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import {
  isNetwork,
  REPORT_GROUPINGS,
  REPORT_INTERVALS,
  type Network,
  type ReportGrouping,
  type ReportInterval,
  type ReportParams,
  type ReportRequest,
} from '@resonance/contracts';
import { dayNumber, isoDay, weekday } from '../common/calendar';

export const INTERVALS = REPORT_INTERVALS;
export type Interval = ReportInterval;
export const GROUPINGS = REPORT_GROUPINGS;
export type Grouping = ReportGrouping;

/** Query parameters every report takes (OpenAPI documents them from this class). */
export class ReportQueryDto implements ReportRequest {
  @ApiPropertyOptional({ description: 'Last N days ("7d", "30d", "90d") or "YYYY-MM-DD..YYYY-MM-DD" (workspace-local days, inclusive). Default 30d.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  period?: string;
  @ApiPropertyOptional({ enum: INTERVALS, description: 'Time series step; "total" = one row for the whole period' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  interval?: string;
  @ApiPropertyOptional({ description: 'facebook | instagram | x | linkedin | youtube | xing' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  network?: string;
  @ApiPropertyOptional({ description: 'Channel account id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;
  @ApiPropertyOptional({ enum: GROUPINGS, description: 'Group rows by network, channel, agent (response times) or post (resonance, intents)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  groupBy?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  format?: string;
}

/** What a report is computed for: the contract's ReportParams. */
export type { ReportParams };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Report days lie in 2000-01-01 … 2100-12-31: the networks' histories start long after 2000 and
 * nothing is dated after 2100, so a day outside is a typo or a probe — and one at year 9999 once
 * walked the day loop below past the end of ISO dates and took the api down. A period spans at
 * most 400 days: a year with its comparison weeks (the dashboard asks for at most 90 days, and
 * compares with the period before it), while every request stays a few hundred steps of day walk
 * here and of generate_series in the commenter report.
 */
export const FIRST_REPORT_DAY = '2000-01-01';
export const LAST_REPORT_DAY = '2100-12-31';
export const MAX_PERIOD_DAYS = 400;
const FIRST_DAY_NUMBER = dayNumber(FIRST_REPORT_DAY) as number;
const LAST_DAY_NUMBER = dayNumber(LAST_REPORT_DAY) as number;
const PERIOD_SHAPE = `period must be "<N>d" (1–${MAX_PERIOD_DAYS}) or "YYYY-MM-DD..YYYY-MM-DD"`;

/**
 * The codes of a refused period (in the error body's `code`): the dashboard shows each in the
 * user's language; the message stays English for API users.
 */
export const PERIOD_ERRORS = ['period_shape', 'period_not_a_date', 'period_order', 'period_bounds', 'period_too_long'] as const;
export type PeriodError = (typeof PERIOD_ERRORS)[number];

const refused = (code: PeriodError, message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message, code });

/** Validates the query; `today` is the workspace's local date. */
export function parseReportQuery(q: ReportQueryDto, today: string, allowed: readonly Grouping[]): ReportParams {
  const { from, to } = parsePeriod(q.period ?? '30d', today);
  const interval = (q.interval ?? 'total') as Interval;
  if (!INTERVALS.includes(interval)) throw new BadRequestException(`interval must be one of ${INTERVALS.join(', ')}`);
  const groupBy = (q.groupBy ?? 'none') as Grouping;
  if (!allowed.includes(groupBy)) throw new BadRequestException(`groupBy must be one of ${allowed.join(', ')}`);
  if (q.network !== undefined && !isNetwork(q.network)) throw new BadRequestException('unknown network');
  if (q.channel !== undefined && !UUID.test(q.channel)) throw new BadRequestException('channel must be a channel account id');
  if (q.format !== undefined && q.format !== 'csv' && q.format !== 'json') throw new BadRequestException('format must be json or csv');
  return { from, to, interval, network: (q.network as Network) ?? null, channel: q.channel ?? null, groupBy, csv: q.format === 'csv' };
}

/** "<N>d" (the last N days up to `today`) or "from..to", both inclusive; days compared as numbers, never as text. */
function parsePeriod(period: string, today: string): { from: string; to: string } {
  const last = /^(\d{1,3})d$/.exec(period);
  let from: number;
  let to: number;
  if (last) {
    const n = Number(last[1]);
    const end = dayNumber(today);
    if (n < 1 || n > MAX_PERIOD_DAYS || end === null) throw refused('period_shape', PERIOD_SHAPE);
    [from, to] = [end - n + 1, end];
  } else {
    const parts = period.split('..');
    if (parts.length !== 2 || !parts.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p))) throw refused('period_shape', PERIOD_SHAPE);
    const [a, b] = parts.map((p) => {
      const n = dayNumber(p);
      if (n === null) throw refused('period_not_a_date', `period: ${p} is not a date in the calendar`);
      return n;
    });
    [from, to] = [a, b];
    if (to < from) throw refused('period_order', 'period ends before it starts');
  }
  if (from < FIRST_DAY_NUMBER || to > LAST_DAY_NUMBER) {
    throw refused('period_bounds', `period: days must lie between ${FIRST_REPORT_DAY} and ${LAST_REPORT_DAY}`);
  }
  if (to - from + 1 > MAX_PERIOD_DAYS) throw refused('period_too_long', `period spans at most ${MAX_PERIOD_DAYS} days`);
  return { from: isoDay(from), to: isoDay(to) };
}

/**
 * The report's days split for report_response_hist_week (migration 1733500000000): the Mondays of
 * the weeks that lie whole inside [from, to] and inside one period of the interval, and every other
 * day of [from, to]. The week rows of those Mondays plus the day rows of the other days sum to the
 * day rows of [from, to], period by period. Days are ISO dates; a week starts on Monday
 * (date_trunc('week') in PostgreSQL). Interval "day" has no whole weeks inside a period.
 */
export function weeksAndDays(p: Pick<ReportParams, 'from' | 'to' | 'interval'>): { weeks: string[]; days: string[] } {
  const from = dayNumber(p.from);
  const to = dayNumber(p.to);
  // parseReportQuery lets no other period through; the check keeps this loop bounded for any caller.
  if (from === null || to === null || to - from + 1 > MAX_PERIOD_DAYS) throw new RangeError(`weeksAndDays: ${p.from}..${p.to} is not a report period`);
  const weeks: string[] = [];
  const days: string[] = [];
  for (let day = from; day <= to;) {
    const sunday = day + 6;
    const inOnePeriod = p.interval === 'total' || p.interval === 'week' || (p.interval === 'month' && isoDay(sunday).slice(0, 7) === isoDay(day).slice(0, 7));
    if (weekday(day) === 1 && sunday <= to && inOnePeriod) {
      weeks.push(isoDay(day));
      day += 7;
    } else {
      days.push(isoDay(day));
      day += 1;
    }
  }
  return { weeks, days };
}
