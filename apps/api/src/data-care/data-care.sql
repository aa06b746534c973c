/* The SQL of data care (data-care.repository.ts runs it; `npm run gen:sql` types it into data-care.queries.ts). */

/* @name GetRetention */
SELECT retention_days AS "retentionDays" FROM workspace WHERE id = :workspaceId!;

/* @name SetRetention */
UPDATE workspace SET retention_days = :retentionDays::int, updated_at = now() WHERE id = :workspaceId!;

/* A contact of the workspace, locked until the erasure's transaction ends. */
/* @name LockContact */
SELECT id::text AS "id!" FROM contact WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE;

/* Whole conversations with the person (the company's answers quote and address them too). */
/* @name DeleteContactThreads */
WITH d AS (DELETE FROM thread WHERE contact_id = :id! AND workspace_id = :workspaceId! RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;

/* @name DeleteContactMessages */
WITH d AS (DELETE FROM message WHERE author_contact_id = :id! AND workspace_id = :workspaceId! RETURNING 1)
SELECT count(*)::int AS "n!" FROM d;

/* @name DeleteContact */
DELETE FROM contact WHERE id = :id!;
