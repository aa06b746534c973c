/**
 * Deterministic job ids, chosen in one place: a second enqueue of the same work is a no-op.
 * BullMQ 6 refuses a custom id with exactly one ':' ("Custom Id cannot contain :"; it reserves that
 * form), so DESIGN.md's `send:<messageId>` is written `send-<messageId>`. `sync:<channelId>` names a
 * job scheduler (repeatable), where the rule does not apply; ids with two ':' pass as well.
 */
export const jobId = {
  sync: (channelAccountId: string) => `sync:${channelAccountId}`,
  // BullMQ 6 refuses custom ids with one ':' ("Custom Id cannot contain :"; only legacy 3-part ids pass).
  send: (messageId: string) => `send-${messageId}`,
  /** One like/hide/delete request (a message_action row) on the outbound queue, job name 'moderate'. */
  moderate: (actionId: string) => `moderate-${actionId}`,
  ingest: (channelAccountId: string, source: string) => `ingest:${channelAccountId}:${source}`,
  rollup: (workspaceId: string, day: string) => `rollup:${workspaceId}:${day}`,
} as const;
