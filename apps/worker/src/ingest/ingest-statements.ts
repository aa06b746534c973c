import type { EntityManager } from 'typeorm';
import { classify } from '@resonance/classifier';
import type { Intent, MessageRecord, PostRecord } from '@resonance/contracts';

/**
 * The set-based statements IngestStore writes a page with: one statement per table, whatever the
 * page size (DESIGN.md §4). Each runs inside the caller's transaction.
 */

export interface ChannelRow {
  id: string;
  workspace_id: string;
  network: string;
  external_id: string;
}

export interface ThreadsResult {
  messagesInserted: number;
  messagesUpdated: number;
  /** Threads created, or that got a new or changed message. */
  threadsTouched: number;
}

/**
 * Creates or locks the rows' threads, upserts the messages and brings every touched thread's
 * timers up to date. Rows of one thread must all be in one call.
 */
export async function storeThreads(tx: EntityManager, channel: ChannelRow, rows: MessageRow[]): Promise<ThreadsResult> {
  const created = await insertAndLockThreads(tx, channel, rows);
  const { inserted, updated, threadIds } = await upsertMessages(tx, channel, rows);
  // A created thread's row is already right unless one of its messages was stored before
  // (under another thread): then, like every thread that existed and got a message, it is recomputed.
  const insertedPerThread = new Map<string, number>();
  const unreadDelta = new Map<string, number>();
  for (const m of inserted) {
    insertedPerThread.set(m.thread_id, (insertedPerThread.get(m.thread_id) ?? 0) + 1);
    if (!m.from_account) unreadDelta.set(m.thread_id, (unreadDelta.get(m.thread_id) ?? 0) + 1);
  }
  const touched = new Set([...created.keys(), ...threadIds]);
  const stale = [...touched].filter((id) => created.get(id)?.messages !== insertedPerThread.get(id));
  // A created thread already counts its page's inbound messages as unread.
  for (const [id, thread] of created) unreadDelta.set(id, (unreadDelta.get(id) ?? 0) - thread.inbound);
  await recomputeThreads(tx, stale, unreadDelta);
  return { messagesInserted: inserted.length, messagesUpdated: updated, threadsTouched: touched.size };
}

/** Recomputes the timers of these threads from their stored messages (after a merge or a deletion). */
export async function recomputeThreadTimers(tx: EntityManager, threadIds: string[]): Promise<void> {
  await recomputeThreads(tx, threadIds, new Map());
}

export interface MessageRow {
  external_id: string;
  thread_key: string;
  channel: string;
  parent_external_id: string | null;
  post_external_id: string | null;
  author_external_id: string | null;
  author_name: string | null;
  author_handle: string | null;
  author_avatar: string | null;
  from_account: boolean;
  text: string;
  created_at: string;
  url: string | null;
  attachments: unknown;
  intent: Intent | null;
  sentiment: number | null;
}

export function dedupeByExternalId(messages: MessageRecord[]): MessageRecord[] {
  const seen = new Map<string, MessageRecord>();
  for (const m of messages) seen.set(m.externalId, m);
  return [...seen.values()];
}

export type Label = ReturnType<typeof classify>;

export function isFromAccount(m: MessageRecord, accountExternalId: string): boolean {
  return m.isFromAccount ?? (m.author.externalId !== undefined && m.author.externalId === accountExternalId);
}

export function toMessageRow(m: MessageRecord, channel: ChannelRow, prepared: Label | undefined): MessageRow {
  const fromAccount = isFromAccount(m, channel.external_id);
  // Inbound messages are classified in memory (by prepare(), else here) and stored by the same INSERT (issue 10).
  const label = fromAccount ? null : prepared ?? classify(m.text);
  return {
    external_id: m.externalId,
    thread_key: m.threadKey,
    channel: m.channel,
    parent_external_id: m.parentExternalId ?? null,
    post_external_id: m.postExternalId ?? null,
    author_external_id: m.author.externalId ?? null,
    author_name: m.author.name ?? null,
    author_handle: m.author.handle ?? null,
    author_avatar: m.author.avatarUrl ?? null,
    from_account: fromAccount,
    text: m.text,
    created_at: new Date(m.createdAt).toISOString(),
    url: m.url ?? null,
    attachments: m.attachments?.length ? m.attachments : null,
    intent: label?.intent ?? null,
    sentiment: label?.sentiment ?? null,
  };
}

