import { INTENT_TOPIC, TOPICS, postTopic, type Topic } from '@resonance/classifier';
import { INTENTS, isIntent, toIso, type Intent, type ReportPost, type ResonanceReport } from '@resonance/contracts';
import { pick } from './definitions';
import type { ReportParams } from './report-query';
import type { PostRow, ReportsRepository } from './reports.repository';
import { ratio, round } from './stats';

type Mix = Record<Intent | 'unclassified', number>;
/** The rollups label a message without a (known) intent 'unclassified'. */
const mixKey = (intent: string): keyof Mix => (isIntent(intent) ? intent : 'unclassified');
const emptyMix = (): Mix => Object.fromEntries([...INTENTS, 'unclassified'].map((i) => [i, 0])) as Mix;

/** Comment resonance per period and group, with top posts; reads rollups, posts and channels only. */
export async function resonanceReport(reports: ReportsRepository, workspaceId: string, p: ReportParams): Promise<ResonanceReport> {
  // The comment rollup is per post only when the report groups by post, else the same rows summed
  // over posts (migration 1733500000000; 4,400 instead of 25,000 rows for 90 days at 500k messages).
  const [comments, commenters, followers, posts] = await Promise.all([
    reports.resonanceComments(workspaceId, p),
    p.groupBy === 'post' ? Promise.resolve([]) : reports.commentersByPeriod(workspaceId, p),
    reports.channelFollowers(workspaceId, p),
    reports.postsInPeriod(workspaceId, p),
  ]);
  const followersOf = (grp: string | null) =>
    followers
      .filter((f) => (p.groupBy === 'network' ? f.network === grp : p.groupBy === 'channel' ? f.channel === grp : true))
      .reduce((s, f) => s + f.followers, 0);
  const ids = new Map<string, { period: string; grp: string | null }>();
  for (const c of comments) ids.set(`${c.period}/${c.grp}`, { period: c.period, grp: c.grp });
  const rows = [...ids.values()]
    .sort((a, b) => (`${a.period}/${a.grp}` < `${b.period}/${b.grp}` ? -1 : 1))
    .map(({ period, grp }) => {
      const mine = comments.filter((c) => c.period === period && c.grp === grp);
      const total = mine.reduce((s, c) => s + c.comments, 0);
      const mix = emptyMix();
      for (const c of mine) mix[mixKey(c.intent)] += c.comments;
      const sn = mine.reduce((s, c) => s + c.sn, 0);
      const people = commenters.find((c) => c.period === period && c.grp === grp);
      const f = p.groupBy === 'post' ? followersOf(null) : followersOf(grp);
      const groupPosts = posts.filter((x) =>
        p.groupBy === 'network' ? x.network === grp : p.groupBy === 'channel' ? x.channel_account_id === grp : p.groupBy === 'post' ? x.id === grp : true,
      );
      const views = groupPosts.reduce((s, x) => s + (x.views ?? 0), 0);
      const postComments = groupPosts.reduce((s, x) => s + x.our_comments, 0);
      return {
        period,
        group: grp,
        comments: total,
        uniqueCommenters: p.groupBy === 'post' ? null : (people?.unique_commenters ?? 0),
        returningCommenters: p.groupBy === 'post' ? null : (people?.returning_commenters ?? 0),
        commentsPer1000Followers: f ? round((total / f) * 1000, 2) : null,
        commentsPer1000Views: views ? round((postComments / views) * 1000, 2) : null,
        shareAnswered: ratio(
          mine.reduce((s, c) => s + c.answered, 0),
          total,
        ),
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
    definitions: pick(
      'comments',
      'uniqueCommenters',
      'returningCommenters',
      'perThousand',
      'shareAnswered',
      'intentMix',
      'sentiment',
      'weightedEngagement',
      'topPosts',
      'period',
    ),
    params: p,
    rows,
    topPosts,
  };
}

/** The one place a post row becomes the wire's ReportPost (published_at as an ISO string). */
export const toReportPost = (row: PostRow): ReportPost => ({ ...row, published_at: toIso(row.published_at) });

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
    const topic = isIntent(intent) ? INTENT_TOPIC[intent] : undefined;
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
