import type { EntityManager } from 'typeorm';
import { sqlClient } from '@resonance/db';
import type { MessageRow } from './message-row';
import { advanceThreads as advanceThreadRows, recomputeThreads as recomputeThreadRows } from './thread-timers.queries';

/**
 * Thread timers (DESIGN.md §5): first inbound, last inbound, first response, waiting since, last
 * message, count, preview and unread. Three ways to keep them, cheapest first:
 * - a new thread gets them from its page's rows when it is inserted (timersOf);
 * - a thread that existed gets its new messages added when all of them are newer than everything
 *   it had (advanceThreads: no message is read again; the common case, a reply to a conversation);
 * - any other thread is recomputed from its stored messages (recomputeThreads: a late or
 *   out-of-order message, an edited text, a merge, a deletion).
 * All three follow the same rules: first response = first account message after the first inbound
 * one; waiting_since = oldest inbound message after the account's last message (the recompute also
 * ends the wait at a like, hide or delete, the reports' rule: resonance_thread_waiting_since). The SQL is in
 * thread-timers.sql, typed by pgTyped (thread-timers.queries.ts).
 */

/**
 * A new thread's row from its messages (sorted by time): customer and start from the earliest
 * inbound message; first response = first account message after the first inbound one;
 * waiting_since = oldest inbound message after the account's last message.
 */
export function timersOf(list: MessageRow[]) {
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
    first_response: firstInbound === null ? null : (outbound.find((m) => m.created_at > firstInbound)?.created_at ?? null),
    waiting: inbound.find((m) => lastResponse === null || m.created_at > lastResponse)?.created_at ?? null,
    last_message: last.created_at,
    total: list.length,
    preview: last.text,
    inbound: inbound.length,
  };
}

/**
 * Recomputes each touched thread's timers from its stored messages (set-based, one statement).
 * first response = first account message after the first inbound one; waiting_since = oldest
 * inbound message after the account's last message. A new inbound message reopens a closed thread.
 */
export async function recomputeThreads(tx: EntityManager, threadIds: string[], unreadDelta: Map<string, number>): Promise<void> {
  if (!threadIds.length) return;
  const touched = new Set(threadIds);
  const newInbound = new Map([...unreadDelta].filter(([id]) => touched.has(id)));
  await recomputeThreadRows.run({ threadIds, newInbound: JSON.stringify(Object.fromEntries(newInbound)) }, sqlClient(tx));
}

/** What a thread's new messages add to it, when all of them are newer than everything it had. */
export interface ThreadAdvance {
  id: string;
  /** The earliest new message: the thread is advanced only if its last message is older. */
  minAt: string;
  maxAt: string;
  minIn: string | null;
  maxIn: string | null;
  minOut: string | null;
  maxOut: string | null;
  /** The first new account message after the first new inbound one (a thread without inbound messages before). */
  minOutAfterMinIn: string | null;
  /** The first new inbound message after the last new account message. */
  minInAfterMaxOut: string | null;
  count: number;
  inbound: number;
  preview: string;
}

/**
 * A thread's advance from its newly inserted messages; undefined when its newest two share a
 * time (the recompute orders those by id, which is known only once stored).
 */
export function advanceOf(id: string, inserted: MessageRow[]): ThreadAdvance | undefined {
  const list = [...inserted].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  const last = list[list.length - 1];
  if (list.length > 1 && list[list.length - 2].created_at === last.created_at) return undefined;
  const inbound = list.filter((m) => !m.from_account);
  const outbound = list.filter((m) => m.from_account);
  const minIn = inbound[0]?.created_at ?? null;
  const maxOut = outbound.length ? outbound[outbound.length - 1].created_at : null;
  return {
    id,
    minAt: list[0].created_at,
    maxAt: last.created_at,
    minIn,
    maxIn: inbound.length ? inbound[inbound.length - 1].created_at : null,
    minOut: outbound[0]?.created_at ?? null,
    maxOut,
    minOutAfterMinIn: minIn === null ? null : (outbound.find((m) => m.created_at > minIn)?.created_at ?? null),
    minInAfterMaxOut: maxOut === null ? null : (inbound.find((m) => m.created_at > maxOut)?.created_at ?? null),
    count: list.length,
    inbound: inbound.length,
    preview: last.text,
  };
}

/**
 * Adds new messages to threads that existed, without reading their messages again: only where
 * every new message is newer than the thread's last one (checked under the row lock the thread
 * INSERT took), so the stored timers stay what recomputeThreads would make of all messages:
 * first inbound and first response are kept once set (a first response after a new first inbound
 * is the first new account message after it); waiting_since restarts after a new account message,
 * else stays or starts with the first new inbound one. Returns the threads advanced; the caller
 * recomputes the others.
 */
export async function advanceThreads(tx: EntityManager, advances: ThreadAdvance[]): Promise<Set<string>> {
  if (!advances.length) return new Set();
  const payload = advances.map((a) => ({
    id: a.id,
    a: a.minAt,
    z: a.maxAt,
    fi: a.minIn,
    li: a.maxIn,
    fo: a.minOut,
    lo: a.maxOut,
    fr: a.minOutAfterMinIn,
    w: a.minInAfterMaxOut,
    n: a.count,
    i: a.inbound,
    v: a.preview,
  }));
  const rows = await advanceThreadRows.run({ advances: JSON.stringify(payload) }, sqlClient(tx));
  return new Set(rows.map((r) => r.id));
}
