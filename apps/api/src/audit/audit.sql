/* The SQL of the audit log (audit.repository.ts runs it; `npm run gen:sql` types it into audit.queries.ts). */

/* :data is JSON text. */
/* @name InsertAuditEvent */
INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data)
VALUES (:workspaceId!, :actorUserId, :action!, :targetType!, :targetId, :data!::jsonb);

/*
 * The workspace's events, newest first, optionally filtered (NULL: any), after the cursor
 * (:beforeAt, :beforeId) when given. The actor comes from a LEFT JOIN: "?" marks its columns.
 * The actions rules took on their own are their rule_run rows (no audit_event of their own since
 * migration 1734000000000: one row less per automatic action in the ingest, docs/benchmarks.md
 * Stop 36), read here as the events they were: rule.<action> on the thread, no actor, the rule
 * and the run in data. Each side is read newest first up to the limit; their ids may coincide,
 * their (created_at, id) practically never (a run's created_at is its ingest transaction's).
 */
/* @name ListAuditEvents */
WITH events AS (
       (SELECT a.id, a.created_at, a.action, a.target_type, a.target_id, a.data, a.actor_user_id
          FROM audit_event a
         WHERE a.workspace_id = :workspaceId!
           AND (:targetType::text IS NULL OR a.target_type = :targetType)
           AND (:targetId::text IS NULL OR a.target_id = :targetId)
           AND (:actorUserId::uuid IS NULL OR a.actor_user_id = :actorUserId)
           AND (:action::text IS NULL OR a.action = :action)
           AND (:beforeAt::timestamptz IS NULL OR (a.created_at, a.id) < (:beforeAt::timestamptz, :beforeId::bigint))
         ORDER BY a.created_at DESC, a.id DESC
         LIMIT :limit!::int)
       UNION ALL
       (SELECT r.id, r.created_at, 'rule.' || (r.action ->> 'type'), 'thread', r.thread_id::text,
               jsonb_build_object('ruleId', r.rule_id::text, 'ruleName', r.rule_name, 'ruleRunId', r.id::text, 'messageId', r.message_id::text, 'action', r.action),
               NULL::uuid
          FROM rule_run r
         WHERE r.workspace_id = :workspaceId!
           AND :actorUserId::uuid IS NULL
           AND (:targetType::text IS NULL OR :targetType = 'thread')
           -- A thread's id is digits; any other target id names no run (and must not fail the cast).
           AND (:targetId::text IS NULL OR r.thread_id = CASE WHEN :targetId ~ '^[0-9]{1,18}$' THEN :targetId::bigint END)
           AND (:action::text IS NULL OR 'rule.' || (r.action ->> 'type') = :action)
           AND (:beforeAt::timestamptz IS NULL OR (r.created_at, r.id) < (:beforeAt::timestamptz, :beforeId::bigint))
         ORDER BY r.created_at DESC, r.id DESC
         LIMIT :limit!::int)
     )
SELECT e.id::text AS "id!", e.action AS "action!", e.target_type AS "targetType!", e.target_id AS "targetId", e.data AS "data!",
       -- Microseconds, as the cursor compares them (common/cursor.ts cursorTime()).
       to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt!", u.id AS "actorId?", u.name AS "actorName?"
  FROM events e LEFT JOIN users u ON u.id = e.actor_user_id
 ORDER BY e.created_at DESC, e.id DESC
 LIMIT :limit!::int;
