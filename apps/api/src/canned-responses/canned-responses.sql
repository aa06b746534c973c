/* The SQL of canned responses (canned-responses.repository.ts runs it; `npm run gen:sql` types it). */

/* :like is an ILIKE pattern (NULL: no filter) matched against title, shortcut and text. */
/* @name ListCannedResponses */
SELECT id, title, text, shortcut, language, updated_at AS "updatedAt"
  FROM canned_response
 WHERE workspace_id = :workspaceId! AND (:like::text IS NULL OR title ILIKE :like OR shortcut ILIKE :like OR text ILIKE :like)
 ORDER BY title, id LIMIT :limit!;

/* @name GetCannedResponse */
SELECT id, title, text, shortcut, language, updated_at AS "updatedAt"
  FROM canned_response WHERE id = :id! AND workspace_id = :workspaceId!;

/* @name InsertCannedResponse */
INSERT INTO canned_response (workspace_id, title, text, shortcut, language, created_by)
VALUES (:workspaceId!, :title!, :text!, :shortcut, :language, :createdBy!)
RETURNING id, title, text, shortcut, language, updated_at AS "updatedAt";

/* A column changes only when its set… flag is true (shortcut and language can be set to NULL). */
/* @name UpdateCannedResponse */
UPDATE canned_response
   SET title = CASE WHEN :setTitle!::boolean THEN :title::text ELSE title END,
       text = CASE WHEN :setText!::boolean THEN :text::text ELSE text END,
       shortcut = CASE WHEN :setShortcut!::boolean THEN :shortcut::text ELSE shortcut END,
       language = CASE WHEN :setLanguage!::boolean THEN :language::text ELSE language END,
       updated_at = now()
 WHERE id = :id! AND workspace_id = :workspaceId!
RETURNING id, title, text, shortcut, language, updated_at AS "updatedAt";

/* @name DeleteCannedResponse */
DELETE FROM canned_response WHERE id = :id! AND workspace_id = :workspaceId! RETURNING id;

/* What fills a template's variables: the thread's contact, channel and network ("?": LEFT JOINs; no thread → NULL network). */
/* @name CannedRenderContext */
SELECT cr.text, c.name AS "contactName?", c.handle AS "contactHandle?", ca.display_name AS "channelName?", t.network AS "network?"
  FROM canned_response cr
  LEFT JOIN thread t ON t.id = :threadId! AND t.workspace_id = :workspaceId!
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN channel_account ca ON ca.id = t.channel_account_id
 WHERE cr.id = :id! AND cr.workspace_id = :workspaceId!;
