/* The SQL of the audit log (audit.repository.ts runs it; `npm run gen:sql` types it into audit.queries.ts). */

/* :data is JSON text. */
/* @name InsertAuditEvent */
INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data)
VALUES (:workspaceId!, :actorUserId, :action!, :targetType!, :targetId, :data!::jsonb);

/*
 * The workspace's events, newest first, optionally filtered (NULL: any), after the cursor
 * (:beforeAt, :beforeId) when given. The actor comes from a LEFT JOIN: "?" marks its columns.
 */
/* @name ListAuditEvents */
SELECT a.id::text AS "id!", a.action, a.target_type AS "targetType", a.target_id AS "targetId", a.data,
       -- Microseconds, as the cursor compares them (common/cursor.ts cursorTime()).
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt!", u.id AS "actorId?", u.name AS "actorName?"
  FROM audit_event a LEFT JOIN users u ON u.id = a.actor_user_id
 WHERE a.workspace_id = :workspaceId!
   AND (:targetType::text IS NULL OR a.target_type = :targetType)
   AND (:targetId::text IS NULL OR a.target_id = :targetId)
   AND (:actorUserId::uuid IS NULL OR a.actor_user_id = :actorUserId)
   AND (:action::text IS NULL OR a.action = :action)
   AND (:beforeAt::timestamptz IS NULL OR (a.created_at, a.id) < (:beforeAt::timestamptz, :beforeId::bigint))
 ORDER BY a.created_at DESC, a.id DESC
 LIMIT :limit!::int;
