/* One reply's delivery (outbound-sender.ts; typed into outbound-sender.queries.ts). */

/* The contact comes from a LEFT JOIN: "?" tells pgTyped it can be NULL. human_agent_approved: the
   workspace says it has Meta's approval for the HUMAN_AGENT tag (settings.humanAgentTagApproved = true),
   which lets a person answer Instagram and Messenger conversations up to 7 days after the customer's last message.
   A private reply's comment and its author come from LEFT JOINs too. */
/* @name OutboundMessage */
SELECT m.id::text AS "id!", m.text, m.delivery, m.external_id, m.created_at, m.parent_external_id, m.thread_id::text AS "thread_id!", m.channel_account_id,
              t.thread_key, t.channel, t.last_inbound_at, c.external_id AS "contact_external_id?",
              (w.settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "human_agent_approved!",
              m.private_reply_to IS NOT NULL AS "is_private_reply!", pm.external_id AS "comment_external_id?",
              pm.created_at AS "comment_created_at?", pc.external_id AS "comment_author_external_id?"
         FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id LEFT JOIN contact c ON c.id = t.contact_id
         -- a private reply (docs/instagram.md): the comment it answers, and that comment's author
         LEFT JOIN message pm ON pm.id = m.private_reply_to LEFT JOIN contact pc ON pc.id = pm.author_contact_id
        WHERE m.id = :id! AND m.direction = 'outbound';

/* @name MarkSending */
UPDATE message SET delivery = 'sending', delivery_attempts = delivery_attempts + 1 WHERE id = :id! AND delivery IN ('queued', 'sending');

/* Identical replies that Resonance sent on purpose earlier are not this one. */
/* @name RepliesAlreadySent */
SELECT external_id AS "external_id!" FROM message WHERE thread_id = :threadId! AND id <> :id! AND author_user_id IS NOT NULL AND external_id IS NOT NULL AND text = :text!;

/* @name RequeueReply */
UPDATE message SET delivery = 'queued', delivery_error = :reason! WHERE id = :id! AND delivery = 'sending';

/* @name FailReply */
UPDATE message SET delivery = 'failed', delivery_error = :reason! WHERE id = :id! AND delivery IN ('queued', 'sending');

/* A sync or webhook echo may have stored the reply already: that copy goes, ours takes the network's id. */
/* @name DeleteReplyCopies */
DELETE FROM message WHERE channel_account_id = :channelId! AND external_id = :externalId! AND id <> :id! RETURNING thread_id::text AS "thread_id!";

/* @name MarkSent */
UPDATE message SET external_id = :externalId!, delivery = 'sent', delivery_error = NULL WHERE id = :id!;
