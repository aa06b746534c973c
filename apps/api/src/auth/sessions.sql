/* The SQL of sign-in sessions (sessions.repository.ts runs it; `npm run gen:sql` types it into sessions.queries.ts). */

/* @name InsertSession */
INSERT INTO session (id, workspace_id, user_id, csrf_token, expires_at, user_agent, ip)
VALUES (:id!, :workspaceId!, :userId!, :csrfToken!, now() + :idleMs!::float8 * interval '1 millisecond', :userAgent, :ip);

/*
 * The user behind a session id, in one statement: the lookup, and (at most every five minutes)
 * sliding the idle expiry forward, capped at :maxMs after sign-in. expires_in_ms: how long the
 * session lives at least (before this statement's slide), by the database's clock; the api keeps
 * the answer no longer than that (session.service.ts).
 */
/* @name ResolveSession */
WITH s AS (
  SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.workspace_id, u.email, u.name, u.role,
         extract(epoch FROM s.expires_at - now()) * 1000 AS expires_in_ms
    FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id
   WHERE s.id = :id! AND s.expires_at > now() AND u.active
), touch AS (
  UPDATE session SET last_seen_at = now(),
         expires_at = least(now() + :idleMs!::float8 * interval '1 millisecond', created_at + :maxMs!::float8 * interval '1 millisecond')
   WHERE id = :id! AND last_seen_at < now() - interval '5 minutes' AND EXISTS (SELECT 1 FROM s)
)
SELECT session_id AS "session_id!", csrf_token AS "csrf_token!", user_id AS "user_id!", workspace_id AS "workspace_id!",
       email AS "email!", name AS "name!", role AS "role!", expires_in_ms::float8 AS "expires_in_ms!"
  FROM s;

/* @name DeleteSession */
DELETE FROM session WHERE id = :id!;

/* Signs a user out everywhere but :exceptId (NULL: everywhere). */
/* @name DeleteUserSessions */
DELETE FROM session WHERE user_id = :userId! AND id IS DISTINCT FROM :exceptId::text;
