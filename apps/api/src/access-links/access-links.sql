/* The SQL of user_access_link (access-link.repository.ts runs it; `npm run gen:sql` types it into access-links.queries.ts). */

/* One live link per user: the user's earlier unused links stop working. */
/* @name DeleteUnusedLinks */
DELETE FROM user_access_link WHERE user_id = :userId! AND used_at IS NULL;

/* @name InsertLink */
INSERT INTO user_access_link (workspace_id, user_id, purpose, token_hash, created_by, expires_at)
VALUES (:workspaceId!, :userId!, :purpose!, :tokenHash!, :createdBy, now() + make_interval(days => :days!::int))
RETURNING expires_at AS "expiresAt";

/* @name FindLink */
SELECT l.id::text AS "id!", l.purpose, l.workspace_id AS "workspaceId", l.user_id AS "userId", u.email, u.name, u.active AS "userActive",
       l.expires_at AS "expiresAt", l.used_at AS "usedAt", l.expires_at <= now() AS "expired!"
  FROM user_access_link l JOIN users u ON u.id = l.user_id
 WHERE l.token_hash = :tokenHash!;

/* The same, the link's row locked until the transaction ends (single use). */
/* @name LockLink */
SELECT l.id::text AS "id!", l.purpose, l.workspace_id AS "workspaceId", l.user_id AS "userId", u.email, u.name, u.active AS "userActive",
       l.expires_at AS "expiresAt", l.used_at AS "usedAt", l.expires_at <= now() AS "expired!"
  FROM user_access_link l JOIN users u ON u.id = l.user_id
 WHERE l.token_hash = :tokenHash! FOR UPDATE OF l;

/* @name SetLinkPassword */
UPDATE users SET password_hash = :passwordHash!, updated_at = now() WHERE id = :userId!;

/* @name UseLink */
UPDATE user_access_link SET used_at = now() WHERE id = :id!;

/* A reset locks out whoever had the user's sessions. */
/* @name EndUserSessions */
DELETE FROM session WHERE user_id = :userId!;
