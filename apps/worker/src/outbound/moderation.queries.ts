/** Types generated for queries found in "apps/worker/src/outbound/moderation.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ModerationActionRow' parameters type */
export interface IModerationActionRowParams {
  id: NumberOrString;
}

/** 'ModerationActionRow' return type */
export interface IModerationActionRowResult {
  action: string;
  attempted_at: Date | null;
  author_external_id: string | null;
  channel_account_id: string;
  deleted: boolean;
  external_id: string | null;
  held_for_review: boolean;
  hidden: boolean;
  id: string;
  liked: boolean;
  message_id: string;
  requested_by: string | null;
  state: string;
}

/** 'ModerationActionRow' query type */
export interface IModerationActionRowQuery {
  params: IModerationActionRowParams;
  result: IModerationActionRowResult;
}

const moderationActionRowIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":387,"b":390}]}],"statement":"SELECT a.id::text AS \"id!\", a.action, a.state, a.requested_by, a.attempted_at, m.id::text AS \"message_id!\", m.external_id, m.channel_account_id,\n              m.liked, m.hidden, m.held_for_review, m.deleted, c.external_id AS \"author_external_id?\"\n         FROM message_action a JOIN message m ON m.id = a.message_id LEFT JOIN contact c ON c.id = m.author_contact_id\n        WHERE a.id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT a.id::text AS "id!", a.action, a.state, a.requested_by, a.attempted_at, m.id::text AS "message_id!", m.external_id, m.channel_account_id,
 *               m.liked, m.hidden, m.held_for_review, m.deleted, c.external_id AS "author_external_id?"
 *          FROM message_action a JOIN message m ON m.id = a.message_id LEFT JOIN contact c ON c.id = m.author_contact_id
 *         WHERE a.id = :id!
 * ```
 */
export const moderationActionRow = new PreparedQuery<IModerationActionRowParams,IModerationActionRowResult>(moderationActionRowIR);


/** 'RecordActionError' parameters type */
export interface IRecordActionErrorParams {
  error: string;
  id: NumberOrString;
}

/** 'RecordActionError' return type */
export type IRecordActionErrorResult = void;

/** 'RecordActionError' query type */
export interface IRecordActionErrorQuery {
  params: IRecordActionErrorParams;
  result: IRecordActionErrorResult;
}

const recordActionErrorIR: any = {"usedParamSet":{"error":true,"id":true},"params":[{"name":"error","required":true,"transform":{"type":"scalar"},"locs":[{"a":34,"b":40}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":56}]}],"statement":"UPDATE message_action SET error = :error! WHERE id = :id! AND state = 'queued'                                                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message_action SET error = :error! WHERE id = :id! AND state = 'queued'                                                                                                                  
 * ```
 */
export const recordActionError = new PreparedQuery<IRecordActionErrorParams,IRecordActionErrorResult>(recordActionErrorIR);


/** 'MarkActionAttempted' parameters type */
export interface IMarkActionAttemptedParams {
  id: NumberOrString;
}

/** 'MarkActionAttempted' return type */
export type IMarkActionAttemptedResult = void;

/** 'MarkActionAttempted' query type */
export interface IMarkActionAttemptedQuery {
  params: IMarkActionAttemptedParams;
  result: IMarkActionAttemptedResult;
}

const markActionAttemptedIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":58,"b":61}]}],"statement":"UPDATE message_action SET attempted_at = now() WHERE id = :id! AND state = 'queued'"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message_action SET attempted_at = now() WHERE id = :id! AND state = 'queued'
 * ```
 */
export const markActionAttempted = new PreparedQuery<IMarkActionAttemptedParams,IMarkActionAttemptedResult>(markActionAttemptedIR);


/** 'FailAction' parameters type */
export interface IFailActionParams {
  error: string;
  id: NumberOrString;
}

/** 'FailAction' return type */
export type IFailActionResult = void;

/** 'FailAction' query type */
export interface IFailActionQuery {
  params: IFailActionParams;
  result: IFailActionResult;
}

const failActionIR: any = {"usedParamSet":{"error":true,"id":true},"params":[{"name":"error","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":58}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":95}]}],"statement":"UPDATE message_action SET state = 'failed', error = :error!, finished_at = now() WHERE id = :id! AND state = 'queued'                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message_action SET state = 'failed', error = :error!, finished_at = now() WHERE id = :id! AND state = 'queued'                                                                                                       
 * ```
 */
