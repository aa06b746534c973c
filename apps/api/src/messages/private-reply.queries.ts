/** Types generated for queries found in "apps/api/src/messages/private-reply.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'UpsertAuthorDirectThread' parameters type */
export interface IUpsertAuthorDirectThreadParams {
  channelAccountId: string;
  contactId?: NumberOrString | null | void;
  network: string;
  threadKey: string;
  workspaceId: string;
}

/** 'UpsertAuthorDirectThread' return type */
export interface IUpsertAuthorDirectThreadResult {
  id: string;
}

/** 'UpsertAuthorDirectThread' query type */
export interface IUpsertAuthorDirectThreadQuery {
  params: IUpsertAuthorDirectThreadParams;
  result: IUpsertAuthorDirectThreadResult;
}

const upsertAuthorDirectThreadIR: any = {"usedParamSet":{"workspaceId":true,"channelAccountId":true,"network":true,"threadKey":true,"contactId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":133}]},{"name":"channelAccountId","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":153}]},{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":156,"b":164}]},{"name":"threadKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":167,"b":177}]},{"name":"contactId","required":false,"transform":{"type":"scalar"},"locs":[{"a":190,"b":199}]}],"statement":"INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, last_message_at)\nVALUES (:workspaceId!, :channelAccountId!, :network!, :threadKey!, 'direct', :contactId::bigint, date_trunc('milliseconds', now()))\nON CONFLICT (channel_account_id, thread_key) DO UPDATE SET contact_id = COALESCE(thread.contact_id, excluded.contact_id)\nRETURNING id::text AS \"id!\"                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, last_message_at)
 * VALUES (:workspaceId!, :channelAccountId!, :network!, :threadKey!, 'direct', :contactId::bigint, date_trunc('milliseconds', now()))
 * ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET contact_id = COALESCE(thread.contact_id, excluded.contact_id)
 * RETURNING id::text AS "id!"                                                                                            
 * ```
 */
export const upsertAuthorDirectThread = new PreparedQuery<IUpsertAuthorDirectThreadParams,IUpsertAuthorDirectThreadResult>(upsertAuthorDirectThreadIR);


/** 'InsertPrivateReply' parameters type */
export interface IInsertPrivateReplyParams {
  authorUserId: string;
  channelAccountId: string;
  commentExternalId: string;
  commentId: NumberOrString;
  text: string;
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'InsertPrivateReply' return type */
export interface IInsertPrivateReplyResult {
  id: string;
}

/** 'InsertPrivateReply' query type */
export interface IInsertPrivateReplyQuery {
  params: IInsertPrivateReplyParams;
  result: IInsertPrivateReplyResult;
}

const insertPrivateReplyIR: any = {"usedParamSet":{"workspaceId":true,"channelAccountId":true,"threadId":true,"commentExternalId":true,"authorUserId":true,"text":true,"commentId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":230}]},{"name":"channelAccountId","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":250}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":262}]},{"name":"commentExternalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":307}]},{"name":"authorUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":310,"b":323}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":326,"b":331}]},{"name":"commentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":387,"b":397}]}],"statement":"INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,\n                     parent_external_id, author_user_id, text, created_at, delivery, private_reply_to)\nVALUES (:workspaceId!, :channelAccountId!, :threadId!, NULL, 'outbound', true, :commentExternalId!, :authorUserId!, :text!,\n        date_trunc('milliseconds', now()), 'queued', :commentId!)\nON CONFLICT (private_reply_to) WHERE private_reply_to IS NOT NULL DO NOTHING\nRETURNING id::text AS \"id!\"                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
 *                      parent_external_id, author_user_id, text, created_at, delivery, private_reply_to)
 * VALUES (:workspaceId!, :channelAccountId!, :threadId!, NULL, 'outbound', true, :commentExternalId!, :authorUserId!, :text!,
 *         date_trunc('milliseconds', now()), 'queued', :commentId!)
 * ON CONFLICT (private_reply_to) WHERE private_reply_to IS NOT NULL DO NOTHING
 * RETURNING id::text AS "id!"                                                                                           
 * ```
 */
export const insertPrivateReply = new PreparedQuery<IInsertPrivateReplyParams,IInsertPrivateReplyResult>(insertPrivateReplyIR);


/** 'PrivateReplyOf' parameters type */
export interface IPrivateReplyOfParams {
  commentId: NumberOrString;
}

/** 'PrivateReplyOf' return type */
export interface IPrivateReplyOfResult {
  id: string;
  text: string;
  threadId: string;
}

/** 'PrivateReplyOf' query type */
export interface IPrivateReplyOfQuery {
  params: IPrivateReplyOfParams;
  result: IPrivateReplyOfResult;
}

const privateReplyOfIR: any = {"usedParamSet":{"commentId":true},"params":[{"name":"commentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":111}]}],"statement":"SELECT id::text AS \"id!\", thread_id::text AS \"threadId!\", text FROM message WHERE private_reply_to = :commentId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", thread_id::text AS "threadId!", text FROM message WHERE private_reply_to = :commentId!
 * ```
 */
export const privateReplyOf = new PreparedQuery<IPrivateReplyOfParams,IPrivateReplyOfResult>(privateReplyOfIR);


