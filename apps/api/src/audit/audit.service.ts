import { Inject, Injectable } from '@nestjs/common';
import type { AuditEventView, AuditListRequest } from '@resonance/contracts';
import type { Queryable } from '@resonance/db';
import { decodeCursor, encodeCursor, type Page } from '../common/cursor';
import { AuditRepository, type AuditEventRow } from './audit.repository';

export interface AuditEntry {
  workspaceId: string;
  actorUserId: string | null;
  /** e.g. thread.assign, thread.status, thread.reply, note.create, user.update, auth.login */
  action: string;
  targetType: 'thread' | 'message' | 'note' | 'user' | 'channel' | 'canned_response' | 'workspace' | 'session' | 'saved_view' | 'rule';
  targetId: string | null;
  data?: Record<string, unknown>;
}

/** Appends audit events, inside the caller's transaction when given one. */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditRepository) private readonly events: AuditRepository) {}

  async record(entry: AuditEntry, db?: Queryable): Promise<void> {
    await this.events.insert({ ...entry, data: entry.data ?? {} }, db);
  }

  /** The workspace's audit events, newest first, filtered and paged by cursor. */
  async list(workspaceId: string, q: AuditListRequest): Promise<Page<AuditEventView>> {
    const limit = q.limit ?? 50;
    const rows = await this.events.list({
      workspaceId,
      targetType: given(q.targetType),
      targetId: given(q.targetId),
      actorUserId: given(q.actorUserId),
      action: given(q.action),
      before: decodeCursor(q.cursor),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(toView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }
}

/** A filter of the query string; absent or empty: no filter. */
const given = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** The actor as {id, name} (null when the event has none or the user is gone); data always an object. */
function toView(row: AuditEventRow): AuditEventView {
  const data = typeof row.data === 'object' && row.data !== null && !Array.isArray(row.data) ? row.data : {};
  return {
    id: row.id,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    actor: row.actorId !== null && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
    data,
    createdAt: row.createdAt,
  };
}
