import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import {
  deliveryErrorCodeOf,
  MESSAGE_ACTION_STATES,
  MODERATION_ACTIONS,
  toIso,
  toIsoOrNull,
  type ApiErrorCode,
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
import { MessagesRepository, type MessageActionRow } from './messages.repository';
import { MessagesService } from './messages.service';
import { moderationSubjectOf } from './moderation-subject';

/** A 409 with the code the dashboard words in the user's language (API_ERROR_CODES). */
function refusal(code: ApiErrorCode, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, code });
}

/** The one place a message_action row becomes the wire's MessageActionItem. */
function toMessageActionItem(row: MessageActionRow): MessageActionItem {
  return {
    id: row.id,
    action: oneOf(MODERATION_ACTIONS, row.action, 'message_action.action'),
    state: oneOf(MESSAGE_ACTION_STATES, row.state, 'message_action.state'),
    error: row.error,
    errorCode: deliveryErrorCodeOf(row.error),
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
      const { network, subject } = moderationSubjectOf({ ...target, network: target.network, threadChannel: target.channel });
      const connector = this.registry.get(network);
      if (!connector.available) throw new ConflictException(notYetAvailableMessage(network));
      const moderation = connector.moderation;
      if (!moderation?.actions.includes(action)) {
        throw refusal(
          'ACTION_NOT_ALLOWED',
          moderation?.actions.length
            ? `${network} does not allow ${action} through its API (it allows: ${moderation.actions.join(', ')})`
            : `${network} does not allow moderating comments through its API`,
        );
      }
      if (subject.channel !== 'comment') {
        throw refusal(
          'ACTION_NOT_ALLOWED',
          `${action} applies to comments; message ${messageId} is a ${subject.channel === 'direct' ? 'private message' : subject.channel}`,
        );
      }
      if (subject.deleted) throw refusal('ACTION_NOT_NOW', `message ${messageId} has been deleted`);
      if (!subject.hasExternalId) throw refusal('ACTION_NOT_NOW', `message ${messageId} has no network id (not sent yet)`);
      // What the network allows on this message, by who wrote it and where it is (the rule
      // MessageItem.actions shows). Its state is not a refusal: a like of a liked comment (a second
      // tab, a late click) is done by the worker without calling the network.
      const allowed = [...moderation.allowedNow(subject), ...moderation.allowedNow({ ...subject, liked: !subject.liked, hidden: !subject.hidden })];
      if (!allowed.includes(action)) {
        throw refusal(
          'ACTION_NOT_ALLOWED',
          `${network} does not allow ${action} of this message (${subject.fromAccount ? "the account's own" : "a customer's"}${subject.underOwnPost ? '' : ', not under one of its posts'})`,
        );
      }
      const other = await this.messages.otherQueuedAction(messageId, action, tx);
      if (other) throw refusal('ACTION_PENDING', `${other} of message ${messageId} is still queued; try again once it is done`);
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
          targetId: target.threadId,
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
