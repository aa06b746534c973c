import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { toIso, toIsoOrNull, type MessageActionAccepted, type MessageActionItem, type MessageChannel, type MessageDirection, type Network } from '@resonance/contracts';
import { ConnectorRegistry, notYetAvailableMessage, type ModerationAction } from '@resonance/connectors';
import { QueueName, type ModerationJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { enqueueCommitted } from '../outbound/outbound-queue';
import { crashAfterCommitInTest } from '../outbound/test-crash';
import { loadMessageItems } from './message.sql';

/** A message_action row as the driver gives it (timestamps as Date). */
interface MessageActionRow extends Omit<MessageActionItem, 'createdAt' | 'finishedAt'> {
  createdAt: Date;
  finishedAt: Date | null;
}

/** The one place a message_action row becomes the wire's MessageActionItem. */
const toMessageActionItem = ({ createdAt, finishedAt, ...row }: MessageActionRow): MessageActionItem => ({
  ...row,
  createdAt: toIso(createdAt),
  finishedAt: toIsoOrNull(finishedAt),
});

interface TargetRow {
  id: string;
  thread_id: string;
  direction: MessageDirection;
  is_from_account: boolean;
  external_id: string | null;
  deleted: boolean;
  channel: MessageChannel;
  network: Network;
}

const ACTION_COLUMNS = `a.id::text, a.action, a.state, a.error,
  CASE WHEN u.id IS NOT NULL THEN json_build_object('id', u.id, 'name', u.name) END AS "requestedBy",
  a.created_at AS "createdAt", a.finished_at AS "finishedAt"`;

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
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @InjectQueue(QueueName.Outbound) private readonly outbound: Queue<ModerationJob>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async request(user: AuthUser, messageId: string, action: ModerationAction): Promise<MessageActionAccepted> {
    const { actionId } = await this.dataSource.transaction(async (tx) => {
      const [m] = (await tx.query(
        `SELECT m.id::text, m.thread_id::text, m.direction, m.is_from_account, m.external_id, m.deleted, t.channel, ca.network
           FROM message m JOIN thread t ON t.id = m.thread_id JOIN channel_account ca ON ca.id = m.channel_account_id
          WHERE m.id = $1 AND m.workspace_id = $2
          FOR UPDATE OF m`,
        [messageId, user.workspaceId],
      )) as TargetRow[];
      if (!m) throw new NotFoundException(`message ${messageId} not found`);
      if (m.direction === 'outbound' || m.is_from_account) {
        throw new ConflictException(`${action} applies to customers' comments; message ${messageId} was written by the account`);
      }
      if (m.channel !== 'comment') throw new ConflictException(`${action} applies to comments; message ${messageId} is a ${m.channel === 'direct' ? 'private message' : m.channel}`);
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
      if (!m.external_id) throw new ConflictException(`message ${messageId} has no network id`);
      const other = (await tx.query(`SELECT action FROM message_action WHERE message_id = $1 AND state = 'queued' AND action <> $2`, [messageId, action])) as Array<{
        action: string;
      }>;
      if (other.length) throw new ConflictException(`${other[0].action} of message ${messageId} is still queued; try again once it is done`);
      const [inserted] = (await tx.query(
        `INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING RETURNING id::text`,
        [user.workspaceId, messageId, action, user.id],
      )) as Array<{ id: string }>;
      if (!inserted) {
        // The same action is queued already (a double click): that one stands. It may have been
        // carried out since the INSERT saw it queued (READ COMMITTED: this SELECT sees the worker's
        // commit), so the latest such action is read whatever its state, not only a queued one.
        const [queued] = (await tx.query(`SELECT id::text FROM message_action WHERE message_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1`, [messageId, action])) as Array<{
          id: string;
        }>;
        return { actionId: queued.id, created: false };
      }
      await this.audit.record(
        { workspaceId: user.workspaceId, actorUserId: user.id, action: `message.${action}`, targetType: 'thread', targetId: m.thread_id, data: { messageId, actionId: inserted.id } },
        tx,
      );
      return { actionId: inserted.id, created: true };
    });
    crashAfterCommitInTest(this.config, 'moderation');
    // Also for a double click (an action queued already): the first request's job may never have been added;
    // a second add of the same id is a no-op.
    await enqueueCommitted(this.outbound, { kind: 'moderation', actionId });
    const [message] = await loadMessageItems(this.dataSource.manager, user.workspaceId, 'm.id = $2', [messageId]);
    const [item] = await this.load(user.workspaceId, 'a.id = $2', [actionId]);
    return { message, action: item };
  }

  async list(user: AuthUser, messageId: string): Promise<MessageActionItem[]> {
    const exists = (await this.dataSource.query(`SELECT 1 FROM message WHERE id = $1 AND workspace_id = $2`, [messageId, user.workspaceId])) as unknown[];
    if (!exists.length) throw new NotFoundException(`message ${messageId} not found`);
    return this.load(user.workspaceId, 'a.message_id = $2', [messageId]);
  }

  private async load(workspaceId: string, where: string, params: unknown[]): Promise<MessageActionItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${ACTION_COLUMNS} FROM message_action a LEFT JOIN users u ON u.id = a.requested_by
        WHERE a.workspace_id = $1 AND ${where} ORDER BY a.id DESC LIMIT 50`,
      [workspaceId, ...params],
    )) as MessageActionRow[];
    return rows.map(toMessageActionItem);
  }
}
