/** Types generated for queries found in "apps/api/src/messages/messages.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

export type stringArray = (string)[];

/** 'MessageItemsByIds' parameters type */
export interface IMessageItemsByIdsParams {
  ids: NumberOrStringArray;
  workspaceId: string;
}

/** 'MessageItemsByIds' return type */
export interface IMessageItemsByIdsResult {
  attachments: Json | null;
  authorBlocked: boolean;
  authorContactAvatarUrl: string | null;
  authorContactExternalId: string | null;
  authorContactHandle: string | null;
  authorContactId: string | null;
  authorContactName: string | null;
  authorUserId: string | null;
  authorUserName: string | null;
  createdAt: Date;
  deleted: boolean;
  delivery: string | null;
  deliveryError: string | null;
  direction: string;
  externalId: string | null;
  handledAction: string | null;
  heldForReview: boolean;
  hidden: boolean;
  id: string;
  intent: string | null;
  intentReviewAt: Date | null;
  intentReviewById: string | null;
  intentReviewByName: string | null;
  intentReviewChanged: boolean | null;
  isFromAccount: boolean;
  lastActionAction: string | null;
  lastActionCreatedAt: Date | null;
  lastActionError: string | null;
  lastActionId: string | null;
  lastActionState: string | null;
  liked: boolean;
  network: string;
  parentExternalId: string | null;
  privateReplyId: string | null;
  privateReplyThreadId: string | null;
  sentiment: number | null;
  sentimentReviewAt: Date | null;
  sentimentReviewById: string | null;
  sentimentReviewByName: string | null;
  sentimentReviewChanged: boolean | null;
  spamReasons: stringArray;
  text: string;
  threadChannel: string;
  threadId: string;
  threadPostExternalId: string | null;
  url: string | null;
}

/** 'MessageItemsByIds' query type */
export interface IMessageItemsByIdsQuery {
  params: IMessageItemsByIdsParams;
  result: IMessageItemsByIdsResult;
}

