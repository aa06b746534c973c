import {
  arr,
  type HintRecord,
  type JsonObject,
  type MessageRecord,
  num,
  obj,
  type PageRecord,
  type PostRecord,
  type RecordAuthor,
  str,
  type UnifiedRecord,
} from '@resonance/contracts';
import { listIn, mapEach } from '../unexpected';

/**
 * X API v2 payloads → unified records.
 * - Thread key of a public conversation: the reply directly under the account's own post (as a
 *   Facebook top-level comment), or the first tweet of any other conversation that mentions the
 *   account (a standalone mention and the replies under it). Deeper replies belong to the thread
 *   of their parent (`referenced_tweets` replied_to), resolved through the page when it holds
 *   the parent.
 * - Direct messages: `dm:<customer user id>` — the 1:1 conversation with that customer; the same
 *   key Facebook uses, so the outbound sender finds the recipient in it.
 * - Authors come from `includes.users`; the account's own tweets are posts (a conversation's
 *   first tweet) or responses (its replies, isFromAccount).
 */
export interface XMapContext {
  /** The connected account's user id. */
  accountId?: string;
  /** Conversations known to be rooted in the account's own posts (search by conversation_id). */
  ownConversations?: ReadonlySet<string>;
}

export const dmThreadKey = (userId: string): string => `dm:${userId}`;

export function xTimeToIso(value: unknown): string | undefined {
  if (typeof value !== 'number' && (typeof value !== 'string' || value === '')) return undefined;
  // An out-of-range number makes an Invalid Date, whose toISOString throws: read as no time.
  const d = typeof value === 'number' || /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Users of `includes.users` by id. */
export function usersById(body: unknown): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const u of arr(obj(obj(body).includes).users)) {
    const id = str(obj(u).id);
    if (id) map.set(id, obj(u));
  }
  return map;
}

function authorOf(id: string | undefined, users: Map<string, JsonObject>): RecordAuthor {
  if (!id) return {};
  const u = users.get(id) ?? {};
  return {
    externalId: id,
    ...(str(u.name) ? { name: str(u.name) } : {}),
    ...(str(u.username) ? { handle: str(u.username) } : {}),
    ...(str(u.profile_image_url) ? { avatarUrl: str(u.profile_image_url) } : {}),
  };
}

export const repliedTo = (t: JsonObject): string | undefined => str(obj(arr(t.referenced_tweets).find((r) => obj(r).type === 'replied_to')).id);

/** The tweet a retweet copies (referenced_tweets type "retweeted"), or undefined for any other tweet. */
export const retweetOf = (t: JsonObject): string | undefined => str(obj(arr(t.referenced_tweets).find((r) => obj(r).type === 'retweeted')).id);

/** Tweets of `includes.tweets` (the referenced ones) by id. */
export function includedTweets(body: unknown): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const t of arr(obj(obj(body).includes).tweets)) {
    const id = str(obj(t).id);
    if (id) map.set(id, obj(t));
  }
  return map;
}

/**
 * A retweet is no message: it has no words of its own (its text is X's copy, "RT @author: …",
 * cut at 140 characters), no one can answer it (a reply goes to the original), and the original
 * is the item — the account's post, whose public_metrics.retweet_count (the post's shares)
 * counts it, or a customer's tweet that reaches the inbox by itself. So it becomes a hint to the
 * original: target "post" when the original is the account's (known from includes.tweets), else
 * "comment". The inbox shows nothing new for it; the post's shares show it.
 */
function retweetHint(original: string, referenced: Map<string, JsonObject>, ctx: XMapContext): HintRecord {
  const author = str(referenced.get(original)?.author_id);
  const own = ctx.accountId !== undefined && author === ctx.accountId;
  return { kind: 'hint', network: 'x', target: own ? 'post' : 'comment', externalId: original };
}

const tweetUrl = (id: string, username: string | undefined) => `https://x.com/${username ?? 'i/web'}/status/${id}`;

