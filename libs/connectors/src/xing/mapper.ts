import {
  arr,
  type JsonObject,
  type MessageRecord,
  num,
  obj,
  type PageRecord,
  type PostRecord,
  str,
  type ThreadRecord,
  type UnifiedRecord,
} from '@resonance/contracts';
import type { ConnectorContext } from '../interfaces';

/**
 * XING partner-API bodies → unified records. MODELLED on XING's former public API (no recorded
 * payload exists; see fixtures/SOURCES.md). Lists come as `{<name>: {total, items}}` and page with
 * limit/offset.
 *
 * Threads: XING's company-update comments are flat (no replies to a comment), so the inbox thread
 * of a comment is the update's comment stream — thread key = the update id, and the company answers
 * with one more comment on the update. A conversation is one thread: thread key = the conversation id.
 * Comment and message ids carry their update/conversation id before the first underscore, so a body
 * alone names its thread even without the request's path.
 */
export interface XingMapContext {
  /** The company's id (the channel); tells the company's own comments apart. */
  companyId?: string;
  /** The XING user who acts for the company (conversations belong to a user); tells own messages apart. */
  userId?: string;
  /** The update or conversation the list was read from, when known. */
  objectId?: string;
  /** The offset the list was requested with (default 0): the page record says where the next page starts. */
  offset?: number;
}

/** XING times are ISO 8601 (`2026-11-20T10:01:42Z`). */
export function xingTimeToIso(value: unknown): string | undefined {
  const s = str(value);
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The update/conversation id a comment/message id starts with. */
export const parentIdOf = (id: string): string | undefined => (id.includes('_') ? id.slice(0, id.indexOf('_')) : undefined);

/** The `{total, items}` list under `key`. */
export function listOf(body: unknown, key: string): { total: number | undefined; items: unknown[] } {
  const list = obj(obj(body)[key]);
  return { total: num(list.total), items: arr(list.items) };
}

function pageRecord(total: number | undefined, count: number, offset = 0): PageRecord {
  const end = offset + count;
  return { kind: 'page', network: 'xing', nextCursor: total !== undefined && end < total && count > 0 ? String(end) : null };
}

const authorOf = (person: JsonObject) => {
  const photo = str(obj(person.photo_urls).size_48x48) ?? str(Object.values(obj(person.photo_urls))[0]);
  return {
    ...(str(person.id) ? { externalId: str(person.id) } : {}),
    ...(str(person.display_name) ? { name: str(person.display_name) } : {}),
    ...(photo ? { avatarUrl: photo } : {}),
  };
};

const isAccount = (id: string | undefined, ctx: XingMapContext): boolean | undefined => {
  if (id === undefined || (ctx.companyId === undefined && ctx.userId === undefined)) return undefined;
  return id === ctx.companyId || id === ctx.userId;
};

export function mapUpdate(raw: unknown): PostRecord | undefined {
  const u = obj(raw);
  const id = str(u.id);
  if (!id) return undefined;
  const text = [str(u.headline), str(u.content)].filter(Boolean).join('\n\n');
  const reactions = num(obj(u.likes).total);
  const comments = num(obj(u.comments).total);
  return {
    kind: 'post',
    network: 'xing',
    externalId: id,
    text,
    ...(str(u.url) ? { url: str(u.url) } : {}),
    publishedAt: xingTimeToIso(u.created_at) ?? new Date(0).toISOString(),
    counts: { ...(reactions !== undefined ? { reactions } : {}), ...(comments !== undefined ? { comments } : {}) },
  };
}

export function mapUpdatesPage(body: unknown, ctx: XingMapContext = {}): UnifiedRecord[] {
  const { total, items } = listOf(body, 'updates');
  const out: UnifiedRecord[] = items.map(mapUpdate).filter((p): p is PostRecord => p !== undefined);
  out.push(pageRecord(total, items.length, ctx.offset));
  return out;
}

export function mapComment(raw: unknown, ctx: XingMapContext = {}): MessageRecord | undefined {
  const c = obj(raw);
  const id = str(c.id);
  if (!id) return undefined;
  const updateId = ctx.objectId ?? parentIdOf(id) ?? id;
  const commenter = obj(c.commenter);
  const fromAccount = isAccount(str(commenter.id), ctx);
  return {
    kind: 'message',
    network: 'xing',
    externalId: id,
    threadKey: updateId,
    channel: 'comment',
    parentExternalId: null,
    postExternalId: updateId,
    author: authorOf(commenter),
    text: str(c.content) ?? '',
    createdAt: xingTimeToIso(c.created_at) ?? new Date(0).toISOString(),
    ...(fromAccount !== undefined ? { isFromAccount: fromAccount } : {}),
  };
}

export function mapCommentsPage(body: unknown, ctx: XingMapContext = {}): UnifiedRecord[] {
  const { total, items } = listOf(body, 'comments');
  const out: UnifiedRecord[] = items.map((c) => mapComment(c, ctx)).filter((m): m is MessageRecord => m !== undefined);
  out.push(pageRecord(total, items.length, ctx.offset));
  return out;
}

export function mapConversation(raw: unknown): ThreadRecord | undefined {
  const c = obj(raw);
  const id = str(c.id);
  if (!id) return undefined;
  const updatedAt = xingTimeToIso(c.updated_at);
  const unread = num(c.unread_count);
  return {
    kind: 'thread',
    network: 'xing',
    externalId: id,
    channel: 'direct',
    ...(updatedAt ? { updatedAt } : {}),
    ...(unread !== undefined ? { unread } : {}),
  };
}

export function mapConversationsPage(body: unknown, ctx: XingMapContext = {}): UnifiedRecord[] {
  const { total, items } = listOf(body, 'conversations');
  const out: UnifiedRecord[] = items.map(mapConversation).filter((t): t is ThreadRecord => t !== undefined);
  out.push(pageRecord(total, items.length, ctx.offset));
  return out;
}

export function mapMessage(raw: unknown, ctx: XingMapContext = {}): MessageRecord | undefined {
  const m = obj(raw);
  const id = str(m.id);
  if (!id) return undefined;
  const conversationId = ctx.objectId ?? parentIdOf(id) ?? id;
  const sender = obj(m.sender);
  const fromAccount = isAccount(str(sender.id), ctx);
  return {
    kind: 'message',
    network: 'xing',
    externalId: id,
    threadKey: conversationId,
    channel: 'direct',
    parentExternalId: null,
    postExternalId: null,
    author: authorOf(sender),
    text: str(m.content) ?? '',
    createdAt: xingTimeToIso(m.created_at) ?? new Date(0).toISOString(),
    ...(fromAccount !== undefined ? { isFromAccount: fromAccount } : {}),
  };
}

/** Messages come newest first, as XING lists them. */
export function mapMessagesPage(body: unknown, ctx: XingMapContext = {}): UnifiedRecord[] {
  const { total, items } = listOf(body, 'messages');
  const out: UnifiedRecord[] = items.map((m) => mapMessage(m, ctx)).filter((m): m is MessageRecord => m !== undefined);
  out.push(pageRecord(total, items.length, ctx.offset));
  return out;
}

/** The map context of a connected company: its id, and the answering user's (whose messages are outbound). */
export function mapContext(ctx: ConnectorContext): XingMapContext {
  const userId = ctx.credentials.userId;
  return { companyId: ctx.account.externalId, ...(typeof userId === 'string' ? { userId } : {}) };
}
