/** Types generated for queries found in "apps/api/src/replies/replies.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'LockReplyThread' parameters type */
export interface ILockReplyThreadParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'LockReplyThread' return type */
export interface ILockReplyThreadResult {
  channel: string;
  channelAccountId: string;
  id: string;
  network: string;
}

/** 'LockReplyThread' query type */
export interface ILockReplyThreadQuery {
  params: ILockReplyThreadParams;
  result: ILockReplyThreadResult;
}

const lockReplyThreadIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":110,"b":113}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":134,"b":146}]}],"statement":"SELECT id::text AS \"id!\", channel_account_id AS \"channelAccountId\", network, channel\n  FROM thread WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", channel_account_id AS "channelAccountId", network, channel
 *   FROM thread WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE
 * ```
 */
export const lockReplyThread = new PreparedQuery<ILockReplyThreadParams,ILockReplyThreadResult>(lockReplyThreadIR);


/** 'MessageOfThread' parameters type */
export interface IMessageOfThreadParams {
  id: NumberOrString;
  threadId: NumberOrString;
}

/** 'MessageOfThread' return type */
export interface IMessageOfThreadResult {
  found: number;
}

/** 'MessageOfThread' query type */
export interface IMessageOfThreadQuery {
  params: IMessageOfThreadParams;
  result: IMessageOfThreadResult;
}

const messageOfThreadIR: any = {"usedParamSet":{"id":true,"threadId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":48}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":66,"b":75}]}],"statement":"SELECT 1 AS \"found!\" FROM message WHERE id = :id! AND thread_id = :threadId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM message WHERE id = :id! AND thread_id = :threadId!
 * ```
 */
export const messageOfThread = new PreparedQuery<IMessageOfThreadParams,IMessageOfThreadResult>(messageOfThreadIR);


/** 'MessageOfThreadByExternalId' parameters type */
export interface IMessageOfThreadByExternalIdParams {
  externalId: string;
  threadId: NumberOrString;
}

/** 'MessageOfThreadByExternalId' return type */
export interface IMessageOfThreadByExternalIdResult {
  found: number;
}

/** 'MessageOfThreadByExternalId' query type */
export interface IMessageOfThreadByExternalIdQuery {
  params: IMessageOfThreadByExternalIdParams;
  result: IMessageOfThreadByExternalIdResult;
}

const messageOfThreadByExternalIdIR: any = {"usedParamSet":{"threadId":true,"externalId":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":61}]},{"name":"externalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":92}]}],"statement":"SELECT 1 AS \"found!\" FROM message WHERE thread_id = :threadId! AND external_id = :externalId!                                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM message WHERE thread_id = :threadId! AND external_id = :externalId!                                                                                                          
 * ```
 */
export const messageOfThreadByExternalId = new PreparedQuery<IMessageOfThreadByExternalIdParams,IMessageOfThreadByExternalIdResult>(messageOfThreadByExternalIdIR);


/** 'DefaultReplyParent' parameters type */
export interface IDefaultReplyParentParams {
  threadId: NumberOrString;
}

/** 'DefaultReplyParent' return type */
export interface IDefaultReplyParentResult {
  externalId: string;
}

/** 'DefaultReplyParent' query type */
export interface IDefaultReplyParentQuery {
  params: IDefaultReplyParentParams;
  result: IDefaultReplyParentResult;
}

const defaultReplyParentIR: any = {"usedParamSet":{"threadId":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":67,"b":76}]}],"statement":"SELECT external_id AS \"externalId!\" FROM message WHERE thread_id = :threadId! AND external_id IS NOT NULL AND NOT deleted\n ORDER BY (NOT is_from_account) DESC, created_at DESC, id DESC LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * SELECT external_id AS "externalId!" FROM message WHERE thread_id = :threadId! AND external_id IS NOT NULL AND NOT deleted
 *  ORDER BY (NOT is_from_account) DESC, created_at DESC, id DESC LIMIT 1
 * ```
 */
export const defaultReplyParent = new PreparedQuery<IDefaultReplyParentParams,IDefaultReplyParentResult>(defaultReplyParentIR);


/** 'InsertReply' parameters type */
export interface IInsertReplyParams {
  authorUserId: string;
  channelAccountId: string;
  parentExternalId?: string | null | void;
  text: string;
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'InsertReply' return type */
export interface IInsertReplyResult {
  id: string;
}

/** 'InsertReply' query type */
export interface IInsertReplyQuery {
  params: IInsertReplyParams;
  result: IInsertReplyResult;
}

const insertReplyIR: any = {"usedParamSet":{"workspaceId":true,"channelAccountId":true,"threadId":true,"parentExternalId":true,"authorUserId":true,"text":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":212}]},{"name":"channelAccountId","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":232}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":235,"b":244}]},{"name":"parentExternalId","required":false,"transform":{"type":"scalar"},"locs":[{"a":271,"b":287}]},{"name":"authorUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":303}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":306,"b":311}]}],"statement":"INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,\n                     parent_external_id, author_user_id, text, created_at, delivery)\nVALUES (:workspaceId!, :channelAccountId!, :threadId!, NULL, 'outbound', true, :parentExternalId, :authorUserId!, :text!,\n        date_trunc('milliseconds', now()), 'queued')\nRETURNING id::text AS \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
 *                      parent_external_id, author_user_id, text, created_at, delivery)
 * VALUES (:workspaceId!, :channelAccountId!, :threadId!, NULL, 'outbound', true, :parentExternalId, :authorUserId!, :text!,
 *         date_trunc('milliseconds', now()), 'queued')
 * RETURNING id::text AS "id!"
 * ```
 */
export const insertReply = new PreparedQuery<IInsertReplyParams,IInsertReplyResult>(insertReplyIR);


/** 'TouchThreadAfterReply' parameters type */
export interface ITouchThreadAfterReplyParams {
  text: string;
  threadId: NumberOrString;
}

/** 'TouchThreadAfterReply' return type */
export type ITouchThreadAfterReplyResult = void;

/** 'TouchThreadAfterReply' query type */
export interface ITouchThreadAfterReplyQuery {
  params: ITouchThreadAfterReplyParams;
  result: ITouchThreadAfterReplyResult;
}

const touchThreadAfterReplyIR: any = {"usedParamSet":{"text":true,"threadId":true},"params":[{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":144,"b":149}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":269}]}],"statement":"UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),\n                  last_message_preview = left(:text!, 280), message_count = message_count + 1,\n                  unread_count = 0, updated_at = now()\n WHERE id = :threadId!                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),
 *                   last_message_preview = left(:text!, 280), message_count = message_count + 1,
 *                   unread_count = 0, updated_at = now()
 *  WHERE id = :threadId!                                                                                                    
 * ```
 */
