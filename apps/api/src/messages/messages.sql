/* The SQL of messages and their like/hide/delete requests (messages.repository.ts runs it; `npm run gen:sql` types it). */

/*
 * Every MessageItem statement selects the same flat columns (message-item.ts shapes author and
 * lastAction from them): the author is a user (a reply) or a contact, both from LEFT JOINs ("?").
 */

/* MessageItems by id within one workspace, oldest first (at most 500). */
/* @name MessageItemsByIds */
SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
       m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
       au.id AS "authorUserId?", au.name AS "authorUserName?",
       ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
       ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
       m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
       m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
       m.handled_action AS "handledAction",
       mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
                  AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
       la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
       la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
       ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
       sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
       sr.name AS "sentimentReviewByName?",
       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
       pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?"
  FROM message m
  JOIN thread mt ON mt.id = m.thread_id
  LEFT JOIN users au ON au.id = m.author_user_id
  LEFT JOIN contact ac ON ac.id = m.author_contact_id
  -- the newest like/hide/delete request on the message
  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
  -- the newest review of each label (a change, or a confirmation when the label stayed)
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'
                                                                                          ELSE 'neutral' END AS changed,
                            u.id AS user_id, u.name
                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
  LEFT JOIN message pr ON pr.private_reply_to = m.id
 WHERE m.workspace_id = :workspaceId! AND m.id = ANY(:ids!::bigint[])
 ORDER BY m.created_at, m.id LIMIT 500;

/* MessageItems of an id range (the rows one ingest statement inserted), oldest first. */
/* @name MessageItemsInIdRange */
SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
       m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
       au.id AS "authorUserId?", au.name AS "authorUserName?",
       ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
       ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
       m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
       m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
       m.handled_action AS "handledAction",
       mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
                  AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
       la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
       la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
       ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
       sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
       sr.name AS "sentimentReviewByName?",
       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
       pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?"
  FROM message m
  JOIN thread mt ON mt.id = m.thread_id
  LEFT JOIN users au ON au.id = m.author_user_id
  LEFT JOIN contact ac ON ac.id = m.author_contact_id
  -- the newest like/hide/delete request on the message
  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
  -- the newest review of each label (a change, or a confirmation when the label stayed)
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'
                                                                                          ELSE 'neutral' END AS changed,
                            u.id AS user_id, u.name
                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
  LEFT JOIN message pr ON pr.private_reply_to = m.id
 WHERE m.workspace_id = :workspaceId! AND m.id BETWEEN :fromId!::bigint AND :toId!::bigint
 ORDER BY m.created_at, m.id LIMIT :limit!;

/*
 * The messages of a thread newer than the one an agent saw that someone else wrote — the customer,
 * a colleague's reply, the page answering natively — oldest first; the agent's own are not news.
 */
/* @name NewerMessageItemsByOthers */
SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
       m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
       au.id AS "authorUserId?", au.name AS "authorUserName?",
       ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
       ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
       m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
       m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
       m.handled_action AS "handledAction",
       mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
                  AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
       la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
       la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
       ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
       sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
       sr.name AS "sentimentReviewByName?",
       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
       pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?"
  FROM message m
  JOIN thread mt ON mt.id = m.thread_id
  LEFT JOIN users au ON au.id = m.author_user_id
  LEFT JOIN contact ac ON ac.id = m.author_contact_id
  -- the newest like/hide/delete request on the message
  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
  -- the newest review of each label (a change, or a confirmation when the label stayed)
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'
                                                                                          ELSE 'neutral' END AS changed,
                            u.id AS user_id, u.name
                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
  LEFT JOIN message pr ON pr.private_reply_to = m.id
 WHERE m.workspace_id = :workspaceId! AND m.thread_id = :threadId! AND m.id > :afterId!::bigint
   AND NOT m.deleted AND (NOT m.is_from_account OR m.author_user_id IS DISTINCT FROM :userId!)
 ORDER BY m.created_at, m.id LIMIT :limit!;

