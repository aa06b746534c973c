import { BadRequestException } from '@nestjs/common';
import { INTENT_TOPIC, TOPICS, topicIntents } from '@resonance/classifier';
import {
  INTENTS,
  NETWORKS,
  isIntent,
  isPostTopic,
  toIso,
  type GapSide,
  type PerceptionGapItems,
  type PerceptionGapReport,
  type PerceptionGapTopicRow,
  type PostTopic,
  type RegularCommenter,
  type RegularsReport,
  type ResponseByIntentReport,
  type ResponseByIntentRow,
} from '@resonance/contracts';
import { dayNumber, isoDay } from '../common/calendar';
import { oneOf, oneOfOrNull } from '../common/narrow';
import { pickGap } from './perception-gap.definitions';
import type { PerceptionGapRepository, RegularRow } from './perception-gap.repository';
import type { ReportParams } from './report-query';
import { percentile, ratio, round, type Bucket } from './stats';

/** The drill-down lists show the newest 50 items behind a bar. */
export const GAP_ITEMS = 50;
/** A regular commented on at least this many different days of the period. */
export const REGULAR_MIN_DAYS = 3;
/** The regulars and the silent ones the JSON lists (the CSV has all). */
const REGULARS_LISTED = 25;

const key = (period: string, grp: string | null) => `${period}\u0000${grp ?? ''}`;
const networkOf = (grp: string | null) => oneOfOrNull(NETWORKS, grp, 'channel_account.network');

/** Posts per topic against inbound messages asking for each topic, per period and network. */
export async function perceptionGapReport(gap: PerceptionGapRepository, workspaceId: string, p: ReportParams): Promise<PerceptionGapReport> {
  const [posts, inbound] = await Promise.all([gap.postTopics(workspaceId, p), gap.inboundByIntent(workspaceId, p)]);
  const groups = new Map<string, { period: string; grp: string | null }>();
  for (const r of [...posts, ...inbound]) groups.set(key(r.period, r.grp), { period: r.period, grp: r.grp });
  const rows: PerceptionGapTopicRow[] = [];
  for (const { period, grp } of [...groups.values()].sort((a, b) => (key(a.period, a.grp) < key(b.period, b.grp) ? -1 : 1))) {
    const postsOf = (topic: PostTopic) => posts.filter((r) => r.period === period && r.grp === grp && r.topic === topic).reduce((s, r) => s + r.n, 0);
    const messagesOf = (topic: PostTopic) =>
      inbound
        .filter((r) => r.period === period && r.grp === grp && r.intent !== null && isIntent(r.intent) && INTENT_TOPIC[r.intent] === topic)
        .reduce((s, r) => s + r.n, 0);
    const postTotal = TOPICS.reduce((s, t) => s + postsOf(t), 0);
    const messageTotal = TOPICS.reduce((s, t) => s + messagesOf(t), 0);
    for (const topic of TOPICS) {
      const postsShare = postTotal ? postsOf(topic) / postTotal : 0;
      const messagesShare = messageTotal ? messagesOf(topic) / messageTotal : 0;
      rows.push({
        period,
        network: networkOf(grp),
        topic,
        intents: topicIntents(topic),
        posts: postsOf(topic),
        postsShare: round(postsShare, 4),
        messages: messagesOf(topic),
        messagesShare: round(messagesShare, 4),
        gapPoints: round((messagesShare - postsShare) * 100, 1),
      });
    }
  }
  return { definitions: pickGap('postTopic', 'perceptionGap', 'period'), params: p, rows };
}

/** The period as a spreadsheet reads it: the report's days for a total, else the period label. */
const periodCell = (p: ReportParams, period: string) => (period === 'total' ? `${p.from}..${p.to}` : period);
const percent = (share: number | null) => (share === null ? null : round(share * 100, 1));
const minutes = (seconds: number | null) => (seconds === null ? null : round(seconds / 60, 1));

/** The gap's CSV: named columns, shares in percent, the gap in percentage points. */
export const perceptionGapCsv = (report: PerceptionGapReport) =>
  report.rows.map((r) => ({
    period: periodCell(report.params, r.period),
    network: r.network ?? 'all',
    topic: r.topic,
    posts: r.posts,
    posts_share_percent: percent(r.postsShare),
    messages_asking: r.messages,
    messages_share_percent: percent(r.messagesShare),
    gap_percentage_points: r.gapPoints,
    intents_counted: r.intents.join(' + '),
  }));

/** The newest posts or inbound messages behind one bar of the gap. */
export async function perceptionGapItems(
  gap: PerceptionGapRepository,
  workspaceId: string,
  p: ReportParams,
  topic: string | undefined,
  side: string | undefined,
): Promise<PerceptionGapItems> {
  if (!isPostTopic(topic)) throw new BadRequestException(`topic must be one of ${TOPICS.join(', ')}`);
  if (side !== 'posts' && side !== 'messages') throw new BadRequestException('side must be posts or messages');
  const which: GapSide = side;
  if (which === 'posts') {
    const rows = await gap.topicPosts(workspaceId, p, topic, GAP_ITEMS + 1);
    return {
      params: p,
      topic,
      side: which,
      more: rows.length > GAP_ITEMS,
      messages: [],
      posts: rows.slice(0, GAP_ITEMS).map((r) => ({
        id: r.id,
        network: oneOf(NETWORKS, r.network, 'channel_account.network'),
        text: r.text,
        url: r.url,
        publishedAt: toIso(r.published_at),
      })),
    };
  }
  const rows = await gap.intentMessages(workspaceId, p, topicIntents(topic), GAP_ITEMS + 1);
  return {
    params: p,
    topic,
    side: which,
    more: rows.length > GAP_ITEMS,
    posts: [],
    messages: rows.slice(0, GAP_ITEMS).map((r) => ({
      id: r.id,
      threadId: r.thread_id,
      network: oneOf(NETWORKS, r.network, 'channel_account.network'),
      intent: oneOf(INTENTS, r.intent, 'message.intent'),
      text: r.text,
      createdAt: toIso(r.created_at),
      contactName: r.contact_name,
    })),
  };
}

