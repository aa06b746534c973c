import { INTENT_TOPIC, TOPICS, postTopic, type Topic } from '@resonance/classifier';
import { INTENTS, isIntent, RESONANCE_MEASURE, toIso, type Intent, type ReportPost, type ResonanceReport, type TopPost } from '@resonance/contracts';
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
  const channelFollowers = new Map(followers.map((f) => [f.channel, f.followers]));
  const topPosts = rankPosts(posts, channelFollowers).slice(0, 10);
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
    rankedBy: RESONANCE_MEASURE,
  };
}

/** Every post published in the period (at most 1,000), ranked by the stated measure: the CSV per post. */
export async function rankedPosts(reports: ReportsRepository, workspaceId: string, p: ReportParams): Promise<TopPost[]> {
  const [followers, posts] = await Promise.all([reports.channelFollowers(workspaceId, p), reports.postsInPeriod(workspaceId, p)]);
  return rankPosts(posts, new Map(followers.map((f) => [f.channel, f.followers])));
}

/** The one place a post row becomes the wire's ReportPost (published_at as an ISO string). */
export const toReportPost = (row: PostRow): ReportPost => ({ ...row, published_at: toIso(row.published_at) });

/**
 * reactions + 2·comments + 3·shares. Comments are the larger of the network's count and the comments
 * Resonance stored: a network's count lags (or is missing) while the comments are already here.
 */
export const interactions = (post: PostRow): number => (post.reactions ?? 0) + 2 * Math.max(post.comments ?? 0, post.our_comments) + 3 * (post.shares ?? 0);

/** interactions / followers; null without followers. */
export function weighted(post: PostRow, followers: number): number | null {
  if (!followers) return null;
  return round(interactions(post) / followers, 4);
}

/**
 * Posts ranked by the stated resonance measure (RESONANCE_MEASURE): weighted engagement per 1,000
 * followers, highest first; posts of accounts without a follower count after them, by
 * interactions; ties by publication order (the sort is stable).
 */
export function rankPosts(posts: PostRow[], followersByChannel: ReadonlyMap<string, number>): TopPost[] {
  return posts
    .map((post) => {
      // An account with 0 followers has no follower count to divide by.
      const known = followersByChannel.get(post.channel_account_id) ?? 0;
      const followers = known > 0 ? known : null;
      // Ranked by the exact ratio: the rounded one ties posts that differ.
      const exact = followers ? interactions(post) / followers : null;
      return {
        post: {
          ...toReportPost(post),
          weightedEngagement: followers ? weighted(post, followers) : null,
          interactions: interactions(post),
          followers,
          engagementPer1000Followers: exact === null ? null : round(exact * 1000, 2),
        },
        exact,
      };
    })
    .sort((a, b) =>
      a.exact !== null && b.exact !== null ? b.exact - a.exact : a.exact !== null ? -1 : b.exact !== null ? 1 : b.post.interactions - a.post.interactions,
    )
    .map(({ post }) => post);
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
