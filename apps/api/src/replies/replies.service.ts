import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import {
  NETWORKS,
  OUTBOUND_RECOVERY_AFTER_MS,
  unfilledVariables,
  type MessageChannel,
  type MessageItem,
  type Network,
  type NewerMessagesConflict,
  type UnfilledVariablesError,
} from '@resonance/contracts';
import { QueueName, type OutboundJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { toMessageItem } from '../messages/message-item';
import { MessagesRepository } from '../messages/messages.repository';
import { MessagesService } from '../messages/messages.service';
import { enqueueCommitted, ensureLiveJob, removeFinishedJob } from '../outbound/outbound-queue';
import { crashAfterCommitInTest } from '../outbound/test-crash';
import { MESSAGE_CHANNELS } from '../threads/thread-item';
import type { ReplyBody } from './replies.dto';
import { RepliesRepository } from './replies.repository';

/** Limits tighter than MAX_REPLY_LENGTH (public X posts, X DMs take 10,000; Instagram). */
const NETWORK_LIMITS: Partial<Record<Network, Partial<Record<MessageChannel, number>>>> = {
  x: { comment: 280, mention: 280 },
  // Instagram: comments up to 2,200 characters; direct messages under 1,000 bytes (the connector checks bytes).
  instagram: { comment: 2200, mention: 2200, direct: 1000 },
};

@Injectable()
export class RepliesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RepliesRepository) private readonly replies: RepliesRepository,
    @Inject(MessagesRepository) private readonly messages: MessagesRepository,
    @Inject(MessagesService) private readonly messageItems: MessagesService,
    @Inject(AuditService) private readonly audit: AuditService,
    @InjectQueue(QueueName.Outbound) private readonly outbound: Queue<OutboundJob>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * Stores the reply as an outbound message (delivery 'queued') and, after commit, enqueues
   * `send-<messageId>`; the outbound worker sends it. Nothing is stored when a check fails. The
   * committed row is enough: if the enqueue does not happen (the api dies, Redis is unreachable)
   * the worker's recovery sweep queues it within the recovery bound, so the answer is 202 either way.
   */
  async reply(user: AuthUser, threadId: string, body: ReplyBody): Promise<MessageItem> {
    // A canned response's {{variable}} left without a value is never sent to a customer as written.
    const unfilled = unfilledVariables(body.text);
    if (unfilled.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'UNFILLED_VARIABLE',
        message: `the text still holds variables without a value: {{${unfilled.join('}}, {{')}}}; fill them in or remove them`,
        variables: unfilled,
      } satisfies UnfilledVariablesError);
    }
    const messageId = await this.dataSource.transaction(async (tx) => {
      const locked = await this.replies.lockThread(user.workspaceId, threadId, tx);
      if (!locked) throw new NotFoundException(`thread ${threadId} not found`);
      const thread = {
        ...locked,
        network: oneOf(NETWORKS, locked.network, 'thread.network'),
        channel: oneOf(MESSAGE_CHANNELS, locked.channel, 'thread.channel'),
      };
      const limit = NETWORK_LIMITS[thread.network]?.[thread.channel];
      // Counted in code points, as the networks count characters (an emoji is one, not two UTF-16 units).
      const length = Array.from(body.text).length;
      if (limit && length > limit) {
        throw new BadRequestException(`text is too long for ${thread.network} (${length} of at most ${limit} characters)`);
      }
      if (body.lastSeenMessageId) {
        if (!(await this.replies.isMessageOfThread(threadId, body.lastSeenMessageId, tx)))
          throw new BadRequestException(`lastSeenMessageId ${body.lastSeenMessageId} is not a message of thread ${threadId}`);
        if (!body.confirmNewer) {
          const newer = (await this.messages.newerByOthers(user.workspaceId, threadId, body.lastSeenMessageId, user.id, 50, tx)).map(toMessageItem);
          if (newer.length) {
            throw new ConflictException({
              statusCode: 409,
              error: 'Conflict',
              message: 'the customer or a colleague wrote in the thread since you opened it; read the newer messages, then send with confirmNewer: true',
              newerMessages: newer,
            } satisfies NewerMessagesConflict);
          }
        }
      }
      const parent = await this.parentOf(tx, threadId, body.parentExternalId);
      const inserted = await this.replies.insert(
        {
          workspaceId: user.workspaceId,
          channelAccountId: thread.channelAccountId,
          threadId,
          parentExternalId: parent,
          authorUserId: user.id,
          text: body.text,
        },
        tx,
      );
      await this.audit.record(
        {
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: 'thread.reply',
          targetType: 'thread',
          targetId: threadId,
          data: { messageId: inserted, parentExternalId: parent, confirmedNewer: body.confirmNewer ?? false },
        },
        tx,
      );
      return inserted;
    });
    crashAfterCommitInTest(this.config, 'reply');
    await enqueueCommitted(this.outbound, { kind: 'reply', messageId });
    return this.messageItems.byId(user.workspaceId, messageId);
  }

  /**
   * Sends a reply once more: one whose delivery failed, or one still queued or sending
   * OUTBOUND_RECOVERY_AFTER_MS after it was written (stuck: its job lost, its worker dead). Never a
   * second send: the job id is the message's (`send-<id>`), a live job is left as it is, and the
   * worker looks for the reply on the network before it sends. When the queue is unreachable
   * nothing changes and the answer is 503.
   */
  async retry(user: AuthUser, messageId: string): Promise<MessageItem> {
    const row = await this.replies.retryCandidate(user.workspaceId, messageId, OUTBOUND_RECOVERY_AFTER_MS);
    if (!row) throw new NotFoundException(`message ${messageId} not found`);
    const stuck = (row.delivery === 'queued' || row.delivery === 'sending') && row.overdue;
    if (!row.ours || !(row.delivery === 'failed' || stuck)) {
      throw new ConflictException(
        `only a reply whose delivery failed, or one not delivered ${OUTBOUND_RECOVERY_AFTER_MS / 1000} s after it was written, can be retried`,
      );
    }
    const work = { kind: 'reply', messageId } as const;
    try {
      // First, so that a failed job can never turn the re-queued row back to failed.
      await removeFinishedJob(this.outbound, work);
    } catch (error) {
      throw new ServiceUnavailableException(`the send queue is unreachable; nothing was changed, try again shortly (${(error as Error).message})`);
    }
    await this.replies.requeueFailed(user.workspaceId, messageId);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'message.retry',
      targetType: 'thread',
      targetId: row.threadId,
      data: { messageId, was: row.delivery },
    });
    await ensureLiveJob(this.outbound, work);
    return this.messageItems.byId(user.workspaceId, messageId);
  }

  /** The answered message: the one named (must be in the thread), else the newest inbound one. */
  private async parentOf(tx: EntityManager, threadId: string, named?: string): Promise<string | null> {
    if (named !== undefined) {
      if (!(await this.replies.hasExternalId(threadId, named, tx)))
        throw new BadRequestException(`parentExternalId ${named} is not a message of thread ${threadId}`);
      return named;
    }
    return this.replies.defaultParent(threadId, tx);
  }
}
