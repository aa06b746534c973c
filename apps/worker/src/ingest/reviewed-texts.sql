/* What agents taught a workspace's classifier (reviewed-texts.ts; the classifier thread's memory). */

/* The newest correction ids of the workspace: the memory is reloaded only when one of them moved. */
/* @name ReviewedTextsVersion */
SELECT COALESCE((SELECT max(id) FROM intent_correction WHERE workspace_id = :workspaceId!), 0)::text || '/'
       || COALESCE((SELECT max(id) FROM sentiment_correction WHERE workspace_id = :workspaceId!), 0)::text AS "version!";

/*
 * The workspace's newest reviewed messages (at most :limit!, oldest first) with the labels of their
 * newest intent and sentiment review; a message whose text data care erased teaches nothing.
 */
/* @name ReviewedTexts */
WITH reviewed AS (
  SELECT message_id, max(created_at) AS last
    FROM (SELECT message_id, created_at FROM intent_correction WHERE workspace_id = :workspaceId!
          UNION ALL
          SELECT message_id, created_at FROM sentiment_correction WHERE workspace_id = :workspaceId!) c
   GROUP BY message_id ORDER BY max(created_at) DESC LIMIT :limit!
)
SELECT m.text AS "text!",
       (SELECT c.intent FROM intent_correction c WHERE c.message_id = r.message_id ORDER BY c.id DESC LIMIT 1) AS intent,
       (SELECT c.sentiment FROM sentiment_correction c WHERE c.message_id = r.message_id ORDER BY c.id DESC LIMIT 1) AS band
  FROM reviewed r JOIN message m ON m.id = r.message_id
 WHERE m.workspace_id = :workspaceId! AND m.text <> ''
 ORDER BY r.last;