const messageItemsByIdsIR: any = {"usedParamSet":{"workspaceId":true,"ids":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3442,"b":3454}]},{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":3471,"b":3475}]}],"statement":"SELECT m.id::text AS \"id!\", m.thread_id::text AS \"threadId!\", m.direction, m.is_from_account AS \"isFromAccount\",\n       m.external_id AS \"externalId\", m.parent_external_id AS \"parentExternalId\",\n       au.id AS \"authorUserId?\", au.name AS \"authorUserName?\",\n       ac.id::text AS \"authorContactId?\", ac.name AS \"authorContactName?\", ac.handle AS \"authorContactHandle?\",\n       ac.avatar_url AS \"authorContactAvatarUrl?\", ac.external_id AS \"authorContactExternalId?\",\n       m.text, m.url, m.attachments, m.created_at AS \"createdAt\", m.delivery, m.delivery_error AS \"deliveryError\",\n       m.intent, m.sentiment, m.hidden, m.held_for_review AS \"heldForReview\", m.spam_reasons AS \"spamReasons\", m.deleted, m.liked,\n       m.handled_action AS \"handledAction\",\n       mt.network, mt.channel AS \"threadChannel\", mt.post_external_id AS \"threadPostExternalId\",\n       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)\n       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id\n                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id\n                  AND bm.author_contact_id = m.author_contact_id) AS \"authorBlocked!\",\n       la.id::text AS \"lastActionId?\", la.action AS \"lastActionAction?\", la.state AS \"lastActionState?\",\n       la.error AS \"lastActionError?\", la.created_at AS \"lastActionCreatedAt?\",\n       ir.created_at AS \"intentReviewAt?\", ir.changed AS \"intentReviewChanged?\", ir.user_id AS \"intentReviewById?\", ir.name AS \"intentReviewByName?\",\n       sr.created_at AS \"sentimentReviewAt?\", sr.changed AS \"sentimentReviewChanged?\", sr.user_id AS \"sentimentReviewById?\",\n       sr.name AS \"sentimentReviewByName?\",\n       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread\n       pr.id::text AS \"privateReplyId?\", pr.thread_id::text AS \"privateReplyThreadId?\"\n  FROM message m\n  JOIN thread mt ON mt.id = m.thread_id\n  LEFT JOIN users au ON au.id = m.author_user_id\n  LEFT JOIN contact ac ON ac.id = m.author_contact_id\n  -- the newest like/hide/delete request on the message\n  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a\n                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true\n  -- the newest review of each label (a change, or a confirmation when the label stayed)\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name\n                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'\n                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'\n                                                                                          ELSE 'neutral' END AS changed,\n                            u.id AS user_id, u.name\n                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true\n  LEFT JOIN message pr ON pr.private_reply_to = m.id\n WHERE m.workspace_id = :workspaceId! AND m.id = ANY(:ids!::bigint[])\n ORDER BY m.created_at, m.id LIMIT 500                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
 *        m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
 *        au.id AS "authorUserId?", au.name AS "authorUserName?",
 *        ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
 *        ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
 *        m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
 *        m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
 *        m.handled_action AS "handledAction",
 *        mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
 *        -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
 *        EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
 *                 WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
 *                   AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
 *        la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
 *        la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
 *        ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
 *        sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
 *        sr.name AS "sentimentReviewByName?",
 *        -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
 *        pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?"
 *   FROM message m
 *   JOIN thread mt ON mt.id = m.thread_id
 *   LEFT JOIN users au ON au.id = m.author_user_id
 *   LEFT JOIN contact ac ON ac.id = m.author_contact_id
 *   -- the newest like/hide/delete request on the message
 *   LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
 *                       WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
 *   -- the newest review of each label (a change, or a confirmation when the label stayed)
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
 *                        FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
 *                                                                                           WHEN c.previous_sentiment > 0.25 THEN 'positive'
 *                                                                                           ELSE 'neutral' END AS changed,
 *                             u.id AS user_id, u.name
 *                        FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
 *   LEFT JOIN message pr ON pr.private_reply_to = m.id
 *  WHERE m.workspace_id = :workspaceId! AND m.id = ANY(:ids!::bigint[])
 *  ORDER BY m.created_at, m.id LIMIT 500                                                                                         
 * ```
 */
export const messageItemsByIds = new PreparedQuery<IMessageItemsByIdsParams,IMessageItemsByIdsResult>(messageItemsByIdsIR);


/** 'MessageItemsInIdRange' parameters type */
export interface IMessageItemsInIdRangeParams {
  fromId: NumberOrString;
  limit: NumberOrString;
  toId: NumberOrString;
  workspaceId: string;
}

/** 'MessageItemsInIdRange' return type */
export interface IMessageItemsInIdRangeResult {
  attachments: Json | null;
  authorBlocked: boolean;
  authorContactAvatarUrl: string | null;
  authorContactExternalId: string | null;
  authorContactHandle: string | null;
  authorContactId: string | null;
  authorContactName: string | null;
  authorUserId: string | null;
  authorUserName: string | null;
  createdAt: Date;
  deleted: boolean;
  delivery: string | null;
  deliveryError: string | null;
  direction: string;
  externalId: string | null;
  handledAction: string | null;
  heldForReview: boolean;
  hidden: boolean;
  id: string;
  intent: string | null;
  intentReviewAt: Date | null;
  intentReviewById: string | null;
  intentReviewByName: string | null;
  intentReviewChanged: boolean | null;
  isFromAccount: boolean;
  lastActionAction: string | null;
  lastActionCreatedAt: Date | null;
  lastActionError: string | null;
  lastActionId: string | null;
  lastActionState: string | null;
  liked: boolean;
  network: string;
  parentExternalId: string | null;
  privateReplyId: string | null;
  privateReplyThreadId: string | null;
  sentiment: number | null;
  sentimentReviewAt: Date | null;
  sentimentReviewById: string | null;
  sentimentReviewByName: string | null;
  sentimentReviewChanged: boolean | null;
  spamReasons: stringArray;
  text: string;
  threadChannel: string;
  threadId: string;
  threadPostExternalId: string | null;
  url: string | null;
}

/** 'MessageItemsInIdRange' query type */
export interface IMessageItemsInIdRangeQuery {
  params: IMessageItemsInIdRangeParams;
  result: IMessageItemsInIdRangeResult;
}

const messageItemsInIdRangeIR: any = {"usedParamSet":{"workspaceId":true,"fromId":true,"toId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3442,"b":3454}]},{"name":"fromId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3473,"b":3480}]},{"name":"toId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3494,"b":3499}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":3544,"b":3550}]}],"statement":"SELECT m.id::text AS \"id!\", m.thread_id::text AS \"threadId!\", m.direction, m.is_from_account AS \"isFromAccount\",\n       m.external_id AS \"externalId\", m.parent_external_id AS \"parentExternalId\",\n       au.id AS \"authorUserId?\", au.name AS \"authorUserName?\",\n       ac.id::text AS \"authorContactId?\", ac.name AS \"authorContactName?\", ac.handle AS \"authorContactHandle?\",\n       ac.avatar_url AS \"authorContactAvatarUrl?\", ac.external_id AS \"authorContactExternalId?\",\n       m.text, m.url, m.attachments, m.created_at AS \"createdAt\", m.delivery, m.delivery_error AS \"deliveryError\",\n       m.intent, m.sentiment, m.hidden, m.held_for_review AS \"heldForReview\", m.spam_reasons AS \"spamReasons\", m.deleted, m.liked,\n       m.handled_action AS \"handledAction\",\n       mt.network, mt.channel AS \"threadChannel\", mt.post_external_id AS \"threadPostExternalId\",\n       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)\n       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id\n                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id\n                  AND bm.author_contact_id = m.author_contact_id) AS \"authorBlocked!\",\n       la.id::text AS \"lastActionId?\", la.action AS \"lastActionAction?\", la.state AS \"lastActionState?\",\n       la.error AS \"lastActionError?\", la.created_at AS \"lastActionCreatedAt?\",\n       ir.created_at AS \"intentReviewAt?\", ir.changed AS \"intentReviewChanged?\", ir.user_id AS \"intentReviewById?\", ir.name AS \"intentReviewByName?\",\n       sr.created_at AS \"sentimentReviewAt?\", sr.changed AS \"sentimentReviewChanged?\", sr.user_id AS \"sentimentReviewById?\",\n       sr.name AS \"sentimentReviewByName?\",\n       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread\n       pr.id::text AS \"privateReplyId?\", pr.thread_id::text AS \"privateReplyThreadId?\"\n  FROM message m\n  JOIN thread mt ON mt.id = m.thread_id\n  LEFT JOIN users au ON au.id = m.author_user_id\n  LEFT JOIN contact ac ON ac.id = m.author_contact_id\n  -- the newest like/hide/delete request on the message\n  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a\n                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true\n  -- the newest review of each label (a change, or a confirmation when the label stayed)\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name\n                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'\n                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'\n                                                                                          ELSE 'neutral' END AS changed,\n                            u.id AS user_id, u.name\n                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true\n  LEFT JOIN message pr ON pr.private_reply_to = m.id\n WHERE m.workspace_id = :workspaceId! AND m.id BETWEEN :fromId!::bigint AND :toId!::bigint\n ORDER BY m.created_at, m.id LIMIT :limit!                                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
 *        m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
 *        au.id AS "authorUserId?", au.name AS "authorUserName?",
 *        ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
 *        ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
 *        m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
 *        m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
 *        m.handled_action AS "handledAction",
 *        mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
 *        -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
 *        EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
 *                 WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
 *                   AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
 *        la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
 *        la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
 *        ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
 *        sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
 *        sr.name AS "sentimentReviewByName?",
 *        -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
 *        pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?"
 *   FROM message m
 *   JOIN thread mt ON mt.id = m.thread_id
 *   LEFT JOIN users au ON au.id = m.author_user_id
 *   LEFT JOIN contact ac ON ac.id = m.author_contact_id
 *   -- the newest like/hide/delete request on the message
 *   LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
 *                       WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
 *   -- the newest review of each label (a change, or a confirmation when the label stayed)
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
 *                        FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
 *                                                                                           WHEN c.previous_sentiment > 0.25 THEN 'positive'
 *                                                                                           ELSE 'neutral' END AS changed,
 *                             u.id AS user_id, u.name
 *                        FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
 *   LEFT JOIN message pr ON pr.private_reply_to = m.id
 *  WHERE m.workspace_id = :workspaceId! AND m.id BETWEEN :fromId!::bigint AND :toId!::bigint
 *  ORDER BY m.created_at, m.id LIMIT :limit!                                                                                                                                                                                                            
 * ```
 */
export const messageItemsInIdRange = new PreparedQuery<IMessageItemsInIdRangeParams,IMessageItemsInIdRangeResult>(messageItemsInIdRangeIR);


/** 'NewerMessageItemsByOthers' parameters type */
export interface INewerMessageItemsByOthersParams {
  afterId: NumberOrString;
  limit: NumberOrString;
  threadId: NumberOrString;
  userId: string;
  workspaceId: string;
}

/** 'NewerMessageItemsByOthers' return type */
export interface INewerMessageItemsByOthersResult {
  attachments: Json | null;
  authorBlocked: boolean;
  authorContactAvatarUrl: string | null;
  authorContactExternalId: string | null;
  authorContactHandle: string | null;
  authorContactId: string | null;
  authorContactName: string | null;
  authorUserId: string | null;
  authorUserName: string | null;
  createdAt: Date;
  deleted: boolean;
  delivery: string | null;
  deliveryError: string | null;
  direction: string;
  externalId: string | null;
  handledAction: string | null;
  heldForReview: boolean;
  hidden: boolean;
  id: string;
  intent: string | null;
  intentReviewAt: Date | null;
  intentReviewById: string | null;
  intentReviewByName: string | null;
  intentReviewChanged: boolean | null;
  isFromAccount: boolean;
  lastActionAction: string | null;
  lastActionCreatedAt: Date | null;
  lastActionError: string | null;
  lastActionId: string | null;
  lastActionState: string | null;
  liked: boolean;
  network: string;
  parentExternalId: string | null;
  privateReplyId: string | null;
  privateReplyThreadId: string | null;
  sentiment: number | null;
  sentimentReviewAt: Date | null;
  sentimentReviewById: string | null;
  sentimentReviewByName: string | null;
  sentimentReviewChanged: boolean | null;
  spamReasons: stringArray;
  text: string;
  threadChannel: string;
  threadId: string;
  threadPostExternalId: string | null;
  url: string | null;
}

/** 'NewerMessageItemsByOthers' query type */
export interface INewerMessageItemsByOthersQuery {
  params: INewerMessageItemsByOthersParams;
  result: INewerMessageItemsByOthersResult;
}

const newerMessageItemsByOthersIR: any = {"usedParamSet":{"workspaceId":true,"threadId":true,"afterId":true,"userId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3442,"b":3454}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3474,"b":3483}]},{"name":"afterId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3496,"b":3504}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":3599,"b":3606}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":3644,"b":3650}]}],"statement":"SELECT m.id::text AS \"id!\", m.thread_id::text AS \"threadId!\", m.direction, m.is_from_account AS \"isFromAccount\",\n       m.external_id AS \"externalId\", m.parent_external_id AS \"parentExternalId\",\n       au.id AS \"authorUserId?\", au.name AS \"authorUserName?\",\n       ac.id::text AS \"authorContactId?\", ac.name AS \"authorContactName?\", ac.handle AS \"authorContactHandle?\",\n       ac.avatar_url AS \"authorContactAvatarUrl?\", ac.external_id AS \"authorContactExternalId?\",\n       m.text, m.url, m.attachments, m.created_at AS \"createdAt\", m.delivery, m.delivery_error AS \"deliveryError\",\n       m.intent, m.sentiment, m.hidden, m.held_for_review AS \"heldForReview\", m.spam_reasons AS \"spamReasons\", m.deleted, m.liked,\n       m.handled_action AS \"handledAction\",\n       mt.network, mt.channel AS \"threadChannel\", mt.post_external_id AS \"threadPostExternalId\",\n       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)\n       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id\n                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id\n                  AND bm.author_contact_id = m.author_contact_id) AS \"authorBlocked!\",\n       la.id::text AS \"lastActionId?\", la.action AS \"lastActionAction?\", la.state AS \"lastActionState?\",\n       la.error AS \"lastActionError?\", la.created_at AS \"lastActionCreatedAt?\",\n       ir.created_at AS \"intentReviewAt?\", ir.changed AS \"intentReviewChanged?\", ir.user_id AS \"intentReviewById?\", ir.name AS \"intentReviewByName?\",\n       sr.created_at AS \"sentimentReviewAt?\", sr.changed AS \"sentimentReviewChanged?\", sr.user_id AS \"sentimentReviewById?\",\n       sr.name AS \"sentimentReviewByName?\",\n       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread\n       pr.id::text AS \"privateReplyId?\", pr.thread_id::text AS \"privateReplyThreadId?\"\n  FROM message m\n  JOIN thread mt ON mt.id = m.thread_id\n  LEFT JOIN users au ON au.id = m.author_user_id\n  LEFT JOIN contact ac ON ac.id = m.author_contact_id\n  -- the newest like/hide/delete request on the message\n  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a\n                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true\n  -- the newest review of each label (a change, or a confirmation when the label stayed)\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name\n                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'\n                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'\n                                                                                          ELSE 'neutral' END AS changed,\n                            u.id AS user_id, u.name\n                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true\n  LEFT JOIN message pr ON pr.private_reply_to = m.id\n WHERE m.workspace_id = :workspaceId! AND m.thread_id = :threadId! AND m.id > :afterId!::bigint\n   AND NOT m.deleted AND (NOT m.is_from_account OR m.author_user_id IS DISTINCT FROM :userId!)\n ORDER BY m.created_at, m.id LIMIT :limit!                                                                                                                                                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
 *        m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
 *        au.id AS "authorUserId?", au.name AS "authorUserName?",
 *        ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
 *        ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
 *        m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
 *        m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
 *        m.handled_action AS "handledAction",
 *        mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
 *        -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
 *        EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
 *                 WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
 *                   AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
 *        la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
 *        la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
 *        ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
 *        sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
 *        sr.name AS "sentimentReviewByName?",
 *        -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
 *        pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?"
 *   FROM message m
 *   JOIN thread mt ON mt.id = m.thread_id
 *   LEFT JOIN users au ON au.id = m.author_user_id
 *   LEFT JOIN contact ac ON ac.id = m.author_contact_id
 *   -- the newest like/hide/delete request on the message
 *   LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
 *                       WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
 *   -- the newest review of each label (a change, or a confirmation when the label stayed)
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
 *                        FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
 *                                                                                           WHEN c.previous_sentiment > 0.25 THEN 'positive'
 *                                                                                           ELSE 'neutral' END AS changed,
 *                             u.id AS user_id, u.name
 *                        FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
 *   LEFT JOIN message pr ON pr.private_reply_to = m.id
 *  WHERE m.workspace_id = :workspaceId! AND m.thread_id = :threadId! AND m.id > :afterId!::bigint
 *    AND NOT m.deleted AND (NOT m.is_from_account OR m.author_user_id IS DISTINCT FROM :userId!)
 *  ORDER BY m.created_at, m.id LIMIT :limit!                                                                                                                                                                                                 
 * ```
 */
export const newerMessageItemsByOthers = new PreparedQuery<INewerMessageItemsByOthersParams,INewerMessageItemsByOthersResult>(newerMessageItemsByOthersIR);


/** 'ThreadMessagePage' parameters type */
export interface IThreadMessagePageParams {
  cursorAt?: DateOrString | null | void;
  cursorId?: NumberOrString | null | void;
  limit: NumberOrString;
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'ThreadMessagePage' return type */
export interface IThreadMessagePageResult {
  _cursorAt: string;
  attachments: Json | null;
  authorBlocked: boolean;
  authorContactAvatarUrl: string | null;
  authorContactExternalId: string | null;
  authorContactHandle: string | null;
  authorContactId: string | null;
  authorContactName: string | null;
  authorUserId: string | null;
  authorUserName: string | null;
  createdAt: Date;
  deleted: boolean;
  delivery: string | null;
  deliveryError: string | null;
  direction: string;
  externalId: string | null;
  handledAction: string | null;
  heldForReview: boolean;
  hidden: boolean;
  id: string;
  intent: string | null;
  intentReviewAt: Date | null;
  intentReviewById: string | null;
  intentReviewByName: string | null;
  intentReviewChanged: boolean | null;
  isFromAccount: boolean;
  lastActionAction: string | null;
  lastActionCreatedAt: Date | null;
  lastActionError: string | null;
  lastActionId: string | null;
  lastActionState: string | null;
  liked: boolean;
  network: string;
  parentExternalId: string | null;
  privateReplyId: string | null;
  privateReplyThreadId: string | null;
  sentiment: number | null;
  sentimentReviewAt: Date | null;
  sentimentReviewById: string | null;
  sentimentReviewByName: string | null;
  sentimentReviewChanged: boolean | null;
  spamReasons: stringArray;
  text: string;
  threadChannel: string;
  threadId: string;
  threadPostExternalId: string | null;
  url: string | null;
}

/** 'ThreadMessagePage' query type */
export interface IThreadMessagePageQuery {
  params: IThreadMessagePageParams;
  result: IThreadMessagePageResult;
}

const threadMessagePageIR: any = {"usedParamSet":{"threadId":true,"workspaceId":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":2108,"b":2117}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":2140,"b":2152}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":2170,"b":2178},{"a":2228,"b":2236}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":2239,"b":2247}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":2302,"b":2308}]}],"statement":"SELECT m.id::text AS \"id!\", m.thread_id::text AS \"threadId!\", m.direction, m.is_from_account AS \"isFromAccount\",\n       m.external_id AS \"externalId\", m.parent_external_id AS \"parentExternalId\",\n       au.id AS \"authorUserId?\", au.name AS \"authorUserName?\",\n       ac.id::text AS \"authorContactId?\", ac.name AS \"authorContactName?\", ac.handle AS \"authorContactHandle?\",\n       ac.avatar_url AS \"authorContactAvatarUrl?\", ac.external_id AS \"authorContactExternalId?\",\n       m.text, m.url, m.attachments, m.created_at AS \"createdAt\", m.delivery, m.delivery_error AS \"deliveryError\",\n       m.intent, m.sentiment, m.hidden, m.held_for_review AS \"heldForReview\", m.spam_reasons AS \"spamReasons\", m.deleted, m.liked,\n       m.handled_action AS \"handledAction\",\n       mt.network, mt.channel AS \"threadChannel\", mt.post_external_id AS \"threadPostExternalId\",\n       -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)\n       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id\n                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id\n                  AND bm.author_contact_id = m.author_contact_id) AS \"authorBlocked!\",\n       la.id::text AS \"lastActionId?\", la.action AS \"lastActionAction?\", la.state AS \"lastActionState?\",\n       la.error AS \"lastActionError?\", la.created_at AS \"lastActionCreatedAt?\",\n       ir.created_at AS \"intentReviewAt?\", ir.changed AS \"intentReviewChanged?\", ir.user_id AS \"intentReviewById?\", ir.name AS \"intentReviewByName?\",\n       sr.created_at AS \"sentimentReviewAt?\", sr.changed AS \"sentimentReviewChanged?\", sr.user_id AS \"sentimentReviewById?\",\n       sr.name AS \"sentimentReviewByName?\",\n       -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread\n       pr.id::text AS \"privateReplyId?\", pr.thread_id::text AS \"privateReplyThreadId?\",\n       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"_cursorAt!\"\n  FROM (SELECT * FROM message m\n         WHERE m.thread_id = :threadId! AND m.workspace_id = :workspaceId!\n           AND (:cursorAt::timestamptz IS NULL OR (m.created_at, m.id) > (:cursorAt, :cursorId::bigint))\n         ORDER BY m.created_at, m.id LIMIT :limit!) m\n  JOIN thread mt ON mt.id = m.thread_id\n  LEFT JOIN users au ON au.id = m.author_user_id\n  LEFT JOIN contact ac ON ac.id = m.author_contact_id\n  -- the newest like/hide/delete request on the message\n  LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a\n                      WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true\n  -- the newest review of each label (a change, or a confirmation when the label stayed)\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name\n                       FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true\n  LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'\n                                                                                          WHEN c.previous_sentiment > 0.25 THEN 'positive'\n                                                                                          ELSE 'neutral' END AS changed,\n                            u.id AS user_id, u.name\n                       FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id\n                      WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true\n  LEFT JOIN message pr ON pr.private_reply_to = m.id\n ORDER BY m.created_at, m.id                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
 *        m.external_id AS "externalId", m.parent_external_id AS "parentExternalId",
 *        au.id AS "authorUserId?", au.name AS "authorUserName?",
 *        ac.id::text AS "authorContactId?", ac.name AS "authorContactName?", ac.handle AS "authorContactHandle?",
 *        ac.avatar_url AS "authorContactAvatarUrl?", ac.external_id AS "authorContactExternalId?",
 *        m.text, m.url, m.attachments, m.created_at AS "createdAt", m.delivery, m.delivery_error AS "deliveryError",
 *        m.intent, m.sentiment, m.hidden, m.held_for_review AS "heldForReview", m.spam_reasons AS "spamReasons", m.deleted, m.liked,
 *        m.handled_action AS "handledAction",
 *        mt.network, mt.channel AS "threadChannel", mt.post_external_id AS "threadPostExternalId",
 *        -- the author was blocked from the page by an earlier action (message_action_block_idx keeps this small)
 *        EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
 *                 WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
 *                   AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
 *        la.id::text AS "lastActionId?", la.action AS "lastActionAction?", la.state AS "lastActionState?",
 *        la.error AS "lastActionError?", la.created_at AS "lastActionCreatedAt?",
 *        ir.created_at AS "intentReviewAt?", ir.changed AS "intentReviewChanged?", ir.user_id AS "intentReviewById?", ir.name AS "intentReviewByName?",
 *        sr.created_at AS "sentimentReviewAt?", sr.changed AS "sentimentReviewChanged?", sr.user_id AS "sentimentReviewById?",
 *        sr.name AS "sentimentReviewByName?",
 *        -- the comment's one private reply (message_private_reply_to_key), in the author's direct thread
 *        pr.id::text AS "privateReplyId?", pr.thread_id::text AS "privateReplyThreadId?",
 *        to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
 *   FROM (SELECT * FROM message m
 *          WHERE m.thread_id = :threadId! AND m.workspace_id = :workspaceId!
 *            AND (:cursorAt::timestamptz IS NULL OR (m.created_at, m.id) > (:cursorAt, :cursorId::bigint))
 *          ORDER BY m.created_at, m.id LIMIT :limit!) m
 *   JOIN thread mt ON mt.id = m.thread_id
 *   LEFT JOIN users au ON au.id = m.author_user_id
 *   LEFT JOIN contact ac ON ac.id = m.author_contact_id
 *   -- the newest like/hide/delete request on the message
 *   LEFT JOIN LATERAL (SELECT a.id, a.action, a.state, a.error, a.created_at FROM message_action a
 *                       WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1) la ON true
 *   -- the newest review of each label (a change, or a confirmation when the label stayed)
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_intent IS DISTINCT FROM c.intent AS changed, u.id AS user_id, u.name
 *                        FROM intent_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) ir ON true
 *   LEFT JOIN LATERAL (SELECT c.created_at, c.previous_sentiment IS NULL OR c.sentiment <> CASE WHEN c.previous_sentiment < -0.25 THEN 'negative'
 *                                                                                           WHEN c.previous_sentiment > 0.25 THEN 'positive'
 *                                                                                           ELSE 'neutral' END AS changed,
 *                             u.id AS user_id, u.name
 *                        FROM sentiment_correction c LEFT JOIN users u ON u.id = c.user_id
 *                       WHERE c.message_id = m.id ORDER BY c.id DESC LIMIT 1) sr ON true
 *   LEFT JOIN message pr ON pr.private_reply_to = m.id
 *  ORDER BY m.created_at, m.id                                                                                                                
 * ```
 */
