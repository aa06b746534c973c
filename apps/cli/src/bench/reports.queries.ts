/** Types generated for queries found in "apps/cli/src/bench/reports.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'FullScanResponseTimes' parameters type */
export interface IFullScanResponseTimesParams {
  days: number;
  workspaceId: string;
}

/** 'FullScanResponseTimes' return type */
export interface IFullScanResponseTimesResult {
  kind: string | null;
  mean: string | null;
  median: number | null;
  n: number | null;
  p90: number | null;
  sla: string | null;
}

/** 'FullScanResponseTimes' query type */
export interface IFullScanResponseTimesQuery {
  params: IFullScanResponseTimesParams;
  result: IFullScanResponseTimesResult;
}

const fullScanResponseTimesIR: any = {"usedParamSet":{"workspaceId":true,"days":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":113}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":141,"b":146}]}],"statement":"WITH m AS (\n  SELECT thread_id, id, created_at, is_from_account FROM message\n   WHERE workspace_id = :workspaceId! AND created_at >= now() - :days!::float8 * interval '1 day'\n     AND (NOT is_from_account OR delivery = 'sent' OR external_id IS NOT NULL)\n), seg AS (\n  SELECT thread_id, created_at, is_from_account,\n         count(*) FILTER (WHERE is_from_account) OVER (PARTITION BY thread_id ORDER BY created_at, id ROWS UNBOUNDED PRECEDING)\n           - CASE WHEN is_from_account THEN 1 ELSE 0 END AS g\n    FROM m\n), runs AS (\n  SELECT thread_id, g, min(created_at) FILTER (WHERE NOT is_from_account) AS inbound_at,\n         max(created_at) FILTER (WHERE is_from_account) AS closed_at\n    FROM seg GROUP BY thread_id, g\n), events AS (\n  SELECT 'reply' AS kind, extract(epoch FROM closed_at - inbound_at) AS s FROM runs\n   WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL\n  UNION ALL\n  SELECT 'first', extract(epoch FROM min(closed_at) - min(inbound_at)) FROM runs WHERE closed_at IS NOT NULL GROUP BY thread_id\n  HAVING min(inbound_at) < min(closed_at)\n)\nSELECT kind, count(*)::int AS n, avg(s) AS mean,\n       percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90,\n       avg((s <= 3600)::int) AS sla\n  FROM events GROUP BY kind                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * WITH m AS (
 *   SELECT thread_id, id, created_at, is_from_account FROM message
 *    WHERE workspace_id = :workspaceId! AND created_at >= now() - :days!::float8 * interval '1 day'
 *      AND (NOT is_from_account OR delivery = 'sent' OR external_id IS NOT NULL)
 * ), seg AS (
 *   SELECT thread_id, created_at, is_from_account,
 *          count(*) FILTER (WHERE is_from_account) OVER (PARTITION BY thread_id ORDER BY created_at, id ROWS UNBOUNDED PRECEDING)
 *            - CASE WHEN is_from_account THEN 1 ELSE 0 END AS g
 *     FROM m
 * ), runs AS (
 *   SELECT thread_id, g, min(created_at) FILTER (WHERE NOT is_from_account) AS inbound_at,
 *          max(created_at) FILTER (WHERE is_from_account) AS closed_at
 *     FROM seg GROUP BY thread_id, g
 * ), events AS (
 *   SELECT 'reply' AS kind, extract(epoch FROM closed_at - inbound_at) AS s FROM runs
 *    WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL
 *   UNION ALL
 *   SELECT 'first', extract(epoch FROM min(closed_at) - min(inbound_at)) FROM runs WHERE closed_at IS NOT NULL GROUP BY thread_id
 *   HAVING min(inbound_at) < min(closed_at)
 * )
 * SELECT kind, count(*)::int AS n, avg(s) AS mean,
 *        percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90,
 *        avg((s <= 3600)::int) AS sla
 *   FROM events GROUP BY kind                                                                                                           
 * ```
 */
export const fullScanResponseTimes = new PreparedQuery<IFullScanResponseTimesParams,IFullScanResponseTimesResult>(fullScanResponseTimesIR);


/** 'FullScanResonance' parameters type */
export interface IFullScanResonanceParams {
  days: number;
  workspaceId: string;
}

/** 'FullScanResonance' return type */
export interface IFullScanResonanceResult {
  answered: number | null;
  commenters: number | null;
  comments: number | null;
  complaint: number | null;
  discount: number | null;
  network: string;
  other: number | null;
  praise: number | null;
  purchase: number | null;
  question: number | null;
  sentiment: number | null;
}

/** 'FullScanResonance' query type */
export interface IFullScanResonanceQuery {
  params: IFullScanResonanceParams;
  result: IFullScanResonanceResult;
}

const fullScanResonanceIR: any = {"usedParamSet":{"workspaceId":true,"days":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":815,"b":827}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":857,"b":862}]}],"statement":"SELECT t.network, count(*)::int AS comments, count(DISTINCT m.author_contact_id)::int AS commenters,\n       count(*) FILTER (WHERE m.intent = 'discount_request')::int AS discount,\n       count(*) FILTER (WHERE m.intent = 'purchase_intent')::int AS purchase,\n       count(*) FILTER (WHERE m.intent = 'product_question')::int AS question,\n       count(*) FILTER (WHERE m.intent = 'complaint_support')::int AS complaint,\n       count(*) FILTER (WHERE m.intent = 'praise')::int AS praise,\n       count(*) FILTER (WHERE m.intent = 'other_spam')::int AS other,\n       avg(m.sentiment) AS sentiment,\n       count(DISTINCT m.thread_id) FILTER (WHERE t.first_response_at IS NOT NULL)::float8 / greatest(1, count(DISTINCT m.thread_id)) AS answered\n  FROM message m JOIN thread t ON t.id = m.thread_id\n WHERE m.workspace_id = :workspaceId! AND m.created_at >= now() - :days!::float8 * interval '1 day' AND NOT m.is_from_account AND t.channel = 'comment'\n GROUP BY t.network"};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.network, count(*)::int AS comments, count(DISTINCT m.author_contact_id)::int AS commenters,
 *        count(*) FILTER (WHERE m.intent = 'discount_request')::int AS discount,
 *        count(*) FILTER (WHERE m.intent = 'purchase_intent')::int AS purchase,
 *        count(*) FILTER (WHERE m.intent = 'product_question')::int AS question,
 *        count(*) FILTER (WHERE m.intent = 'complaint_support')::int AS complaint,
 *        count(*) FILTER (WHERE m.intent = 'praise')::int AS praise,
 *        count(*) FILTER (WHERE m.intent = 'other_spam')::int AS other,
 *        avg(m.sentiment) AS sentiment,
 *        count(DISTINCT m.thread_id) FILTER (WHERE t.first_response_at IS NOT NULL)::float8 / greatest(1, count(DISTINCT m.thread_id)) AS answered
 *   FROM message m JOIN thread t ON t.id = m.thread_id
 *  WHERE m.workspace_id = :workspaceId! AND m.created_at >= now() - :days!::float8 * interval '1 day' AND NOT m.is_from_account AND t.channel = 'comment'
 *  GROUP BY t.network
 * ```
 */
export const fullScanResonance = new PreparedQuery<IFullScanResonanceParams,IFullScanResonanceResult>(fullScanResonanceIR);


