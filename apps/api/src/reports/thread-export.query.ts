import type { DataSource } from 'typeorm';
import { THREAD_EXPORT_COLUMNS, toIsoOrNull, type ThreadExportRow } from '@resonance/contracts';
import type { ReportParams } from './report-query';

/** The most threads one export holds (docs/reports.md). */
export const THREAD_EXPORT_MAX_ROWS = 100_000;
/** Rows fetched from the cursor at a time: the most the api holds in memory for one export. */
export const THREAD_EXPORT_BATCH = 1_000;

/** A row of the thread export as the driver gives it (timestamps as Date). */
export interface ThreadExportDbRow extends Omit<ThreadExportRow, 'first_inbound_at' | 'first_response_at'> {
  first_inbound_at: Date | null;
  first_response_at: Date | null;
}

/** The one place an export row becomes the wire's ThreadExportRow (the CSV's column order is THREAD_EXPORT_COLUMNS). */
export const toThreadExportRow = ({ first_inbound_at, first_response_at, ...row }: ThreadExportDbRow): ThreadExportRow => ({
  ...row,
  first_inbound_at: toIsoOrNull(first_inbound_at),
  first_response_at: toIsoOrNull(first_response_at),
});

export { THREAD_EXPORT_COLUMNS };

const THREAD_EXPORT_SQL = `
  SELECT t.id::text AS thread_id, t.network, t.channel_account_id, t.channel, t.post_id::text AS post_id, t.status, t.assignee_id,
         t.first_inbound_at, t.first_response_at, f.seconds AS first_response_seconds,
         f.business_seconds AS first_response_business_seconds,
         COALESCE(r.replies, 0) AS replies, r.reply_mean_seconds, r.reply_max_seconds,
         COALESCE(h.handled, 0) AS handled, h.handled_action, t.message_count, t.tags
    FROM thread t
    JOIN workspace w ON w.id = t.workspace_id
    LEFT JOIN LATERAL (SELECT seconds, business_seconds FROM report_response_event e
                        WHERE e.thread_id = t.id AND e.kind = 'first' LIMIT 1) f ON true
    LEFT JOIN LATERAL (SELECT count(*)::int AS replies, round(avg(seconds)::numeric, 3)::float8 AS reply_mean_seconds,
                              max(seconds) AS reply_max_seconds
                         FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'reply') r ON true
    LEFT JOIN LATERAL (SELECT count(*)::int AS handled, min(action) AS handled_action
                         FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'handled') h ON true
   WHERE t.workspace_id = $1
     AND t.first_inbound_at >= ($2::date::timestamp AT TIME ZONE w.timezone)
     AND t.first_inbound_at < (($3::date + 1)::timestamp AT TIME ZONE w.timezone)
     AND ($4::text IS NULL OR t.network = $4) AND ($5::uuid IS NULL OR t.channel_account_id = $5)
   ORDER BY t.first_inbound_at, t.id
   LIMIT ${THREAD_EXPORT_MAX_ROWS}`;

/**
 * One row per thread started in the period (its timers and response events), read through a
 * server-side cursor THREAD_EXPORT_BATCH rows at a time, so an export of 100,000 threads never
 * holds more than one batch. The cursor lives in a read-only transaction on a connection of its
 * own; stopping the iteration early (the client went away) closes it and returns the connection.
 */
export async function* threadExportBatches(ds: DataSource, workspaceId: string, p: ReportParams): AsyncGenerator<ThreadExportRow[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN READ ONLY');
    await runner.query(`DECLARE thread_export NO SCROLL CURSOR FOR ${THREAD_EXPORT_SQL}`, [workspaceId, p.from, p.to, p.network, p.channel]);
    for (;;) {
      const rows = (await runner.query(`FETCH ${THREAD_EXPORT_BATCH} FROM thread_export`)) as ThreadExportDbRow[];
      if (rows.length > 0) yield rows.map(toThreadExportRow);
      if (rows.length < THREAD_EXPORT_BATCH) return;
    }
  } finally {
    // Ends the transaction and the cursor with it; a broken connection has nothing left to end.
    await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