interface Placed {
  threadKey: string;
  channel: MessageRecord['channel'];
  parent: string | null;
  post: string | null;
}

/**
 * Where each tweet of a page belongs. Parents come first in the recursion so a reply deeper in a
 * conversation inherits its parent's thread when the page holds the parent.
 */
function placeTweets(tweets: JsonObject[], ctx: XMapContext): Map<string, Placed> {
  const byId = new Map(tweets.map((t) => [str(t.id) ?? '', t]));
  const placed = new Map<string, Placed>();
  const place = (t: JsonObject, depth: number): Placed => {
    const id = str(t.id);
    // Callers pass only tweets with an id (see below and mapTweets); one without is a bug here.
    if (id === undefined) throw new Error('x mapper: placeTweets got a tweet without an id');
    const known = placed.get(id);
    if (known) return known;
    const conversation = str(t.conversation_id);
    const parent = repliedTo(t);
    const ownRoot = conversation !== undefined && !!ctx.ownConversations?.has(conversation);
    let result: Placed;
    if (!parent || conversation === id) {
      result = { threadKey: id, channel: 'mention', parent: null, post: null };
    } else if (parent === conversation && (ownRoot || (ctx.accountId !== undefined && str(t.in_reply_to_user_id) === ctx.accountId))) {
      // A reply directly under the account's own post: the start of a comment thread.
      result = { threadKey: id, channel: 'comment', parent: null, post: conversation };
    } else if (parent === conversation) {
      // A reply under someone else's tweet (a mention): that tweet's thread.
      result = { threadKey: conversation, channel: 'mention', parent, post: null };
    } else {
      const parentTweet = byId.get(parent);
      const up = parentTweet && depth < 50 ? place(parentTweet, depth + 1) : undefined;
      result = up
        ? { threadKey: up.threadKey, channel: up.channel, parent, post: up.post }
        : { threadKey: parent, channel: ownRoot ? 'comment' : 'mention', parent, post: ownRoot ? (conversation ?? null) : null };
    }
    placed.set(id, result);
    return result;
  };
  for (const t of tweets) if (str(t.id)) place(t, 0);
  return placed;
}

const historyOf = (t: JsonObject): string[] => arr(t.edit_history_tweet_ids).flatMap((id) => str(id) ?? []);

/**
 * Edited posts (X: each edit is a new post id; edit_history_tweet_ids lists the versions, the
 * original first): the product keeps one message (or post) per post, under the original's id, so
 * an edit updates what is stored instead of adding a second item. Each version is read as the
 * original's id (also where a reply, a conversation or a quote points at a version), and a version
 * that is not the latest (a lookup by an older id answers it) is left out, so it never writes an
 * older text over a newer one.
 */
export function asOriginals(tweets: JsonObject[], referenced = new Map<string, JsonObject>()): JsonObject[] {
  const original = new Map<string, string>();
  for (const t of [...tweets, ...referenced.values()]) {
    const history = historyOf(t);
    if (history.length > 1) for (const v of history) original.set(v, history[0]);
  }
  if (!original.size) return tweets;
  const norm = (id: unknown) => (typeof id === 'string' ? (original.get(id) ?? id) : id);
  return tweets
    .filter((t) => {
      const history = historyOf(t);
      return history.length <= 1 || history[history.length - 1] === str(t.id);
    })
    .map((t) => ({
      ...t,
      id: norm(t.id),
      ...(t.conversation_id !== undefined ? { conversation_id: norm(t.conversation_id) } : {}),
      ...(t.referenced_tweets !== undefined ? { referenced_tweets: arr(t.referenced_tweets).map((r) => ({ ...obj(r), id: norm(obj(r).id) })) } : {}),
    }));
}