/** Reply time (median, p90, mean) and share answered per intent, from the intent rollups. */
export async function responseByIntentReport(gap: PerceptionGapRepository, workspaceId: string, p: ReportParams): Promise<ResponseByIntentReport> {
  const [inbound, hist] = await Promise.all([gap.inboundByIntent(workspaceId, p), gap.replyHistogramsByIntent(workspaceId, p)]);
  const groups = new Map<string, { period: string; grp: string | null }>();
  for (const r of [...inbound, ...hist]) groups.set(key(r.period, r.grp), { period: r.period, grp: r.grp });
  const rows: ResponseByIntentRow[] = [];
  for (const { period, grp } of [...groups.values()].sort((a, b) => (key(a.period, a.grp) < key(b.period, b.grp) ? -1 : 1))) {
    for (const intent of [...INTENTS, 'unclassified' as const]) {
      const mine = inbound.filter((r) => r.period === period && r.grp === grp && (r.intent ?? 'unclassified') === intent);
      const buckets: Bucket[] = hist
        .filter((h) => h.period === period && h.grp === grp && h.intent === intent)
        .map((h) => ({ bucket: h.bucket, n: h.n, sum: h.sum }));
      const messages = mine.reduce((s, r) => s + r.n, 0);
      const answered = mine.reduce((s, r) => s + r.answered, 0);
      const replies = buckets.reduce((s, b) => s + b.n, 0);
      if (!messages && !replies) continue;
      const sum = buckets.reduce((s, b) => s + b.sum, 0);
      rows.push({
        period,
        network: networkOf(grp),
        intent,
        messages,
        answered,
        shareAnswered: ratio(answered, messages),
        replies,
        median: percentile(buckets, 0.5),
        p90: percentile(buckets, 0.9),
        mean: replies ? round(sum / replies) : null,
      });
    }
  }
  return { definitions: pickGap('responseByIntent', 'period'), unit: 'seconds', params: p, rows };
}

/** Response by intent as CSV: shares in percent, durations in minutes. */
export const responseByIntentCsv = (report: ResponseByIntentReport) =>
  report.rows.map((r) => ({
    period: periodCell(report.params, r.period),
    network: r.network ?? 'all',
    intent: r.intent,
    inbound_messages: r.messages,
    answered: r.answered,
    share_answered_percent: percent(r.shareAnswered),
    replies: r.replies,
    reply_median_minutes: minutes(r.median),
    reply_p90_minutes: minutes(r.p90),
    reply_mean_minutes: minutes(r.mean),
  }));

/** The period of the same length right before [from, to]. */
export function previousPeriodOf(p: Pick<ReportParams, 'from' | 'to'>): { from: string; to: string } {
  const from = dayNumber(p.from) ?? 0;
  const to = dayNumber(p.to) ?? 0;
  const days = to - from + 1;
  return { from: isoDay(from - days), to: isoDay(from - 1) };
}

const toRegular = (r: RegularRow): RegularCommenter => ({
  contactId: r.contact_id,
  name: r.name,
  handle: r.handle,
  networks: [oneOf(NETWORKS, r.network, 'report_commenter_daily.network')],
  days: r.days,
  previousDays: r.previous_days,
});

/**
 * Who comes back (regulars of the period) and who went silent (last period's regulars without a
 * comment now), each cut at `limit` (null: all), with how many there are (one query: perception-gap.sql).
 */
export async function regularsLists(gap: PerceptionGapRepository, workspaceId: string, p: ReportParams, limit: number | null) {
  const previous = previousPeriodOf(p);
  const rows = await gap.regulars(workspaceId, p, previous.from, REGULAR_MIN_DAYS, limit);
  return {
    previous,
    counts: { regulars: rows[0]?.regulars ?? 0, silent: rows[0]?.silent ?? 0 },
    regulars: rows.filter((r) => r.status === 'regular').map(toRegular),
    silent: rows.filter((r) => r.status === 'silent').map(toRegular),
  };
}

export async function regularsReport(gap: PerceptionGapRepository, workspaceId: string, p: ReportParams): Promise<RegularsReport> {
  const { previous, counts, regulars, silent } = await regularsLists(gap, workspaceId, p, REGULARS_LISTED);
  return {
    definitions: pickGap('regulars', 'period'),
    params: p,
    minDays: REGULAR_MIN_DAYS,
    previous,
    counts,
    regulars,
    silent,
  };
}

/** Every regular and every silent one, one row each. */
export async function regularsCsv(gap: PerceptionGapRepository, workspaceId: string, p: ReportParams) {
  const { previous, regulars, silent } = await regularsLists(gap, workspaceId, p, null);
  return [...regulars.map((r) => ({ status: 'regular', ...r })), ...silent.map((r) => ({ status: 'went silent', ...r }))].map((r) => ({
    status: r.status,
    name: r.name ?? '',
    handle: r.handle ?? '',
    networks: r.networks.join(' '),
    comment_days_this_period: r.days,
    comment_days_previous_period: r.previousDays,
    period: `${p.from}..${p.to}`,
    previous_period: `${previous.from}..${previous.to}`,
  }));
}
