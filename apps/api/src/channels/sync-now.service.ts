import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, HttpException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { STOP_AT_PERCENT } from '@resonance/connectors';
import type { ApiErrorCode, SyncNowResponse } from '@resonance/contracts';
import { jobId, manualSyncJobOptions, QueueName, type SyncJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { ChannelsRepository } from './channels.repository';

/** 429 with the network's wait: the controller copies retryAfterSeconds into Retry-After. */
export class SyncRefusedException extends HttpException {
  constructor(
    code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: 429, error: 'Too Many Requests', message, code, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Job states in which a manual run still waits or runs: a second request joins it. */
const PENDING = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * "Sync now" on a channel's card (issue 28): a run at once, within the network's budget. Refused,
 * with the reason, when the channel is not synced or its budget is spent (or so nearly that the
 * run would spend it, STOP_AT_PERCENT, the point where the connectors stop calling); the run's
 * job id is the channel's one manual id, so clicks, admins and api copies never queue two.
 */
@Injectable()
export class SyncNowService {
  constructor(
    @Inject(ChannelsRepository) private readonly channels: ChannelsRepository,
    @InjectQueue(QueueName.Sync) private readonly queue: Queue<SyncJob>,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async request(user: AuthUser, channelId: string, now = Date.now()): Promise<SyncNowResponse> {
    const channel = await this.channels.forSyncNow(user.workspaceId, channelId);
    if (!channel) throw new NotFoundException(`channel ${channelId} not found`);
    if (channel.status !== 'connected') {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `channel ${channelId} is ${channel.status}: it is not synced until it is resumed or reconnected`,
        code: 'SYNC_NOT_SYNCING' satisfies ApiErrorCode,
      });
    }
    const pausedUntil = channel.pausedUntil?.getTime() ?? 0;
    if (pausedUntil > now) {
      throw new SyncRefusedException(
        'SYNC_BUDGET_PAUSED',
        `${channel.network}'s budget for this channel is spent; calls resume at ${new Date(pausedUntil).toISOString()}`,
        Math.ceil((pausedUntil - now) / 1000),
      );
    }
    const resetsAt = channel.budgetResetsAt?.getTime() ?? 0;
    if ((channel.usedPercent ?? 0) >= STOP_AT_PERCENT && resetsAt > now) {
      throw new SyncRefusedException(
        'SYNC_BUDGET_LOW',
        `${channel.network}'s budget for this channel is ${Math.round(channel.usedPercent ?? 0)} % used; it resets at ${new Date(resetsAt).toISOString()}`,
        Math.ceil((resetsAt - now) / 1000),
      );
    }
    const id = jobId.syncManual(channelId);
    const existing = await this.queue.getJob(id);
    if (existing) {
      if (PENDING.has(await existing.getState())) return { jobId: id, queued: false };
      // A finished job the queue still holds: free its id for this run.
      await existing.remove().catch(() => undefined);
    }
    const added = await this.queue.add('sync', { channelAccountId: channelId, reason: 'manual' }, manualSyncJobOptions(channelId));
    // Two requests at the same moment both get here; the queue keeps one job under the id (the
    // other add is a no-op that still answers a job). The stored job's time tells which add it was.
    const stored = await this.queue.getJob(id);
    if (stored && stored.timestamp !== added.timestamp) return { jobId: id, queued: false };
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'channel.sync_now',
      targetType: 'channel',
      targetId: channelId,
      data: {},
    });
    return { jobId: id, queued: true };
  }
}
