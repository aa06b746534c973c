import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { insertAuditEvent, listAuditEvents, type IListAuditEventsParams, type IListAuditEventsResult } from './audit.queries';

export type AuditEventRow = IListAuditEventsResult;

/** All SQL of the audit log (audit.sql, typed by pgTyped in audit.queries.ts). */
@Injectable()
export class AuditRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(
    event: { workspaceId: string; actorUserId: string | null; action: string; targetType: string; targetId: string | null; data: Record<string, unknown> },
    db: Queryable = this.dataSource,
  ): Promise<void> {
    // As text: `pg` would send a JS array as a PostgreSQL array literal, not as JSON.
    await insertAuditEvent.run({ ...event, data: JSON.stringify(event.data) }, sqlClient(db));
  }

  /** The workspace's events, newest first, filtered (null: any) and after the cursor when given; at most `limit`. */
  list(
    filter: Omit<IListAuditEventsParams, 'beforeAt' | 'beforeId'> & { before: { at: string; id: string } | null },
    db: Queryable = this.dataSource,
  ): Promise<AuditEventRow[]> {
    const { before, ...rest } = filter;
    return listAuditEvents.run({ ...rest, beforeAt: before?.at ?? null, beforeId: before?.id ?? null }, sqlClient(db));
  }
}
