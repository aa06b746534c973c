import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEventView, AuditListRequest } from '@resonance/contracts';
import { cursorTime, decodeCursor, encodeCursor, type Page } from '../common/cursor';

export interface AuditEntry {
  workspaceId: string;
  actorUserId: string | null;
  /** e.g. thread.assign, thread.status, thread.reply, note.create, user.update, auth.login */
  action: string;
  targetType: 'thread' | 'message' | 'note' | 'user' | 'channel' | 'canned_response' | 'workspace' | 'session';
  targetId: string | null;
  data?: Record<string, unknown>;
}

/** Appends audit events, inside the caller's transaction when given one. */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.workspaceId, entry.actorUserId, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.data ?? {})],
    );
  }

  /** The workspace's audit events, newest first, filtered and paged by cursor. */
  async list(workspaceId: string, q: AuditListRequest): Promise<Page<AuditEventView>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const params: unknown[] = [workspaceId];
    const where = ['a.workspace_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.targetType) add('a.target_type = ?', q.targetType);
    if (q.targetId) add('a.target_id = ?', q.targetId);
    if (q.actorUserId) add('a.actor_user_id = ?', q.actorUserId);
    if (q.action) add('a.action = ?', q.action);
    if (cursor) {
      params.push(cursor.at, cursor.id);
      where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT a.id::text, a.action, a.target_type AS "targetType", a.target_id AS "targetId", a.data,
              ${cursorTime('a.created_at')} AS "createdAt",
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS actor
         FROM audit_event a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    )) as AuditEventView[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }

}
