import type { EntityManager } from 'typeorm';
import { postTopic } from '@resonance/classifier';
import { SPAM_REASONS, type PostRecord, type SpamReason } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import {
  insertAndLockThreads as insertAndLockThreadRows,
  upsertContacts as upsertContactRows,
  upsertMessages as upsertMessageRows,
  upsertPosts as upsertPostRows,
  type IUpsertMessagesResult,
} from './ingest.queries';
import type { ChannelRow, MessageRow } from './message-row';
import { advanceOf, advanceThreads, recomputeThreads, timersOf, type ThreadAdvance } from './thread-timers';

/**
 * The set-based statements IngestStore writes a page with: one statement per table, whatever the
 * page size (DESIGN.md §4). Each runs inside the caller's transaction. Their SQL is in ingest.sql,
 * typed by pgTyped (ingest.queries.ts).
 *
 * A row's contact and post are looked up by their full unique key, row by row (a correlated
 * subquery on the unique index), not joined on the channel: with statistics that do not know the
 * channel yet (a new or fast-growing one) PostgreSQL joined contacts by channel_account_id alone
 * and filtered the external id afterwards, reading every contact of the channel for every message
 * (1,716 buffer reads a message at the 5M-message bench).
 */

export interface ThreadsResult {
  messagesInserted: number;
  messagesUpdated: number;
  /** Threads created, or that got a new or changed message. */
  threadsTouched: number;
}

/** What storeThreads did, and the rows it inserted (the messages rules are evaluated on). */
export interface StoredThreads extends ThreadsResult {
  insertedRows: MessageRow[];
}

/** One writer's rows, with the payloads of its thread and message statements. */
export interface ThreadsWrite {
  rows: MessageRow[];
  /** The rows by thread key, each thread's in time order. */
  byThread: Map<string, MessageRow[]>;
  threadsJson: string;
  messagesJson: string;
}

/**
 * Builds a writer's payloads before its transaction begins, so the transaction does not wait for
 * them between its statements (short keys: each payload is written to PostgreSQL's socket and
 * parsed there once). The thread payload carries each new thread's timers (timersOf); the message
 * payload only the columns the INSERT reads (the author's name, handle and avatar went to the contact).
 */
export function planThreadsWrite(rows: MessageRow[]): ThreadsWrite {
  const byThread = new Map<string, MessageRow[]>();
  // created_at is always toISOString()'s fixed format: plain string order is time order (and
  // several times cheaper than localeCompare, which goes through ICU collation).
  for (const r of [...rows].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0))) {
    const list = byThread.get(r.thread_key);
    if (list) list.push(r);
    else byThread.set(r.thread_key, [r]);
  }
  const threads = [...byThread.entries()].map(([threadKey, list]) => {
    const t = timersOf(list);
    return {
      k: threadKey,
      ch: t.channel,
      p: t.post_external_id,
      c: t.contact_external_id,
      fi: t.first_inbound,
      li: t.last_inbound,
      fr: t.first_response,
      w: t.waiting,
      lm: t.last_message,
      n: t.total,
      v: t.preview,
      i: t.inbound,
    };
  });
  const messages = rows.map((r) => ({
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
    h: r.held_for_review,
    f: r.text_fingerprint,
    sr: r.spamReasons,
  }));
  return { rows, byThread, threadsJson: JSON.stringify(threads), messagesJson: JSON.stringify(messages) };
}

/**
 * Creates or locks the write's threads, upserts its messages and brings every touched thread's
 * timers up to date (thread-timers.ts). Rows of one thread must all be in one write.
 */
