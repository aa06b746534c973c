import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { isNetwork, type Network } from '@resonance/contracts';

export const INTERVALS = ['total', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
export const GROUPINGS = ['none', 'network', 'channel', 'agent', 'post'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Query parameters every report takes (OpenAPI documents them from this class). */
export class ReportQueryDto {
  @ApiPropertyOptional({ description: 'Last N days ("7d", "30d", "90d") or "YYYY-MM-DD..YYYY-MM-DD" (workspace-local days, inclusive). Default 30d.' })
  @IsOptional() @IsString() @MaxLength(64)
  period?: string;
  @ApiPropertyOptional({ enum: INTERVALS, description: 'Time series step; "total" = one row for the whole period' })
  @IsOptional() @IsString() @MaxLength(64)
  interval?: string;
  @ApiPropertyOptional({ description: 'facebook | x | linkedin | youtube | xing' })
  @IsOptional() @IsString() @MaxLength(64)
  network?: string;
  @ApiPropertyOptional({ description: 'Channel account id' })
  @IsOptional() @IsString() @MaxLength(64)
  channel?: string;
  @ApiPropertyOptional({ enum: GROUPINGS, description: 'Group rows by network, channel, agent (response times) or post (resonance, intents)' })
  @IsOptional() @IsString() @MaxLength(64)
  groupBy?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional() @IsString() @MaxLength(64)
  format?: string;
}

export interface ReportParams {
  from: string;
  to: string;
  interval: Interval;
  network: Network | null;
  channel: string | null;
  groupBy: Grouping;
  csv: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates the query; `today` is the workspace's local date. */
export function parseReportQuery(q: ReportQueryDto, today: string, allowed: readonly Grouping[]): ReportParams {
  const period = q.period ?? '30d';
  let from: string;
  let to: string;
  const last = /^(\d{1,3})d$/.exec(period);
  if (last && +last[1] >= 1 && +last[1] <= 400) {
    to = today;
    from = addDays(today, 1 - Number(last[1]));
  } else {
    const [a, b] = period.split('..');
    if (!DATE.test(a ?? '') || !DATE.test(b ?? '') || a > b || Number.isNaN(Date.parse(a)) || Number.isNaN(Date.parse(b))) {
      throw new BadRequestException('period must be "<N>d" (1–400) or "YYYY-MM-DD..YYYY-MM-DD"');
    }
    [from, to] = [a, b];
    if (Date.parse(b) - Date.parse(a) > 400 * 86_400_000) throw new BadRequestException('period spans at most 400 days');
  }
  const interval = (q.interval ?? 'total') as Interval;
  if (!INTERVALS.includes(interval)) throw new BadRequestException(`interval must be one of ${INTERVALS.join(', ')}`);
  const groupBy = (q.groupBy ?? 'none') as Grouping;
  if (!allowed.includes(groupBy)) throw new BadRequestException(`groupBy must be one of ${allowed.join(', ')}`);
  if (q.network !== undefined && !isNetwork(q.network)) throw new BadRequestException('unknown network');
  if (q.channel !== undefined && !UUID.test(q.channel)) throw new BadRequestException('channel must be a channel account id');
  if (q.format !== undefined && q.format !== 'csv' && q.format !== 'json') throw new BadRequestException('format must be json or csv');
  return { from, to, interval, network: (q.network as Network) ?? null, channel: q.channel ?? null, groupBy, csv: q.format === 'csv' };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** SQL for the period label of a rollup row's `day`. */
export function periodSql(interval: Interval, column = 'day'): string {
  switch (interval) {
    case 'day':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'week':
      return `to_char(date_trunc('week', ${column}), 'YYYY-MM-DD')`;
    case 'month':
      return `to_char(${column}, 'YYYY-MM')`;
    default:
      return `'total'`;
  }
}

/** The rollup rows of a report's workspace ($1), network ($4) and channel ($5), whatever their days. */
export const ROLLUP_SCOPE = `workspace_id = $1 AND ($4::text IS NULL OR network = $4) AND ($5::uuid IS NULL OR channel_account_id = $5)`;

/** WHERE clause shared by the rollup tables: workspace, days, network, channel ($1…$5). */
export function rollupFilter(p: ReportParams, workspaceId: string): { where: string; params: unknown[] } {
  return {
    where: `${ROLLUP_SCOPE} AND day BETWEEN $2::date AND $3::date`,
    params: [workspaceId, p.from, p.to, p.network, p.channel],
  };
}

/**
 * The report's days split for report_response_hist_week (migration 1733500000000): the Mondays of
 * the weeks that lie whole inside [from, to] and inside one period of the interval, and every other
 * day of [from, to]. The week rows of those Mondays plus the day rows of the other days sum to the
 * day rows of [from, to], period by period. Days are ISO dates; a week starts on Monday
 * (date_trunc('week') in PostgreSQL). Interval "day" has no whole weeks inside a period.
 */
export function weeksAndDays(p: Pick<ReportParams, 'from' | 'to' | 'interval'>): { weeks: string[]; days: string[] } {
  const weeks: string[] = [];
  const days: string[] = [];
  for (let day = p.from; day <= p.to; ) {
    const sunday = addDays(day, 6);
    const isMonday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    const inOnePeriod = p.interval === 'total' || p.interval === 'week' || (p.interval === 'month' && sunday.slice(0, 7) === day.slice(0, 7));
    if (isMonday && sunday <= p.to && inOnePeriod) {
      weeks.push(day);
      day = addDays(day, 7);
    } else {
      days.push(day);
      day = addDays(day, 1);
    }
  }
  return { weeks, days };
}
