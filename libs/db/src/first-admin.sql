/* The first workspace and admin (first-admin.ts; typed into first-admin.queries.ts). */

/* SHARE ROW EXCLUSIVE conflicts with itself and with every INSERT/UPDATE/DELETE on users; reads go on. */
/* @name LockUsers */
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;

/* @name AdminByEmail */
SELECT u.id, u.workspace_id AS "workspaceId", u.name, w.name AS "workspaceName"
         FROM users u JOIN workspace w ON w.id = u.workspace_id WHERE u.email = :email! AND u.role = 'admin';

/* @name CountUsers */
SELECT count(*)::int AS "count!" FROM users;

/* @name FirstAdmins */
SELECT email FROM users WHERE role = 'admin' ORDER BY created_at, email LIMIT 5;

/* @name InsertFirstAdmin */
INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES (:workspaceId!, :email!, :name!, 'admin', :passwordHash!) RETURNING id;

/* The same audit entry the api writes for its own actions, in the same transaction. */
/* @name AuditFirstAdmin */
INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data) VALUES (:workspaceId!, :userId!, 'workspace.first_admin', 'workspace', :targetId!, :data!);

/* @name InsertWorkspace */
INSERT INTO workspace (name, slug) VALUES (:name!, :slug!) ON CONFLICT (slug) DO NOTHING RETURNING id;
