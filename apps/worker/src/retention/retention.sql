/* The retention purge (retention.ts runs it; `npm run gen:sql` types it into retention.queries.ts). */

/* @name WorkspacesWithRetention */
SELECT id, retention_days AS "retention_days!" FROM workspace WHERE retention_days IS NOT NULL;

/* One batch of a workspace's expired messages (:batch rows at most: short transactions for a long backlog). */
/* @name DeleteExpiredMessages */
WITH d AS (DELETE FROM message WHERE id IN (
    SELECT id FROM message WHERE workspace_id = :workspaceId! AND created_at < now() - :retentionDays! * interval '1 day' LIMIT :batch!)
  RETURNING 1) SELECT count(*)::int AS "n!" FROM d;

/* @name DeleteEmptiedThreads */
WITH d AS (DELETE FROM thread t WHERE t.workspace_id = :workspaceId! AND NOT EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id) RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;
