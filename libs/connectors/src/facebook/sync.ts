import { arr, type JsonObject, obj, type UnifiedRecord } from '@resonance/contracts';
import type { ConnectorContext, StreamStates, SyncInput, SyncPage } from '../interfaces';
import { facebookAccessToken } from './auth';
import { GraphClient } from './client';
import { conversationCustomer, fbTimeToIso, mapCommentsPage, mapConversation, mapMessagesPage, mapPost } from './mapper';
import type { FacebookSettings } from './settings';

/**
 * Facebook's sync streams, in the order they must be stored (posts before the comments that
 * point at them):
 * - posts: the page feed within the window, newest first, with each post's comment count;
 * - comments: per post, the `filter=stream` comments (replies included) in chronological order,
 *   continued from the stored `after` cursor; a post is polled when its comment count changed,
 *   was never polled, or was last polled long ago (which also reconciles any gap);
 * - conversations: Messenger conversations updated since the watermark, newest first, each with
 *   its messages back to the watermark.
 * Cursors are handed out with the page they follow (SyncPage.commit), so they are saved only
 * after that page is stored.
 */
export const FACEBOOK_STREAMS = ['posts', 'comments', 'conversations'] as const;

export interface PostCursor {
  createdAt: string;
  /** Comments cursor: continue after this comment. */
  after?: string;
  /** Comment count when this post was last read to the end. */
  count?: number;
  polledAt?: string;
}

interface ConversationsCursor {
  /** Conversations updated at or after this (minus the overlap) are read again. */
  watermark: string;
}

const PAGE_LIMIT = 100;
const FEED_LIMIT = 50;
const MAX_TRACKED_POSTS = 200;
/** Graph times have one-second resolution and items can become visible a moment late. */
const OVERLAP_MS = 2 * 60_000;
/** Every post in the window is read again at least this often, whatever its count says. */
const RECONCILE_EVERY_MS = 15 * 60_000;

export function facebookClient(settings: FacebookSettings, ctx: ConnectorContext): GraphClient {
  return new GraphClient({ settings, accessToken: facebookAccessToken(ctx.credentials), budget: ctx.budget });
}

