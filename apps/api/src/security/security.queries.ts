/** Types generated for queries found in "apps/api/src/security/security.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'CountWrite' parameters type */
export interface ICountWriteParams {
  ipKey: string;
  sessionId?: string | null | void;
  windowMs: number;
}

/** 'CountWrite' return type */
export interface ICountWriteResult {
  hits: number;
  seconds_left: number;
}

/** 'CountWrite' query type */
export interface ICountWriteQuery {
  params: ICountWriteParams;
  result: ICountWriteResult;
}

const countWriteIR: any = {"usedParamSet":{"sessionId":true,"ipKey":true,"windowMs":true},"params":[{"name":"sessionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":149,"b":158}]},{"name":"ipKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":197,"b":203}]},{"name":"windowMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":406,"b":415},{"a":568,"b":577},{"a":728,"b":737}]}],"statement":"WITH client AS (\n  SELECT coalesce(\n    (SELECT 'user:' || s.user_id FROM session s JOIN users u ON u.id = s.user_id AND u.active\n      WHERE s.id = :sessionId::text AND s.expires_at > now()),\n    :ipKey!::text) AS key\n)\nINSERT INTO api_rate_limit (key, hits, window_started_at) SELECT key, 1, now() FROM client\nON CONFLICT (key) DO UPDATE SET\n  hits = CASE WHEN api_rate_limit.window_started_at > now() - :windowMs!::float8 * interval '1 millisecond' THEN api_rate_limit.hits + 1 ELSE 1 END,\n  window_started_at = CASE WHEN api_rate_limit.window_started_at > now() - :windowMs!::float8 * interval '1 millisecond' THEN api_rate_limit.window_started_at ELSE now() END\nRETURNING hits, ceil(extract(epoch FROM (window_started_at + :windowMs!::float8 * interval '1 millisecond' - now())))::int AS \"seconds_left!\"                                                                                                                                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * WITH client AS (
 *   SELECT coalesce(
 *     (SELECT 'user:' || s.user_id FROM session s JOIN users u ON u.id = s.user_id AND u.active
 *       WHERE s.id = :sessionId::text AND s.expires_at > now()),
 *     :ipKey!::text) AS key
 * )
 * INSERT INTO api_rate_limit (key, hits, window_started_at) SELECT key, 1, now() FROM client
 * ON CONFLICT (key) DO UPDATE SET
 *   hits = CASE WHEN api_rate_limit.window_started_at > now() - :windowMs!::float8 * interval '1 millisecond' THEN api_rate_limit.hits + 1 ELSE 1 END,
 *   window_started_at = CASE WHEN api_rate_limit.window_started_at > now() - :windowMs!::float8 * interval '1 millisecond' THEN api_rate_limit.window_started_at ELSE now() END
 * RETURNING hits, ceil(extract(epoch FROM (window_started_at + :windowMs!::float8 * interval '1 millisecond' - now())))::int AS "seconds_left!"                                                                                                                                                                                                                     
 * ```
 */
export const countWrite = new PreparedQuery<ICountWriteParams,ICountWriteResult>(countWriteIR);


/** 'PurgeSessions' parameters type */
export interface IPurgeSessionsParams {
  batch: number;
}

/** 'PurgeSessions' return type */
export interface IPurgeSessionsResult {
  n: number;
}

/** 'PurgeSessions' query type */
export interface IPurgeSessionsQuery {
  params: IPurgeSessionsParams;
  result: IPurgeSessionsResult;
}

const purgeSessionsIR: any = {"usedParamSet":{"batch":true},"params":[{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":104}]}],"statement":"WITH d AS (DELETE FROM session WHERE id IN (SELECT id FROM session WHERE expires_at < now() LIMIT :batch!::int)\n             AND expires_at < now() RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM session WHERE id IN (SELECT id FROM session WHERE expires_at < now() LIMIT :batch!::int)
 *              AND expires_at < now() RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d                                                                                              
 * ```
 */
export const purgeSessions = new PreparedQuery<IPurgeSessionsParams,IPurgeSessionsResult>(purgeSessionsIR);


/** 'PurgeLoginThrottle' parameters type */
export interface IPurgeLoginThrottleParams {
  batch: number;
  memoryMs: number;
  windowMs: number;
}

/** 'PurgeLoginThrottle' return type */
export interface IPurgeLoginThrottleResult {
  n: number;
}

/** 'PurgeLoginThrottle' query type */
export interface IPurgeLoginThrottleQuery {
  params: IPurgeLoginThrottleParams;
  result: IPurgeLoginThrottleResult;
}