export const threadMessagePage = new PreparedQuery<IThreadMessagePageParams,IThreadMessagePageResult>(threadMessagePageIR);


/** 'LockModerationTarget' parameters type */
export interface ILockModerationTargetParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'LockModerationTarget' return type */
export interface ILockModerationTargetResult {
  authorBlocked: boolean;
  authorContactExternalId: string | null;
  authorContactId: string | null;
  channel: string;
  channelAccountId: string;
  createdAt: Date;
  deleted: boolean;
  direction: string;
  externalId: string | null;
  heldForReview: boolean;
  hidden: boolean;
  id: string;
  isFromAccount: boolean;
  liked: boolean;
  network: string;
  privateReplyId: string | null;
  text: string;
  threadId: string;
  threadPostExternalId: string | null;
  workspaceId: string;
}

/** 'LockModerationTarget' query type */
export interface ILockModerationTargetQuery {
  params: ILockModerationTargetParams;
  result: ILockModerationTargetResult;
}

const lockModerationTargetIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":1073,"b":1076}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1099,"b":1111}]}],"statement":"SELECT m.id::text AS \"id!\", m.thread_id::text AS \"threadId!\", m.direction, m.is_from_account AS \"isFromAccount\",\n       m.external_id AS \"externalId\", m.deleted, m.hidden, m.held_for_review AS \"heldForReview\", m.liked, t.channel, t.post_external_id AS \"threadPostExternalId\", ca.network,\n       c.external_id AS \"authorContactExternalId?\",\n       EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id\n                WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id\n                  AND bm.author_contact_id = m.author_contact_id) AS \"authorBlocked!\",\n       m.created_at AS \"createdAt\", m.workspace_id AS \"workspaceId\", m.channel_account_id AS \"channelAccountId\",\n       m.author_contact_id::text AS \"authorContactId\", m.text,\n       (SELECT p.id::text FROM message p WHERE p.private_reply_to = m.id) AS \"privateReplyId\"\n  FROM message m JOIN thread t ON t.id = m.thread_id JOIN channel_account ca ON ca.id = m.channel_account_id\n  LEFT JOIN contact c ON c.id = m.author_contact_id\n WHERE m.id = :id! AND m.workspace_id = :workspaceId!\n   FOR UPDATE OF m"};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.thread_id::text AS "threadId!", m.direction, m.is_from_account AS "isFromAccount",
 *        m.external_id AS "externalId", m.deleted, m.hidden, m.held_for_review AS "heldForReview", m.liked, t.channel, t.post_external_id AS "threadPostExternalId", ca.network,
 *        c.external_id AS "authorContactExternalId?",
 *        EXISTS (SELECT 1 FROM message_action ba JOIN message bm ON bm.id = ba.message_id
 *                 WHERE ba.action = 'block' AND ba.state = 'done' AND bm.channel_account_id = m.channel_account_id
 *                   AND bm.author_contact_id = m.author_contact_id) AS "authorBlocked!",
 *        m.created_at AS "createdAt", m.workspace_id AS "workspaceId", m.channel_account_id AS "channelAccountId",
 *        m.author_contact_id::text AS "authorContactId", m.text,
 *        (SELECT p.id::text FROM message p WHERE p.private_reply_to = m.id) AS "privateReplyId"
 *   FROM message m JOIN thread t ON t.id = m.thread_id JOIN channel_account ca ON ca.id = m.channel_account_id
 *   LEFT JOIN contact c ON c.id = m.author_contact_id
 *  WHERE m.id = :id! AND m.workspace_id = :workspaceId!
 *    FOR UPDATE OF m
 * ```
 */
export const lockModerationTarget = new PreparedQuery<ILockModerationTargetParams,ILockModerationTargetResult>(lockModerationTargetIR);


/** 'OtherQueuedAction' parameters type */
export interface IOtherQueuedActionParams {
  action: string;
  messageId: NumberOrString;
}

/** 'OtherQueuedAction' return type */
export interface IOtherQueuedActionResult {
  action: string;
}

/** 'OtherQueuedAction' query type */
export interface IOtherQueuedActionQuery {
  params: IOtherQueuedActionParams;
  result: IOtherQueuedActionResult;
}

const otherQueuedActionIR: any = {"usedParamSet":{"messageId":true,"action":true},"params":[{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":63}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":107}]}],"statement":"SELECT action FROM message_action WHERE message_id = :messageId! AND state = 'queued' AND action <> :action!                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * SELECT action FROM message_action WHERE message_id = :messageId! AND state = 'queued' AND action <> :action!                                                                      
 * ```
 */
