import { THREAD_EXPORT_COLUMNS, toIsoOrNull, type ThreadExportRow } from '@resonance/contracts';
import type { ReportParams } from './report-query';
import type { ReportsRepository, ThreadExportDbRow } from './reports.repository';

/** The most threads one export holds (docs/reports.md; the LIMIT of ThreadExport in reports.sql). */
export const THREAD_EXPORT_MAX_ROWS = 100_000;
/** Rows fetched from the cursor at a time: the most the api holds in memory for one export. */
export const THREAD_EXPORT_BATCH = 1_000;

/** The one place an export row (ThreadExport in reports.sql) becomes the wire's ThreadExportRow (the CSV's column order is THREAD_EXPORT_COLUMNS). */
export const toThreadExportRow = ({ first_inbound_at, first_response_at, ...row }: ThreadExportDbRow): ThreadExportRow => ({
  ...row,
  first_inbound_at: toIsoOrNull(first_inbound_at),
  first_response_at: toIsoOrNull(first_response_at),
});

export { THREAD_EXPORT_COLUMNS };

/**
 * One row per thread started in the period (its timers and response events), read through a
 * server-side cursor THREAD_EXPORT_BATCH rows at a time, so an export of 100,000 threads never
 * holds more than one batch. The cursor lives in a read-only transaction on a connection of its
 * own; stopping the iteration early (the client went away) closes it and returns the connection.
 */
export async function* threadExportBatches(reports: ReportsRepository, workspaceId: string, p: ReportParams): AsyncGenerator<ThreadExportRow[]> {
  for await (const rows of reports.threadExportBatches(workspaceId, p, THREAD_EXPORT_BATCH)) yield rows.map(toThreadExportRow);
}
