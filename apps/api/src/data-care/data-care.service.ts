import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ErasureResult, RetentionSettings } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { DataCareRepository } from './data-care.repository';

/** The workspace's retention setting and the erasure of one contact's data, each audited. */
@Injectable()
export class DataCareService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DataCareRepository) private readonly dataCare: DataCareRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async retention(user: AuthUser): Promise<RetentionSettings> {
    const retentionDays = await this.dataCare.retentionDays(user.workspaceId);
    if (retentionDays === undefined) throw new NotFoundException('no such workspace');
    return { retentionDays };
  }

  async setRetention(user: AuthUser, retentionDays: number | null): Promise<RetentionSettings> {
    await this.dataCare.setRetentionDays(user.workspaceId, retentionDays);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'workspace.retention',
      targetType: 'workspace',
      targetId: user.workspaceId,
      data: { retentionDays },
    });
    return { retentionDays };
  }

  async erase(user: AuthUser, id: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.dataCare.lockContact(user.workspaceId, id, tx))) throw new NotFoundException('no such contact in this workspace');
      // Whole conversations with the person (the company's answers quote and address them too).
      const result = await this.dataCare.eraseContact(user.workspaceId, id, tx);
      await this.audit.record(
        { workspaceId: user.workspaceId, actorUserId: user.id, action: 'contact.erase', targetType: 'workspace', targetId: user.workspaceId, data: result },
        tx,
      );
      return result;
    });
  }
}
