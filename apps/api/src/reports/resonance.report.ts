import type { DataSource } from 'typeorm';
import { INTENT_TOPIC, TOPICS, postTopic, type Topic } from '@resonance/classifier';
import { INTENTS, toIso, type Intent, type ReportPost, type ResonanceReport } from '@resonance/contracts';
import { pick } from './definitions';
import { periodSql, rollupFilter, type Grouping, type ReportParams } from './report-query';
import { ratio, round } from './stats';

const GROUP_SQL: Record<Grouping, string> = {
  none: 'NULL::text',
  network: 'network',
  channel: 'channel_account_id::text',
  agent: 'NULL::text',
  post: "NULLIF(post_id, 0)::text",
};

type Mix = Record<Intent | 'unclassified', number>;
const emptyMix = (): Mix => Object.fromEntries([...INTENTS, 'unclassified'].map((i) => [i, 0])) as Mix;

/**
 * The comment rollup a report reads: per post only when it groups by post, else the same rows
 * summed over posts (migration 1733500000000; 4,400 instead of 25,000 rows for 90 days at 500k messages).
 */
export const commentRollup = (groupBy: Grouping) => (groupBy === 'post' ? 'report_comment_daily' : 'report_comment_channel_daily');

/** Comment resonance per period and group, with top posts; reads rollups, posts and channels only. */
export async function resonanceReport(ds: DataSource, workspaceId: string, p: ReportParams): Promise<ResonanceReport> {
  const { where, params } = rollupFilter(p, workspaceId);
  const key = `${periodSql(p.interval)} AS period, ${GROUP_SQL[p.groupBy]} AS grp`;
  const [comments, commenters, followers, posts] = await Promise.all([
    ds.query(
      `SELECT ${key}, intent, sum(comments)::int AS comments, sum(answered)::int AS answered,
              sum(sentiment_sum)::float8 AS ssum, sum(sentiment_n)::int AS sn
         FROM ${commentRollup(p.groupBy)} WHERE ${where} AND channel = 'comment' GROUP BY 1, 2, 3`,
      params,
    ) as Promise<Array<{ period: string; grp: string | null; intent: string; comments: number; answered: number; ssum: number; sn: number }>>,
    p.groupBy === 'post' ? Promise.resolve<CommenterCounts[]>([]) : commentersByPeriod(ds, workspaceId, p),
    ds.query(
      `SELECT id::text AS channel, network, COALESCE(followers, 0)::int AS followers FROM channel_account
        WHERE workspace_id = $1 AND ($2::text IS NULL OR network = $2) AND ($3::uuid IS NULL OR id = $3)`,
      [workspaceId, p.network, p.channel],
    ) as Promise<Array<{ channel: string; network: string; followers: number }>>,
    postsInPeriod(ds, workspaceId, p),
  ]);
  const followersOf = (grp: string | null) =>
    followers
      .filter((f) => p.groupBy === 'network' ? f.network === grp : p.groupBy === 'channel' ? f.channel === grp : true)
      .reduce((s, f) => s + f.followers, 0);
  const ids = new Map<string, { period: string; grp: string | null }>();
  for (const c of comments) ids.set(`${c.period}/${c.grp}`, { period: c.period, grp: c.grp });
  const rows = [...ids.values()].sort((a, b) => (`${a.period}/${a.grp}` < `${b.period}/${b.grp}` ? -1 : 1)).map(({ period, grp }) => {
    const mine = comments.filter((c) => c.period === period && c.grp === grp);
    const total = mine.reduce((s, c) => s + c.comments, 0);
    const mix = emptyMix();
    for (const c of mine) mix[c.intent as keyof Mix] = (mix[c.intent as keyof Mix] ?? 0) + c.comments;
    const sn = mine.reduce((s, c) => s + c.sn, 0);
    const people = commenters.find((c) => c.period === period && c.grp === grp);
    const f = p.groupBy === 'post' ? followersOf(null) : followersOf(grp);
    const groupPosts = posts.filter((x) => (p.groupBy === 'network' ? x.network === grp : p.groupBy === 'channel' ? x.channel_account_id === grp : p.groupBy === 'post' ? x.id === grp : true));
    const views = groupPosts.reduce((s, x) => s + (x.views ?? 0), 0);
    const postComments = groupPosts.reduce((s, x) => s + x.our_comments, 0);
    return {
      period,
      group: grp,
      comments: total,
      uniqueCommenters: p.groupBy === 'post' ? null : people?.unique_commenters ?? 0,
      returningCommenters: p.groupBy === 'post' ? null : people?.returning_commenters ?? 0,
      commentsPer1000Followers: f ? round((total / f) * 1000, 2) : null,
      commentsPer1000Views: views ? round((postComments / views) * 1000, 2) : null,
      shareAnswered: ratio(mine.reduce((s, c) => s + c.answered, 0), total),
      intentMix: Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, ratio(v, total) ?? 0])),
      sentiment: sn ? round(mine.reduce((s, c) => s + c.ssum, 0) / sn) : null,
    };
  });
  // Ranked as score pairs, and only the ten shown copied (the sort is stable: ties stay in post order).
  const channelFollowers = new Map(followers.map((f) => [f.channel, f.followers]));
  const topPosts = posts
    .map((post) => ({ post, score: weighted(post, channelFollowers.get(post.channel_account_id) ?? 0) }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1))
    .slice(0, 10)
    .map(({ post, score }) => ({ ...toReportPost(post), weightedEngagement: score }));
  return {
    definitions: pick('comments', 'uniqueCommenters', 'returningCommenters', 'perThousand', 'shareAnswered', 'intentMix', 'sentiment', 'weightedEngagement', 'topPosts', 'period'),
    params: p,
    rows,
    topPosts,
  };
}

