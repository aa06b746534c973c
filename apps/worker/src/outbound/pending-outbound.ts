import type { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { stalePendingActions as stalePendingActionRows, stalePendingReplies as stalePendingReplyRows } from './pending-outbound.queries';

/** One piece of committed outbound work: its row id (job id `send-<id>` or `moderate-<id>`). */
export interface PendingWork {
  id: string;
}

export interface PendingPage {
  /** Rows after `afterId`, oldest id first. */
  afterId: string;
  olderThanMs: number;
  limit: number;
}

/**
 * Replies (outbound messages) still queued or sending that were written more than `olderThanMs`
 * ago. The partial index message_outbound_pending_idx holds only such rows, so this reads no
 * ingested message (their delivery is NULL) and costs nothing on the ingest path.
 */
export function stalePendingReplies(ds: DataSource, page: PendingPage): Promise<PendingWork[]> {
  return stalePendingReplyRows.run(page, sqlClient(ds));
}

/** Like/hide/delete requests still queued after `olderThanMs` (partial index message_action_queued_uniq). */
export function stalePendingActions(ds: DataSource, page: PendingPage): Promise<PendingWork[]> {
  return stalePendingActionRows.run(page, sqlClient(ds));
}
