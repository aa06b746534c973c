import type { AuthUser } from '../auth/auth.types';
import type { Cursor } from '../common/cursor';
import type { ThreadsQuery } from './threads.dto';
import { THREAD_ITEM_COLUMNS, THREAD_ITEM_JOINS } from './thread.sql';

const SENTIMENT_BAND = {
  negative: 'm.sentiment < -0.25',
  neutral: 'm.sentiment BETWEEN -0.25 AND 0.25',
  positive: 'm.sentiment > 0.25',
} as const;

/** A text query in the three configurations the search_vector holds (OR-ed). */
export const SEARCH_TSQUERY = (p: string) =>
  `(websearch_to_tsquery('simple', ${p}) || websearch_to_tsquery('german', ${p}) || websearch_to_tsquery('english', ${p}))`;

/**
 * One statement per inbox page: the keyset page of thread rows is chosen first (over the
 * (workspace, [status|assignee|network|channel], last_message_at desc, id desc) indexes), and only
 * the page's rows are joined to channel, contact and assignee.
 */
export function threadListQuery(user: AuthUser, q: ThreadsQuery, cursor: Cursor | null, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [user.workspaceId];
  const where = ['t.workspace_id = $1'];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.status) where.push(`t.status = ${p(q.status)}`);
  if (q.network) where.push(`t.network = ${p(q.network)}`);
  if (q.channel) where.push(`t.channel_account_id = ${p(q.channel)}`);
  if (q.assignee === 'unassigned') where.push('t.assignee_id IS NULL');
  else if (q.assignee === 'me') where.push(`t.assignee_id = ${p(user.id)}`);
  else if (q.assignee) where.push(`t.assignee_id = ${p(q.assignee.toLowerCase())}`);
  if (q.tag) where.push(`t.tags @> ARRAY[${p(q.tag)}]::text[]`);
  if (q.waitingLongerThanMinutes !== undefined) {
    where.push(`t.waiting_since < now() - ${p(q.waitingLongerThanMinutes)} * interval '1 minute'`);
  }
  if (q.intent) {
    where.push(`EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = ${p(q.intent)})`);
  }
  if (q.sentiment) {
    where.push(`EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND ${SENTIMENT_BAND[q.sentiment]})`);
  }
  if (q.q) {
    where.push(
      `t.id IN (SELECT m.thread_id FROM message m WHERE m.workspace_id = $1 AND NOT m.deleted AND m.search_vector @@ ${SEARCH_TSQUERY(p(q.q))})`,
    );
  }
  if (cursor) where.push(`(t.last_message_at, t.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::bigint)`);
  const sql = `
    SELECT ${THREAD_ITEM_COLUMNS}
      FROM (SELECT * FROM thread t WHERE ${where.join(' AND ')}
             ORDER BY t.last_message_at DESC, t.id DESC LIMIT ${p(limit + 1)}) t
      ${THREAD_ITEM_JOINS}
     ORDER BY t.last_message_at DESC, t.id DESC`;
  return { sql, params };
}
