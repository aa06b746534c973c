/* The SQL of internal notes (notes.repository.ts runs it; `npm run gen:sql` types it into notes.queries.ts). */

/* The author's columns come from a LEFT JOIN: "?" tells pgTyped they can be NULL. The mentioned users
   come as two arrays in the order of note.mentioned_user_ids (deleted users left out). */
/* @name ListNotes */
SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text, n.created_at AS "createdAt", n.edited_at AS "editedAt",
       u.id AS "authorId?", u.name AS "authorName?",
       ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionIds!",
       ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionNames!"
  FROM note n LEFT JOIN users u ON u.id = n.author_user_id
 WHERE n.thread_id = :threadId! AND n.workspace_id = :workspaceId!
 ORDER BY n.created_at, n.id LIMIT 500;

/* Mentions keep only the workspace's users (a token of anyone else stays plain text). */
/* @name InsertNote */
WITH n AS (
  INSERT INTO note (workspace_id, thread_id, author_user_id, text, mentioned_user_ids)
  VALUES (:workspaceId!, :threadId!, :authorUserId!, :text!,
          ARRAY(SELECT id FROM users WHERE id = ANY(:mentionIds!::uuid[]) AND workspace_id = :workspaceId! ORDER BY array_position(:mentionIds!::uuid[], id)))
  RETURNING *
)
SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text AS "text!", n.created_at AS "createdAt!", n.edited_at AS "editedAt",
       u.id AS "authorId?", u.name AS "authorName?",
       ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionIds!",
       ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionNames!"
  FROM n LEFT JOIN users u ON u.id = n.author_user_id;

/* @name UpdateNote */
WITH n AS (
  UPDATE note SET text = :text!, edited_at = now(),
         mentioned_user_ids = ARRAY(SELECT id FROM users WHERE id = ANY(:mentionIds!::uuid[]) AND workspace_id = :workspaceId! ORDER BY array_position(:mentionIds!::uuid[], id))
   WHERE id = :id! AND workspace_id = :workspaceId!
  RETURNING *
)
SELECT n.id::text AS "id!", n.thread_id::text AS "threadId!", n.text AS "text!", n.created_at AS "createdAt!", n.edited_at AS "editedAt",
       u.id AS "authorId?", u.name AS "authorName?",
       ARRAY(SELECT m.id::text FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionIds!",
       ARRAY(SELECT mu.name FROM unnest(n.mentioned_user_ids) WITH ORDINALITY AS m(id, ord) JOIN users mu ON mu.id = m.id ORDER BY m.ord) AS "mentionNames!"
  FROM n LEFT JOIN users u ON u.id = n.author_user_id;

/* @name LockNote */
SELECT thread_id::text AS "threadId!", author_user_id AS "authorUserId"
  FROM note WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE;

/* @name DeleteNote */
DELETE FROM note WHERE id = :id!;
