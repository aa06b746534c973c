import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import type { Network } from '@resonance/contracts';
import { isConnectorError, type ConnectorRegistry, type ModerationAction, type Outcome } from '@resonance/connectors';
import type { ChannelAccess } from '../channels/channel-access';
import { rowsOf } from '../query-rows';

interface ActionRow {
  id: string;
  action: ModerationAction;
  state: 'queued' | 'done' | 'failed';
  requested_by: string | null;
  message_id: string;
  external_id: string | null;
  channel_account_id: string;
  liked: boolean;
  hidden: boolean;
  deleted: boolean;
}

export type ModerationResult =
  | { status: 'done'; called: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; outcome: Outcome | { action: 'give_up'; reason: string } };

/** Whether the message already shows the action's effect (then the network is not called). */
const inEffect = (row: ActionRow): boolean =>
  ({ like: row.liked, unlike: !row.liked, hide: row.hidden, unhide: !row.hidden, delete: row.deleted })[row.action];

/**
 * Performs one message_action (like, unlike, hide, unhide, delete) on the network, once: a done or
 * failed row is skipped, an effect already in place is marked done without a call, and a delete
 * that finds the comment gone (a retry after a crash) counts as done. On success the message gets
 * the effect (liked, hidden, deleted) and, for like/hide/delete of an inbound comment, handled_at,
 * handled_by and handled_action — "handled without reply" in the reports (DESIGN.md §5). unlike and
 * unhide take back the handled stamp their counterpart set. Failures follow the replies' policy.
 */
export class ModerationRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChannelAccess,
    private readonly registry: ConnectorRegistry,
    private readonly config: Config,
  ) {}

  async run(actionId: string): Promise<ModerationResult> {
    const [row] = (await this.dataSource.query(
      `SELECT a.id::text, a.action, a.state, a.requested_by, m.id::text AS message_id, m.external_id, m.channel_account_id,
              m.liked, m.hidden, m.deleted
         FROM message_action a JOIN message m ON m.id = a.message_id
        WHERE a.id = $1`,
      [actionId],
    )) as ActionRow[];
    if (!row) return { status: 'skipped', reason: 'no such action' };
    if (row.state !== 'queued') return { status: 'skipped', reason: `already ${row.state}` };
    if (inEffect(row)) {
      await this.done(row);
      return { status: 'done', called: false };
    }
    if (row.deleted) return this.fail(row.id, 'the comment has been deleted');
    if (!row.external_id) return this.fail(row.id, 'the message has no network id');

    const channel = await this.access.channel(row.channel_account_id);
    if (!channel) return this.fail(row.id, 'the channel no longer exists');
    if (channel.status !== 'connected') return this.fail(row.id, `the channel is ${channel.status.replace('_', ' ')}; reconnect it, then try again`);
    const connector = this.registry.get(channel.network as Network);
    if (!connector.moderation?.actions.includes(row.action)) return this.fail(row.id, `${channel.network} does not allow ${row.action} through its API`);

    let ctx: Awaited<ReturnType<ChannelAccess['context']>> | undefined;
    try {
      ctx = await this.access.context(channel);
      await connector.moderation.perform(ctx, row.action, row.external_id);
      await this.done(row);
      await this.access.succeeded(channel.id, ctx.budget.state);
      return { status: 'done', called: true };
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      // Deleted already (by us before a crash, or on the network): the comment is gone either way.
      if (row.action === 'delete' && error.code === 'NOT_FOUND') {
        await this.done(row);
        if (ctx) await this.access.succeeded(channel.id, ctx.budget.state);
        return { status: 'done', called: true };
      }
      const outcome = await this.access.failed(channel.id, error, ctx?.budget.state);
      if (outcome.action === 'give_up') return this.fail(row.id, outcome.reason, outcome);
      await this.dataSource.query(`UPDATE message_action SET error = $2 WHERE id = $1 AND state = 'queued'`, [row.id, outcome.reason.slice(0, 500)]);
      if (outcome.action === 'delay') return { status: 'failed', reason: outcome.reason, outcome: { ...outcome, delayMs: Math.min(outcome.delayMs, this.config.RATE_LIMIT_MAX_DELAY_MS) } };
      return { status: 'failed', reason: outcome.reason, outcome };
    }
  }

  /** The final attempt failed: the action is marked failed with the reason; the message is unchanged. */
  async giveUp(actionId: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE message_action SET state = 'failed', error = $2, finished_at = now() WHERE id = $1 AND state = 'queued'`, [
      actionId,
      reason.slice(0, 500),
    ]);
  }

  private async fail(actionId: string, reason: string, outcome?: Outcome): Promise<ModerationResult> {
    await this.giveUp(actionId, reason);
    return { status: 'failed', reason, outcome: outcome ?? { action: 'give_up', reason } };
  }

  private async done(row: ActionRow): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // The message row first, as the api's request() locks it (FOR UPDATE OF m) before it meets
      // this action's row in the unique index of queued actions: in the other order a double click
      // arriving while the action was being marked done deadlocked with it, PostgreSQL aborted this
      // transaction, and the job's retry called the network a second time.
      await tx.query(`SELECT 1 FROM message WHERE id = $1 FOR UPDATE`, [row.message_id]);
      const claimed = (await tx.query(
        `UPDATE message_action SET state = 'done', error = NULL, finished_at = now() WHERE id = $1 AND state = 'queued' RETURNING id`,
        [row.id],
      )) as unknown[];
      if (!rowsOf(claimed).length) return;
      const handles = row.action === 'like' || row.action === 'hide' || row.action === 'delete';
      const effect = {
        like: 'liked = true',
        unlike: 'liked = false',
        hide: 'hidden = true',
        unhide: 'hidden = false',
        delete: 'deleted = true',
      }[row.action];
      // The first like/hide/delete of an inbound comment stamps it handled; the trigger of the
      // reports migration sees handled_* set and leaves them as they are.
      const stamp = handles
        ? `, handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, $2::uuid) END,
             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, $3) END`
        : `, handled_at = CASE WHEN handled_action = $2 THEN NULL ELSE handled_at END,
             handled_by = CASE WHEN handled_action = $2 THEN NULL ELSE handled_by END,
             handled_action = CASE WHEN handled_action = $2 THEN NULL ELSE handled_action END`;
      const params = handles ? [row.message_id, row.requested_by, row.action] : [row.message_id, row.action === 'unlike' ? 'like' : 'hide'];
      await tx.query(`UPDATE message SET ${effect} ${stamp} WHERE id = $1`, params);
    });
  }
}
