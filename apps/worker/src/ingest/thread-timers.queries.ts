/** Types generated for queries found in "apps/worker/src/ingest/thread-timers.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

/** 'RecomputeThreads' parameters type */
export interface IRecomputeThreadsParams {
  newInbound: Json;
  threadIds: NumberOrStringArray;
}

/** 'RecomputeThreads' return type */
export type IRecomputeThreadsResult = void;

/** 'RecomputeThreads' query type */
export interface IRecomputeThreadsQuery {
  params: IRecomputeThreadsParams;
  result: IRecomputeThreadsResult;
}

const recomputeThreadsIR: any = {"usedParamSet":{"newInbound":true,"threadIds":true},"params":[{"name":"newInbound","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":101}]},{"name":"threadIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":582,"b":592}]}],"statement":"WITH news AS (\n       SELECT key::bigint AS id, value::int AS inbound FROM json_each_text(:newInbound!::json)\n     ), agg AS (\n       SELECT m.thread_id,\n              min(m.created_at) FILTER (WHERE NOT m.is_from_account) AS first_inbound,\n              max(m.created_at) FILTER (WHERE NOT m.is_from_account) AS last_inbound,\n              max(m.created_at) FILTER (WHERE m.is_from_account AND m.external_id IS NOT NULL) AS last_response,\n              max(m.created_at) AS last_message,\n              count(*)::int AS total\n         FROM message m\n        WHERE m.thread_id = ANY(:threadIds!::bigint[]) AND NOT m.deleted\n        GROUP BY m.thread_id\n     ), timers AS (\n       SELECT a.*,\n              (SELECT min(r.created_at) FROM message r\n                WHERE r.thread_id = a.thread_id AND r.is_from_account AND r.external_id IS NOT NULL\n                  AND r.created_at > a.first_inbound) AS first_response,\n              -- the reports' rule: a response on the network or a like/hide/delete ends the wait (schema/functions.ts)\n              resonance_thread_waiting_since(a.thread_id) AS waiting,\n              (SELECT left(l.text, 280) FROM message l\n                WHERE l.thread_id = a.thread_id AND NOT l.deleted\n                ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS preview\n         FROM agg a\n     )\n     UPDATE thread t SET\n       first_inbound_at = timers.first_inbound,\n       last_inbound_at = timers.last_inbound,\n       first_response_at = timers.first_response,\n       waiting_since = timers.waiting,\n       last_message_at = timers.last_message,\n       message_count = timers.total,\n       last_message_preview = COALESCE(timers.preview, ''),\n       unread_count = t.unread_count + COALESCE(news.inbound, 0),\n       status = CASE WHEN COALESCE(news.inbound, 0) > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,\n       updated_at = now()\n       FROM timers LEFT JOIN news ON news.id = timers.thread_id\n      WHERE t.id = timers.thread_id"};

/**
 * Query generated from SQL:
 * ```
 * WITH news AS (
 *        SELECT key::bigint AS id, value::int AS inbound FROM json_each_text(:newInbound!::json)
 *      ), agg AS (
 *        SELECT m.thread_id,
 *               min(m.created_at) FILTER (WHERE NOT m.is_from_account) AS first_inbound,
 *               max(m.created_at) FILTER (WHERE NOT m.is_from_account) AS last_inbound,
 *               max(m.created_at) FILTER (WHERE m.is_from_account AND m.external_id IS NOT NULL) AS last_response,
 *               max(m.created_at) AS last_message,
 *               count(*)::int AS total
 *          FROM message m
 *         WHERE m.thread_id = ANY(:threadIds!::bigint[]) AND NOT m.deleted
 *         GROUP BY m.thread_id
 *      ), timers AS (
 *        SELECT a.*,
 *               (SELECT min(r.created_at) FROM message r
 *                 WHERE r.thread_id = a.thread_id AND r.is_from_account AND r.external_id IS NOT NULL
 *                   AND r.created_at > a.first_inbound) AS first_response,
 *               -- the reports' rule: a response on the network or a like/hide/delete ends the wait (schema/functions.ts)
 *               resonance_thread_waiting_since(a.thread_id) AS waiting,
 *               (SELECT left(l.text, 280) FROM message l
 *                 WHERE l.thread_id = a.thread_id AND NOT l.deleted
 *                 ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS preview
 *          FROM agg a
 *      )
 *      UPDATE thread t SET
 *        first_inbound_at = timers.first_inbound,
 *        last_inbound_at = timers.last_inbound,
 *        first_response_at = timers.first_response,
 *        waiting_since = timers.waiting,
 *        last_message_at = timers.last_message,
 *        message_count = timers.total,
 *        last_message_preview = COALESCE(timers.preview, ''),
 *        unread_count = t.unread_count + COALESCE(news.inbound, 0),
 *        status = CASE WHEN COALESCE(news.inbound, 0) > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,
 *        updated_at = now()
 *        FROM timers LEFT JOIN news ON news.id = timers.thread_id
 *       WHERE t.id = timers.thread_id
 * ```
 */
