/* The SQL of replies (replies.repository.ts runs it; `npm run gen:sql` types it into replies.queries.ts). */

/* The thread a reply goes to, locked until the transaction ends. */
/* @name LockReplyThread */
SELECT id::text AS "id!", channel_account_id AS "channelAccountId", network, channel
  FROM thread WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE;

/* @name MessageOfThread */
SELECT 1 AS "found!" FROM message WHERE id = :id! AND thread_id = :threadId!;

/* @name MessageOfThreadByExternalId */
SELECT 1 AS "found!" FROM message WHERE thread_id = :threadId! AND external_id = :externalId!;

/* What a reply answers by default: the newest inbound message with a network id (else the newest one). */
/* @name DefaultReplyParent */
SELECT external_id AS "externalId!" FROM message WHERE thread_id = :threadId! AND external_id IS NOT NULL AND NOT deleted
 ORDER BY (NOT is_from_account) DESC, created_at DESC, id DESC LIMIT 1;

/* @name InsertReply */
INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                     parent_external_id, author_user_id, text, created_at, delivery)
VALUES (:workspaceId!, :channelAccountId!, :threadId!, NULL, 'outbound', true, :parentExternalId, :authorUserId!, :text!,
        date_trunc('milliseconds', now()), 'queued')
RETURNING id::text AS "id!";

/* @name TouchThreadAfterReply */
UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),
                  last_message_preview = left(:text!, 280), message_count = message_count + 1,
                  unread_count = 0, updated_at = now()
 WHERE id = :threadId!;

/* A reply to retry: ours (written here, no network id yet) and overdue after the recovery bound. */
/* @name RetryCandidate */
SELECT delivery, thread_id::text AS "threadId!", author_user_id IS NOT NULL AND external_id IS NULL AS "ours!",
       created_at < now() - :overdueAfterMs!::int * interval '1 millisecond' AS "overdue!"
  FROM message WHERE id = :id! AND workspace_id = :workspaceId!;

/* @name RequeueFailedReply */
UPDATE message SET delivery = 'queued', delivery_error = NULL WHERE id = :id! AND workspace_id = :workspaceId! AND delivery = 'failed';
