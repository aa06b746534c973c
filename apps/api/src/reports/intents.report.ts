import { NotFoundException } from '@nestjs/common';
import {
  ERROR_CODES,
  INTENTS,
  NETWORKS,
  PRECISION_MIN_REVIEWS,
  toIsoOrNull,
  type ErrorCode,
  type ChannelHealthRow,
  type ChannelsHealthReport,
  type IntentsReport,
  type PostReport,
} from '@resonance/contracts';
import { oneOf } from '../common/narrow';
import { pick } from './definitions';
import type { ReportParams } from './report-query';
import type { ChannelsHealthRow, ReportsRepository } from './reports.repository';
import { perceptionGap, toReportPost, weighted } from './resonance.report';
import { ratio, round } from './stats';

/** Intent mix (all inbound messages, every channel), sentiment per intent, corrections, perception gap. */
export async function intentsReport(reports: ReportsRepository, workspaceId: string, p: ReportParams): Promise<IntentsReport> {
  const [mix, corrections, reviewed, posts] = await Promise.all([
    reports.intentMix(workspaceId, p),
    reports.intentCorrections(workspaceId, p),
    reports.intentPrecision(workspaceId, p),
    reports.postsInPeriod(workspaceId, p),
  ]);
  const keys = [...new Set(mix.map((m) => `${m.period}\u0000${m.grp ?? ''}`))];
  const rows = keys.map((k) => {
    const mine = mix.filter((m) => `${m.period}\u0000${m.grp ?? ''}` === k);
    const total = mine.reduce((s, m) => s + m.n, 0);
    return {
      period: mine[0].period,
      group: mine[0].grp,
      messages: total,
      intents: Object.fromEntries(
        [...INTENTS, 'unclassified'].map((intent) => {
          const m = mine.find((x) => x.intent === intent);
          return [intent, { count: m?.n ?? 0, share: ratio(m?.n ?? 0, total) ?? 0, sentiment: m?.sn ? round(m.ssum / m.sn) : null }];
        }),
      ),
    };
  });
  const byIntent: Record<string, number> = {};
  for (const m of mix) byIntent[m.intent] = (byIntent[m.intent] ?? 0) + m.n;
  return {
    definitions: pick('inbound', 'intentMix', 'sentiment', 'intentPrecision', 'perceptionGap', 'period'),
    params: p,
    rows,
    corrections: { total: corrections.reduce((s, c) => s + c.n, 0), changes: corrections },
    precision: INTENTS.map((intent) => {
      const r = reviewed.find((x) => x.intent === intent);
      const n = r?.reviewed ?? 0;
      const unchanged = r?.unchanged ?? 0;
      return { intent, reviewed: n, unchanged, precision: n >= PRECISION_MIN_REVIEWS ? round(unchanged / n, 4) : null };
    }),
    precisionMinReviews: PRECISION_MIN_REVIEWS,
    perceptionGap: perceptionGap(posts, byIntent),
  };
}

/** One post: its counts, weighted engagement and the resonance of its comments (all time). */
export async function postReport(reports: ReportsRepository, workspaceId: string, postId: string, p: ReportParams): Promise<PostReport> {
  if (!/^\d{1,18}$/.test(postId)) throw new NotFoundException('no such post');
  const [post] = await reports.postsInPeriod(workspaceId, { ...p, network: null, channel: null }, postId);
  if (!post) throw new NotFoundException('no such post');
  const [followers, comments, uniqueCommenters] = await Promise.all([
    reports.followersOfChannel(post.channel_account_id),
    reports.postComments(workspaceId, postId),
    reports.postCommenters(workspaceId, postId),
  ]);
  const total = comments.reduce((s, c) => s + c.n, 0);
  const sn = comments.reduce((s, c) => s + c.sn, 0);
  return {
    definitions: pick('comments', 'perThousand', 'shareAnswered', 'intentMix', 'sentiment', 'weightedEngagement'),
    post: toReportPost(post),
    rows: [
      {
        comments: total,
        uniqueCommenters,
        commentsPer1000Followers: followers ? round((total / followers) * 1000, 2) : null,
        commentsPer1000Views: post.views ? round((total / post.views) * 1000, 2) : null,
        shareAnswered: ratio(
          comments.reduce((s, c) => s + c.answered, 0),
          total,
        ),
        intentMix: Object.fromEntries([...INTENTS, 'unclassified'].map((i) => [i, ratio(comments.find((c) => c.intent === i)?.n ?? 0, total) ?? 0])),
        sentiment: sn ? round(comments.reduce((s, c) => s + c.ssum, 0) / sn) : null,
        weightedEngagement: weighted(post, followers ?? 0),
      },
    ],
  };
}

/**
 * The kind of a channel's last error: the connector stores "<CODE>: <network's words>"
 * (apps/worker/src/channels/channel-access.ts); anything else is a notice of Resonance's own.
 */
export function errorCodeOf(lastError: string | null): ErrorCode | 'notice' | null {
  if (lastError === null) return null;
  const code = /^([A-Z_]+):/.exec(lastError)?.[1];
  return ERROR_CODES.find((c) => c === code) ?? 'notice';
}

/** The one place a channel-health row becomes the wire's ChannelHealthRow (timestamps as ISO strings). */
const toChannelHealthRow = ({ last_synced_at, last_error_at, next_sync_at, network, budget, ...row }: ChannelsHealthRow): ChannelHealthRow => ({
  ...row,
  next_sync_at: toIsoOrNull(next_sync_at),
  last_error_code: errorCodeOf(row.last_error),
  network: oneOf(NETWORKS, network, 'channel_account.network'),
  // rate_budget is the connector's own JSON object; anything else is shown as no budget.
  budget: typeof budget === 'object' && budget !== null && !Array.isArray(budget) ? budget : null,
  last_synced_at: toIsoOrNull(last_synced_at),
  last_error_at: toIsoOrNull(last_error_at),
});

/** Per channel account: sync state and errors from the channel row, volume and delay from rollups. */
export async function channelsHealthReport(reports: ReportsRepository, workspaceId: string, p: ReportParams): Promise<ChannelsHealthReport> {
  const rows = await reports.channelsHealth(workspaceId, p);
  return { definitions: pick('health'), params: p, rows: rows.map(toChannelHealthRow) };
}