export async function upsertPosts(tx: EntityManager, channel: ChannelRow, posts: PostRecord[]): Promise<void> {
  const rows = [...new Map(posts.map((p) => [p.externalId, p])).values()].map((p) => ({
    external_id: p.externalId,
    text: p.text,
    url: p.url ?? null,
    published_at: new Date(p.publishedAt).toISOString(),
    reactions: p.counts?.reactions ?? null,
    comments: p.counts?.comments ?? null,
    shares: p.counts?.shares ?? null,
    views: p.counts?.views ?? null,
    has_counts: p.counts !== undefined,
  }));
  await tx.query(
    `INSERT INTO post (workspace_id, channel_account_id, external_id, text, url, published_at,
                       reactions_count, comments_count, shares_count, views_count, counts_read_at)
     SELECT $1, $2, r.external_id, r.text, r.url, r.published_at, r.reactions, r.comments, r.shares, r.views,
            CASE WHEN r.has_counts THEN now() END
       FROM json_to_recordset($3::json) AS r(external_id text, text text, url text, published_at timestamptz,
            reactions int, comments int, shares int, views bigint, has_counts boolean)
     ON CONFLICT (channel_account_id, external_id) DO UPDATE SET
       text = excluded.text,
       url = COALESCE(excluded.url, post.url),
       reactions_count = COALESCE(excluded.reactions_count, post.reactions_count),
       comments_count = COALESCE(excluded.comments_count, post.comments_count),
       shares_count = COALESCE(excluded.shares_count, post.shares_count),
       views_count = COALESCE(excluded.views_count, post.views_count),
       counts_read_at = COALESCE(excluded.counts_read_at, post.counts_read_at),
       updated_at = now()`,
    [channel.workspace_id, channel.id, JSON.stringify(rows)],
  );
}

export async function upsertContacts(tx: EntityManager, channel: ChannelRow, rows: MessageRow[]): Promise<void> {
  const contacts = new Map<string, MessageRow>();
  for (const r of rows) if (r.author_external_id && !r.from_account) contacts.set(r.author_external_id, r);
  if (!contacts.size) return;
  // Sorted so that concurrent pages lock contact rows in the same order (no deadlocks).
  const payload = [...contacts.values()]
    .sort((a, b) => (a.author_external_id! < b.author_external_id! ? -1 : 1))
    .map((r) => ({ e: r.author_external_id, n: r.author_name, h: r.author_handle, a: r.author_avatar }));
  await tx.query(
    `INSERT INTO contact (workspace_id, channel_account_id, external_id, name, handle, avatar_url)
     SELECT $1, $2, r.e, r.n, r.h, r.a
       FROM json_to_recordset($3::json) AS r(e text, n text, h text, a text)
     ON CONFLICT (channel_account_id, external_id) DO UPDATE SET
       name = COALESCE(excluded.name, contact.name),
       handle = COALESCE(excluded.handle, contact.handle),
       avatar_url = COALESCE(excluded.avatar_url, contact.avatar_url),
       updated_at = now()
     WHERE (contact.name, contact.handle, contact.avatar_url) IS DISTINCT FROM
           (COALESCE(excluded.name, contact.name), COALESCE(excluded.handle, contact.handle),
            COALESCE(excluded.avatar_url, contact.avatar_url))`,
    [channel.workspace_id, channel.id, JSON.stringify(payload)],
  );
}

/** Threads a page created, with the messages (and inbound ones) their timers were computed from. */
type CreatedThreads = Map<string, { messages: number; inbound: number }>;

/**
 * Creates the page's new threads with their timers already computed from the page's rows (a new
 * thread has no other messages), so they are written once instead of inserted and then updated
 * (every thread column the inbox sorts by is indexed). The same statement locks the threads that
 * existed until commit: ON CONFLICT DO UPDATE locks every conflicting row even when its WHERE
 * skips the update (PostgreSQL's INSERT reference), and ORDER BY makes concurrent writers lock in
 * the same order. The lock keeps a webhook and a sync run that add to one thread from recomputing
 * its timers from each other's uncommitted messages. The timers follow the rules of recomputeThreads.
 */
