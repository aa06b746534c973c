import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page, ThreadDetail, ThreadItem, ThreadPost, ThreadStatus } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { EventBus } from '../events/event-bus';
import { loadThreadItems, THREAD_ITEM_COLUMNS, THREAD_ITEM_JOINS, toThreadItem, type ThreadItemRow } from './thread.sql';
import type { ThreadsQuery, UpdateThreadBody } from './threads.dto';
import { threadListQuery } from './threads.query';

/** A row of the thread view: the list item's row, the post (json_build_object: its timestamp already text) and the newest message ids. */
interface ThreadDetailRow extends ThreadItemRow {
  post: ThreadPost | null;
  lastMessageId: string | null;
  lastInboundMessageId: string | null;
}

interface LockedThread {
  id: string;
  status: ThreadStatus;
  assignee_id: string | null;
  priority: number;
  tags: string[];
}

@Injectable()
export class ThreadsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  async list(user: AuthUser, q: ThreadsQuery): Promise<Page<ThreadItem>> {
    const limit = q.limit ?? 50;
    const { sql, params } = threadListQuery(user, q, decodeCursor(q.cursor), limit);
    const rows = (await this.dataSource.query(sql, params)) as Array<ThreadItemRow & { _cursorAt: string }>;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toThreadItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last._cursorAt, id: last.id }) : null,
    };
  }

  async get(user: AuthUser, id: string): Promise<ThreadDetail> {
    const [row] = (await this.dataSource.query(
      `SELECT ${THREAD_ITEM_COLUMNS},
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id::text, 'externalId', p.external_id,
                   'text', p.text, 'url', p.url, 'publishedAt', p.published_at) END AS post,
              (SELECT m.id::text FROM message m WHERE m.thread_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastMessageId",
              (SELECT m.id::text FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
                ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastInboundMessageId"
         FROM thread t ${THREAD_ITEM_JOINS} LEFT JOIN post p ON p.id = t.post_id
        WHERE t.id = $1 AND t.workspace_id = $2`,
      [id, user.workspaceId],
    )) as ThreadDetailRow[];
    if (!row) throw new NotFoundException(`thread ${id} not found`);
    const { post, lastMessageId, lastInboundMessageId, ...item } = row;
    return { ...toThreadItem(item), post, lastMessageId, lastInboundMessageId };
  }

  /** Locks the workspace's thread for the rest of the transaction, or answers 404. */
  async lock(tx: EntityManager, user: AuthUser, id: string): Promise<LockedThread> {
    const [row] = (await tx.query(
      `SELECT id::text, status, assignee_id, priority, tags FROM thread WHERE id = $1 AND workspace_id = $2 FOR UPDATE`,
      [id, user.workspaceId],
    )) as LockedThread[];
    if (!row) throw new NotFoundException(`thread ${id} not found`);
    return row;
  }

  async update(user: AuthUser, id: string, body: UpdateThreadBody): Promise<ThreadItem> {
    if (body.status === undefined && body.assigneeId === undefined && body.priority === undefined && body.tags === undefined) {
      throw new BadRequestException('nothing to change: give status, assigneeId, priority or tags');
    }
    await this.dataSource.transaction(async (tx) => {
      const before = await this.lock(tx, user, id);
      const audit = (action: string, data: Record<string, unknown>) =>
        this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action, targetType: 'thread', targetId: id, data }, tx);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (body.assigneeId !== undefined && body.assigneeId !== before.assignee_id) {
        const assigneeId = body.assigneeId?.toLowerCase() ?? null;
        if (assigneeId) await this.requireAssignable(tx, user, assigneeId);
        set('assignee_id', assigneeId);
        await audit(assigneeId ? 'thread.assign' : 'thread.unassign', { from: before.assignee_id, to: assigneeId });
      }
      if (body.status !== undefined && body.status !== before.status) {
        set('status', body.status);
        await audit('thread.status', { from: before.status, to: body.status });
      }
      if (body.priority !== undefined && body.priority !== before.priority) {
        set('priority', body.priority);
        await audit('thread.priority', { from: before.priority, to: body.priority });
      }
      if (body.tags !== undefined) {
        const tags = [...new Set(body.tags.map((t) => t.trim()).filter(Boolean))];
        if (tags.join('\u0000') !== before.tags.join('\u0000')) {
          set('tags', tags);
          await audit('thread.tags', { from: before.tags, to: tags });
        }
      }
      if (sets.length) await tx.query(`UPDATE thread SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    });
    return this.changed(user, id);
  }

  async addTag(user: AuthUser, id: string, tag: string): Promise<ThreadItem> {
    const current = await this.get(user, id);
    if (current.tags.includes(tag)) return current;
    if (current.tags.length >= 20) throw new BadRequestException('a thread has at most 20 tags');
    return this.update(user, id, { tags: [...current.tags, tag] });
  }

  async removeTag(user: AuthUser, id: string, tag: string): Promise<ThreadItem> {
    const current = await this.get(user, id);
    if (!current.tags.includes(tag)) return current;
    return this.update(user, id, { tags: current.tags.filter((t) => t !== tag) });
  }

  async markRead(user: AuthUser, id: string): Promise<ThreadItem> {
    const rows = (await this.dataSource.query(
      `WITH u AS (UPDATE thread SET unread_count = 0 WHERE id = $1 AND workspace_id = $2 RETURNING id) SELECT id FROM u`,
      [id, user.workspaceId],
    )) as unknown[];
    if (!rows.length) throw new NotFoundException(`thread ${id} not found`);
    return this.changed(user, id);
  }

  /** Loads the thread after a change and tells every dashboard. */
  async changed(user: AuthUser, id: string): Promise<ThreadItem> {
    const [thread] = await loadThreadItems(this.dataSource.manager, user.workspaceId, [id]);
    if (!thread) throw new NotFoundException(`thread ${id} not found`);
    await this.bus.publish(user.workspaceId, { type: 'thread.updated', threadId: id, thread });
    return thread;
  }

  private async requireAssignable(tx: EntityManager, user: AuthUser, userId: string): Promise<void> {
    const found = (await tx.query(
      `SELECT 1 FROM users WHERE id = $1 AND workspace_id = $2 AND active AND role IN ('admin', 'agent')`,
      [userId, user.workspaceId],
    )) as unknown[];
    if (!found.length) throw new BadRequestException(`assigneeId ${userId} is not an active agent or admin of this workspace`);
  }
}
