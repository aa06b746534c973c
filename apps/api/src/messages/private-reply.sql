/* The SQL of private replies (private-reply.repository.ts runs it; `npm run gen:sql` types it). */

/*
 * The direct-message thread with a comment's author, where Instagram files a private reply (the
 * conversation is keyed by the author's IGSID, which is the comment's from.id): the one a sync or
 * webhook stores the conversation in (thread key dm:<id>), created when it does not exist yet and
 * locked either way. A new thread starts empty; the reply's insert counts the message.
 */
/* @name UpsertAuthorDirectThread */
INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, last_message_at)
VALUES (:workspaceId!, :channelAccountId!, :network!, :threadKey!, 'direct', :contactId::bigint, date_trunc('milliseconds', now()))
ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET contact_id = COALESCE(thread.contact_id, excluded.contact_id)
RETURNING id::text AS "id!";

/* Nothing when the comment has its private reply already (message_private_reply_to_key). */
/* @name InsertPrivateReply */
INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                     parent_external_id, author_user_id, text, created_at, delivery, private_reply_to)
VALUES (:workspaceId!, :channelAccountId!, :threadId!, NULL, 'outbound', true, :commentExternalId!, :authorUserId!, :text!,
        date_trunc('milliseconds', now()), 'queued', :commentId!)
ON CONFLICT (private_reply_to) WHERE private_reply_to IS NOT NULL DO NOTHING
RETURNING id::text AS "id!";

/* The comment's private reply with its text (a double click sends the same text twice). */
/* @name PrivateReplyOf */
SELECT id::text AS "id!", thread_id::text AS "threadId!", text FROM message WHERE private_reply_to = :commentId!;
