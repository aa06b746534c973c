import { obj, type UnifiedRecord } from '@resonance/contracts';
import type { ConnectorContext, StreamStates, SyncInput, SyncPage } from '../interfaces';
import { XingClient } from './client';
import { listOf, mapCommentsPage, mapConversation, mapMessagesPage, mapUpdate, xingTimeToIso, type XingMapContext } from './mapper';
import type { XingSettings } from './settings';

/**
 * XING's sync streams, in the order they are stored:
 * - updates: the company's updates within the window, newest first, with their comment totals;
 * - comments: per update, its (flat, oldest-first) comments from the stored offset on; an update is
 *   read when its total grew, was never read, or is due for reconciliation (read again from 0);
 * - conversations: conversations updated since the watermark (newest first), each with its
 *   messages (newest first) back to the watermark.
 * Cursors travel with the page they follow (SyncPage.commit): saved only once it is stored.
 */
export const XING_STREAMS = ['updates', 'comments', 'conversations'] as const;

interface UpdateCursor {
  createdAt: string;
  /** Comments read so far (the next offset). */
  offset: number;
  polledAt?: string;
}

const PAGE = 100;
const MAX_TRACKED_UPDATES = 200;
/** Times have one-second resolution and items can appear a moment late. */
const OVERLAP_MS = 2 * 60_000;
/** Every update in the window is read again from the start this often (deleted comments shift offsets). */
const RECONCILE_EVERY_MS = 15 * 60_000;

export const xingClient = (settings: XingSettings, ctx: ConnectorContext): XingClient => new XingClient({ settings, credentials: ctx.credentials, budget: ctx.budget });

export function mapContext(ctx: ConnectorContext): XingMapContext {
  const userId = ctx.credentials.userId;
  return { companyId: ctx.account.externalId, ...(typeof userId === 'string' ? { userId } : {}) };
}

export async function* xingSyncPages(settings: XingSettings, input: SyncInput): AsyncGenerator<SyncPage> {
  const { ctx, now, backfillSince } = input;
  const client = xingClient(settings, ctx);
  const companyId = ctx.account.externalId;
  const map = mapContext(ctx);
  const windowStart = backfillSince.getTime();

  // 1. updates within the window.
  const totals = new Map<string, { createdAt: string; total: number }>();
  for (let offset = 0; ; offset += PAGE) {
    const body = await client.get(`companies/${companyId}/updates`, { limit: PAGE, offset });
    const { total, items } = listOf(body, 'updates');
    const records: UnifiedRecord[] = [];
    let older = false;
    for (const raw of items) {
      const post = mapUpdate(raw);
      if (!post) continue;
      if (Date.parse(post.publishedAt) < windowStart) {
        older = true;
        continue;
      }
      totals.set(post.externalId, { createdAt: post.publishedAt, total: post.counts?.comments ?? Number.MAX_SAFE_INTEGER });
      records.push(post);
    }
    if (records.length) yield { stream: 'updates', records };
    if (older || items.length === 0 || total === undefined || offset + items.length >= total) break;
  }

  // 2. comments of updates whose total moved (or that are due).
  const previous = obj(input.state.comments) as Record<string, UpdateCursor>;
  const cursors: Record<string, UpdateCursor> = {};
  for (const [id, c] of Object.entries(previous)) if (Date.parse(c.createdAt) >= windowStart) cursors[id] = { ...c };
  for (const [id, u] of totals) cursors[id] = { ...(cursors[id] ?? { offset: 0 }), createdAt: u.createdAt };
  const tracked = Object.entries(cursors).sort((a, b) => b[1].createdAt.localeCompare(a[1].createdAt)).slice(0, MAX_TRACKED_UPDATES);
  const keep = new Set(tracked.map(([id]) => id));
  for (const id of Object.keys(cursors)) if (!keep.has(id)) delete cursors[id];
  const snapshot = (): StreamStates => ({ comments: structuredClone(cursors) });

  for (const [updateId, cursor] of tracked) {
    const due = !cursor.polledAt || now.getTime() - Date.parse(cursor.polledAt) >= RECONCILE_EVERY_MS;
    const total = totals.get(updateId)?.total;
    if (!due && total !== undefined && total <= cursor.offset) continue;
    if (due) cursor.offset = 0;
    for (;;) {
      const body = await client.get(`companies/updates/${updateId}/comments`, { limit: PAGE, offset: cursor.offset });
      const { total: all, items } = listOf(body, 'comments');
      const records = mapCommentsPage(body, { ...map, objectId: updateId, offset: cursor.offset }).filter((r) => r.kind === 'message');
      cursor.offset += items.length;
      const done = items.length === 0 || all === undefined || cursor.offset >= all;
      if (done) cursor.polledAt = due ? now.toISOString() : (cursor.polledAt ?? now.toISOString());
      yield { stream: 'comments', records, commit: snapshot() };
      if (done) break;
    }
  }
  yield { stream: 'comments', records: [], commit: snapshot() };

  // 3. conversations updated since the watermark, with their new messages.
  const conv = obj(input.state.conversations) as { watermark?: string };
  const watermark = conv.watermark ? Date.parse(conv.watermark) : windowStart;
  const from = watermark - OVERLAP_MS;
  let newest = watermark;
  const userPath = typeof ctx.credentials.userId === 'string' ? ctx.credentials.userId : 'me';
  for (let offset = 0; ; offset += PAGE) {
    const body = await client.get(`users/${userPath}/conversations`, { limit: PAGE, offset });
    const { total, items } = listOf(body, 'conversations');
    let older = false;
    for (const raw of items) {
      const thread = mapConversation(raw);
      if (!thread) continue;
      const updated = Date.parse(thread.updatedAt ?? '');
      if (Number.isFinite(updated) && updated < from) {
        older = true;
        break;
      }
      if (Number.isFinite(updated)) newest = Math.max(newest, updated);
      const records: UnifiedRecord[] = [thread];
      for (let mOffset = 0; ; mOffset += PAGE) {
        const messages = await client.get(`users/${userPath}/conversations/${thread.externalId}/messages`, { limit: PAGE, offset: mOffset });
        const list = listOf(messages, 'messages');
        const mapped = mapMessagesPage(messages, { ...map, objectId: thread.externalId }).filter((r) => r.kind === 'message');
        records.push(...mapped);
        const last = mapped[mapped.length - 1];
        const oldest = last?.kind === 'message' ? Date.parse(last.createdAt) : NaN;
        if (list.items.length === 0 || list.total === undefined || mOffset + list.items.length >= list.total || (Number.isFinite(oldest) && oldest < from)) break;
      }
      yield { stream: 'conversations', records };
    }
    if (older || items.length === 0 || total === undefined || offset + items.length >= total) break;
  }
  yield { stream: 'conversations', records: [], commit: { conversations: { watermark: new Date(newest).toISOString() } } };
}

export { xingTimeToIso };