/*
 * One page of a thread's messages, oldest first, keyset-paged over (created_at, id) by
 * message_thread_idx; without a cursor the predicate folds away (custom plan, as the inbox list).
 */
/* @name ThreadMessagePage */
SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
       m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
       au.id AS "authorUserId?", au.name AS "authorUserName?",
       ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
       ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
       m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
       m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
       m.handled_action AS "handledAction",
       mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
                  AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
       la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
       la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
       ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
       sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
       sr.name AS "sentimentReviewByName?",
       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
       pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?",
       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
  FROM (SELECT * FROM message m
         WHERE m.thread_id = :threadId! AND m.workspace_id = :workspaceId!
           AND (:cursorAt::timestamptz IS NULL OR (m.created_at, m.id) > (:cursorAt, :cursorId::bigint))
         ORDER BY m.created_at, m.id LIMIT :limit!) m
  JOIN thread mt ON mt.id = m.thread_id
  LEFT JOIN users au ON au.id = m.author_user_id
  LEFT JOIN contact ac ON ac.id = m.author_contact_id
  -- the newest like/hide/delete request on the message
  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
  -- the newest review of each label (a change, or a confirmation when the label stayed)
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'
                                                                                          ELSE 'neutral' END AS changed,
                            u.id AS user_id, u.name
                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
  LEFT JOIN message pr ON pr.private_reply_to = m.id
 ORDER BY m.created_at, m.id;

/* A message to moderate, locked, with what decides the actions its network allows now (moderation-rules.ts). */
/* @name LockModerationTarget */
SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
       m.external_id AS "externalId", m.deleted, m.hidden, m.held_for_review AS "heldForReview", m.liked, t.channel, t.post_external_id AS "threadPostExternalId", ca.network,
       c.external_id AS "authorContactExternalId?",
       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
                  AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
       m.created_at AS "createdAt", m.workspace_id AS "workspaceId", m.channel_account_id AS "channelAccountId",
       m.author_contact_id::text AS "authorContactId", m.text,
       (SELECT p.id::text FROM message p WHERE p.private_reply_to = m.id) AS "privateReplyId"
  FROM message m JOIN thread t ON t.id = m.thread_id JOIN channel_account ca ON ca.id = m.channel_account_id
  LEFT JOIN contact c ON c.id = m.author_contact_id
 WHERE m.id = :id! AND m.workspace_id = :workspaceId!
   FOR UPDATE OF m;

/* @name OtherQueuedAction */
SELECT action FROM message_action WHERE message_id = :messageId! AND state = 'queued' AND action <> :action!;

/* Nothing when the same action is queued already (a double click). */
/* @name InsertMessageAction */
INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES (:workspaceId!, :messageId!, :action!, :requestedBy!)
ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING RETURNING id::text AS "id!";

/* @name LatestActionOfKind */
SELECT id::text AS "id!" FROM message_action WHERE message_id = :messageId! AND action = :action! ORDER BY id DESC LIMIT 1;

/* @name MessageInWorkspace */
SELECT 1 AS "found!" FROM message WHERE id = :id! AND workspace_id = :workspaceId!;

/* The requester's columns come from a LEFT JOIN ("?"). */
/* @name MessageActionById */
SELECT a.id::text AS "id!", a.action, a.state, a.error, u.id AS "requestedById?", u.name AS "requestedByName?",
       a.created_at AS "createdAt", a.finished_at AS "finishedAt"
  FROM message_action a LEFT JOIN users u ON u.id = a.requested_by
 WHERE a.workspace_id = :workspaceId! AND a.id = :id!;

/* @name MessageActionsOfMessage */
SELECT a.id::text AS "id!", a.action, a.state, a.error, u.id AS "requestedById?", u.name AS "requestedByName?",
       a.created_at AS "createdAt", a.finished_at AS "finishedAt"
  FROM message_action a LEFT JOIN users u ON u.id = a.requested_by
 WHERE a.workspace_id = :workspaceId! AND a.message_id = :messageId!
 ORDER BY a.id DESC LIMIT 50;
