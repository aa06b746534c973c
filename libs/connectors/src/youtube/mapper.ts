import { arr, type JsonObject, type MessageRecord, obj, type PageRecord, type PostRecord, stringOnly, type UnifiedRecord } from '@resonance/contracts';
import { listIn, mapEach } from '../unexpected';

/**
 * YouTube Data API v3 payloads → unified records. Thread key: the comment thread's id, which is
 * also its top-level comment's id (YouTube keeps two levels: every reply's parentId is the
 * top-level comment). A thread on the channel itself (no videoId, an older kind of comment) has
 * no post.
 */
export interface YoutubeMapContext {
  /** The connected channel's id; its own comments are the account's. */
  channelId?: string;
  /** The top-level comment whose replies these are (comments.list?parentId). */
  parentId?: string;
  /** The video of the thread, when the caller knows it (replies listed with parentId carry none). */
  videoId?: string | null;
}

/** statistics counters are decimal strings ("viewCount": "1234"); some clients send numbers. */
const count = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export function ytTimeToIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

// encodeURIComponent throws on an unpaired surrogate; such an id from a hostile payload becomes U+FFFD.
const encode = (value: string): string =>
  encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
export const videoUrl = (videoId: string): string => `https://www.youtube.com/watch?v=${encode(videoId)}`;

/** Where a comment is seen: `&lc=` highlights it under its video. */
function commentUrl(commentId: string, videoId: string | null | undefined): string | undefined {
  return videoId ? `${videoUrl(videoId)}&lc=${encode(commentId)}` : undefined;
}

/** One youtube#comment → a message (null when it has no id or time, i.e. it is not a comment). */
export function mapComment(raw: unknown, input: { threadKey?: string; videoId?: string | null } = {}): MessageRecord | null {
  const c = obj(raw);
  const s = obj(c.snippet);
  const id = stringOnly(c.id);
  const createdAt = ytTimeToIso(s.publishedAt);
  if (!id || !createdAt) return null;
  const parentId = stringOnly(s.parentId) ?? null;
  const videoId = stringOnly(s.videoId) ?? input.videoId ?? null;
  const author: MessageRecord['author'] = {};
  const authorId = stringOnly(obj(s.authorChannelId).value);
  if (authorId) author.externalId = authorId;
  const name = stringOnly(s.authorDisplayName);
  if (name) author.name = name;
  // Newer channels show an @handle as their display name; the handle is that name.
  if (name?.startsWith('@')) author.handle = name;
  const avatar = stringOnly(s.authorProfileImageUrl);
  if (avatar) author.avatarUrl = avatar;
  const url = commentUrl(id, videoId);
  return {
    kind: 'message',
    network: 'youtube',
    externalId: id,
    threadKey: input.threadKey ?? parentId ?? id,
    channel: 'comment',
    parentExternalId: parentId,
    postExternalId: videoId,
    author,
    // textOriginal is what the author typed; textDisplay is HTML (and may be withheld from others).
    text: typeof s.textOriginal === 'string' ? s.textOriginal : typeof s.textDisplay === 'string' ? s.textDisplay : '',
    createdAt,
    ...(url ? { url } : {}),
  };
}

const pageRecord = (body: JsonObject): PageRecord => ({ kind: 'page', network: 'youtube', nextCursor: stringOnly(body.nextPageToken) ?? null });

/** One youtube#commentThread → its top-level comment and the replies embedded with it. */
export function mapCommentThread(raw: unknown): MessageRecord[] {
  const t = obj(raw);
  const s = obj(t.snippet);
  const top = obj(s.topLevelComment);
  const threadKey = stringOnly(t.id) ?? stringOnly(top.id);
  if (!threadKey) return [];
  const videoId = stringOnly(s.videoId) ?? stringOnly(obj(top.snippet).videoId) ?? null;
  const out: MessageRecord[] = [];
  const first = mapComment(top, { threadKey, videoId });
  if (first) out.push(first);
  for (const reply of arr(obj(t.replies).comments)) {
    const m = mapComment(reply, { threadKey, videoId });
    if (m) out.push({ ...m, parentExternalId: m.parentExternalId ?? threadKey });
  }
  return out;
}

/** commentThreads.list → every comment of every thread, then where paging goes on. */
export function mapCommentThreadsPage(body: unknown): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('youtube', body, 'items', 'a commentThreads page');
  return [...(list.error ? [list.error] : []), ...mapEach('youtube', list.items, 'a comment thread with a top-level comment', mapCommentThread), pageRecord(b)];
}

/** comments.list?parentId → the replies of one thread, then where paging goes on. */
export function mapCommentsPage(body: unknown, ctx: YoutubeMapContext = {}): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('youtube', body, 'items', 'a comments page');
  const out: UnifiedRecord[] = list.error ? [list.error] : [];
  out.push(
    ...mapEach('youtube', list.items, 'a comment with an id', (raw) => {
      const parentId = stringOnly(obj(obj(raw).snippet).parentId) ?? ctx.parentId;
      return mapComment(raw, { threadKey: parentId, videoId: ctx.videoId });
    }),
  );
  out.push(pageRecord(b));
  return out;
}

/** comments.insert answers with the comment it created. */
export function mapInsertedComment(body: unknown, ctx: YoutubeMapContext = {}): UnifiedRecord[] {
  const m = mapComment(body, { videoId: ctx.videoId });
  return m ? [m] : [];
}

/** One youtube#video → a post with its counters (likes as reactions, comments, views). */
export function mapVideo(raw: unknown): PostRecord | null {
  const v = obj(raw);
  const s = obj(v.snippet);
  const st = obj(v.statistics);
  const id = stringOnly(v.id);
  const publishedAt = ytTimeToIso(s.publishedAt);
  if (!id || !publishedAt) return null;
  const title = typeof s.title === 'string' ? s.title : '';
  const description = typeof s.description === 'string' ? s.description : '';
  const counts: NonNullable<PostRecord['counts']> = {};
  const likes = count(st.likeCount);
  const comments = count(st.commentCount);
  const views = count(st.viewCount);
  if (likes !== undefined) counts.reactions = likes;
  if (comments !== undefined) counts.comments = comments;
  if (views !== undefined) counts.views = views;
  return {
    kind: 'post',
    network: 'youtube',
    externalId: id,
    text: description ? `${title}\n\n${description}` : title,
    url: videoUrl(id),
    publishedAt,
    ...(Object.keys(counts).length ? { counts } : {}),
  };
}

/** videos.list → posts, then where paging goes on. */
export function mapVideosPage(body: unknown): UnifiedRecord[] {
  const b = obj(body);
  const list = listIn('youtube', body, 'items', 'a videos page');
  const out: UnifiedRecord[] = list.error ? [list.error] : [];
  out.push(...mapEach('youtube', list.items, 'a video with an id and snippet.publishedAt', mapVideo));
  out.push(pageRecord(b));
  return out;
}
