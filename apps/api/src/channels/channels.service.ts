import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelView, UpdateChannelRequest } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { CHANNEL_COLUMNS, toChannelView, type ChannelRow } from './channel.sql';

/** The workspace's channel accounts as the dashboard lists and edits them (never their credentials). */
@Injectable()
export class ChannelsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<ChannelView[]> {
    const rows = (await this.dataSource.query(`SELECT ${CHANNEL_COLUMNS} FROM channel_account WHERE workspace_id = $1 ORDER BY network, display_name, id`, [user.workspaceId])) as ChannelRow[];
    return rows.map(toChannelView);
  }

  async update(user: AuthUser, id: string, body: UpdateChannelRequest): Promise<ChannelView> {
    const rows = (await this.dataSource.query(
      `WITH u AS (UPDATE channel_account SET display_name = COALESCE($3, display_name), status = COALESCE($4, status), updated_at = now()
                   WHERE id = $1 AND workspace_id = $2 RETURNING *)
       SELECT ${CHANNEL_COLUMNS} FROM u`,
      [id, user.workspaceId, body.displayName ?? null, body.status ?? null],
    )) as ChannelRow[];
    if (!rows.length) throw new NotFoundException(`channel ${id} not found`);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'channel.update', targetType: 'channel', targetId: id, data: { ...body } });
    return toChannelView(rows[0]);
  }
}
