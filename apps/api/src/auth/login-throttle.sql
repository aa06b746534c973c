/* The SQL of the attempt counters (login-throttle.repository.ts runs it; `npm run gen:sql` types it into login-throttle.queries.ts). */

/*
 * Inserts the missing counters and locks all of them, in key order (no deadlock between attempts
 * sharing keys); the no-op update is what makes ON CONFLICT lock and return the row.
 */
/* @name LockCounters */
INSERT INTO login_throttle AS t (key, failures, window_started_at)
SELECT k, 0, now() FROM unnest(:keys!::text[]) AS k ORDER BY k
ON CONFLICT (key) DO UPDATE SET failures = t.failures
RETURNING t.key, t.failures, t.window_started_at AS started_at, now() AS "now!";

/* @name SetCounters */
UPDATE login_throttle t SET failures = n.failures, window_started_at = to_timestamp(n.started_ms / 1000.0)
  FROM unnest(:keys!::text[], :failures!::int[], :startedMs!::float8[]) AS n(key, failures, started_ms)
 WHERE t.key = n.key;

/* @name ReleaseAttempt */
UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ANY(:keys!::text[]);

/* @name DeleteCounters */
DELETE FROM login_throttle WHERE key = ANY(:keys!::text[]);