async function insertAndLockThreads(tx: EntityManager, channel: ChannelRow, rows: MessageRow[]): Promise<CreatedThreads> {
  const byThread = new Map<string, MessageRow[]>();
  // created_at is always toISOString()'s fixed format: plain string order is time order (and
  // several times cheaper than localeCompare, which goes through ICU collation).
  for (const r of [...rows].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0))) {
    const list = byThread.get(r.thread_key);
    if (list) list.push(r);
    else byThread.set(r.thread_key, [r]);
  }
  // Short keys: the payload is written to PostgreSQL's socket and parsed there once per batch.
  const payload = [...byThread.entries()].map(([threadKey, list]) => {
    const t = timersOf(list);
    return { k: threadKey, ch: t.channel, p: t.post_external_id, c: t.contact_external_id, fi: t.first_inbound, li: t.last_inbound,
             fr: t.first_response, w: t.waiting, lm: t.last_message, n: t.total, v: t.preview, i: t.inbound };
  });
  const created = (await tx.query(
    `INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id,
                         post_external_id, first_inbound_at, last_inbound_at, first_response_at, waiting_since,
                         last_message_at, message_count, last_message_preview, unread_count)
     SELECT $1, $2, $3, r.k, r.ch, c.id, p.id, r.p, r.fi, r.li, r.fr, r.w, r.lm, r.n, left(r.v, 280), r.i
       FROM json_to_recordset($4::json) AS r(k text, ch text, p text, c text, fi timestamptz, li timestamptz,
            fr timestamptz, w timestamptz, lm timestamptz, n int, v text, i int)
       LEFT JOIN contact c ON c.channel_account_id = $2 AND c.external_id = r.c
       LEFT JOIN post p ON p.channel_account_id = $2 AND p.external_id = r.p
      ORDER BY r.k
     ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET thread_key = excluded.thread_key WHERE false
     RETURNING id, thread_key`,
    [channel.workspace_id, channel.id, channel.network, JSON.stringify(payload)],
  )) as Array<{ id: string; thread_key: string }>;
  return new Map(
    created.map((t) => {
      const list = byThread.get(t.thread_key)!;
      return [t.id, { messages: list.length, inbound: list.filter((m) => !m.from_account).length }];
    }),
  );
}

/**
 * A new thread's row from its messages (sorted by time): customer and start from the earliest
 * inbound message; first response = first account message after the first inbound one;
 * waiting_since = oldest inbound message after the account's last message.
 */
function timersOf(list: MessageRow[]) {
  const inbound = list.filter((m) => !m.from_account);
  const outbound = list.filter((m) => m.from_account);
  const first = inbound[0] ?? list[0];
  const firstInbound = inbound[0]?.created_at ?? null;
  const lastResponse = outbound.length ? outbound[outbound.length - 1].created_at : null;
  const last = list[list.length - 1];
  return {
    channel: first.channel,
    post_external_id: first.post_external_id,
    contact_external_id: first.from_account ? null : first.author_external_id,
    first_inbound: firstInbound,
    last_inbound: inbound.length ? inbound[inbound.length - 1].created_at : null,
    first_response: firstInbound === null ? null : outbound.find((m) => m.created_at > firstInbound)?.created_at ?? null,
    waiting: inbound.find((m) => lastResponse === null || m.created_at > lastResponse)?.created_at ?? null,
    last_message: last.created_at,
    total: list.length,
    preview: last.text,
    inbound: inbound.length,
  };
}

