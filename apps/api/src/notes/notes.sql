/* The SQL of internal notes (notes.repository.ts runs it; `npm run gen:sql` types it into notes.queries.ts). */

/* The author's columns come from a LEFT JOIN: "?" tells pgTyped they can be NULL. */
/* @name ListNotes */
SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text, n.created_at AS "createdAt",
       u.id AS "authorId?", u.name AS "authorName?"
  FROM note n LEFT JOIN users u ON u.id = n.author_user_id
 WHERE n.thread_id = :threadId! AND n.workspace_id = :workspaceId!
 ORDER BY n.created_at, n.id LIMIT 500;

/* @name InsertNote */
WITH n AS (
  INSERT INTO note (workspace_id, thread_id, author_user_id, text)
  VALUES (:workspaceId!, :threadId!, :authorUserId!, :text!) RETURNING *
)
SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text AS "text!", n.created_at AS "createdAt!",
       u.id AS "authorId?", u.name AS "authorName?"
  FROM n LEFT JOIN users u ON u.id = n.author_user_id;

/* @name LockNote */
SELECT thread_id::text AS "threadId!", author_user_id AS "authorUserId"
  FROM note WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE;

/* @name DeleteNote */
DELETE FROM note WHERE id = :id!;
