import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryState, Intent, MessageDirection } from '@resonance/contracts';
import { cursorTime, decodeCursor, encodeCursor, type Page } from '../common/cursor';
import { requireThread } from '../threads/thread.sql';

export interface MessageAuthor {
  type: 'contact' | 'user';
  id: string;
  name: string | null;
  handle?: string | null;
  avatarUrl?: string | null;
}

/** A message as the thread view and live events show it. Text is returned exactly as stored. */
export interface MessageItem {
  id: string;
  threadId: string;
  direction: MessageDirection;
  isFromAccount: boolean;
  externalId: string | null;
  parentExternalId: string | null;
  author: MessageAuthor | null;
  text: string;
  url: string | null;
  attachments: Array<{ type: string; url: string }> | null;
  createdAt: Date;
  delivery: DeliveryState | null;
  deliveryError: string | null;
  intent: Intent | null;
  sentiment: number | null;
  hidden: boolean;
  deleted: boolean;
  /** Liked by the account (from the inbox). */
  liked: boolean;
  /** How the comment was handled without a reply (DESIGN.md §5), if it was. */
  handledAction: 'like' | 'hide' | 'delete' | null;
  /** The newest like/hide/delete request on this message and where it stands. */
  lastAction: MessageActionItem | null;
}

export interface MessageActionItem {
  id: string;
  action: 'like' | 'unlike' | 'hide' | 'unhide' | 'delete';
  state: 'queued' | 'done' | 'failed';
  error: string | null;
  createdAt: string;
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

type Row = MessageItem & { _cursorAt?: string };

export function stripMessageCursor(row: Row): MessageItem {
  const { _cursorAt: _, ...item } = row;
  return item;
}

/** MessageItems matching `where` (over `m`, parameters from $2; $1 is the workspace), oldest first. */
export async function loadMessageItems(db: EntityManager, workspaceId: string, where: string, params: unknown[], limit = 500): Promise<MessageItem[]> {
  const rows = (await db.query(
    `SELECT ${MESSAGE_ITEM_COLUMNS} FROM message m ${MESSAGE_ITEM_JOINS}
      WHERE m.workspace_id = $1 AND ${where}
      ORDER BY m.created_at, m.id LIMIT ${Number(limit)}`,
    [workspaceId, ...params],
  )) as Row[];
  return rows.map(stripMessageCursor);
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
  )) as Array<MessageItem & { _cursorAt: string }>;
  if (!rows.length && !cursor) {
    await requireThread(db, workspaceId, threadId);
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(stripMessageCursor),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last._cursorAt, id: last.id }) : null,
  };
}