export async function storeThreads(tx: EntityManager, channel: ChannelRow, plan: ThreadsWrite): Promise<StoredThreads> {
  const { rows } = plan;
  const created = await insertAndLockThreads(tx, channel, plan);
  const stored = await upsertMessages(tx, channel, plan);
  const row = new Map(rows.map((r) => [r.external_id, r]));
  const insertedOf = new Map<string, MessageRow[]>();
  const edited = new Set<string>();
  const unreadDelta = new Map<string, number>();
  let inserted = 0;
  for (const m of stored) {
    if (!m.inserted) {
      edited.add(m.thread_id);
      continue;
    }
    inserted += 1;
    const message = row.get(m.external_id);
    if (!message) throw new Error(`storeThreads: message ${m.external_id} was stored but is not in the write`);
    // The reasons as stored: the INSERT added repeated_text for copies in other stored threads.
    message.spamReasons = spamReasonsOfStored(m.spam_reasons);
    const list = insertedOf.get(m.thread_id);
    if (list) list.push(message);
    else insertedOf.set(m.thread_id, [message]);
    if (!m.from_account) unreadDelta.set(m.thread_id, (unreadDelta.get(m.thread_id) ?? 0) + 1);
  }
  const touched = new Set([...created.keys(), ...insertedOf.keys(), ...edited]);
  // A created thread's row is already right unless one of its messages was stored before (under
  // another thread). A thread that existed is advanced by its new messages where they are all newer
  // than what it had; everything else is recomputed from the stored messages.
  const stale: string[] = [];
  const advances: ThreadAdvance[] = [];
  for (const id of touched) {
    const own = insertedOf.get(id) ?? [];
    const thread = created.get(id);
    if (thread) {
      if (thread.messages !== own.length) stale.push(id);
      continue;
    }
    const advance = own.length && !edited.has(id) ? advanceOf(id, own) : undefined;
    if (advance) advances.push(advance);
    else stale.push(id);
  }
  const advanced = await advanceThreads(tx, advances);
  for (const a of advances) if (!advanced.has(a.id)) stale.push(a.id);
  // A created thread already counts its page's inbound messages as unread.
  for (const [id, thread] of created) unreadDelta.set(id, (unreadDelta.get(id) ?? 0) - thread.inbound);
  await recomputeThreads(tx, stale, unreadDelta);
  return { messagesInserted: inserted, messagesUpdated: stored.length - inserted, threadsTouched: touched.size, insertedRows: [...insertedOf.values()].flat() };
}

/** message.spam_reasons as the upsert returned them, narrowed to the known reasons (the ingest writes no others). */
function spamReasonsOfStored(stored: string[]): SpamReason[] {
  return SPAM_REASONS.filter((reason) => stored.includes(reason));
}

/** Recomputes the timers of these threads from their stored messages (after a merge or a deletion). */
export async function recomputeThreadTimers(tx: EntityManager, threadIds: string[]): Promise<void> {
  await recomputeThreads(tx, threadIds, new Map());
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
    // What the post is about, for the perception gap (docs/reports.md): classified from its text here, once per write.
    topic: postTopic(p.text),
  }));
  await upsertPostRows.run({ workspaceId: channel.workspace_id, channelId: channel.id, posts: JSON.stringify(rows) }, sqlClient(tx));
}

/** Upserts the rows' authors; returns the external ids of the contacts it created (authors seen for the first time). */
export async function upsertContacts(tx: EntityManager, channel: ChannelRow, rows: MessageRow[]): Promise<Set<string>> {
  const contacts = new Map<string, MessageRow>();
  for (const r of rows) if (r.author_external_id && !r.from_account) contacts.set(r.author_external_id, r);
  if (!contacts.size) return new Set();
  // Sorted so that concurrent pages lock contact rows in the same order (no deadlocks).
  const payload = [...contacts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, r]) => ({ e: r.author_external_id, n: r.author_name, h: r.author_handle, a: r.author_avatar }));
  const upserted = await upsertContactRows.run({ workspaceId: channel.workspace_id, channelId: channel.id, contacts: JSON.stringify(payload) }, sqlClient(tx));
  return new Set(upserted.filter((c) => c.inserted).map((c) => c.externalId));
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
async function insertAndLockThreads(tx: EntityManager, channel: ChannelRow, plan: ThreadsWrite): Promise<CreatedThreads> {
  const { byThread } = plan;
  const created = await insertAndLockThreadRows.run(
    { workspaceId: channel.workspace_id, channelId: channel.id, network: channel.network, threads: plan.threadsJson },
    sqlClient(tx),
  );
  return new Map(
    created.map((t) => {
      const list = byThread.get(t.thread_key);
      if (!list) throw new Error(`insertAndLockThreads: thread ${t.thread_key} was created but is not in the write`);
      return [t.id, { messages: list.length, inbound: list.filter((m) => !m.from_account).length }];
    }),
  );
}

/** The messages' upsert: per stored row its thread, whether it was new (else its text changed), and who wrote it. */
function upsertMessages(tx: EntityManager, channel: ChannelRow, plan: ThreadsWrite): Promise<IUpsertMessagesResult[]> {
  return upsertMessageRows.run({ workspaceId: channel.workspace_id, channelId: channel.id, messages: plan.messagesJson }, sqlClient(tx));
}