export const touchThreadAfterReply = new PreparedQuery<ITouchThreadAfterReplyParams,ITouchThreadAfterReplyResult>(touchThreadAfterReplyIR);


/** 'RetryCandidate' parameters type */
export interface IRetryCandidateParams {
  id: NumberOrString;
  overdueAfterMs: number;
  workspaceId: string;
}

/** 'RetryCandidate' return type */
export interface IRetryCandidateResult {
  delivery: string | null;
  ours: boolean;
  overdue: boolean;
  threadId: string;
}

/** 'RetryCandidate' query type */
export interface IRetryCandidateQuery {
  params: IRetryCandidateParams;
  result: IRetryCandidateResult;
}

const retryCandidateIR: any = {"usedParamSet":{"overdueAfterMs":true,"id":true,"workspaceId":true},"params":[{"name":"overdueAfterMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":140,"b":155}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":232}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":265}]}],"statement":"SELECT delivery, thread_id::text AS \"threadId!\", author_user_id IS NOT NULL AND external_id IS NULL AS \"ours!\",\n       created_at < now() - :overdueAfterMs!::int * interval '1 millisecond' AS \"overdue!\"\n  FROM message WHERE id = :id! AND workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT delivery, thread_id::text AS "threadId!", author_user_id IS NOT NULL AND external_id IS NULL AS "ours!",
 *        created_at < now() - :overdueAfterMs!::int * interval '1 millisecond' AS "overdue!"
 *   FROM message WHERE id = :id! AND workspace_id = :workspaceId!
 * ```
 */
export const retryCandidate = new PreparedQuery<IRetryCandidateParams,IRetryCandidateResult>(retryCandidateIR);


/** 'RequeueFailedReply' parameters type */
export interface IRequeueFailedReplyParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'RequeueFailedReply' return type */
export type IRequeueFailedReplyResult = void;

/** 'RequeueFailedReply' query type */
export interface IRequeueFailedReplyQuery {
  params: IRequeueFailedReplyParams;
  result: IRequeueFailedReplyResult;
}

const requeueFailedReplyIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":76}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":97,"b":109}]}],"statement":"UPDATE message SET delivery = 'queued', delivery_error = NULL WHERE id = :id! AND workspace_id = :workspaceId! AND delivery = 'failed'"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET delivery = 'queued', delivery_error = NULL WHERE id = :id! AND workspace_id = :workspaceId! AND delivery = 'failed'
 * ```
 */
export const requeueFailedReply = new PreparedQuery<IRequeueFailedReplyParams,IRequeueFailedReplyResult>(requeueFailedReplyIR);


