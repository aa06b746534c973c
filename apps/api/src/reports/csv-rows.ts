import {
  INTENTS,
  type ChannelsHealthReport,
  type IntentsReport,
  type ReportParams,
  type ResonanceReport,
  type ResponseStats,
  type ResponseTimesReport,
  type TopPost,
} from '@resonance/contracts';
import { round } from './stats';

/**
 * The reports' CSVs as a marketer opens them in a spreadsheet: one row per day (week, month or the
 * whole period) or per post, named columns with their unit, durations in minutes, shares in
 * percent, dates as ISO dates — never seconds as floats, epoch milliseconds or API field names.
 */

/** The English names of the intents, as the dashboard shows them (CSV headers are English). */
const INTENT_NAMES: Record<string, string> = {
  discount_request: 'Discount or deal request',
  purchase_intent: 'Purchase intent',
  product_question: 'Product question',
  complaint_support: 'Complaint or support',
  praise: 'Praise',
  other_spam: 'Other or spam',
  unclassified: 'Not classified',
};
const NETWORK_NAMES: Record<string, string> = { facebook: 'Facebook', instagram: 'Instagram', x: 'X', linkedin: 'LinkedIn', youtube: 'YouTube', xing: 'XING' };

const STATUS_NAMES: Record<string, string> = { connected: 'Connected', needs_reauth: 'Needs reconnection', paused: 'Paused', error: 'Error' };

const minutes = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? null : round(seconds / 60, 1));
const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : round(share * 100, 1));

/** The first column: what one row covers. */
function periodColumn(p: ReportParams): string {
  return { day: 'Day', week: 'Week starting (Monday)', month: 'Month', total: 'Period' }[p.interval];
}
const periodValue = (p: ReportParams, period: string) => (period === 'total' ? `${p.from} to ${p.to}` : period);

function groupColumn(p: ReportParams): string | null {
  return p.groupBy === 'network'
    ? 'Network'
    : p.groupBy === 'channel'
      ? 'Channel account'
      : p.groupBy === 'agent'
        ? 'Agent'
        : p.groupBy === 'post'
          ? 'Post'
          : null;
}

function withGroup(p: ReportParams, record: Record<string, unknown>, group: string | null, name: (g: string) => string): Record<string, unknown> {
  const column = groupColumn(p);
  if (!column) return record;
  const [first, ...rest] = Object.entries(record);
  return Object.fromEntries([first, [column, group === null ? '' : name(group)], ...rest]);
}

const stats = (label: string, s: ResponseStats, count: string) => ({
  [count]: s.count,
  [`${label} median (minutes)`]: minutes(s.median),
  [`${label} p90 (minutes)`]: minutes(s.p90),
  [`${label} mean (minutes)`]: minutes(s.mean),
  [`${label} median in business hours (minutes)`]: minutes(s.business?.median),
  [`${label} within target (%)`]: percent(s.sla.attained),
});

export function responseTimesCsv(report: ResponseTimesReport): Array<Record<string, unknown>> {
  const p = report.params;
  return report.rows.map((r) =>
    withGroup(
      p,
      {
        [periodColumn(p)]: periodValue(p, r.period),
        ...stats('First response', r.firstResponse, 'First responses'),
        ...stats('Reply', r.reply, 'Replies'),
        'Handled without reply': r.handled.count,
        'Service level (%)': percent(r.serviceLevel),
      },
      r.group,
      (g) => (p.groupBy === 'agent' ? (g === 'native' ? 'Answered on the network' : (report.agents[g] ?? g)) : (NETWORK_NAMES[g] ?? g)),
    ),
  );
}

const mixColumns = (mix: Record<string, number>) =>
  Object.fromEntries([...INTENTS, 'unclassified'].map((i) => [`${INTENT_NAMES[i]} (% of comments)`, percent(mix[i] ?? 0)]));

export function resonanceCsv(report: ResonanceReport): Array<Record<string, unknown>> {
  const p = report.params;
  return report.rows.map((r) =>
    withGroup(
      p,
      {
        [periodColumn(p)]: periodValue(p, r.period),
        Comments: r.comments,
        'Unique commenters': r.uniqueCommenters,
        'Returning commenters': r.returningCommenters,
        'Comments per 1,000 followers': r.commentsPer1000Followers,
        'Comments per 1,000 views': r.commentsPer1000Views,
        'Answered (%)': percent(r.shareAnswered),
        'Sentiment (−1 negative to +1 positive)': r.sentiment,
        ...mixColumns(r.intentMix),
      },
      r.group,
      (g) => NETWORK_NAMES[g] ?? g,
    ),
  );
}

/** One row per post published in the period, in the order of the stated measure (rankPosts). */
export function postsCsv(posts: TopPost[]): Array<Record<string, unknown>> {
  return posts.map((post, i) => ({
    Rank: i + 1,
    'Post ID': post.id,
    Network: NETWORK_NAMES[post.network] ?? post.network,
    'Published (UTC)': post.published_at,
    Text: post.text,
    Link: post.url,
    Reactions: post.reactions,
    'Comments (network count)': post.comments,
    'Comments in Resonance': post.our_comments,
    Shares: post.shares,
    Views: post.views,
    'Followers of the account': post.followers,
    'Interactions (reactions + 2 × comments + 3 × shares)': post.interactions,
    'Engagement per 1,000 followers': post.engagementPer1000Followers,
  }));
}

export function intentsCsv(report: IntentsReport): Array<Record<string, unknown>> {
  const p = report.params;
  return report.rows.map((r) =>
    withGroup(
      p,
      {
        [periodColumn(p)]: periodValue(p, r.period),
        'Inbound messages': r.messages,
        ...Object.fromEntries(
          [...INTENTS, 'unclassified'].flatMap((i) => [
            [`${INTENT_NAMES[i]} (messages)`, r.intents[i]?.count ?? 0],
            [`${INTENT_NAMES[i]} (%)`, percent(r.intents[i]?.share ?? 0)],
          ]),
        ),
      },
      r.group,
      (g) => NETWORK_NAMES[g] ?? g,
    ),
  );
}

export function channelsHealthCsv(report: ChannelsHealthReport): Array<Record<string, unknown>> {
  return report.rows.map((r) => ({
    Network: NETWORK_NAMES[r.network] ?? r.network,
    Account: r.display_name,
    Status: STATUS_NAMES[r.status] ?? r.status,
    'Last sync (UTC)': r.last_synced_at,
    'Next sync (UTC)': r.next_sync_at,
    'Lag (minutes)': minutes(r.lag_seconds),
    'Last error': r.last_error,
    'Last error at (UTC)': r.last_error_at,
    'Failed sign-ins in a row': r.consecutive_auth_failures,
    'Budget used (%)': r.budget_used_percent,
    'Gaps reconciled': r.gaps_reconciled,
    'Messages ingested': r.messages_ingested,
    'Mean ingest delay (minutes)': minutes(r.mean_ingest_delay_seconds),
  }));
}