/** Tweets (data of a timeline, search, or lookup) → posts and messages; retweets → hints (see retweetHint). */
export function mapTweets(tweets: unknown[], users: Map<string, JsonObject>, ctx: XMapContext, referenced = new Map<string, JsonObject>()): UnifiedRecord[] {
  const all = asOriginals(
    tweets.map(obj).filter((t) => str(t.id)),
    referenced,
  );
  const out: UnifiedRecord[] = [];
  for (const t of all) {
    const original = retweetOf(t);
    if (original) out.push(retweetHint(original, referenced, ctx));
  }
  const list = all.filter((t) => !retweetOf(t));
  const placed = placeTweets(list, ctx);
  for (const t of list) {
    const id = str(t.id);
    if (id === undefined) continue; // not reached: list holds only tweets with an id
    const authorId = str(t.author_id);
    const author = authorOf(authorId, users);
    const createdAt = xTimeToIso(t.created_at) ?? new Date(0).toISOString();
    const own = ctx.accountId !== undefined && authorId !== undefined ? authorId === ctx.accountId : undefined;
    const metrics = obj(t.public_metrics);
    const isRoot = !repliedTo(t) && (str(t.conversation_id) ?? id) === id;
    if (own && isRoot) {
      const counts: PostRecord['counts'] = {};
      if (num(metrics.like_count) !== undefined) counts.reactions = num(metrics.like_count);
      if (num(metrics.reply_count) !== undefined) counts.comments = num(metrics.reply_count);
      if (num(metrics.retweet_count) !== undefined || num(metrics.quote_count) !== undefined)
        counts.shares = (num(metrics.retweet_count) ?? 0) + (num(metrics.quote_count) ?? 0);
      if (num(metrics.impression_count) !== undefined) counts.views = num(metrics.impression_count);
      out.push({
        kind: 'post',
        network: 'x',
        externalId: id,
        text: str(t.text) ?? '',
        url: tweetUrl(id, author.handle),
        publishedAt: createdAt,
        ...(Object.keys(counts).length ? { counts } : {}),
      });
      continue;
    }
    const p = placed.get(id);
    if (!p) throw new Error(`x mapper: tweet ${id} was not placed in a thread`);
    const record: MessageRecord = {
      kind: 'message',
      network: 'x',
      externalId: id,
      threadKey: p.threadKey,
      channel: p.channel,
      parentExternalId: p.parent,
      postExternalId: p.post,
      author,
      text: str(t.text) ?? '',
      createdAt,
      url: tweetUrl(id, author.handle),
    };
    if (own !== undefined) record.isFromAccount = own;
    out.push(record);
  }
  return out;
}

/** Where paging goes on: `meta.next_token` (pass it back as pagination_token). */
export const xPageRecord = (body: unknown): PageRecord => ({ kind: 'page', network: 'x', nextCursor: str(obj(obj(body).meta).next_token) ?? null });

/** A page of tweets: mentions timeline, user timeline, recent search. */
export function mapTweetsPage(body: unknown, ctx: XMapContext): UnifiedRecord[] {
  const b = obj(body);
  // The tweets of includes.tweets (parents) help place the replies but are not items of the page.
  const list = listIn('x', body, 'data', 'a page of tweets', { optional: true });
  return [...(list.error ? [list.error] : []), ...mapTweets(list.items, usersById(b), ctx, includedTweets(b)), xPageRecord(b)];
}

/** GET /2/tweets/:id — one tweet. */
export function mapTweetLookup(body: unknown, ctx: XMapContext): UnifiedRecord[] {
  const b = obj(body);
  const data = b.data;
  return mapTweets(Array.isArray(data) ? data : data ? [data] : [], usersById(b), ctx, includedTweets(b));
}

/** POST /2/tweets answers {data: {id, text}}: the account's own new tweet (a reply, when sent as one). */
export function mapTweetCreate(body: unknown, ctx: XMapContext & { inReplyTo?: string; threadKey?: string; createdAt?: string }): UnifiedRecord[] {
  const d = obj(obj(body).data);
  const id = str(d.id);
  if (!id) return [];
  return [
    {
      kind: 'message',
      network: 'x',
      externalId: id,
      threadKey: ctx.threadKey ?? ctx.inReplyTo ?? id,
      channel: ctx.inReplyTo ? 'comment' : 'mention',
      parentExternalId: ctx.inReplyTo ?? null,
      postExternalId: null,
      author: ctx.accountId ? { externalId: ctx.accountId } : {},
      text: str(d.text) ?? '',
      createdAt: ctx.createdAt ?? new Date().toISOString(),
      url: tweetUrl(id, undefined),
      isFromAccount: true,
    },
  ];
}

