/* The SQL of a contact's history (contacts.repository.ts runs it; `npm run gen:sql` types it into contacts.queries.ts). */

/* @name ContactInWorkspace */
SELECT c.id::text AS "id!", c.external_id AS "externalId", c.name, c.handle, ca.network
  FROM contact c JOIN channel_account ca ON ca.id = c.channel_account_id
 WHERE c.id = :id! AND c.workspace_id = :workspaceId!;

/* The contact's threads, newest activity first (ThreadsRepository.itemsByIds makes them items). */
/* @name ContactThreadIds */
SELECT t.id::text AS "id!" FROM thread t
 WHERE t.workspace_id = :workspaceId! AND t.contact_id = :contactId!
 ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit!;
