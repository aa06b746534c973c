import type { DataSource } from 'typeorm';
import type { ResponseStats, ResponseTimesReport, ResponseTimesRow } from '@resonance/contracts';
import { pick } from './definitions';
import { periodSql, rollupFilter, ROLLUP_SCOPE, weeksAndDays, type Grouping, type ReportParams } from './report-query';
import { ratio, summarize, type Bucket } from './stats';


const GROUP_SQL: Record<Grouping, string> = {
  none: 'NULL::text',
  network: 'network',
  channel: 'channel_account_id::text',
  // Responses written natively on the network have no Resonance user.
  agent: "COALESCE(agent_id::text, 'native')",
  post: 'NULL::text',
};

/**
 * Response times from report_response_daily and the histograms (never the message table). The
 * histograms of whole weeks come from report_response_hist_week, the other days from
 * report_response_hist: a 90-day report reads about 14,000 rows instead of 62,000 (500k messages).
 */
export async function responseTimesReport(ds: DataSource, workspaceId: string, p: ReportParams): Promise<ResponseTimesReport> {
  const { where, params } = rollupFilter(p, workspaceId);
  const key = `${periodSql(p.interval)} AS period, ${GROUP_SQL[p.groupBy]} AS grp, kind`;
  const { weeks, days } = weeksAndDays(p);
  const [totals, hist, [settings]] = await Promise.all([
    ds.query(
      `SELECT ${key}, sum(n)::int AS n, sum(seconds_sum)::float8 AS sum, sum(business_n)::int AS bn,
              sum(business_seconds_sum)::float8 AS bsum, sum(within_target)::int AS wt, sum(within_target_business)::int AS wtb
         FROM report_response_daily WHERE ${where} GROUP BY 1, 2, 3`,
      params,
    ) as Promise<Array<{ period: string; grp: string | null; kind: string; n: number; sum: number; bn: number; bsum: number; wt: number; wtb: number }>>,
    ds.query(
      `SELECT period, grp, kind, clock, bucket, sum(n)::int AS n, sum(seconds_sum)::float8 AS sum
         FROM (SELECT ${periodSql(p.interval, 'week')} AS period, ${GROUP_SQL[p.groupBy]} AS grp, kind, clock, bucket, n, seconds_sum
                 FROM report_response_hist_week WHERE ${ROLLUP_SCOPE} AND week = ANY($2::date[])
               UNION ALL
               SELECT ${periodSql(p.interval)}, ${GROUP_SQL[p.groupBy]}, kind, clock, bucket, n, seconds_sum
                 FROM report_response_hist WHERE ${ROLLUP_SCOPE} AND day = ANY($3::date[])) h
        GROUP BY 1, 2, 3, 4, 5`,
      [workspaceId, weeks, days, p.network, p.channel],
    ) as Promise<Array<{ period: string; grp: string | null; kind: string; clock: string; bucket: number; n: number; sum: number }>>,
    ds.query(`SELECT settings -> 'slaTargetMinutes' AS targets FROM workspace WHERE id = $1`, [workspaceId]) as Promise<Array<{ targets: unknown }>>,
  ]);
  const id = (period: string, grp: string | null) => `${period}\u0000${grp ?? ''}`;
  const buckets = new Map<string, Bucket[]>();
  for (const h of hist) {
    const k = `${id(h.period, h.grp)}\u0000${h.kind}\u0000${h.clock}`;
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k)!.push({ bucket: h.bucket, n: h.n, sum: h.sum });
  }
  const groups = new Map<string, { period: string; grp: string | null }>();
  for (const t of totals) groups.set(id(t.period, t.grp), { period: t.period, grp: t.grp });
  const rows: ResponseTimesRow[] = [...groups.values()]
    .sort((a, b) => (a.period + (a.grp ?? '') < b.period + (b.grp ?? '') ? -1 : 1))
    .map(({ period, grp }) => {
      const of = (kind: string) => totals.find((t) => t.period === period && t.grp === grp && t.kind === kind);
      const stats = (kind: string): ResponseStats => {
        const t = of(kind);
        const hk = `${id(period, grp)}\u0000${kind}`;
        return {
          ...summarize(t?.n ?? 0, t?.sum ?? 0, buckets.get(`${hk}\u0000calendar`) ?? []),
          business: t?.bn ? summarize(t.bn, t.bsum, buckets.get(`${hk}\u0000business`) ?? []) : null,
          sla: { attained: ratio(t?.wt ?? 0, t?.n ?? 0), businessAttained: t?.bn ? ratio(t.wtb, t.bn) : null },
        };
      };
      const reply = of('reply');
      const handled = of('handled');
      return {
        period,
        group: grp,
        firstResponse: stats('first'),
        reply: stats('reply'),
        handled: { count: handled?.n ?? 0, withinTarget: handled?.wt ?? 0, mean: handled?.n ? Math.round((handled.sum / handled.n) * 1000) / 1000 : null },
        serviceLevel: ratio((reply?.wt ?? 0) + (handled?.wt ?? 0), (reply?.n ?? 0) + (handled?.n ?? 0)),
      };
    });
  return {
    definitions: pick('inbound', 'response', 'firstResponse', 'reply', 'statistics', 'businessHours', 'sla', 'handled', 'serviceLevel', 'period'),
    unit: 'seconds',
    params: p,
    slaTargetMinutes: (settings?.targets as Record<string, number> | null | undefined) ?? { default: 60 },
    rows,
  };
}
