import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { INTENTS, toIsoOrNull, type ChannelHealthRow, type ChannelsHealthReport, type IntentsReport, type PostReport } from '@resonance/contracts';
import { pick } from './definitions';
import { periodSql, rollupFilter, type Grouping, type ReportParams } from './report-query';
import { commentRollup, perceptionGap, postsInPeriod, toReportPost, weighted } from './resonance.report';
import { ratio, round } from './stats';

const GROUP_SQL: Record<Grouping, string> = {
  none: 'NULL::text', network: 'network', channel: 'channel_account_id::text', agent: 'NULL::text', post: 'NULLIF(post_id, 0)::text',
};

/** Intent mix (all inbound messages, every channel), sentiment per intent, corrections, perception gap. */
export async function intentsReport(ds: DataSource, workspaceId: string, p: ReportParams): Promise<IntentsReport> {
  const { where, params } = rollupFilter(p, workspaceId);
  const [mix, corrections, posts] = await Promise.all([
    ds.query(
      `SELECT ${periodSql(p.interval)} AS period, ${GROUP_SQL[p.groupBy]} AS grp, intent, sum(comments)::int AS n,
              sum(sentiment_sum)::float8 AS ssum, sum(sentiment_n)::int AS sn
         FROM ${commentRollup(p.groupBy)} WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      params,
    ) as Promise<Array<{ period: string; grp: string | null; intent: string; n: number; ssum: number; sn: number }>>,
    ds.query(
      `SELECT COALESCE(c.previous_intent, 'unclassified') AS "from", c.intent AS "to", count(*)::int AS n
         -- Corrections of the messages this report counts (by message time, like the mix above), so a
         -- label corrected later still explains the period's numbers it changed.
         FROM intent_correction c JOIN workspace w ON w.id = c.workspace_id JOIN message m ON m.id = c.message_id
        WHERE c.workspace_id = $1 AND m.created_at >= ($2::date::timestamp AT TIME ZONE w.timezone)
          AND m.created_at < (($3::date + 1)::timestamp AT TIME ZONE w.timezone)
        GROUP BY 1, 2 ORDER BY 3 DESC`,
      [workspaceId, p.from, p.to],
    ) as Promise<Array<{ from: string; to: string; n: number }>>,
    postsInPeriod(ds, workspaceId, p),
  ]);
  const keys = [...new Set(mix.map((m) => `${m.period}\u0000${m.grp ?? ''}`))];
  const rows = keys.map((k) => {
    const mine = mix.filter((m) => `${m.period}\u0000${m.grp ?? ''}` === k);
    const total = mine.reduce((s, m) => s + m.n, 0);
    return {
      period: mine[0].period,
      group: mine[0].grp,
      messages: total,
      intents: Object.fromEntries([...INTENTS, 'unclassified'].map((intent) => {
        const m = mine.find((x) => x.intent === intent);
        return [intent, { count: m?.n ?? 0, share: ratio(m?.n ?? 0, total) ?? 0, sentiment: m?.sn ? round(m.ssum / m.sn) : null }];
      })),
    };
  });
  const byIntent: Record<string, number> = {};
  for (const m of mix) byIntent[m.intent] = (byIntent[m.intent] ?? 0) + m.n;
  return {
    definitions: pick('inbound', 'intentMix', 'sentiment', 'perceptionGap', 'period'),
    params: p,
    rows,
    corrections: { total: corrections.reduce((s, c) => s + c.n, 0), changes: corrections },
    perceptionGap: perceptionGap(posts, byIntent),
  };
}

/** One post: its counts, weighted engagement and the resonance of its comments (all time). */
export async function postReport(ds: DataSource, workspaceId: string, postId: string, p: ReportParams): Promise<PostReport> {
  if (!/^\d{1,18}$/.test(postId)) throw new NotFoundException('no such post');
  const [post] = await postsInPeriod(ds, workspaceId, { ...p, network: null, channel: null }, postId);
  if (!post) throw new NotFoundException('no such post');
  const [[channel], comments, people] = await Promise.all([
    ds.query(`SELECT COALESCE(followers, 0)::int AS followers FROM channel_account WHERE id = $1`, [post.channel_account_id]) as Promise<Array<{ followers: number }>>,
    ds.query(
      `SELECT intent, sum(comments)::int AS n, sum(answered)::int AS answered, sum(sentiment_sum)::float8 AS ssum, sum(sentiment_n)::int AS sn
         FROM report_comment_daily WHERE workspace_id = $1 AND post_id = $2 GROUP BY 1`,
      [workspaceId, postId],
    ) as Promise<Array<{ intent: string; n: number; answered: number; ssum: number; sn: number }>>,
    // Commenter rollups carry no post; a post's commenters come from its threads (few per post).
    ds.query(
      `SELECT count(DISTINCT t.contact_id)::int AS unique_commenters FROM thread t WHERE t.workspace_id = $1 AND t.post_id = $2`,
      [workspaceId, postId],
    ) as Promise<Array<{ unique_commenters: number }>>,
  ]);
  const total = comments.reduce((s, c) => s + c.n, 0);
  const sn = comments.reduce((s, c) => s + c.sn, 0);
  return {
    definitions: pick('comments', 'perThousand', 'shareAnswered', 'intentMix', 'sentiment', 'weightedEngagement'),
    post: toReportPost(post),
    rows: [{
      comments: total,
      uniqueCommenters: people[0]?.unique_commenters ?? 0,
      commentsPer1000Followers: channel?.followers ? round((total / channel.followers) * 1000, 2) : null,
      commentsPer1000Views: post.views ? round((total / post.views) * 1000, 2) : null,
      shareAnswered: ratio(comments.reduce((s, c) => s + c.answered, 0), total),
      intentMix: Object.fromEntries([...INTENTS, 'unclassified'].map((i) => [i, ratio(comments.find((c) => c.intent === i)?.n ?? 0, total) ?? 0])),
      sentiment: sn ? round(comments.reduce((s, c) => s + c.ssum, 0) / sn) : null,
      weightedEngagement: weighted(post, channel?.followers ?? 0),
    }],
  };
}

/** A channel-health row as the driver gives it (timestamps as Date). */
interface ChannelHealthDbRow extends Omit<ChannelHealthRow, 'last_synced_at' | 'last_error_at'> {
  last_synced_at: Date | null;
  last_error_at: Date | null;
}

/** The one place a channel-health row becomes the wire's ChannelHealthRow. */
const toChannelHealthRow = ({ last_synced_at, last_error_at, ...row }: ChannelHealthDbRow): ChannelHealthRow => ({
  ...row,
  last_synced_at: toIsoOrNull(last_synced_at),
  last_error_at: toIsoOrNull(last_error_at),
});

/** Per channel account: sync state and errors from the channel row, volume and delay from rollups. */
export async function channelsHealthReport(ds: DataSource, workspaceId: string, p: ReportParams): Promise<ChannelsHealthReport> {
  const { where, params } = rollupFilter(p, workspaceId);
  const rows = (await ds.query(
    `SELECT ca.id AS channel, ca.network, ca.display_name, ca.status, ca.last_synced_at,
            round(extract(epoch FROM now() - ca.last_synced_at)::numeric, 0)::float8 AS lag_seconds,
            ca.last_error, ca.last_error_at, ca.consecutive_auth_failures, ca.rate_budget AS budget,
            CASE WHEN ca.sync_state ->> 'gapsReconciled' ~ '^\\d+$' THEN (ca.sync_state ->> 'gapsReconciled')::int END AS gaps_reconciled,
            COALESCE(v.messages, 0)::int AS messages_ingested,
            CASE WHEN v.messages > 0 THEN round((v.lag / v.messages)::numeric, 3)::float8 END AS mean_ingest_delay_seconds
       FROM channel_account ca
       LEFT JOIN (SELECT channel_account_id, sum(comments) AS messages, sum(ingest_lag_seconds_sum) AS lag
                    FROM report_comment_channel_daily WHERE ${where} GROUP BY 1) v ON v.channel_account_id = ca.id
      WHERE ca.workspace_id = $1 AND ($4::text IS NULL OR ca.network = $4) AND ($5::uuid IS NULL OR ca.id = $5)
      ORDER BY ca.network, ca.display_name`,
    params,
  )) as ChannelHealthDbRow[];
  return { definitions: pick('health'), params: p, rows: rows.map(toChannelHealthRow) };
}