async function upsertMessages(
  tx: EntityManager,
  channel: ChannelRow,
  rows: MessageRow[],
): Promise<{ inserted: Array<{ thread_id: string; from_account: boolean }>; updated: number; threadIds: Set<string> }> {
  // Only the columns the statement reads (the author's name, handle and avatar went to the
  // contact), under short keys: the payload is written to PostgreSQL's socket and parsed there.
  const payload = rows.map((r) => ({
    e: r.external_id,
    k: r.thread_key,
    p: r.parent_external_id,
    a: r.author_external_id,
    o: r.from_account,
    x: r.text,
    at: r.attachments,
    u: r.url,
    t: r.created_at,
    i: r.intent,
    s: r.sentiment,
  }));
  const result = (await tx.query(
    `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                          parent_external_id, author_contact_id, text, attachments, url, created_at, delivery,
                          intent, sentiment)
     SELECT $1, $2, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o,
            r.p, c.id, r.x, r.at, r.u, r.t, CASE WHEN r.o THEN 'sent' END, r.i, r.s
       FROM json_to_recordset($3::json) AS r(e text, k text, p text, a text, o boolean, x text, at jsonb, u text,
            t timestamptz, i text, s real)
       JOIN thread t ON t.channel_account_id = $2 AND t.thread_key = r.k
       LEFT JOIN contact c ON c.channel_account_id = $2 AND c.external_id = r.a AND NOT r.o
     ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
       text = excluded.text,
       attachments = excluded.attachments
     WHERE message.text IS DISTINCT FROM excluded.text
        OR message.attachments IS DISTINCT FROM excluded.attachments
     RETURNING thread_id, is_from_account AS from_account, (xmax = 0) AS inserted`,
    [channel.workspace_id, channel.id, JSON.stringify(payload)],
  )) as Array<{ thread_id: string; from_account: boolean; inserted: boolean }>;
  const inserted = result.filter((r) => r.inserted);
  return { inserted, updated: result.length - inserted.length, threadIds: new Set(result.map((r) => r.thread_id)) };
}

/**
 * Recomputes each touched thread's timers from its stored messages (set-based, one statement).
 * first response = first account message after the first inbound one; waiting_since = oldest
 * inbound message after the account's last message. A new inbound message reopens a closed thread.
 */
async function recomputeThreads(tx: EntityManager, threadIds: string[], unreadDelta: Map<string, number>): Promise<void> {
  if (!threadIds.length) return;
  const touched = new Set(threadIds);
  const newInbound = new Map([...unreadDelta].filter(([id]) => touched.has(id)));
  await tx.query(
    `WITH news AS (
       SELECT key::bigint AS id, value::int AS inbound FROM json_each_text($2::json)
     ), agg AS (
       SELECT m.thread_id,
              min(m.created_at) FILTER (WHERE NOT m.is_from_account) AS first_inbound,
              max(m.created_at) FILTER (WHERE NOT m.is_from_account) AS last_inbound,
              max(m.created_at) FILTER (WHERE m.is_from_account AND m.external_id IS NOT NULL) AS last_response,
              max(m.created_at) AS last_message,
              count(*)::int AS total
         FROM message m
        WHERE m.thread_id = ANY($1::bigint[]) AND NOT m.deleted
        GROUP BY m.thread_id
     ), timers AS (
       SELECT a.*,
              (SELECT min(r.created_at) FROM message r
                WHERE r.thread_id = a.thread_id AND r.is_from_account AND r.external_id IS NOT NULL
                  AND r.created_at > a.first_inbound) AS first_response,
              (SELECT min(i.created_at) FROM message i
                WHERE i.thread_id = a.thread_id AND NOT i.is_from_account AND NOT i.deleted
                  AND i.created_at > COALESCE(a.last_response, '-infinity'::timestamptz)) AS waiting,
              (SELECT left(l.text, 280) FROM message l
                WHERE l.thread_id = a.thread_id AND NOT l.deleted
                ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS preview
         FROM agg a
     )
     UPDATE thread t SET
       first_inbound_at = timers.first_inbound,
       last_inbound_at = timers.last_inbound,
       first_response_at = timers.first_response,
       waiting_since = timers.waiting,
       last_message_at = timers.last_message,
       message_count = timers.total,
       last_message_preview = COALESCE(timers.preview, ''),
       unread_count = t.unread_count + COALESCE(news.inbound, 0),
       status = CASE WHEN COALESCE(news.inbound, 0) > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,
       updated_at = now()
       FROM timers LEFT JOIN news ON news.id = timers.thread_id
      WHERE t.id = timers.thread_id`,
    [threadIds, JSON.stringify(Object.fromEntries(newInbound))],
  );
}