export const recomputeThreads = new PreparedQuery<IRecomputeThreadsParams,IRecomputeThreadsResult>(recomputeThreadsIR);


/** 'AdvanceThreads' parameters type */
export interface IAdvanceThreadsParams {
  advances: Json;
}

/** 'AdvanceThreads' return type */
export interface IAdvanceThreadsResult {
  id: string;
}

/** 'AdvanceThreads' query type */
export interface IAdvanceThreadsQuery {
  params: IAdvanceThreadsParams;
  result: IAdvanceThreadsResult;
}

const advanceThreadsIR: any = {"usedParamSet":{"advances":true},"params":[{"name":"advances","required":true,"transform":{"type":"scalar"},"locs":[{"a":677,"b":686}]}],"statement":"UPDATE thread t SET\n       first_inbound_at = COALESCE(t.first_inbound_at, n.fi),\n       last_inbound_at = COALESCE(n.li, t.last_inbound_at),\n       first_response_at = COALESCE(t.first_response_at, CASE WHEN t.first_inbound_at IS NOT NULL THEN n.fo ELSE n.fr END),\n       waiting_since = CASE WHEN n.lo IS NOT NULL THEN n.w ELSE COALESCE(t.waiting_since, n.fi) END,\n       last_message_at = n.z,\n       message_count = t.message_count + n.n,\n       last_message_preview = left(n.v, 280),\n       unread_count = t.unread_count + n.i,\n       status = CASE WHEN n.i > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,\n       updated_at = now()\n       FROM json_to_recordset(:advances!::json) AS n(id bigint, a timestamptz, z timestamptz, fi timestamptz, li timestamptz,\n            fo timestamptz, lo timestamptz, fr timestamptz, w timestamptz, n int, i int, v text)\n      WHERE t.id = n.id AND t.last_message_at < n.a\n      RETURNING t.id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread t SET
 *        first_inbound_at = COALESCE(t.first_inbound_at, n.fi),
 *        last_inbound_at = COALESCE(n.li, t.last_inbound_at),
 *        first_response_at = COALESCE(t.first_response_at, CASE WHEN t.first_inbound_at IS NOT NULL THEN n.fo ELSE n.fr END),
 *        waiting_since = CASE WHEN n.lo IS NOT NULL THEN n.w ELSE COALESCE(t.waiting_since, n.fi) END,
 *        last_message_at = n.z,
 *        message_count = t.message_count + n.n,
 *        last_message_preview = left(n.v, 280),
 *        unread_count = t.unread_count + n.i,
 *        status = CASE WHEN n.i > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,
 *        updated_at = now()
 *        FROM json_to_recordset(:advances!::json) AS n(id bigint, a timestamptz, z timestamptz, fi timestamptz, li timestamptz,
 *             fo timestamptz, lo timestamptz, fr timestamptz, w timestamptz, n int, i int, v text)
 *       WHERE t.id = n.id AND t.last_message_at < n.a
 *       RETURNING t.id
 * ```
 */
export const advanceThreads = new PreparedQuery<IAdvanceThreadsParams,IAdvanceThreadsResult>(advanceThreadsIR);


