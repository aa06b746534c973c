/* The SQL of live events (events.repository.ts runs it; `npm run gen:sql` types it into events.queries.ts). */

/* Of these sessions, the ones still valid (not expired, user active) with their user's role. */
/* @name ValidSessions */
SELECT s.id AS "sessionId", u.role
  FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id
 WHERE s.id = ANY(:sessionIds!::text[]) AND s.expires_at > now() AND u.active;

/* @name NotifyChannel */
SELECT pg_notify(:channel!, :payload!);