export const failAction = new PreparedQuery<IFailActionParams,IFailActionResult>(failActionIR);


/** 'LockActionMessage' parameters type */
export interface ILockActionMessageParams {
  id: NumberOrString;
}

/** 'LockActionMessage' return type */
export interface ILockActionMessageResult {
  locked: number;
}

/** 'LockActionMessage' query type */
export interface ILockActionMessageQuery {
  params: ILockActionMessageParams;
  result: ILockActionMessageResult;
}

const lockActionMessageIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":49}]}],"statement":"SELECT 1 AS \"locked!\" FROM message WHERE id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "locked!" FROM message WHERE id = :id! FOR UPDATE
 * ```
 */
export const lockActionMessage = new PreparedQuery<ILockActionMessageParams,ILockActionMessageResult>(lockActionMessageIR);


/** 'ClaimAction' parameters type */
export interface IClaimActionParams {
  id: NumberOrString;
}

/** 'ClaimAction' return type */
export interface IClaimActionResult {
  id: string;
}

/** 'ClaimAction' query type */
export interface IClaimActionQuery {
  params: IClaimActionParams;
  result: IClaimActionResult;
}

const claimActionIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":90}]}],"statement":"UPDATE message_action SET state = 'done', error = NULL, finished_at = now() WHERE id = :id! AND state = 'queued' RETURNING id                                                                                                                                                                                                                                                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message_action SET state = 'done', error = NULL, finished_at = now() WHERE id = :id! AND state = 'queued' RETURNING id                                                                                                                                                                                                                                                                                                                  
 * ```
 */
export const claimAction = new PreparedQuery<IClaimActionParams,IClaimActionResult>(claimActionIR);


/** 'ApplyLike' parameters type */
export interface IApplyLikeParams {
  action: string;
  messageId: NumberOrString;
  requestedBy?: string | null | void;
}

/** 'ApplyLike' return type */
export type IApplyLikeResult = void;

/** 'ApplyLike' query type */
export interface IApplyLikeQuery {
  params: IApplyLikeParams;
  result: IApplyLikeResult;
}

const applyLikeIR: any = {"usedParamSet":{"requestedBy":true,"action":true,"messageId":true},"params":[{"name":"requestedBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":197,"b":208}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":312,"b":319}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":337,"b":347}]}],"statement":"UPDATE message SET liked = true , handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,\n             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,\n             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET liked = true , handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
 *              handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,
 *              handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!
 * ```
 */
export const applyLike = new PreparedQuery<IApplyLikeParams,IApplyLikeResult>(applyLikeIR);


/** 'ApplyUnlike' parameters type */
export interface IApplyUnlikeParams {
  messageId: NumberOrString;
  undone: string;
}

/** 'ApplyUnlike' return type */
export type IApplyUnlikeResult = void;

/** 'ApplyUnlike' query type */
export interface IApplyUnlikeQuery {
  params: IApplyUnlikeParams;
  result: IApplyUnlikeResult;
}

const applyUnlikeIR: any = {"usedParamSet":{"undone":true,"messageId":true},"params":[{"name":"undone","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":82},{"a":168,"b":175},{"a":265,"b":272}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":319,"b":329}]}],"statement":"UPDATE message SET liked = false , handled_at = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_at END,\n             handled_by = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_by END,\n             handled_action = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_action END WHERE id = :messageId!                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET liked = false , handled_at = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_at END,
 *              handled_by = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_by END,
 *              handled_action = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_action END WHERE id = :messageId!                                                                                                           
 * ```
 */
export const applyUnlike = new PreparedQuery<IApplyUnlikeParams,IApplyUnlikeResult>(applyUnlikeIR);


/** 'ApplyHide' parameters type */
export interface IApplyHideParams {
  action: string;
  messageId: NumberOrString;
  requestedBy?: string | null | void;
}

/** 'ApplyHide' return type */
export type IApplyHideResult = void;

/** 'ApplyHide' query type */
export interface IApplyHideQuery {
  params: IApplyHideParams;
  result: IApplyHideResult;
}

