import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toIso, toIsoOrNull, type ThreadItem } from '@resonance/contracts';
import { sqlClient, type Queryable } from '@resonance/db';
import { cursorTime } from '../common/cursor';
import { threadInWorkspace } from './threads.queries';

/** A row of THREAD_ITEM_COLUMNS as the driver gives it: timestamps as Date, the cursor key beside them. */
export interface ThreadItemRow extends Omit<ThreadItem, TimestampField> {
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  waitingSince: Date | null;
  createdAt: Date;
  _cursorAt?: string;
}

type TimestampField = 'lastMessageAt' | 'lastInboundAt' | 'firstInboundAt' | 'firstResponseAt' | 'waitingSince' | 'createdAt';

/**
 * The columns of a ThreadItem over `t` (a thread row or a page of them) joined to its channel,
 * contact and assignee: one statement for a whole page, never one per row.
 */
export const THREAD_ITEM_COLUMNS = `
  t.id::text AS id, t.network, t.channel AS kind,
  json_build_object('id', ca.id, 'displayName', ca.display_name, 'handle', ca.handle) AS channel,
  CASE WHEN c.id IS NULL THEN NULL
       ELSE json_build_object('id', c.id::text, 'name', c.name, 'handle', c.handle, 'avatarUrl', c.avatar_url) END AS contact,
  t.post_external_id AS "postExternalId", t.status, t.priority, t.tags,
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS assignee,
  t.last_message_preview AS "lastMessagePreview", t.last_message_at AS "lastMessageAt",
  t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
  t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince",
  t.unread_count AS "unreadCount", t.message_count AS "messageCount", t.created_at AS "createdAt",
  ${cursorTime('t.last_message_at')} AS "_cursorAt"`;

export const THREAD_ITEM_JOINS = `
  JOIN channel_account ca ON ca.id = t.channel_account_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id`;

/** The one place a thread row becomes the wire's ThreadItem: timestamps as ISO strings, no cursor key. */
export function toThreadItem(row: ThreadItemRow): ThreadItem {
  const { _cursorAt: _, lastMessageAt, lastInboundAt, firstInboundAt, firstResponseAt, waitingSince, createdAt, ...rest } = row;
  return {
    ...rest,
    lastMessageAt: toIso(lastMessageAt),
    lastInboundAt: toIsoOrNull(lastInboundAt),
    firstInboundAt: toIsoOrNull(firstInboundAt),
    firstResponseAt: toIsoOrNull(firstResponseAt),
    waitingSince: toIsoOrNull(waitingSince),
    createdAt: toIso(createdAt),
  };
}

/** ThreadItems by id, within one workspace (ids of other workspaces yield nothing). */
export async function loadThreadItems(db: EntityManager, workspaceId: string, ids: string[]): Promise<ThreadItem[]> {
  if (!ids.length) return [];
  const rows = (await db.query(
    `SELECT ${THREAD_ITEM_COLUMNS} FROM thread t ${THREAD_ITEM_JOINS}
      WHERE t.workspace_id = $1 AND t.id = ANY($2::bigint[])
      ORDER BY t.last_message_at DESC, t.id DESC`,
    [workspaceId, ids],
  )) as ThreadItemRow[];
  return rows.map(toThreadItem);
}

/** 404 unless the thread is one of the workspace's: the check before reading or adding what hangs off a thread. */
export async function requireThread(db: Queryable, workspaceId: string, id: string): Promise<void> {
  const found = await threadInWorkspace.run({ id, workspaceId }, sqlClient(db));
  if (!found.length) throw new NotFoundException(`thread ${id} not found`);
}
