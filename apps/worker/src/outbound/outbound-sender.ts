import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { sqlClient } from '@resonance/db';
import {
  isConnectorError,
  psidOfThreadKey,
  type Connector,
  type ConnectorContext,
  type ConnectorRegistry,
  type Outcome,
  type ReplyTarget,
} from '@resonance/connectors';
import type { ChannelAccess } from '../channels/channel-access';
import { replyDelivery } from '../health/worker-metrics';
import { recomputeThreadTimers } from '../ingest/ingest-store';
import {
  deleteReplyCopies,
  failReply,
  markSending,
  markSent,
  outboundMessage,
  repliesAlreadySent,
  requeueReply,
  type IOutboundMessageResult as OutboundRow,
} from './outbound-sender.queries';

export type SendResult =
  | { status: 'sent'; externalId: string; reconciled: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; outcome: Outcome | { action: 'give_up'; reason: string } };

/** A reply found on the network counts as ours if written this long before the row was created (clock skew). */
const RECONCILE_SKEW_MS = 60_000;

type Channel = NonNullable<Awaited<ReturnType<ChannelAccess['channel']>>>;

/**
 * Sends one outbound message. The row exists before the job (delivery 'queued'); this marks it
 * 'sending', looks on the network for the same reply first (parent + text + time window), so a
 * crash after the network accepted it but before the id was stored never sends it twice, sends
 * otherwise, and stores the network's id with delivery 'sent' — merging the copy a sync or a
 * webhook echo may already have stored under that id.
 */