export async function* facebookSyncPages(settings: FacebookSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const { ctx, now, backfillSince } = input;
  const client = facebookClient(settings, ctx);
  const pageId = ctx.account.externalId;
  const windowStart = backfillSince.getTime();

  // 1. posts within the window (newest first), with their comment counts.
  const seen = new Map<string, { createdAt: string; count: number | undefined }>();
  let next: string | null = null;
  let body: JsonObject = await client.get(`${pageId}/feed`, {
    fields: 'id,message,story,created_time,permalink_url,from,shares,reactions.summary(true).limit(0),comments.filter(stream).summary(true).limit(0)',
    limit: FEED_LIMIT,
    since: Math.floor(windowStart / 1000),
  });
  for (;;) {
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of arr(body.data)) {
      const createdAt = fbTimeToIso(obj(raw).created_time);
      if (createdAt && Date.parse(createdAt) < windowStart) {
        older = true;
        continue;
      }
      const id = obj(raw).id;
      if (typeof id !== 'string') continue;
      const summary = obj(obj(obj(raw).comments).summary).total_count;
      seen.set(id, { createdAt: createdAt ?? now.toISOString(), count: typeof summary === 'number' ? summary : undefined });
      records.push(...mapPost(raw, { pageId }));
    }
    if (records.length) yield { stream: 'posts', records };
    next = typeof obj(body.paging).next === 'string' ? (obj(body.paging).next as string) : null;
    if (older || !next) break;
    body = await client.getUrl(next);
  }

  // 2. comments of the posts whose count changed (or that are due for reconciliation).
  const previous = (obj(input.state.comments) as Record<string, PostCursor>) ?? {};
  const cursors: Record<string, PostCursor> = {};
  for (const [id, c] of Object.entries(previous)) if (Date.parse(c.createdAt) >= windowStart) cursors[id] = { ...c };
  for (const [id, p] of seen) cursors[id] = { ...cursors[id], createdAt: p.createdAt };
  const tracked = Object.entries(cursors)
    .sort((a, b) => b[1].createdAt.localeCompare(a[1].createdAt))
    .slice(0, MAX_TRACKED_POSTS);
  const keep = new Set(tracked.map(([id]) => id));
  for (const id of Object.keys(cursors)) if (!keep.has(id)) delete cursors[id];
  // Each cursor holds only strings and numbers: a copy per cursor is a deep copy (structuredClone
  // of up to MAX_TRACKED_POSTS cursors for every page of comments was a visible cost of a sync run).
  const snapshot = (): StreamStates => ({ comments: Object.fromEntries(Object.entries(cursors).map(([id, c]) => [id, { ...c }])) });

  for (const [postId, cursor] of tracked) {
    const count = seen.get(postId)?.count;
    const due = !cursor.polledAt || Date.parse(cursor.polledAt) < now.getTime() - RECONCILE_EVERY_MS;
    if (!due && count !== undefined && count === cursor.count) continue;
    let page: JsonObject = await client.get(`${postId}/comments`, {
      filter: 'stream',
      order: 'chronological',
      limit: PAGE_LIMIT,
      // `attachment` is left out until the sim serves it (real Graph comments have it; the webhook carries photos).
      fields: 'id,message,created_time,from,parent{id},permalink_url,attachment',
      after: cursor.after,
    });
    for (;;) {
      const records = mapCommentsPage(page, { pageId, postId }).filter((r) => r.kind === 'message');
      const after = obj(obj(page.paging).cursors).after;
      if (typeof after === 'string' && arr(page.data).length) cursor.after = after;
      const more = typeof obj(page.paging).next === 'string';
      if (!more) {
        cursor.count = count;
        cursor.polledAt = now.toISOString();
      }
      yield { stream: 'comments', records, commit: snapshot() };
      if (!more) break;
      page = await client.getUrl(obj(page.paging).next as string);
    }
  }
  // Posts that left the window are forgotten.
  yield { stream: 'comments', records: [], commit: snapshot() };

  // 3. Messenger conversations updated since the watermark, and their new messages.
  const conv = obj(input.state.conversations) as Partial<ConversationsCursor>;
  const watermark = conv.watermark ? Date.parse(conv.watermark) : windowStart;
  const from = watermark - OVERLAP_MS;
  let newest = watermark;
  let list: JsonObject = await client.get(`${pageId}/conversations`, { platform: 'messenger', fields: 'id,updated_time,unread_count,participants', limit: 25 });
  for (;;) {
    let older = false;
    for (const raw of arr(list.data)) {
      const updated = Date.parse(fbTimeToIso(obj(raw).updated_time) ?? '');
      if (Number.isFinite(updated) && updated < from) {
        older = true;
        break;
      }
      if (Number.isFinite(updated)) newest = Math.max(newest, updated);
      const customer = conversationCustomer(raw, pageId);
      const records: UnifiedRecord[] = mapConversation(raw, { pageId });
      let messages: JsonObject = await client.get(`${String(obj(raw).id)}/messages`, { fields: 'id,created_time,from,to,message,attachments', limit: PAGE_LIMIT });
      for (;;) {
        const mapped = mapMessagesPage(messages, { pageId }, customer).filter((r) => r.kind === 'message');
        records.push(...mapped);
        const last = mapped[mapped.length - 1];
        const oldest = last?.kind === 'message' ? Date.parse(last.createdAt) : NaN;
        const more = typeof obj(messages.paging).next === 'string';
        if (!more || (Number.isFinite(oldest) && oldest < from)) break;
        messages = await client.getUrl(obj(messages.paging).next as string);
      }
      yield { stream: 'conversations', records };
    }
    const more = typeof obj(list.paging).next === 'string';
    if (older || !more) break;
    list = await client.getUrl(obj(list.paging).next as string);
  }
  yield { stream: 'conversations', records: [], commit: { conversations: { watermark: new Date(newest).toISOString() } satisfies ConversationsCursor } };
}
