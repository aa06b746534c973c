import type { DataSource } from 'typeorm';

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
export async function stalePendingReplies(ds: DataSource, page: PendingPage): Promise<PendingWork[]> {
  // ORDER BY the table's column: a bare `id` would name the text output column and sort as text.
  return (await ds.query(
    `SELECT id::text FROM message
      WHERE delivery IN ('queued', 'sending') AND id > $1::bigint AND created_at < now() - $2 * interval '1 millisecond'
      ORDER BY message.id LIMIT $3`,
    [page.afterId, page.olderThanMs, page.limit],
  )) as PendingWork[];
}

/** Like/hide/delete requests still queued after `olderThanMs` (partial index message_action_queued_uniq). */
export async function stalePendingActions(ds: DataSource, page: PendingPage): Promise<PendingWork[]> {
  return (await ds.query(
    `SELECT id::text FROM message_action
      WHERE state = 'queued' AND id > $1::bigint AND created_at < now() - $2 * interval '1 millisecond'
      ORDER BY message_action.id LIMIT $3`,
    [page.afterId, page.olderThanMs, page.limit],
  )) as PendingWork[];
}
