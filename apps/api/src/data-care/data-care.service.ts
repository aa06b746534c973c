import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ErasureResult, RetentionSettings } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';

/** The workspace's retention setting and the erasure of one contact's data, each audited. */
@Injectable()
export class DataCareService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async retention(user: AuthUser): Promise<RetentionSettings> {
    const [row] = (await this.dataSource.query(`SELECT retention_days AS "retentionDays" FROM workspace WHERE id = $1`, [user.workspaceId])) as RetentionSettings[];
    return row;
  }

  async setRetention(user: AuthUser, retentionDays: number | null): Promise<RetentionSettings> {
    await this.dataSource.query(`UPDATE workspace SET retention_days = $2, updated_at = now() WHERE id = $1`, [user.workspaceId, retentionDays]);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'workspace.retention', targetType: 'workspace', targetId: user.workspaceId, data: { retentionDays } });
    return { retentionDays };
  }

  async erase(user: AuthUser, id: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (tx) => {
      const [contact] = (await tx.query(`SELECT id FROM contact WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [id, user.workspaceId])) as unknown[];
      if (!contact) throw new NotFoundException('no such contact in this workspace');
      // Counted through a CTE: TypeORM answers DELETE … RETURNING with [rows, count], not rows.
      const count = async (sql: string) => ((await tx.query(`WITH d AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM d`, [id, user.workspaceId])) as Array<{ n: number }>)[0].n;
      // Whole conversations with the person (the company's answers quote and address them too).
      const threads = await count(`DELETE FROM thread WHERE contact_id = $1 AND workspace_id = $2`);
      const messages = await count(`DELETE FROM message WHERE author_contact_id = $1 AND workspace_id = $2`);
      await tx.query(`DELETE FROM contact WHERE id = $1`, [id]);
      const result = { threads, messages };
      await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'contact.erase', targetType: 'workspace', targetId: user.workspaceId, data: result }, tx);
      return result;
    });
  }
}