export class OutboundSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChannelAccess,
    private readonly registry: ConnectorRegistry,
    private readonly config: Config,
  ) {}

  async send(messageId: string): Promise<SendResult> {
    const db = sqlClient(this.dataSource);
    const [row] = await outboundMessage.run({ id: messageId }, db);
    if (!row) return { status: 'skipped', reason: 'no such outbound message' };
    if (row.external_id || row.delivery === 'sent') return { status: 'skipped', reason: 'already sent' };
    if (row.delivery === 'failed') return { status: 'skipped', reason: 'delivery failed earlier; retry it from the inbox' };

    const channel = await this.access.channel(row.channel_account_id);
    // Every reason starts with a code (DELIVERY_ERROR_CODES) that the inbox words in its language.
    if (!channel) return this.fail(row.id, 'CHANNEL_GONE: the channel no longer exists');
    if (channel.status !== 'connected')
      return this.fail(row.id, `CHANNEL_DISCONNECTED: the channel is ${channel.status.replace('_', ' ')}; reconnect it, then retry`);
    const connector = this.registry.get(channel.network);
    if (row.is_private_reply) return this.sendPrivateReply(row, channel, connector);
    const target = toTarget(row);
    const refusal = connector.reply.refusal(target, new Date());
    if (refusal)
      return this.fail(
        row.id,
        `${target.channel === 'direct' && (channel.network === 'facebook' || channel.network === 'instagram') ? 'WINDOW_CLOSED' : 'INVALID_REQUEST'}: ${refusal}`,
      );

    await markSending.run({ id: row.id }, db);
    let ctx: Awaited<ReturnType<ChannelAccess['context']>> | undefined;
    try {
      ctx = await this.access.context(channel);
      // Identical replies that Resonance sent on purpose earlier are not this one.
      const taken = await repliesAlreadySent.run({ threadId: row.thread_id, id: row.id, text: row.text }, db);
      const found = await connector.reply.findExisting(ctx, {
        target,
        text: row.text,
        since: new Date(row.created_at.getTime() - RECONCILE_SKEW_MS),
        exclude: taken.map((t) => t.external_id),
      });
      const externalId = found ?? (await connector.reply.send(ctx, { target, text: row.text })).externalId;
      return await this.delivered(row, channel, ctx, externalId, found !== null);
    } catch (error) {
      return this.failed(row, channel, error, ctx);
    }
  }

  /**
   * A private reply (docs/instagram.md): the direct message addressed by the comment it answers,
   * under the same guarantee as a reply — marked 'sending' first, looked for in the conversation
   * with the comment's author before it is sent again after a crash.
   */
  private async sendPrivateReply(row: OutboundRow, channel: Channel, connector: Connector): Promise<SendResult> {
    const capability = connector.reply.privateReply;
    if (!capability) return this.fail(row.id, `INVALID_REQUEST: ${channel.network} offers no private replies`);
    if (!row.comment_external_id || !row.comment_created_at) return this.fail(row.id, 'NOT_FOUND: the comment answered privately is gone');
    const target = {
      commentExternalId: row.comment_external_id,
      commentCreatedAt: row.comment_created_at,
      recipientExternalId: row.comment_author_external_id ?? null,
    };
    const db = sqlClient(this.dataSource);
    await markSending.run({ id: row.id }, db);
    let ctx: Awaited<ReturnType<ChannelAccess['context']>> | undefined;
    try {
      ctx = await this.access.context(channel);
      const taken = await repliesAlreadySent.run({ threadId: row.thread_id, id: row.id, text: row.text }, db);
      const since = new Date(row.created_at.getTime() - RECONCILE_SKEW_MS);
      const found = await capability.findExisting(ctx, { target, text: row.text, since, exclude: taken.map((t) => t.external_id) });
      const externalId = found ?? (await capability.send(ctx, { target, text: row.text })).externalId;
      return await this.delivered(row, channel, ctx, externalId, found !== null);
    } catch (error) {
      return this.failed(row, channel, error, ctx);
    }
  }

  private async delivered(row: OutboundRow, channel: Channel, ctx: ConnectorContext, externalId: string, reconciled: boolean): Promise<SendResult> {
    await this.markSent(row, externalId);
    // From the agent's send (the row is created then) to the network's acceptance, retries included.
    replyDelivery.observe({ network: channel.network }, Math.max(0, (Date.now() - row.created_at.getTime()) / 1000));
    await this.access.succeeded(channel.id, ctx.budget.state);
    return { status: 'sent', externalId, reconciled };
  }

  private async failed(row: OutboundRow, channel: Channel, error: unknown, ctx: ConnectorContext | undefined): Promise<SendResult> {
    if (!isConnectorError(error)) throw error;
    const outcome = await this.access.failed(channel.id, error, ctx?.budget.state, this.config.RATE_LIMIT_MAX_DELAY_MS);
    if (outcome.action === 'give_up') return this.fail(row.id, outcome.reason, outcome);
    await requeueReply.run({ id: row.id, reason: outcome.reason.slice(0, 500) }, sqlClient(this.dataSource));
    if (outcome.action === 'delay')
      return { status: 'failed', reason: outcome.reason, outcome: { ...outcome, delayMs: Math.min(outcome.delayMs, this.config.RATE_LIMIT_MAX_DELAY_MS) } };
    return { status: 'failed', reason: outcome.reason, outcome };
  }

  /** The final attempt failed: the reply stays in the thread as failed, with the reason. */
  async giveUp(messageId: string, reason: string): Promise<void> {
    await failReply.run({ id: messageId, reason: reason.slice(0, 500) }, sqlClient(this.dataSource));
  }

  private async fail(messageId: string, reason: string, outcome?: Outcome): Promise<SendResult> {
    await this.giveUp(messageId, reason);
    return { status: 'failed', reason, outcome: outcome ?? { action: 'give_up', reason } };
  }

  private async markSent(row: OutboundRow, externalId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // A sync or webhook echo may have stored the reply already (as the page's own message): that
      // row and ours are the same reply, so the copy goes and ours takes the network's id.
      const copies = await deleteReplyCopies.run({ channelId: row.channel_account_id, externalId, id: row.id }, sqlClient(tx));
      await markSent.run({ id: row.id, externalId }, sqlClient(tx));
      const threads = new Set([row.thread_id, ...copies.map((c) => c.thread_id)]);
      await recomputeThreadTimers(tx, [...threads]);
    });
  }
}

function toTarget(row: OutboundRow): ReplyTarget {
  if (row.channel === 'direct') {
    return {
      channel: 'direct',
      threadKey: row.thread_key,
      recipientExternalId: psidOfThreadKey(row.thread_key) ?? row.contact_external_id ?? '',
      lastInboundAt: row.last_inbound_at,
      humanAgentApproved: row.human_agent_approved,
    };
  }
  // The comment the agent chose (the API stores the newest customer comment when none was chosen).
  // Networks with two levels (Facebook, YouTube, LinkedIn) file the reply under threadKey, the
  // top-level comment; X answers the chosen post itself.
  return { channel: 'comment', threadKey: row.thread_key, parentExternalId: row.parent_external_id ?? row.thread_key };
}
