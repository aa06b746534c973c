/** Types generated for queries found in "apps/worker/src/outbound/outbound-sender.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'OutboundMessage' parameters type */
export interface IOutboundMessageParams {
  id: NumberOrString;
}

/** 'OutboundMessage' return type */
export interface IOutboundMessageResult {
  channel: string;
  channel_account_id: string;
  comment_author_external_id: string | null;
  comment_created_at: Date | null;
  comment_external_id: string | null;
  contact_external_id: string | null;
  created_at: Date;
  delivery: string | null;
  external_id: string | null;
  human_agent_approved: boolean;
  id: string;
  is_private_reply: boolean;
  last_inbound_at: Date | null;
  parent_external_id: string | null;
  text: string;
  thread_id: string;
  thread_key: string;
}

/** 'OutboundMessage' query type */
export interface IOutboundMessageQuery {
  params: IOutboundMessageParams;
  result: IOutboundMessageResult;
}

const outboundMessageIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":963,"b":966}]}],"statement":"SELECT m.id::text AS \"id!\", m.text, m.delivery, m.external_id, m.created_at, m.parent_external_id, m.thread_id::text AS \"thread_id!\", m.channel_account_id,\n              t.thread_key, t.channel, t.last_inbound_at, c.external_id AS \"contact_external_id?\",\n              (w.settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS \"human_agent_approved!\",\n              m.private_reply_to IS NOT NULL AS \"is_private_reply!\", pm.external_id AS \"comment_external_id?\",\n              pm.created_at AS \"comment_created_at?\", pc.external_id AS \"comment_author_external_id?\"\n         FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id LEFT JOIN contact c ON c.id = t.contact_id\n         -- a private reply (docs/instagram.md): the comment it answers, and that comment's author\n         LEFT JOIN message pm ON pm.id = m.private_reply_to LEFT JOIN contact pc ON pc.id = pm.author_contact_id\n        WHERE m.id = :id! AND m.direction = 'outbound'"};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.text, m.delivery, m.external_id, m.created_at, m.parent_external_id, m.thread_id::text AS "thread_id!", m.channel_account_id,
 *               t.thread_key, t.channel, t.last_inbound_at, c.external_id AS "contact_external_id?",
 *               (w.settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "human_agent_approved!",
 *               m.private_reply_to IS NOT NULL AS "is_private_reply!", pm.external_id AS "comment_external_id?",
 *               pm.created_at AS "comment_created_at?", pc.external_id AS "comment_author_external_id?"
 *          FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id LEFT JOIN contact c ON c.id = t.contact_id
 *          -- a private reply (docs/instagram.md): the comment it answers, and that comment's author
 *          LEFT JOIN message pm ON pm.id = m.private_reply_to LEFT JOIN contact pc ON pc.id = pm.author_contact_id
 *         WHERE m.id = :id! AND m.direction = 'outbound'
 * ```
 */
export const outboundMessage = new PreparedQuery<IOutboundMessageParams,IOutboundMessageResult>(outboundMessageIR);


/** 'MarkSending' parameters type */
export interface IMarkSendingParams {
  id: NumberOrString;
}

/** 'MarkSending' return type */
export type IMarkSendingResult = void;

/** 'MarkSending' query type */
export interface IMarkSendingQuery {
  params: IMarkSendingParams;
  result: IMarkSendingResult;
}

const markSendingIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":94,"b":97}]}],"statement":"UPDATE message SET delivery = 'sending', delivery_attempts = delivery_attempts + 1 WHERE id = :id! AND delivery IN ('queued', 'sending')                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET delivery = 'sending', delivery_attempts = delivery_attempts + 1 WHERE id = :id! AND delivery IN ('queued', 'sending')                                                                                
 * ```
 */
export const markSending = new PreparedQuery<IMarkSendingParams,IMarkSendingResult>(markSendingIR);


/** 'RepliesAlreadySent' parameters type */
export interface IRepliesAlreadySentParams {
  id: NumberOrString;
  text: string;
  threadId: NumberOrString;
}

/** 'RepliesAlreadySent' return type */
export interface IRepliesAlreadySentResult {
  external_id: string;
}

/** 'RepliesAlreadySent' query type */
export interface IRepliesAlreadySentQuery {
  params: IRepliesAlreadySentParams;
  result: IRepliesAlreadySentResult;
}

const repliesAlreadySentIR: any = {"usedParamSet":{"threadId":true,"id":true,"text":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":77}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":92}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":169}]}],"statement":"SELECT external_id AS \"external_id!\" FROM message WHERE thread_id = :threadId! AND id <> :id! AND author_user_id IS NOT NULL AND external_id IS NOT NULL AND text = :text!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT external_id AS "external_id!" FROM message WHERE thread_id = :threadId! AND id <> :id! AND author_user_id IS NOT NULL AND external_id IS NOT NULL AND text = :text!
 * ```
 */
export const repliesAlreadySent = new PreparedQuery<IRepliesAlreadySentParams,IRepliesAlreadySentResult>(repliesAlreadySentIR);


/** 'RequeueReply' parameters type */
export interface IRequeueReplyParams {
  id: NumberOrString;
  reason: string;
}

/** 'RequeueReply' return type */
export type IRequeueReplyResult = void;

/** 'RequeueReply' query type */
export interface IRequeueReplyQuery {
  params: IRequeueReplyParams;
  result: IRequeueReplyResult;
}

const requeueReplyIR: any = {"usedParamSet":{"reason":true,"id":true},"params":[{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":57,"b":64}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":80}]}],"statement":"UPDATE message SET delivery = 'queued', delivery_error = :reason! WHERE id = :id! AND delivery = 'sending'"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET delivery = 'queued', delivery_error = :reason! WHERE id = :id! AND delivery = 'sending'
 * ```
 */
export const requeueReply = new PreparedQuery<IRequeueReplyParams,IRequeueReplyResult>(requeueReplyIR);


/** 'FailReply' parameters type */
export interface IFailReplyParams {
  id: NumberOrString;
  reason: string;
}

/** 'FailReply' return type */
export type IFailReplyResult = void;

/** 'FailReply' query type */
export interface IFailReplyQuery {
  params: IFailReplyParams;
  result: IFailReplyResult;
}

const failReplyIR: any = {"usedParamSet":{"reason":true,"id":true},"params":[{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":57,"b":64}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":80}]}],"statement":"UPDATE message SET delivery = 'failed', delivery_error = :reason! WHERE id = :id! AND delivery IN ('queued', 'sending')                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET delivery = 'failed', delivery_error = :reason! WHERE id = :id! AND delivery IN ('queued', 'sending')                                                                                                            
 * ```
 */
export const failReply = new PreparedQuery<IFailReplyParams,IFailReplyResult>(failReplyIR);


/** 'DeleteReplyCopies' parameters type */
export interface IDeleteReplyCopiesParams {
  channelId: string;
  externalId: string;
  id: NumberOrString;
}

/** 'DeleteReplyCopies' return type */
export interface IDeleteReplyCopiesResult {
  thread_id: string;
}

/** 'DeleteReplyCopies' query type */
export interface IDeleteReplyCopiesQuery {
  params: IDeleteReplyCopiesParams;
  result: IDeleteReplyCopiesResult;
}

const deleteReplyCopiesIR: any = {"usedParamSet":{"channelId":true,"externalId":true,"id":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":47,"b":57}]},{"name":"externalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":88}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":103}]}],"statement":"DELETE FROM message WHERE channel_account_id = :channelId! AND external_id = :externalId! AND id <> :id! RETURNING thread_id::text AS \"thread_id!\""};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM message WHERE channel_account_id = :channelId! AND external_id = :externalId! AND id <> :id! RETURNING thread_id::text AS "thread_id!"
 * ```
 */
export const deleteReplyCopies = new PreparedQuery<IDeleteReplyCopiesParams,IDeleteReplyCopiesResult>(deleteReplyCopiesIR);


/** 'MarkSent' parameters type */
export interface IMarkSentParams {
  externalId: string;
  id: NumberOrString;
}

/** 'MarkSent' return type */
export type IMarkSentResult = void;

/** 'MarkSent' query type */
export interface IMarkSentQuery {
  params: IMarkSentParams;
  result: IMarkSentResult;
}

const markSentIR: any = {"usedParamSet":{"externalId":true,"id":true},"params":[{"name":"externalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":44}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":102}]}],"statement":"UPDATE message SET external_id = :externalId!, delivery = 'sent', delivery_error = NULL WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET external_id = :externalId!, delivery = 'sent', delivery_error = NULL WHERE id = :id!
 * ```
 */
export const markSent = new PreparedQuery<IMarkSentParams,IMarkSentResult>(markSentIR);


