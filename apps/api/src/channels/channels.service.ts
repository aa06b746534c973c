import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import type { ChannelView, UpdateChannelRequest } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { toChannelView } from './channel-view';
import { ChannelsRepository } from './channels.repository';

/** The workspace's channel accounts as the dashboard lists and edits them (never their credentials; SQL in ChannelsRepository). */
@Injectable()
export class ChannelsService {
  constructor(
    @Inject(ChannelsRepository) private readonly channels: ChannelsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private health() {
    return { baseIntervalMs: this.config.SYNC_INTERVAL_MS, now: Date.now() };
  }

  async list(user: AuthUser): Promise<ChannelView[]> {
    const health = this.health();
    return (await this.channels.list(user.workspaceId)).map((row) => toChannelView(row, health));
  }

  async update(user: AuthUser, id: string, body: UpdateChannelRequest): Promise<ChannelView> {
    const row = await this.channels.update(user.workspaceId, id, body);
    if (!row) throw new NotFoundException(`channel ${id} not found`);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'channel.update',
      targetType: 'channel',
      targetId: id,
      data: { displayName: body.displayName, status: body.status },
    });
    return toChannelView(row, this.health());
  }
}
