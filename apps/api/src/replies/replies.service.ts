import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { OUTBOUND_RECOVERY_AFTER_MS, type MessageChannel, type MessageItem, type Network, type NewerMessagesConflict } from '@resonance/contracts';
import { QueueName, type OutboundJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { loadMessageItems } from '../messages/message.sql';
import { enqueueCommitted, ensureLiveJob, removeFinishedJob } from '../outbound/outbound-queue';
import { crashAfterCommitInTest } from '../outbound/test-crash';
import type { ReplyBody } from './replies.dto';

/** Limits tighter than MAX_REPLY_LENGTH (public X posts; X DMs take 10,000). */
const NETWORK_LIMITS: Partial<Record<Network, Partial<Record<MessageChannel, number>>>> = {
  x: { comment: 280, mention: 280 },
};

interface ThreadRow {
  id: string;
  channel_account_id: string;
  network: Network;
  channel: MessageChannel;
}

@Injectable()
export class RepliesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
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
    const messageId = await this.dataSource.transaction(async (tx) => {
      const [thread] = (await tx.query(
        `SELECT id::text, channel_account_id, network, channel FROM thread WHERE id = $1 AND workspace_id = $2 FOR UPDATE`,
        [threadId, user.workspaceId],
      )) as ThreadRow[];
      if (!thread) throw new NotFoundException(`thread ${threadId} not found`);
      const limit = NETWORK_LIMITS[thread.network]?.[thread.channel];
      if (limit && [...body.text].length > limit) {
        throw new BadRequestException(`text is too long for ${thread.network} (${[...body.text].length} of at most ${limit} characters)`);
      }
      if (body.lastSeenMessageId) {
        const seen = (await tx.query(`SELECT 1 FROM message WHERE id = $1 AND thread_id = $2`, [body.lastSeenMessageId, threadId])) as unknown[];
        if (!seen.length) throw new BadRequestException(`lastSeenMessageId ${body.lastSeenMessageId} is not a message of thread ${threadId}`);
        if (!body.confirmNewer) {
          const newer = await loadMessageItems(tx, user.workspaceId, 'm.thread_id = $2 AND m.id > $3 AND NOT m.is_from_account AND NOT m.deleted', [threadId, body.lastSeenMessageId], 50);
          if (newer.length) {
            throw new ConflictException({
              statusCode: 409,
              error: 'Conflict',
              message: 'the customer wrote again since you opened the thread; read the newer messages, then send with confirmNewer: true',
              newerMessages: newer,
            } satisfies NewerMessagesConflict);
          }
        }
      }
      const parent = await this.parentOf(tx, threadId, body.parentExternalId);
      const [inserted] = (await tx.query(
        `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                              parent_external_id, author_user_id, text, created_at, delivery)
         VALUES ($1, $2, $3, NULL, 'outbound', true, $4, $5, $6, date_trunc('milliseconds', now()), 'queued')
         RETURNING id::text`,
        [user.workspaceId, thread.channel_account_id, threadId, parent, user.id, body.text],
      )) as Array<{ id: string }>;
      await tx.query(
        `UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),
                           last_message_preview = left($2, 280), message_count = message_count + 1,
                           unread_count = 0, updated_at = now()
          WHERE id = $1`,
        [threadId, body.text],
      );
      await this.audit.record(
        { workspaceId: user.workspaceId, actorUserId: user.id, action: 'thread.reply', targetType: 'thread', targetId: threadId, data: { messageId: inserted.id, parentExternalId: parent, confirmedNewer: body.confirmNewer ?? false } },
        tx,
      );
      return inserted.id;
    });
    crashAfterCommitInTest(this.config, 'reply');
    await enqueueCommitted(this.outbound, { kind: 'reply', messageId });
    const [message] = await loadMessageItems(this.dataSource.manager, user.workspaceId, 'm.id = $2', [messageId]);
    return message;
  }

  /**
   * Sends a reply once more: one whose delivery failed, or one still queued or sending
   * OUTBOUND_RECOVERY_AFTER_MS after it was written (stuck: its job lost, its worker dead). Never a
   * second send: the job id is the message's (`send-<id>`), a live job is left as it is, and the
   * worker looks for the reply on the network before it sends. When the queue is unreachable
   * nothing changes and the answer is 503.
   */
  async retry(user: AuthUser, messageId: string): Promise<MessageItem> {
    const [row] = (await this.dataSource.query(
      `SELECT delivery, thread_id::text AS "threadId", author_user_id IS NOT NULL AND external_id IS NULL AS ours,
              created_at < now() - $3 * interval '1 millisecond' AS overdue
         FROM message WHERE id = $1 AND workspace_id = $2`,
      [messageId, user.workspaceId, OUTBOUND_RECOVERY_AFTER_MS],
    )) as Array<{ delivery: string | null; threadId: string; ours: boolean; overdue: boolean }>;
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
    await this.dataSource.query(
      `UPDATE message SET delivery = 'queued', delivery_error = NULL WHERE id = $1 AND workspace_id = $2 AND delivery = 'failed'`,
      [messageId, user.workspaceId],
    );
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'message.retry', targetType: 'thread', targetId: row.threadId, data: { messageId, was: row.delivery } });
    await ensureLiveJob(this.outbound, work);
    const [message] = await loadMessageItems(this.dataSource.manager, user.workspaceId, 'm.id = $2', [messageId]);
    return message;
  }

  /** The answered message: the one named (must be in the thread), else the newest inbound one. */
  private async parentOf(tx: DataSource['manager'], threadId: string, named?: string): Promise<string | null> {
    if (named !== undefined) {
      const found = (await tx.query(`SELECT 1 FROM message WHERE thread_id = $1 AND external_id = $2`, [threadId, named])) as unknown[];
      if (!found.length) throw new BadRequestException(`parentExternalId ${named} is not a message of thread ${threadId}`);
      return named;
    }
    const [row] = (await tx.query(
      `SELECT external_id FROM message WHERE thread_id = $1 AND external_id IS NOT NULL AND NOT deleted
        ORDER BY (NOT is_from_account) DESC, created_at DESC, id DESC LIMIT 1`,
      [threadId],
    )) as Array<{ external_id: string }>;
    return row?.external_id ?? null;
  }
}
