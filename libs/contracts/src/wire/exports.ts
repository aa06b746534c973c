import type { IsoDateTime } from './common';

/**
 * One row of GET /api/reports/threads (the thread export; CSV by default, ?format=json for a JSON
 * array of these). The CSV's column order is THREAD_EXPORT_COLUMNS.
 */
export interface ThreadExportRow {
  thread_id: string;
  network: string;
  channel_account_id: string;
  channel: string;
  post_id: string | null;
  status: string;
  assignee_id: string | null;
  first_inbound_at: IsoDateTime | null;
  first_response_at: IsoDateTime | null;
  first_response_seconds: number | null;
  first_response_business_seconds: number | null;
  replies: number;
  reply_mean_seconds: number | null;
  reply_max_seconds: number | null;
  handled: number;
  handled_action: string | null;
  message_count: number;
  tags: string[];
}

export const THREAD_EXPORT_COLUMNS: ReadonlyArray<keyof ThreadExportRow> = [
  'thread_id',
  'network',
  'channel_account_id',
  'channel',
  'post_id',
  'status',
  'assignee_id',
  'first_inbound_at',
  'first_response_at',
  'first_response_seconds',
  'first_response_business_seconds',
  'replies',
  'reply_mean_seconds',
  'reply_max_seconds',
  'handled',
  'handled_action',
  'message_count',
  'tags',
];
