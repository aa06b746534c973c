import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { unfilledVariables, type ApiErrorCode, type Network, type PrivateReplyAccepted, type UnfilledVariablesError } from '@resonance/contracts';
import { ConnectorRegistry, notYetAvailableMessage, privateReplyRefusal, type PrivateReplyRefusal } from '@resonance/connectors';
import { QueueName, type OutboundJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { enqueueCommitted } from '../outbound/outbound-queue';
import { crashAfterCommitInTest } from '../outbound/test-crash';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { moderationSubjectOf } from './moderation-subject';
import { PrivateReplyRepository } from './private-reply.repository';

/** Direct messages the networks take: Instagram's Send API wants less than 1,000 bytes of UTF-8. */
const MAX_BYTES: Readonly<Partial<Record<Network, number>>> = { instagram: 999 };

/** A 409 with the code the dashboard words in the user's language (API_ERROR_CODES). */
function refusal(code: ApiErrorCode, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, code });
}

const REFUSALS: Record<Exclude<PrivateReplyRefusal, 'not_applicable'>, { code: ApiErrorCode; message: string }> = {
  sent: { code: 'PRIVATE_REPLY_SENT', message: 'this comment has had its private reply (the network allows one per comment)' },
  expired: { code: 'PRIVATE_REPLY_EXPIRED', message: 'the comment is older than the network allows for a private reply (Instagram: 7 days)' },
  hidden: { code: 'PRIVATE_REPLY_HIDDEN', message: 'the comment is hidden; hidden comments cannot be answered' },
};

/**
 * A private reply to a comment (docs/instagram.md): checked here against the comment and what its
 * network allows now (privateReplyRefusal, the rule MessageItem.actions shows), stored as an
 * outbound message in the direct thread with the comment's author — where the network files it —
 * with message.private_reply_to naming the comment (unique: once per comment), and sent by the
 * outbound worker like any reply (job send-<messageId>: it looks for the message on the network
 * before it sends again, so it reaches the network exactly once). The comment row stays locked
 * while this runs, so a double click waits for the first request and gets its reply back.
 */
@Injectable()
export class PrivateReplyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagesRepository) private readonly messages: MessagesRepository,
    @Inject(PrivateReplyRepository) private readonly privateReplies: PrivateReplyRepository,
    @Inject(MessagesService) private readonly messageItems: MessagesService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @InjectQueue(QueueName.Outbound) private readonly outbound: Queue<OutboundJob>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async send(user: AuthUser, commentId: string, text: string): Promise<PrivateReplyAccepted> {
    const unfilled = unfilledVariables(text);
    if (unfilled.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'UNFILLED_VARIABLE',
        message: `the text still holds variables without a value: {{${unfilled.join('}}, {{')}}}; fill them in or remove them`,
        variables: unfilled,
      } satisfies UnfilledVariablesError);
    }
    const { replyId, created } = await this.dataSource.transaction(async (tx) => {
      const target = await this.messages.lockModerationTarget(user.workspaceId, commentId, tx);
      if (!target) throw new NotFoundException(`message ${commentId} not found`);
      const { network, subject } = moderationSubjectOf({ ...target, threadChannel: target.channel });
      const connector = this.registry.get(network);
      if (!connector.available) throw new ConflictException(notYetAvailableMessage(network));
      const capability = connector.reply.privateReply;
      if (!capability) throw refusal('ACTION_NOT_ALLOWED', `${network} does not offer private replies to comments through its API`);
      const bytes = Buffer.byteLength(text, 'utf8');
      const maxBytes = MAX_BYTES[network];
      if (maxBytes !== undefined && bytes > maxBytes) {
        throw new BadRequestException(`text is too long for a ${network} direct message (${bytes} bytes; less than ${maxBytes + 1} are allowed)`);
      }
      if (target.privateReplyId !== null) {
        // The same text again is a double click (or a retry of a lost answer): the first one stands.
        const existing = await this.privateReplies.of(commentId, tx);
        if (existing?.text === text) return { replyId: existing.id, created: false };
      }
      const why = privateReplyRefusal(network, { ...subject, createdAt: target.createdAt, replied: target.privateReplyId !== null }, new Date());
      if (why === 'not_applicable') {
        throw refusal(
          'ACTION_NOT_ALLOWED',
          subject.channel !== 'comment'
            ? `message ${commentId} is no comment; only comments are answered privately`
            : subject.fromAccount
              ? `message ${commentId} was written by the account itself`
              : `message ${commentId} has been deleted or has no network id`,
        );
      }
      if (why) throw refusal(REFUSALS[why].code, REFUSALS[why].message);
      const threadKey = target.authorContactExternalId ? capability.directThreadKey(target.authorContactExternalId) : null;
      if (!threadKey || !target.externalId) throw refusal('ACTION_NOT_NOW', `the author of message ${commentId} is not known to the network yet`);
      const threadId = await this.privateReplies.directThread(
        { workspaceId: user.workspaceId, channelAccountId: target.channelAccountId, network, threadKey, contactId: target.authorContactId },
        tx,
      );
      const inserted = await this.privateReplies.insert(
        {
          workspaceId: user.workspaceId,
          channelAccountId: target.channelAccountId,
          threadId,
          commentId,
          commentExternalId: target.externalId,
          authorUserId: user.id,
          text,
        },
        tx,
      );
      if (!inserted) {
        // A concurrent request (a double click) committed its reply while this one waited for the
        // comment's lock: the lock statement's snapshot predates it, the unique index does not. This
        // statement sees it; the same text is that click's reply.
        const existing = await this.privateReplies.of(commentId, tx);
        if (existing?.text === text) return { replyId: existing.id, created: false };
        throw refusal('PRIVATE_REPLY_SENT', REFUSALS.sent.message);
      }
      await this.audit.record(
        {
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: 'message.private_reply',
          targetType: 'thread',
          targetId: threadId,
          data: { messageId: inserted, commentId, commentThreadId: target.threadId },
        },
        tx,
      );
      return { replyId: inserted, created: true };
    });
    if (created) crashAfterCommitInTest(this.config, 'reply');
    // Also for a double click: the first request's job may never have been added; a second add of the same id is a no-op.
    await enqueueCommitted(this.outbound, { kind: 'reply', messageId: replyId });
    const [comment, reply] = await Promise.all([this.messageItems.byId(user.workspaceId, commentId), this.messageItems.byId(user.workspaceId, replyId)]);
    return { comment, reply };
  }
}