/** The customer of a 1:1 DM conversation: the participant that is not the account. */
export function dmCustomer(event: JsonObject, accountId: string | undefined): string | undefined {
  const participants = arr(event.participant_ids)
    .map(str)
    .filter((p): p is string => !!p);
  const fromConversation = (str(event.dm_conversation_id) ?? '').split('-').filter((p) => /^\d+$/.test(p));
  const ids = participants.length ? participants : fromConversation;
  const sender = str(event.sender_id);
  if (accountId) {
    if (sender && sender !== accountId) return sender;
    return ids.find((p) => p !== accountId);
  }
  // Without the account's id, an event read alone is the customer's (the common case).
  return sender ?? ids[0];
}

/** One DM event (MessageCreate) → message; joins/leaves are not messages. */
export function mapDmEvent(raw: unknown, users: Map<string, JsonObject>, ctx: XMapContext): MessageRecord | undefined {
  const e = obj(raw);
  const id = str(e.id);
  if (!id || (e.event_type !== undefined && e.event_type !== 'MessageCreate')) return undefined;
  const sender = str(e.sender_id);
  const customer = dmCustomer(e, ctx.accountId);
  const record: MessageRecord = {
    kind: 'message',
    network: 'x',
    externalId: id,
    threadKey: customer ? dmThreadKey(customer) : `dm:${str(e.dm_conversation_id) ?? id}`,
    channel: 'direct',
    parentExternalId: null,
    postExternalId: null,
    author: authorOf(sender, users),
    text: str(e.text) ?? '',
    createdAt: xTimeToIso(e.created_at) ?? new Date(0).toISOString(),
  };
  if (ctx.accountId && sender) record.isFromAccount = sender === ctx.accountId;
  return record;
}

/** GET /2/dm_events (or a conversation's messages) → messages and where paging goes on. */
export function mapDmEventsPage(body: unknown, ctx: XMapContext): UnifiedRecord[] {
  const b = obj(body);
  const users = usersById(b);
  const list = listIn('x', body, 'data', 'a page of DM events', { optional: true });
  // Joins and leaves are documented events that are not messages: left out on purpose.
  const notMessage = (e: unknown) => obj(e).event_type !== undefined && obj(e).event_type !== 'MessageCreate';
  const records = mapEach('x', list.items, 'a DM event with an id', (e) => mapDmEvent(e, users, ctx), notMessage);
  return [...(list.error ? [list.error] : []), ...records, xPageRecord(b)];
}

/**
 * POST /2/dm_conversations/with/:participant_id/messages answers {data: {dm_conversation_id,
 * dm_event_id}} — no text or time: the caller knows both.
 */
export function mapDmSend(body: unknown, ctx: XMapContext & { recipientId?: string; text?: string; createdAt?: string }): UnifiedRecord[] {
  const d = obj(obj(body).data);
  const id = str(d.dm_event_id);
  if (!id) return [];
  const customer = ctx.recipientId ?? dmCustomer({ dm_conversation_id: d.dm_conversation_id }, ctx.accountId);
  return [
    {
      kind: 'message',
      network: 'x',
      externalId: id,
      threadKey: customer ? dmThreadKey(customer) : `dm:${str(d.dm_conversation_id) ?? id}`,
      channel: 'direct',
      parentExternalId: null,
      postExternalId: null,
      author: ctx.accountId ? { externalId: ctx.accountId } : {},
      text: ctx.text ?? '',
      createdAt: ctx.createdAt ?? new Date().toISOString(),
      isFromAccount: true,
    },
  ];
}
