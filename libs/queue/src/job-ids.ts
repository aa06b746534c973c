import type { SyncJob } from './names';

/**
 * Deterministic job ids, chosen in one place: a second enqueue of the same work is a no-op.
 * BullMQ 6 refuses a custom id with exactly one ':' ("Custom Id cannot contain :"; it reserves that
 * form), so DESIGN.md's `send:<messageId>` is written `send-<messageId>`. `sync:<channelId>` names a
 * job scheduler (repeatable), where the rule does not apply; ids with two ':' pass as well.
 */
export const jobId = {
  /** The channel's sync schedule (a BullMQ job scheduler). */
  sync: (channelAccountId: string) => `sync:${channelAccountId}`,
  /**
   * A one-off run beside the schedule (backfill on connect, webhook hint, manual request): one per
   * channel, reason and second — a second request within the same second adds nothing, and a run
   * reads everything new anyway.
   */
  syncNow: (channelAccountId: string, reason: SyncJob['reason'], now: number = Date.now()) => `sync:${channelAccountId}:${reason}${Math.floor(now / 1000)}`,
  /**
   * An admin's "sync now" (issue 28): one id per channel, not per second, so a second click, a
   * second admin or a second api copy joins the run that waits instead of queueing another.
   */
  syncManual: (channelAccountId: string) => `sync:${channelAccountId}:manual`,
  // BullMQ 6 refuses custom ids with one ':' ("Custom Id cannot contain :"; only legacy 3-part ids pass).
  send: (messageId: string) => `send-${messageId}`,
  /** One like/hide/delete request (a message_action row) on the outbound queue, job name 'moderate'. */
  moderate: (actionId: string) => `moderate-${actionId}`,
  ingest: (channelAccountId: string, source: string) => `ingest:${channelAccountId}:${source}`,
  rollup: (workspaceId: string, day: string) => `rollup:${workspaceId}:${day}`,
  /** The rollup queue's one scheduler: drains the threads the message triggers marked. */
  rollupDrain: () => 'rollup-drain',
  /** The maintenance queue's retention scheduler: one purge an hour across all workers. */
  retentionPurge: () => 'retention-purge',
  /** The notify queue's one scheduler: SLA warnings and the e-mails due, across all workers. */
  notifySweep: () => 'notify-sweep',
  /** The classify queue's one scheduler: the external classifier's next batch, across all workers. */
  classifierRelabel: () => 'classifier-relabel',
  /** The one e-mail of a notification: a second enqueue (the next sweep, another worker) adds nothing. */
  notifyEmail: (notificationId: string) => `notify-email-${notificationId}`,
} as const;
