import { arr, type JsonObject, obj, type UnifiedRecord } from '@resonance/contracts';
import type { ConnectorContext, StreamStates, SyncInput, SyncPage } from '../interfaces';
import { xAccessToken } from './auth';
import { XClient } from './client';
import { mapDmEventsPage, mapTweetsPage, xTimeToIso } from './mapper';
import type { XSettings } from './settings';

/**
 * X's sync streams, in the order they are stored:
 * - own: the account's own tweets (GET /2/users/:id/tweets since_id): its posts, which root the
 *   conversations to watch, and its native replies anywhere (responses);
 * - mentions: GET /2/users/:id/mentions since_id — every tweet that names the account;
 * - conversations: replies under the account's posts that do not name it, by recent search
 *   `conversation_id:A OR conversation_id:B …` with each conversation's own since_id;
 * - dms: GET /2/dm_events (newest first) back to the newest event already stored.
 * X pages with next_token inside one since_id snapshot, so a stream's new since_id is committed
 * with its last page, after every page before it was stored; a crash re-reads from the old one.
 */
export const X_STREAMS = ['own', 'mentions', 'conversations', 'dms'] as const;

export const TWEET_FIELDS = 'id,text,created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics';
export const USER_FIELDS = 'name,username,profile_image_url';
export const DM_EVENT_FIELDS = 'id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids';
const MAX_RESULTS = 100;
/** Recent search sees seven days back. */
const SEARCH_WINDOW_MS = 7 * 86_400_000 - 60_000;
/** Conversations per search query: 10 × "conversation_id:<19 digits>" joined by OR stays under the 512-character query limit. */
const CONVERSATIONS_PER_QUERY = 10;
const MAX_TRACKED = 200;

/**
 * Where a paging pass stands when it ended early (a spent window, a crash): the next run goes on
 * from `token` instead of starting over from the newest page, so a backfill larger than one
 * rate-limit window still finishes. `newest` is the newest id of the pass, saved as the stream's
 * mark once the pass reaches its end.
 */
interface PendingPass {
  token: string;
  newest?: string;
}
interface SinceCursor {
  sinceId?: string;
  pending?: PendingPass;
}
interface TrackedConversation {
  createdAt: string;
  /** Replies newer than this id are still to be read. Starts at the post itself. */
  sinceId: string;
}
interface ConversationsCursor {
  tracked: Record<string, TrackedConversation>;
  /** A search pass over these conversations that ended early. */
  pending?: PendingPass & { ids: string[]; sinceId: string };
}
interface DmCursor {
  newestId?: string;
  pending?: PendingPass;
}

/** X ids are 64-bit snowflakes: compare as numbers without losing precision. */
export const idCompare = (a: string, b: string): number => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);
const maxId = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : idCompare(a, b) >= 0 ? a : b);

export function xClient(settings: XSettings, ctx: ConnectorContext): XClient {
  return new XClient({ settings, accessToken: xAccessToken(ctx.credentials), budget: ctx.budget });
}

/** Reads one timeline (own tweets or mentions) from since_id (or the window start), all pages, resumable. */
async function* timeline(
  client: XClient,
  input: { stream: 'own' | 'mentions'; path: string; window: string; since: SinceCursor; startTime: string; accountId: string; ownConversations: Set<string> },
): AsyncGenerator<SyncPage> {
  const { sinceId } = input.since;
  let token = input.since.pending?.token;
  let newest = input.since.pending?.newest ?? sinceId;
  for (;;) {
    const body: JsonObject = await client.get(input.window, input.path, {
      max_results: MAX_RESULTS,
      'tweet.fields': TWEET_FIELDS,
      expansions: 'author_id,referenced_tweets.id',
      'user.fields': USER_FIELDS,
      ...(sinceId ? { since_id: sinceId } : { start_time: input.startTime }),
      pagination_token: token,
    });
    const meta = obj(body.meta);
    if (typeof meta.newest_id === 'string') newest = maxId(newest, meta.newest_id);
    const records = mapTweetsPage(body, { accountId: input.accountId, ownConversations: input.ownConversations }).filter((r) => r.kind !== 'page');
    token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
    const cursor: SinceCursor = token ? { sinceId, pending: { token, newest } } : { sinceId: newest };
    yield { stream: input.stream, records, commit: { [input.stream]: cursor } };
    if (!token) return;
  }
}