const applyHideIR: any = {"usedParamSet":{"requestedBy":true,"action":true,"messageId":true},"params":[{"name":"requestedBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":223,"b":234}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":338,"b":345}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":363,"b":373}]}],"statement":"UPDATE message SET hidden = true , held_for_review = false, handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,\n             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,\n             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET hidden = true , held_for_review = false, handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
 *              handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,
 *              handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!
 * ```
 */
export const applyHide = new PreparedQuery<IApplyHideParams,IApplyHideResult>(applyHideIR);


/** 'ApplyUnhide' parameters type */
export interface IApplyUnhideParams {
  messageId: NumberOrString;
  undone: string;
}

/** 'ApplyUnhide' return type */
export type IApplyUnhideResult = void;

/** 'ApplyUnhide' query type */
export interface IApplyUnhideQuery {
  params: IApplyUnhideParams;
  result: IApplyUnhideResult;
}

const applyUnhideIR: any = {"usedParamSet":{"undone":true,"messageId":true},"params":[{"name":"undone","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":108},{"a":194,"b":201},{"a":291,"b":298}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":345,"b":355}]}],"statement":"UPDATE message SET hidden = false , held_for_review = false, handled_at = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_at END,\n             handled_by = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_by END,\n             handled_action = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_action END WHERE id = :messageId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET hidden = false , held_for_review = false, handled_at = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_at END,
 *              handled_by = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_by END,
 *              handled_action = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_action END WHERE id = :messageId!
 * ```
 */
export const applyUnhide = new PreparedQuery<IApplyUnhideParams,IApplyUnhideResult>(applyUnhideIR);


/** 'ApplyDelete' parameters type */
export interface IApplyDeleteParams {
  action: string;
  messageId: NumberOrString;
  requestedBy?: string | null | void;
}

/** 'ApplyDelete' return type */
export type IApplyDeleteResult = void;

/** 'ApplyDelete' query type */
export interface IApplyDeleteQuery {
  params: IApplyDeleteParams;
  result: IApplyDeleteResult;
}

const applyDeleteIR: any = {"usedParamSet":{"requestedBy":true,"action":true,"messageId":true},"params":[{"name":"requestedBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":199,"b":210}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":321}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":339,"b":349}]}],"statement":"UPDATE message SET deleted = true , handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,\n             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,\n             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!                                                                                                                                                                                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET deleted = true , handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
 *              handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,
 *              handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!                                                                                                                                                                                                                                                                                             
 * ```
 */
export const applyDelete = new PreparedQuery<IApplyDeleteParams,IApplyDeleteResult>(applyDeleteIR);


/** 'RecomputeWaitingOfMessageThread' parameters type */
export interface IRecomputeWaitingOfMessageThreadParams {
  messageId: NumberOrString;
}

/** 'RecomputeWaitingOfMessageThread' return type */
export interface IRecomputeWaitingOfMessageThreadResult {
  threadId: string;
  workspaceId: string;
}

/** 'RecomputeWaitingOfMessageThread' query type */
export interface IRecomputeWaitingOfMessageThreadQuery {
  params: IRecomputeWaitingOfMessageThreadParams;
  result: IRecomputeWaitingOfMessageThreadResult;
}

const recomputeWaitingOfMessageThreadIR: any = {"usedParamSet":{"messageId":true},"params":[{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":124,"b":134}]}],"statement":"UPDATE thread t SET waiting_since = resonance_thread_waiting_since(t.id), updated_at = now()\n  FROM message m\n WHERE m.id = :messageId! AND t.id = m.thread_id AND t.waiting_since IS DISTINCT FROM resonance_thread_waiting_since(t.id)\nRETURNING t.id::text AS \"threadId!\", t.workspace_id AS \"workspaceId!\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread t SET waiting_since = resonance_thread_waiting_since(t.id), updated_at = now()
 *   FROM message m
 *  WHERE m.id = :messageId! AND t.id = m.thread_id AND t.waiting_since IS DISTINCT FROM resonance_thread_waiting_since(t.id)
 * RETURNING t.id::text AS "threadId!", t.workspace_id AS "workspaceId!"
 * ```
 */
export const recomputeWaitingOfMessageThread = new PreparedQuery<IRecomputeWaitingOfMessageThreadParams,IRecomputeWaitingOfMessageThreadResult>(recomputeWaitingOfMessageThreadIR);


