import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import {
  MESSAGE_ACTION_STATES,
  MODERATION_ACTIONS,
  NETWORKS,
  toIso,
  toIsoOrNull,
  type MessageActionAccepted,
  type MessageActionItem,
} from '@resonance/contracts';
import { ConnectorRegistry, notYetAvailableMessage, type ModerationAction } from '@resonance/connectors';
import { QueueName, type ModerationJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { enqueueCommitted } from '../outbound/outbound-queue';
import { crashAfterCommitInTest } from '../outbound/test-crash';
import { MESSAGE_CHANNELS } from '../threads/thread-item';
import { MessagesRepository, type MessageActionRow } from './messages.repository';
import { MessagesService } from './messages.service';

/** The one place a message_action row becomes the wire's MessageActionItem. */
function toMessageActionItem(row: MessageActionRow): MessageActionItem {
  return {
    id: row.id,
    action: oneOf(MODERATION_ACTIONS, row.action, 'message_action.action'),
    state: oneOf(MESSAGE_ACTION_STATES, row.state, 'message_action.state'),
    error: row.error,
    requestedBy: row.requestedById === null || row.requestedByName === null ? null : { id: row.requestedById, name: row.requestedByName },
    createdAt: toIso(row.createdAt),
    finishedAt: toIsoOrNull(row.finishedAt),
  };
}

/**
 * Like, hide and delete (and their undo) of a customer's comment: checked here against the message
 * and what its network allows, stored as a queued message_action row, performed by the outbound
 * worker (job `moderate-<actionId>`). The API never calls the network itself. The committed row is
 * enough: if the job is not added (the api dies, Redis is unreachable) the worker's recovery sweep
 * adds it within the recovery bound (OUTBOUND_RECOVERY_AFTER_MS + OUTBOUND_RECOVERY_SWEEP_MS).
 */
@Injectable()
export class MessageActionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagesRepository) private readonly messages: MessagesRepository,
    @Inject(MessagesService) private readonly messageItems: MessagesService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @InjectQueue(QueueName.Outbound) private readonly outbound: Queue<ModerationJob>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async request(user: AuthUser, messageId: string, action: ModerationAction): Promise<MessageActionAccepted> {
    const { actionId } = await this.dataSource.transaction(async (tx) => {
      const target = await this.messages.lockModerationTarget(user.workspaceId, messageId, tx);
      if (!target) throw new NotFoundException(`message ${messageId} not found`);
      const m = {
        ...target,
        channel: oneOf(MESSAGE_CHANNELS, target.channel, 'thread.channel'),
        network: oneOf(NETWORKS, target.network, 'channel_account.network'),
      };
      if (m.direction === 'outbound' || m.isFromAccount) {
        throw new ConflictException(`${action} applies to customers' comments; message ${messageId} was written by the account`);
      }
      if (m.channel !== 'comment')
        throw new ConflictException(`${action} applies to comments; message ${messageId} is a ${m.channel === 'direct' ? 'private message' : m.channel}`);
      const connector = this.registry.get(m.network);
      if (!connector.available) throw new ConflictException(notYetAvailableMessage(m.network));
      const allowed = connector.moderation?.actions ?? [];
      if (!allowed.includes(action)) {
        throw new ConflictException(
          allowed.length
            ? `${m.network} does not allow ${action} of a comment through its API (it allows: ${allowed.join(', ')})`
            : `${m.network} does not allow liking, hiding or deleting comments through its API`,
        );
      }
      if (m.deleted) throw new ConflictException(`message ${messageId} has been deleted`);
      if (!m.externalId) throw new ConflictException(`message ${messageId} has no network id`);
      const other = await this.messages.otherQueuedAction(messageId, action, tx);
      if (other) throw new ConflictException(`${other} of message ${messageId} is still queued; try again once it is done`);
      const inserted = await this.messages.insertAction({ workspaceId: user.workspaceId, messageId, action, requestedBy: user.id }, tx);
      if (!inserted) {
        // The same action is queued already (a double click): that one stands. It may have been
        // carried out since the INSERT saw it queued (READ COMMITTED: this SELECT sees the worker's
        // commit), so the latest such action is read whatever its state, not only a queued one.
        const queued = await this.messages.latestActionOfKind(messageId, action, tx);
        if (!queued) throw new Error(`the queued ${action} of message ${messageId} is gone`);
        return { actionId: queued, created: false };
      }
      await this.audit.record(
        {
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: `message.${action}`,
          targetType: 'thread',
          targetId: m.threadId,
          data: { messageId, actionId: inserted },
        },
        tx,
      );
      return { actionId: inserted, created: true };
    });
    crashAfterCommitInTest(this.config, 'moderation');
    // Also for a double click (an action queued already): the first request's job may never have been added;
    // a second add of the same id is a no-op.
    await enqueueCommitted(this.outbound, { kind: 'moderation', actionId });
    const message = await this.messageItems.byId(user.workspaceId, messageId);
    const row = await this.messages.actionById(user.workspaceId, actionId);
    if (!row) throw new NotFoundException(`message action ${actionId} not found`);
    const item = toMessageActionItem(row);
    return { message, action: item };
  }

  async list(user: AuthUser, messageId: string): Promise<MessageActionItem[]> {
    if (!(await this.messages.exists(user.workspaceId, messageId))) throw new NotFoundException(`message ${messageId} not found`);
    return (await this.messages.actionsOfMessage(user.workspaceId, messageId)).map(toMessageActionItem);
  }
}
