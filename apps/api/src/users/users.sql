/* The SQL of the workspace's users (users.repository.ts runs it; `npm run gen:sql` types it into users.queries.ts). */

/* A user as the API shows it (never the password hash): the columns of UserView. */

/* @name ListUsers */
SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"
  FROM users WHERE workspace_id = :workspaceId! ORDER BY name, id;

/* @name FindUser */
SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"
  FROM users WHERE id = :id!;

/* A user of the workspace, locked until the transaction ends. */
/* @name LockUser */
SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"
  FROM users WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE;

/* A sign-in's user by e-mail, with the password hash to check. */
/* @name FindUserForSignIn */
SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!",
       password_hash AS "passwordHash"
  FROM users WHERE email = :email!;

/* @name PasswordHashOf */
SELECT password_hash AS "passwordHash" FROM users WHERE id = :id!;

/* @name SetPassword */
UPDATE users SET password_hash = :passwordHash!, updated_at = now() WHERE id = :id!;

/* No row when the e-mail address is taken (unique across all workspaces). NULL password: invited. */
/* @name InsertUser */
INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES (:workspaceId!, :email!, :name!, :role!, :passwordHash)
ON CONFLICT (email) DO NOTHING
RETURNING id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!";

/* Changes the given fields (NULL: unchanged) of a user of the workspace; no row when there is none. */
/* @name UpdateUser */
WITH u AS (
  UPDATE users SET name = COALESCE(:name::text, name), role = COALESCE(:role::text, role), active = COALESCE(:active::boolean, active),
                   password_hash = COALESCE(:passwordHash::text, password_hash), updated_at = now()
   WHERE id = :id! AND workspace_id = :workspaceId! RETURNING *
)
SELECT id AS "id!", email AS "email!", name AS "name!", role AS "role!", active AS "active!", workspace_id AS "workspaceId!",
       password_hash IS NULL AS "invitationPending!"
  FROM u;