const purgeLoginThrottleIR: any = {"usedParamSet":{"windowMs":true,"memoryMs":true,"batch":true},"params":[{"name":"windowMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":218},{"a":429,"b":438}]},{"name":"memoryMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":242},{"a":453,"b":462}]},{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":316,"b":322}]}],"statement":"WITH d AS (DELETE FROM login_throttle\n            WHERE key IN (SELECT key FROM login_throttle\n                           WHERE window_started_at < now() - CASE WHEN key LIKE 'email:%' OR key LIKE 'ip:%' THEN :windowMs!::float8 ELSE :memoryMs!::float8 END * interval '1 millisecond'\n                           LIMIT :batch!::int)\n              AND window_started_at < now() - CASE WHEN key LIKE 'email:%' OR key LIKE 'ip:%' THEN :windowMs!::float8 ELSE :memoryMs!::float8 END * interval '1 millisecond'\n            RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d"};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM login_throttle
 *             WHERE key IN (SELECT key FROM login_throttle
 *                            WHERE window_started_at < now() - CASE WHEN key LIKE 'email:%' OR key LIKE 'ip:%' THEN :windowMs!::float8 ELSE :memoryMs!::float8 END * interval '1 millisecond'
 *                            LIMIT :batch!::int)
 *               AND window_started_at < now() - CASE WHEN key LIKE 'email:%' OR key LIKE 'ip:%' THEN :windowMs!::float8 ELSE :memoryMs!::float8 END * interval '1 millisecond'
 *             RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d
 * ```
 */
export const purgeLoginThrottle = new PreparedQuery<IPurgeLoginThrottleParams,IPurgeLoginThrottleResult>(purgeLoginThrottleIR);


/** 'PurgeApiRateLimit' parameters type */
export interface IPurgeApiRateLimitParams {
  batch: number;
  windowMs: number;
}

/** 'PurgeApiRateLimit' return type */
export interface IPurgeApiRateLimitResult {
  n: number;
}

/** 'PurgeApiRateLimit' query type */
export interface IPurgeApiRateLimitQuery {
  params: IPurgeApiRateLimitParams;
  result: IPurgeApiRateLimitResult;
}

const purgeApiRateLimitIR: any = {"usedParamSet":{"windowMs":true,"batch":true},"params":[{"name":"windowMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":138},{"a":241,"b":250}]},{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":181,"b":187}]}],"statement":"WITH d AS (DELETE FROM api_rate_limit\n            WHERE key IN (SELECT key FROM api_rate_limit WHERE window_started_at < now() - :windowMs!::float8 * interval '1 millisecond' LIMIT :batch!::int)\n              AND window_started_at < now() - :windowMs!::float8 * interval '1 millisecond'\n            RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d                                                           "};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM api_rate_limit
 *             WHERE key IN (SELECT key FROM api_rate_limit WHERE window_started_at < now() - :windowMs!::float8 * interval '1 millisecond' LIMIT :batch!::int)
 *               AND window_started_at < now() - :windowMs!::float8 * interval '1 millisecond'
 *             RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d                                                           
 * ```
 */
export const purgeApiRateLimit = new PreparedQuery<IPurgeApiRateLimitParams,IPurgeApiRateLimitResult>(purgeApiRateLimitIR);


/** 'PurgeAccessLinks' parameters type */
export interface IPurgeAccessLinksParams {
  batch: number;
  days: number;
}

/** 'PurgeAccessLinks' return type */
export interface IPurgeAccessLinksResult {
  n: number;
}

/** 'PurgeAccessLinks' query type */
export interface IPurgeAccessLinksQuery {
  params: IPurgeAccessLinksParams;
  result: IPurgeAccessLinksResult;
}

const purgeAccessLinksIR: any = {"usedParamSet":{"days":true,"batch":true},"params":[{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":162,"b":167},{"a":290,"b":295}]},{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":199,"b":205}]}],"statement":"WITH d AS (DELETE FROM user_access_link\n            WHERE id IN (SELECT id FROM user_access_link WHERE coalesce(least(used_at, expires_at), expires_at) < now() - :days!::int * interval '1 day' LIMIT :batch!::int)\n              AND coalesce(least(used_at, expires_at), expires_at) < now() - :days!::int * interval '1 day'\n            RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d                                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM user_access_link
 *             WHERE id IN (SELECT id FROM user_access_link WHERE coalesce(least(used_at, expires_at), expires_at) < now() - :days!::int * interval '1 day' LIMIT :batch!::int)
 *               AND coalesce(least(used_at, expires_at), expires_at) < now() - :days!::int * interval '1 day'
 *             RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d                                                                                                                           
 * ```
 */
export const purgeAccessLinks = new PreparedQuery<IPurgeAccessLinksParams,IPurgeAccessLinksResult>(purgeAccessLinksIR);


/** 'PurgeWebhookDeliveries' parameters type */
export interface IPurgeWebhookDeliveriesParams {
  batch: number;
  days: number;
}

/** 'PurgeWebhookDeliveries' return type */
export interface IPurgeWebhookDeliveriesResult {
  n: number;
}

/** 'PurgeWebhookDeliveries' query type */
export interface IPurgeWebhookDeliveriesQuery {
  params: IPurgeWebhookDeliveriesParams;
  result: IPurgeWebhookDeliveriesResult;
}

const purgeWebhookDeliveriesIR: any = {"usedParamSet":{"days":true,"batch":true},"params":[{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":143,"b":148},{"a":234,"b":239}]},{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":186}]}],"statement":"WITH d AS (DELETE FROM webhook_delivery\n            WHERE delivery_id IN (SELECT delivery_id FROM webhook_delivery WHERE received_at < now() - :days!::int * interval '1 day' LIMIT :batch!::int)\n              AND received_at < now() - :days!::int * interval '1 day'\n            RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d"};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM webhook_delivery
 *             WHERE delivery_id IN (SELECT delivery_id FROM webhook_delivery WHERE received_at < now() - :days!::int * interval '1 day' LIMIT :batch!::int)
 *               AND received_at < now() - :days!::int * interval '1 day'
 *             RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d
 * ```
 */
export const purgeWebhookDeliveries = new PreparedQuery<IPurgeWebhookDeliveriesParams,IPurgeWebhookDeliveriesResult>(purgeWebhookDeliveriesIR);


