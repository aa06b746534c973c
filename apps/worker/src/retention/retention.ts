import type { Queryable } from '@resonance/db';
import { sqlClient } from '@resonance/db';
import { deleteEmptiedThreads, deleteExpiredMessages, workspacesWithRetention } from './retention.queries';

/** Rows per statement: a long retention backlog is deleted in short transactions, not one huge one. */
const BATCH = 5_000;

export interface RetentionResult {
  messages: number;
  threads: number;
}

/**
 * Deletes the messages older than each workspace's retention_days, then the threads left without
 * messages (retention.sql). Idempotent: a run that fails half-way leaves the rest to the next one.
 */
export async function purgeExpiredMessages(db: Queryable): Promise<RetentionResult> {
  const client = sqlClient(db);
  const result: RetentionResult = { messages: 0, threads: 0 };
  for (const w of await workspacesWithRetention.run(undefined, client)) {
    for (;;) {
      const [{ n }] = await deleteExpiredMessages.run({ workspaceId: w.id, retentionDays: w.retention_days, batch: BATCH }, client);
      result.messages += n;
      if (n < BATCH) break;
    }
    const [{ n }] = await deleteEmptiedThreads.run({ workspaceId: w.id }, client);
    result.threads += n;
  }
  return result;
}