export const otherQueuedAction = new PreparedQuery<IOtherQueuedActionParams,IOtherQueuedActionResult>(otherQueuedActionIR);


/** 'InsertMessageAction' parameters type */
export interface IInsertMessageActionParams {
  action: string;
  messageId: NumberOrString;
  requestedBy: string;
  workspaceId: string;
}

/** 'InsertMessageAction' return type */
export interface IInsertMessageActionResult {
  id: string;
}

/** 'InsertMessageAction' query type */
export interface IInsertMessageActionQuery {
  params: IInsertMessageActionParams;
  result: IInsertMessageActionResult;
}

const insertMessageActionIR: any = {"usedParamSet":{"workspaceId":true,"messageId":true,"action":true,"requestedBy":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":96}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":109}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":112,"b":119}]},{"name":"requestedBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":122,"b":134}]}],"statement":"INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES (:workspaceId!, :messageId!, :action!, :requestedBy!)\nON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING RETURNING id::text AS \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES (:workspaceId!, :messageId!, :action!, :requestedBy!)
 * ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING RETURNING id::text AS "id!"
 * ```
 */
export const insertMessageAction = new PreparedQuery<IInsertMessageActionParams,IInsertMessageActionResult>(insertMessageActionIR);


/** 'LatestActionOfKind' parameters type */
export interface ILatestActionOfKindParams {
  action: string;
  messageId: NumberOrString;
}

/** 'LatestActionOfKind' return type */
export interface ILatestActionOfKindResult {
  id: string;
}

/** 'LatestActionOfKind' query type */
export interface ILatestActionOfKindQuery {
  params: ILatestActionOfKindParams;
  result: ILatestActionOfKindResult;
}

const latestActionOfKindIR: any = {"usedParamSet":{"messageId":true,"action":true},"params":[{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":64,"b":74}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":96}]}],"statement":"SELECT id::text AS \"id!\" FROM message_action WHERE message_id = :messageId! AND action = :action! ORDER BY id DESC LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM message_action WHERE message_id = :messageId! AND action = :action! ORDER BY id DESC LIMIT 1
 * ```
 */
export const latestActionOfKind = new PreparedQuery<ILatestActionOfKindParams,ILatestActionOfKindResult>(latestActionOfKindIR);


/** 'MessageInWorkspace' parameters type */
export interface IMessageInWorkspaceParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'MessageInWorkspace' return type */
export interface IMessageInWorkspaceResult {
  found: number;
}

/** 'MessageInWorkspace' query type */
export interface IMessageInWorkspaceQuery {
  params: IMessageInWorkspaceParams;
  result: IMessageInWorkspaceResult;
}

const messageInWorkspaceIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":48}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":81}]}],"statement":"SELECT 1 AS \"found!\" FROM message WHERE id = :id! AND workspace_id = :workspaceId!                                                          "};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM message WHERE id = :id! AND workspace_id = :workspaceId!                                                          
 * ```
 */
export const messageInWorkspace = new PreparedQuery<IMessageInWorkspaceParams,IMessageInWorkspaceResult>(messageInWorkspaceIR);


/** 'MessageActionById' parameters type */
export interface IMessageActionByIdParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'MessageActionById' return type */
export interface IMessageActionByIdResult {
  action: string;
  createdAt: Date;
  error: string | null;
  finishedAt: Date | null;
  id: string;
  requestedById: string | null;
  requestedByName: string | null;
  state: string;
}

/** 'MessageActionById' query type */
export interface IMessageActionByIdQuery {
  params: IMessageActionByIdParams;
  result: IMessageActionByIdResult;
}

const messageActionByIdIR: any = {"usedParamSet":{"workspaceId":true,"id":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":281}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":294,"b":297}]}],"statement":"SELECT a.id::text AS \"id!\", a.action, a.state, a.error, u.id AS \"requestedById?\", u.name AS \"requestedByName?\",\n       a.created_at AS \"createdAt\", a.finished_at AS \"finishedAt\"\n  FROM message_action a LEFT JOIN users u ON u.id = a.requested_by\n WHERE a.workspace_id = :workspaceId! AND a.id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT a.id::text AS "id!", a.action, a.state, a.error, u.id AS "requestedById?", u.name AS "requestedByName?",
 *        a.created_at AS "createdAt", a.finished_at AS "finishedAt"
 *   FROM message_action a LEFT JOIN users u ON u.id = a.requested_by
 *  WHERE a.workspace_id = :workspaceId! AND a.id = :id!
 * ```
 */
