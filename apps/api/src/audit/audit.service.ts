import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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
}
