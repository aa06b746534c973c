import type { DataSource, EntityManager } from 'typeorm';
import { toIso, type MessageItem, type Page } from '@resonance/contracts';
import { cursorTime, decodeCursor, encodeCursor } from '../common/cursor';
import { requireThread } from '../threads/thread.sql';

/**
 * A row of MESSAGE_ITEM_COLUMNS as the driver gives it: created_at as a Date; lastAction comes
 * from json_build_object, so its timestamp is text already.
 */
export interface MessageItemRow extends Omit<MessageItem, 'createdAt'> {
  createdAt: Date;
  _cursorAt?: string;
}

export const MESSAGE_ITEM_COLUMNS = `
  m.id::text AS id, m.thread_id::text AS "threadId", m.direction, m.is_from_account AS "isFromAccount",
  m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
  CASE WHEN au.id IS NOT NULL THEN json_build_object('type', 'user', 'id', au.id, 'name', au.name)
       WHEN ac.id IS NOT NULL THEN json_build_object('type', 'contact', 'id', ac.id::text, 'name', ac.name,
                                                     'handle', ac.handle, 'avatarUrl', ac.avatar_url)
  END AS author,
  m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
  m.intent, m.sentiment, m.hidden, m.deleted, m.liked, m.handled_action AS "handledAction",
  (SELECT json_build_object('id', a.id::text, 'action', a.action, 'state', a.state, 'error', a.error, 'createdAt', a.created_at)
     FROM message_action a WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) AS "lastAction",
  ${cursorTime('m.created_at')} AS "_cursorAt"`;

export const MESSAGE_ITEM_JOINS = `
  LEFT JOIN users au ON au.id = m.author_user_id
  LEFT JOIN contact ac ON ac.id = m.author_contact_id`;

/** The one place a message row becomes the wire's MessageItem: createdAt as an ISO string, no cursor key. */
export function toMessageItem(row: MessageItemRow): MessageItem {
  const { _cursorAt: _, createdAt, ...item } = row;
  return { ...item, createdAt: toIso(createdAt) };
}

/** MessageItems matching `where` (over `m`, parameters from $2; $1 is the workspace), oldest first. */
export async function loadMessageItems(db: EntityManager, workspaceId: string, where: string, params: unknown[], limit = 500): Promise<MessageItem[]> {
  const rows = (await db.query(
    `SELECT ${MESSAGE_ITEM_COLUMNS} FROM message m ${MESSAGE_ITEM_JOINS}
      WHERE m.workspace_id = $1 AND ${where}
      ORDER BY m.created_at, m.id LIMIT ${Number(limit)}`,
    [workspaceId, ...params],
  )) as MessageItemRow[];
  return rows.map(toMessageItem);
}

/** One page of a thread's messages, oldest first, keyset-paged over (created_at, id); 404 for a thread not of the workspace. */
export async function loadThreadMessagePage(db: DataSource, workspaceId: string, threadId: string, q: { limit?: number; cursor?: string }): Promise<Page<MessageItem>> {
  const limit = q.limit ?? 50;
  const cursor = decodeCursor(q.cursor);
  const params: unknown[] = [threadId, workspaceId, limit + 1];
  let after = '';
  if (cursor) {
    params.push(cursor.at, cursor.id);
    after = `AND (m.created_at, m.id) > ($4::timestamptz, $5::bigint)`;
  }
  const rows = (await db.query(
    `SELECT ${MESSAGE_ITEM_COLUMNS}
       FROM (SELECT * FROM message m WHERE m.thread_id = $1 AND m.workspace_id = $2 ${after}
              ORDER BY m.created_at, m.id LIMIT $3) m
       ${MESSAGE_ITEM_JOINS}
      ORDER BY m.created_at, m.id`,
    params,
  )) as Array<MessageItemRow & { _cursorAt: string }>;
  if (!rows.length && !cursor) {
    await requireThread(db, workspaceId, threadId);
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toMessageItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last._cursorAt, id: last.id }) : null,
  };
}