export async function* xSyncPages(settings: XSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const { ctx, now, backfillSince } = input;
  const client = xClient(settings, ctx);
  const accountId = ctx.account.externalId;
  const windowStart = backfillSince.getTime();
  const startTime = new Date(windowStart).toISOString();
  const searchFrom = Math.max(windowStart, now.getTime() - SEARCH_WINDOW_MS);

  const conv = obj(input.state.conversations) as Partial<ConversationsCursor>;
  const tracked: Record<string, TrackedConversation> = { ...conv.tracked };
  const ownConversations = new Set(Object.keys(tracked));

  // 1. the account's own tweets: posts start conversations to watch; replies are responses.
  for await (const page of timeline(client, {
    stream: 'own',
    path: `2/users/${accountId}/tweets`,
    window: 'GET /2/users/:id/tweets',
    since: obj(input.state.own) as SinceCursor,
    startTime,
    accountId,
    ownConversations,
  })) {
    for (const r of page.records) {
      if (r.kind === 'post' && !tracked[r.externalId]) {
        tracked[r.externalId] = { createdAt: r.publishedAt, sinceId: r.externalId };
        ownConversations.add(r.externalId);
      }
    }
    // Conversations are saved with the posts that start them, so a crash loses none.
    yield { stream: page.stream, records: page.records, commit: { ...page.commit, conversations: { ...conv, tracked: prune(tracked, searchFrom) } } };
  }

  // 2. mentions of the account.
  for await (const page of timeline(client, {
    stream: 'mentions',
    path: `2/users/${accountId}/mentions`,
    window: 'GET /2/users/:id/mentions',
    since: obj(input.state.mentions) as SinceCursor,
    startTime,
    accountId,
    ownConversations,
  })) {
    yield { stream: page.stream, records: page.records, commit: page.commit };
  }

  // 3. replies under the account's posts, by conversation, in batches of one search query each
  //    (a pass that ended early goes first, from where it stopped).
  const live = prune(tracked, searchFrom);
  const ids = Object.keys(live).sort((a, b) => idCompare(live[a].sinceId, live[b].sinceId));
  const batches: Array<{ ids: string[]; sinceId: string; pending?: PendingPass }> = [];
  const pending = conv.pending && conv.pending.ids.every((id) => live[id]) ? conv.pending : undefined;
  if (pending) batches.push({ ids: pending.ids, sinceId: pending.sinceId, pending });
  const rest = ids.filter((id) => !pending?.ids.includes(id));
  for (let i = 0; i < rest.length; i += CONVERSATIONS_PER_QUERY) {
    const batch = rest.slice(i, i + CONVERSATIONS_PER_QUERY);
    batches.push({ ids: batch, sinceId: batch.map((id) => live[id].sinceId).reduce((a, b) => (idCompare(a, b) <= 0 ? a : b)) });
  }
  for (const batch of batches) {
    let token = batch.pending?.token;
    let newest = batch.pending?.newest;
    for (;;) {
      const body: JsonObject = await client.get('GET /2/tweets/search/recent', '2/tweets/search/recent', {
        query: batch.ids.map((id) => `conversation_id:${id}`).join(' OR '),
        since_id: batch.sinceId,
        max_results: MAX_RESULTS,
        'tweet.fields': TWEET_FIELDS,
        expansions: 'author_id,referenced_tweets.id',
        'user.fields': USER_FIELDS,
        next_token: token,
      });
      const meta = obj(body.meta);
      if (typeof meta.newest_id === 'string') newest = maxId(newest, meta.newest_id);
      const records = mapTweetsPage(body, { accountId, ownConversations }).filter((r) => r.kind === 'message');
      token = typeof meta.next_token === 'string' ? meta.next_token : undefined;
      if (token) {
        yield { stream: 'conversations', records, commit: { conversations: { tracked: { ...live }, pending: { ids: batch.ids, sinceId: batch.sinceId, token, newest } } satisfies ConversationsCursor } };
        continue;
      }
      if (newest) for (const id of batch.ids) live[id] = { ...live[id], sinceId: maxId(live[id].sinceId, newest)! };
      yield { stream: 'conversations', records, commit: { conversations: { tracked: { ...live } } satisfies ConversationsCursor } };
      break;
    }
  }

  // 4. direct messages, newest first, back to the newest one stored (or the window start).
  //    GET /2/dm_events has no since_id: the pass pages down until it meets what was stored.
  const dm = obj(input.state.dms) as DmCursor;
  let newestDm = dm.pending?.newest ?? dm.newestId;
  let token: string | undefined = dm.pending?.token;
  for (;;) {
    const body: JsonObject = await client.get('GET /2/dm_events', '2/dm_events', {
      event_types: 'MessageCreate',
      'dm_event.fields': DM_EVENT_FIELDS,
      expansions: 'sender_id,participant_ids',
      'user.fields': USER_FIELDS,
      max_results: MAX_RESULTS,
      pagination_token: token,
    });
    let reachedKnown = false;
    const keep: unknown[] = [];
    for (const e of arr(body.data)) {
      const id = String(obj(e).id ?? '');
      const created = Date.parse(xTimeToIso(obj(e).created_at) ?? '');
      if ((dm.newestId && idCompare(id, dm.newestId) <= 0) || (!dm.newestId && Number.isFinite(created) && created < windowStart)) {
        reachedKnown = true;
        break;
      }
      newestDm = maxId(newestDm, id);
      keep.push(e);
    }
    const records: UnifiedRecord[] = mapDmEventsPage({ ...body, data: keep }, { accountId }).filter((r) => r.kind === 'message');
    token = typeof obj(body.meta).next_token === 'string' ? (obj(body.meta).next_token as string) : undefined;
    if (reachedKnown || !token) {
      yield { stream: 'dms', records, commit: { dms: { newestId: newestDm } satisfies DmCursor } };
      break;
    }
    yield { stream: 'dms', records, commit: { dms: { newestId: dm.newestId, pending: { token, newest: newestDm } } satisfies DmCursor } };
  }
}

/** Conversations recent search can still see (and the newest ones, at most MAX_TRACKED). */
function prune(tracked: Record<string, TrackedConversation>, from: number): Record<string, TrackedConversation> {
  const kept = Object.entries(tracked)
    .filter(([, t]) => Date.parse(t.createdAt) >= from)
    .sort((a, b) => idCompare(b[0], a[0]))
    .slice(0, MAX_TRACKED);
  return Object.fromEntries(kept);
}

export type { StreamStates };