export const messageActionById = new PreparedQuery<IMessageActionByIdParams,IMessageActionByIdResult>(messageActionByIdIR);


/** 'MessageActionsOfMessage' parameters type */
export interface IMessageActionsOfMessageParams {
  messageId: NumberOrString;
  workspaceId: string;
}

/** 'MessageActionsOfMessage' return type */
export interface IMessageActionsOfMessageResult {
  action: string;
  createdAt: Date;
  error: string | null;
  finishedAt: Date | null;
  id: string;
  requestedById: string | null;
  requestedByName: string | null;
  state: string;
}

/** 'MessageActionsOfMessage' query type */
export interface IMessageActionsOfMessageQuery {
  params: IMessageActionsOfMessageParams;
  result: IMessageActionsOfMessageResult;
}

const messageActionsOfMessageIR: any = {"usedParamSet":{"workspaceId":true,"messageId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":281}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":302,"b":312}]}],"statement":"SELECT a.id::text AS \"id!\", a.action, a.state, a.error, u.id AS \"requestedById?\", u.name AS \"requestedByName?\",\n       a.created_at AS \"createdAt\", a.finished_at AS \"finishedAt\"\n  FROM message_action a LEFT JOIN users u ON u.id = a.requested_by\n WHERE a.workspace_id = :workspaceId! AND a.message_id = :messageId!\n ORDER BY a.id DESC LIMIT 50"};

/**
 * Query generated from SQL:
 * ```
 * SELECT a.id::text AS "id!", a.action, a.state, a.error, u.id AS "requestedById?", u.name AS "requestedByName?",
 *        a.created_at AS "createdAt", a.finished_at AS "finishedAt"
 *   FROM message_action a LEFT JOIN users u ON u.id = a.requested_by
 *  WHERE a.workspace_id = :workspaceId! AND a.message_id = :messageId!
 *  ORDER BY a.id DESC LIMIT 50
 * ```
 */
export const messageActionsOfMessage = new PreparedQuery<IMessageActionsOfMessageParams,IMessageActionsOfMessageResult>(messageActionsOfMessageIR);


