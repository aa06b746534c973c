/* The SQL of the write counters and the purge of expired rows (security.repository.ts runs it; `npm run gen:sql` types it into security.queries.ts). */

/*
 * Counts one write and answers the count in the window. The counter belongs to the user of the
 * session :sessionId when it is live, and otherwise to :ipKey.
 */
/* @name CountWrite */
WITH client AS (
  SELECT coalesce(
    (SELECT 'user:' || s.user_id FROM session s JOIN users u ON u.id = s.user_id AND u.active
      WHERE s.id = :sessionId::text AND s.expires_at > now()),
    :ipKey!::text) AS key
)
INSERT INTO api_rate_limit (key, hits, window_started_at) SELECT key, 1, now() FROM client
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN api_rate_limit.window_started_at > now() - :windowMs!::float8 * interval '1 millisecond' THEN api_rate_limit.hits + 1 ELSE 1 END,
  window_started_at = CASE WHEN api_rate_limit.window_started_at > now() - :windowMs!::float8 * interval '1 millisecond' THEN api_rate_limit.window_started_at ELSE now() END
RETURNING hits, ceil(extract(epoch FROM (window_started_at + :windowMs!::float8 * interval '1 millisecond' - now())))::int AS "seconds_left!";

/*
 * The purge: each statement deletes up to :batch rows that can never count again. The condition is
 * repeated outside the sub-select on purpose: a row a request refreshed meanwhile is re-checked and kept.
 */

/* @name PurgeSessions */
WITH d AS (DELETE FROM session WHERE id IN (SELECT id FROM session WHERE expires_at < now() LIMIT :batch!::int)
             AND expires_at < now() RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;

/* Window counters (e-mail, address) past their window, backoff counters past their memory. */
/* @name PurgeLoginThrottle */
WITH d AS (DELETE FROM login_throttle
            WHERE key IN (SELECT key FROM login_throttle
                           WHERE window_started_at < now() - CASE WHEN key LIKE 'email:%' OR key LIKE 'ip:%' THEN :windowMs!::float8 ELSE :memoryMs!::float8 END * interval '1 millisecond'
                           LIMIT :batch!::int)
              AND window_started_at < now() - CASE WHEN key LIKE 'email:%' OR key LIKE 'ip:%' THEN :windowMs!::float8 ELSE :memoryMs!::float8 END * interval '1 millisecond'
            RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;

/* @name PurgeApiRateLimit */
WITH d AS (DELETE FROM api_rate_limit
            WHERE key IN (SELECT key FROM api_rate_limit WHERE window_started_at < now() - :windowMs!::float8 * interval '1 millisecond' LIMIT :batch!::int)
              AND window_started_at < now() - :windowMs!::float8 * interval '1 millisecond'
            RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;

/* Invitation and reset links used or expired :days ago. */
/* @name PurgeAccessLinks */
WITH d AS (DELETE FROM user_access_link
            WHERE id IN (SELECT id FROM user_access_link WHERE coalesce(least(used_at, expires_at), expires_at) < now() - :days!::int * interval '1 day' LIMIT :batch!::int)
              AND coalesce(least(used_at, expires_at), expires_at) < now() - :days!::int * interval '1 day'
            RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;

/* Past the replay window a delivery's hash protects nothing (a replay re-stores only what the idempotent ingest holds). */
/* @name PurgeWebhookDeliveries */
WITH d AS (DELETE FROM webhook_delivery
            WHERE delivery_id IN (SELECT delivery_id FROM webhook_delivery WHERE received_at < now() - :days!::int * interval '1 day' LIMIT :batch!::int)
              AND received_at < now() - :days!::int * interval '1 day'
            RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;
