/**
 * Deterministic job ids, chosen in one place: a second enqueue of the same work is a no-op.
 * BullMQ forbids ':' in custom ids on some paths, so ids use '-' after the kind prefix... except
 * that DESIGN.md names them `sync:<channelId>` and `send:<messageId>`; BullMQ 6 accepts ':' in ids
 * of non-repeatable jobs, which these are.
 */
export const jobId = {
  sync: (channelAccountId: string) => `sync:${channelAccountId}`,
  // BullMQ 6 refuses custom ids with one ':' ("Custom Id cannot contain :"; only legacy 3-part ids pass).
  send: (messageId: string) => `send-${messageId}`,
  ingest: (channelAccountId: string, source: string) => `ingest:${channelAccountId}:${source}`,
  rollup: (workspaceId: string, day: string) => `rollup:${workspaceId}:${day}`,
} as const;