interface CommenterCounts {
  period: string;
  grp: string | null;
  unique_commenters: number;
  returning_commenters: number;
}

/**
 * Unique and returning commenters per period and group from report_commenter_span (libs/db
 * migration 1733000000000): each period is clipped to the report's days, and a commenter counts
 * once, on its last comment day in the period (the span row whose next comment day is after the
 * period's last day); returning if it had commented on an earlier day. Reads at most
 * channels × days² rows, however many commenters there are. A contact belongs to one channel
 * account, so the per-channel and per-network counts add up.
 */
function commentersByPeriod(ds: DataSource, workspaceId: string, p: ReportParams): Promise<CommenterCounts[]> {
  return ds.query(
    `WITH days AS (
       SELECT day, period, max(day) OVER (PARTITION BY period) AS last_day
         FROM (SELECT $2::date + i AS day, ${periodSql(p.interval, '($2::date + i)')} AS period
                 FROM generate_series(0, $3::date - $2::date) AS i) d
     )
     SELECT d.period, ${GROUP_SQL[p.groupBy]} AS grp, sum(s.commenters)::int AS unique_commenters,
            COALESCE(sum(s.commenters) FILTER (WHERE s.has_prev), 0)::int AS returning_commenters
       FROM days d
       -- One primary-key range per day (OFFSET 0 keeps it so): joined by hash, the planner read every
       -- span row of the workspace (17,000 at 500k messages, 3 times slower) to keep a few hundred.
       CROSS JOIN LATERAL (SELECT * FROM report_commenter_span s
                            WHERE s.workspace_id = $1 AND s.day = d.day AND s.next_day > d.last_day
                              AND ($4::text IS NULL OR s.network = $4) AND ($5::uuid IS NULL OR s.channel_account_id = $5)
                           OFFSET 0) s
      GROUP BY 1, 2`,
    [workspaceId, p.from, p.to, p.network, p.channel],
  );
}

/** The one place a post row becomes the wire's ReportPost (published_at as an ISO string). */
export const toReportPost = (row: PostRow): ReportPost => ({ ...row, published_at: toIso(row.published_at) });

export interface PostRow {
  id: string;
  channel_account_id: string;
  network: string;
  external_id: string;
  text: string;
  url: string | null;
  published_at: Date;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
  /** Inbound comments Resonance stored on the post (all time). */
  our_comments: number;
}

/** Posts published in the period (indexed by workspace and publication time), with their stored comments (report_post_comment). */
export function postsInPeriod(ds: DataSource, workspaceId: string, p: ReportParams, postId?: string): Promise<PostRow[]> {
  return ds.query(
    `SELECT po.id::text, po.channel_account_id::text, ca.network, po.external_id, po.text, po.url, po.published_at,
            po.reactions_count AS reactions, po.comments_count AS comments, po.shares_count AS shares,
            po.views_count::float8 AS views, COALESCE(pc.comments, 0) AS our_comments
       FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
       JOIN workspace w ON w.id = po.workspace_id
       -- One key lookup per post: summing report_comment_daily per post was 14 of the report's ~17 ms.
       LEFT JOIN report_post_comment pc ON pc.post_id = po.id
      WHERE po.workspace_id = $1
        AND ($6::bigint IS NOT NULL AND po.id = $6 OR $6::bigint IS NULL
             AND po.published_at >= ($2::date::timestamp AT TIME ZONE w.timezone)
             AND po.published_at < (($3::date + 1)::timestamp AT TIME ZONE w.timezone))
        AND ($4::text IS NULL OR ca.network = $4) AND ($5::uuid IS NULL OR po.channel_account_id = $5)
      -- Several channels publish at the same moment: ties by id, so that the 1,000 posts do not depend on the plan.
      ORDER BY po.published_at DESC, po.id LIMIT 1000`,
    [workspaceId, p.from, p.to, p.network, p.channel, postId ?? null],
  );
}

/** (reactions + 2·comments + 3·shares) / followers; the network's comment count, else ours. */
export function weighted(post: PostRow, followers: number): number | null {
  if (!followers) return null;
  const comments = post.comments ?? post.our_comments;
  return round(((post.reactions ?? 0) + 2 * comments + 3 * (post.shares ?? 0)) / followers, 4);
}

/** Share of posts per topic against share of comments per topic. */
export function perceptionGap(posts: Array<{ text: string }>, commentsByIntent: Partial<Record<string, number>>) {
  const postCounts = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>;
  for (const x of posts) postCounts[postTopic(x.text)]++;
  const commentCounts = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>;
  for (const [intent, n] of Object.entries(commentsByIntent)) {
    const topic = INTENT_TOPIC[intent as Intent];
    if (topic) commentCounts[topic] += n ?? 0;
  }
  const postTotal = posts.length;
  const commentTotal = Object.values(commentCounts).reduce((s, n) => s + n, 0);
  return TOPICS.map((topic) => {
    const postsShare = ratio(postCounts[topic], postTotal) ?? 0;
    const commentsShare = ratio(commentCounts[topic], commentTotal) ?? 0;
    return { topic, posts: postCounts[topic], postsShare, comments: commentCounts[topic], commentsShare, gap: round(commentsShare - postsShare, 4) };
  });
}
