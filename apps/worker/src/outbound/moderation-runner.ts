import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '@resonance/config';
import { isOneOf } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { isConnectorError, MODERATION_ACTIONS, type ConnectorRegistry, type ModerationAction, type Outcome } from '@resonance/connectors';
import type { ChannelAccess } from '../channels/channel-access';
import {
  applyDelete,
  applyHide,
  applyLike,
  applyUnhide,
  applyUnlike,
  claimAction,
  failAction,
  lockActionMessage,
  markActionAttempted,
  moderationActionRow,
  recomputeWaitingOfMessageThread,
  recordActionError,
  type IModerationActionRowResult,
} from './moderation.queries';

type ActionRow = IModerationActionRowResult & { action: ModerationAction };

export type ModerationResult =
  | { status: 'done'; called: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; outcome: Outcome | { action: 'give_up'; reason: string } };

/**
 * Whether the message already shows the action's effect (then the network is not called). A ban or
 * block is never taken as done from the stored state: a hidden comment's author is not barred by that.
 * A comment held for review is stored hidden but is neither published nor rejected yet: both go to the network.
 */
const inEffect = (row: ActionRow): boolean =>
  !row.held_for_review &&
  { like: row.liked, unlike: !row.liked, hide: row.hidden, unhide: !row.hidden, delete: row.deleted, ban: false, block: false }[row.action];

/**
 * Performs one message_action (like, unlike, hide, unhide, delete, ban) on the network, once: a done
 * or failed row is skipped, an effect already in place is marked done without a call, a retry after
 * a crash asks the network (observe) before calling again, and a delete that finds the comment gone
 * counts as done. On success the message gets
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
    const [stored] = await moderationActionRow.run({ id: actionId }, sqlClient(this.dataSource));
    if (!stored) return { status: 'skipped', reason: 'no such action' };
    // message_action.action is text with a CHECK of these values: another is schema drift.
    if (!isOneOf(MODERATION_ACTIONS, stored.action)) throw new Error(`message action ${actionId} has an unknown action ${JSON.stringify(stored.action)}`);
    const row: ActionRow = { ...stored, action: stored.action };
    if (row.state !== 'queued') return { status: 'skipped', reason: `already ${row.state}` };
    if (inEffect(row)) {
      await this.done(row);
      return { status: 'done', called: false };
    }
    if (row.deleted) return this.fail(row.id, 'NOT_FOUND: the comment has been deleted');
    if (!row.external_id) return this.fail(row.id, 'INVALID_REQUEST: the message has no network id');

    const channel = await this.access.channel(row.channel_account_id);
    if (!channel) return this.fail(row.id, 'CHANNEL_GONE: the channel no longer exists');
    if (channel.status !== 'connected')
      return this.fail(row.id, `CHANNEL_DISCONNECTED: the channel is ${channel.status.replace('_', ' ')}; reconnect it, then try again`);
    const connector = this.registry.get(channel.network);
    const moderation = connector.moderation;
    if (!moderation?.actions.includes(row.action))
      return this.fail(row.id, `PERMISSION_DENIED: ${channel.network} does not allow ${row.action} through its API`);

    let ctx: Awaited<ReturnType<ChannelAccess['context']>> | undefined;
    try {
      ctx = await this.access.context(channel);
      // An earlier attempt may have reached the network before its worker died (attempted_at is
      // committed before every call): ask the network first where it can tell, so it is asked to
      // do the action once. Where it cannot (X's hidden replies), the repeat is idempotent there.
      const target = { externalId: row.external_id, authorExternalId: row.author_external_id };
      if (row.attempted_at !== null && moderation.observe) {
        const seen = await moderation.observe(ctx, row.action, target);
        if (seen === true) {
          await this.done(row);
          await this.access.succeeded(channel.id, ctx.budget.state);
          return { status: 'done', called: false };
        }
      }
      await markActionAttempted.run({ id: row.id }, sqlClient(this.dataSource));
      await moderation.perform(ctx, row.action, target);
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
      const outcome = await this.access.failed(channel.id, error, ctx?.budget.state, this.config.RATE_LIMIT_MAX_DELAY_MS);
      if (outcome.action === 'give_up') return this.fail(row.id, outcome.reason, outcome);
      await recordActionError.run({ id: row.id, error: outcome.reason.slice(0, 500) }, sqlClient(this.dataSource));
      if (outcome.action === 'delay')
        return { status: 'failed', reason: outcome.reason, outcome: { ...outcome, delayMs: Math.min(outcome.delayMs, this.config.RATE_LIMIT_MAX_DELAY_MS) } };
      return { status: 'failed', reason: outcome.reason, outcome };
    }
  }

  /** The final attempt failed: the action is marked failed with the reason; the message is unchanged. */
  async giveUp(actionId: string, reason: string): Promise<void> {
    await failAction.run({ id: actionId, error: reason.slice(0, 500) }, sqlClient(this.dataSource));
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
      await lockActionMessage.run({ id: row.message_id }, sqlClient(tx));
      const claimed = await claimAction.run({ id: row.id }, sqlClient(tx));
      if (!claimed.length) return;
      await applyEffect(tx, row);
      // A like/hide/delete handles the thread as the reports count it: the inbox stops showing it waiting
      // (unlike/unhide bring the wait back). The api's live stream sends the thread with the message.
      await recomputeWaitingOfMessageThread.run({ messageId: row.message_id }, sqlClient(tx));
    });
  }
}

/**
 * The action's effect on its message (moderation.sql, one statement per action). The first
 * like/hide/delete of an inbound comment stamps it handled; the trigger of the reports migration
 * sees handled_* set and leaves them as they are. unlike/unhide take back their counterpart's stamp.
 */
async function applyEffect(tx: EntityManager, row: ActionRow): Promise<void> {
  const db = sqlClient(tx);
  const handled = { messageId: row.message_id, requestedBy: row.requested_by, action: row.action };
  switch (row.action) {
    case 'block':
      // Bars the author from the page; the comment stays as it is (hide or delete it for that).
      return;
    case 'ban':
      // A ban hides the comment (and bars its author): handled as a hide.
      await applyHide.run({ ...handled, action: 'hide' }, db);
      return;
    case 'like':
      await applyLike.run(handled, db);
      return;
    case 'hide':
      await applyHide.run(handled, db);
      return;
    case 'delete':
      await applyDelete.run(handled, db);
      return;
    case 'unlike':
      await applyUnlike.run({ messageId: row.message_id, undone: 'like' }, db);
      return;
    case 'unhide':
      await applyUnhide.run({ messageId: row.message_id, undone: 'hide' }, db);
      return;
  }
}
