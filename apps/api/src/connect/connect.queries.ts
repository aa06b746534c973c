/** Types generated for queries found in "apps/api/src/connect/connect.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'ReconnectableChannel' parameters type */
export interface IReconnectableChannelParams {
  id: string;
  network: string;
  workspaceId: string;
}

/** 'ReconnectableChannel' return type */
export interface IReconnectableChannelResult {
  id: string;
}

/** 'ReconnectableChannel' query type */
export interface IReconnectableChannelQuery {
  params: IReconnectableChannelParams;
  result: IReconnectableChannelResult;
}

const reconnectableChannelIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"network":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":45}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":66,"b":78}]},{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":94,"b":102}]}],"statement":"SELECT id FROM channel_account WHERE id = :id! AND workspace_id = :workspaceId! AND network = :network!                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id FROM channel_account WHERE id = :id! AND workspace_id = :workspaceId! AND network = :network!                                                                                                      
 * ```
 */
export const reconnectableChannel = new PreparedQuery<IReconnectableChannelParams,IReconnectableChannelResult>(reconnectableChannelIR);


/** 'DeleteOldFlows' parameters type */
export type IDeleteOldFlowsParams = void;

/** 'DeleteOldFlows' return type */
export type IDeleteOldFlowsResult = void;

/** 'DeleteOldFlows' query type */
export interface IDeleteOldFlowsQuery {
  params: IDeleteOldFlowsParams;
  result: IDeleteOldFlowsResult;
}

const deleteOldFlowsIR: any = {"usedParamSet":{},"params":[],"statement":"DELETE FROM oauth_connect WHERE expires_at < now() - interval '1 hour'                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM oauth_connect WHERE expires_at < now() - interval '1 hour'                                                                 
 * ```
 */
export const deleteOldFlows = new PreparedQuery<IDeleteOldFlowsParams,IDeleteOldFlowsResult>(deleteOldFlowsIR);


/** 'ForgetExpiredSecrets' parameters type */
export type IForgetExpiredSecretsParams = void;

/** 'ForgetExpiredSecrets' return type */
export type IForgetExpiredSecretsResult = void;

/** 'ForgetExpiredSecrets' query type */
export interface IForgetExpiredSecretsQuery {
  params: IForgetExpiredSecretsParams;
  result: IForgetExpiredSecretsResult;
}

const forgetExpiredSecretsIR: any = {"usedParamSet":{},"params":[],"statement":"UPDATE oauth_connect SET credentials_encrypted = NULL, code_verifier_encrypted = NULL\n WHERE expires_at < now() AND (credentials_encrypted IS NOT NULL OR code_verifier_encrypted IS NOT NULL)"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET credentials_encrypted = NULL, code_verifier_encrypted = NULL
 *  WHERE expires_at < now() AND (credentials_encrypted IS NOT NULL OR code_verifier_encrypted IS NOT NULL)
 * ```
 */
export const forgetExpiredSecrets = new PreparedQuery<IForgetExpiredSecretsParams,IForgetExpiredSecretsResult>(forgetExpiredSecretsIR);


/** 'InsertFlow' parameters type */
export interface IInsertFlowParams {
  codeVerifierEncrypted: string;
  id: string;
  network: string;
  reconnectChannelId?: string | null | void;
  sessionId: string;
  stateHash: string;
  ttlMs: number;
  userId: string;
  workspaceId: string;
}

/** 'InsertFlow' return type */
export type IInsertFlowResult = void;

/** 'InsertFlow' query type */
export interface IInsertFlowQuery {
  params: IInsertFlowParams;
  result: IInsertFlowResult;
}

const insertFlowIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"userId":true,"sessionId":true,"network":true,"stateHash":true,"codeVerifierEncrypted":true,"reconnectChannelId":true,"ttlMs":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":157}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":172}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":182}]},{"name":"sessionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":185,"b":195}]},{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":198,"b":206}]},{"name":"stateHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":219}]},{"name":"codeVerifierEncrypted","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":244}]},{"name":"reconnectChannelId","required":false,"transform":{"type":"scalar"},"locs":[{"a":247,"b":265}]},{"name":"ttlMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":284,"b":290}]}],"statement":"INSERT INTO oauth_connect (id, workspace_id, user_id, session_id, network, state_hash, code_verifier_encrypted, reconnect_channel_id, expires_at)\nVALUES (:id!, :workspaceId!, :userId!, :sessionId!, :network!, :stateHash!, :codeVerifierEncrypted!, :reconnectChannelId,\n        now() + :ttlMs!::int * interval '1 millisecond')"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO oauth_connect (id, workspace_id, user_id, session_id, network, state_hash, code_verifier_encrypted, reconnect_channel_id, expires_at)
 * VALUES (:id!, :workspaceId!, :userId!, :sessionId!, :network!, :stateHash!, :codeVerifierEncrypted!, :reconnectChannelId,
 *         now() + :ttlMs!::int * interval '1 millisecond')
 * ```
 */
export const insertFlow = new PreparedQuery<IInsertFlowParams,IInsertFlowResult>(insertFlowIR);


/** 'FlowById' parameters type */
export interface IFlowByIdParams {
  id: string;
}

/** 'FlowById' return type */
export interface IFlowByIdResult {
  codeVerifierEncrypted: string | null;
  id: string;
  network: string;
  sessionId: string;
  stateHash: string;
  status: string;
  userId: string;
  workspaceId: string;
}

/** 'FlowById' query type */
export interface IFlowByIdQuery {
  params: IFlowByIdParams;
  result: IFlowByIdResult;
}

const flowByIdIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":227}]}],"statement":"SELECT id, workspace_id AS \"workspaceId\", user_id AS \"userId\", session_id AS \"sessionId\", network, status,\n       state_hash AS \"stateHash\", code_verifier_encrypted AS \"codeVerifierEncrypted\"\n  FROM oauth_connect WHERE id = :id!                                                                                                                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, workspace_id AS "workspaceId", user_id AS "userId", session_id AS "sessionId", network, status,
 *        state_hash AS "stateHash", code_verifier_encrypted AS "codeVerifierEncrypted"
 *   FROM oauth_connect WHERE id = :id!                                                                                                                                                                                          
 * ```
 */
export const flowById = new PreparedQuery<IFlowByIdParams,IFlowByIdResult>(flowByIdIR);


/** 'ConsumeState' parameters type */
export interface IConsumeStateParams {
  id: string;
}

/** 'ConsumeState' return type */
export interface IConsumeStateResult {
  fresh: boolean;
}

/** 'ConsumeState' query type */
export interface IConsumeStateQuery {
  params: IConsumeStateParams;
  result: IConsumeStateResult;
}

const consumeStateIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":212}]}],"statement":"UPDATE oauth_connect SET state_used_at = now(), status = CASE WHEN expires_at > now() THEN status ELSE 'failed' END,\n       error = CASE WHEN expires_at > now() THEN error ELSE 'state_expired' END\n WHERE id = :id! AND state_used_at IS NULL AND status = 'authorizing'\nRETURNING expires_at > now() AS \"fresh!\"                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET state_used_at = now(), status = CASE WHEN expires_at > now() THEN status ELSE 'failed' END,
 *        error = CASE WHEN expires_at > now() THEN error ELSE 'state_expired' END
 *  WHERE id = :id! AND state_used_at IS NULL AND status = 'authorizing'
 * RETURNING expires_at > now() AS "fresh!"                                                                                            
 * ```
 */
export const consumeState = new PreparedQuery<IConsumeStateParams,IConsumeStateResult>(consumeStateIR);


/** 'StartPicking' parameters type */
export interface IStartPickingParams {
  accounts: Json;
  credentialsEncrypted: string;
  id: string;
  ttlMs: number;
}

/** 'StartPicking' return type */
export type IStartPickingResult = void;

/** 'StartPicking' query type */
export interface IStartPickingQuery {
  params: IStartPickingParams;
  result: IStartPickingResult;
}

const startPickingIR: any = {"usedParamSet":{"accounts":true,"credentialsEncrypted":true,"ttlMs":true,"id":true},"params":[{"name":"accounts","required":true,"transform":{"type":"scalar"},"locs":[{"a":56,"b":65}]},{"name":"credentialsEncrypted","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":120}]},{"name":"ttlMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":189}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":235,"b":238}]}],"statement":"UPDATE oauth_connect SET status = 'picking', accounts = :accounts!::jsonb, credentials_encrypted = :credentialsEncrypted!, code_verifier_encrypted = NULL,\n       expires_at = now() + :ttlMs!::int * interval '1 millisecond'\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET status = 'picking', accounts = :accounts!::jsonb, credentials_encrypted = :credentialsEncrypted!, code_verifier_encrypted = NULL,
 *        expires_at = now() + :ttlMs!::int * interval '1 millisecond'
 *  WHERE id = :id!
 * ```
 */
export const startPicking = new PreparedQuery<IStartPickingParams,IStartPickingResult>(startPickingIR);


/** 'FailFlow' parameters type */
export interface IFailFlowParams {
  id: string;
  reason: string;
}

/** 'FailFlow' return type */
export type IFailFlowResult = void;

/** 'FailFlow' query type */
export interface IFailFlowQuery {
  params: IFailFlowParams;
  result: IFailFlowResult;
}

const failFlowIR: any = {"usedParamSet":{"reason":true,"id":true},"params":[{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":59}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":134,"b":137}]}],"statement":"UPDATE oauth_connect SET status = 'failed', error = :reason!, code_verifier_encrypted = NULL, credentials_encrypted = NULL WHERE id = :id!                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET status = 'failed', error = :reason!, code_verifier_encrypted = NULL, credentials_encrypted = NULL WHERE id = :id!                                                                                        
 * ```
 */
export const failFlow = new PreparedQuery<IFailFlowParams,IFailFlowResult>(failFlowIR);


/** 'PendingFlow' parameters type */
export interface IPendingFlowParams {
  id: string;
  sessionId: string;
  userId: string;
  workspaceId: string;
}

/** 'PendingFlow' return type */
export interface IPendingFlowResult {
  accounts: Json;
  expiresAt: Date;
  id: string;
  network: string;
  reconnectChannelId: string | null;
}

/** 'PendingFlow' query type */
export interface IPendingFlowQuery {
  params: IPendingFlowParams;
  result: IPendingFlowResult;
}

const pendingFlowIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"userId":true,"sessionId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":133,"b":136}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":157,"b":169}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":185,"b":192}]},{"name":"sessionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":211,"b":221}]}],"statement":"SELECT id, network, expires_at AS \"expiresAt\", reconnect_channel_id AS \"reconnectChannelId\", accounts FROM oauth_connect\n WHERE id = :id! AND workspace_id = :workspaceId! AND user_id = :userId! AND session_id = :sessionId! AND status = 'picking' AND expires_at > now()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, expires_at AS "expiresAt", reconnect_channel_id AS "reconnectChannelId", accounts FROM oauth_connect
 *  WHERE id = :id! AND workspace_id = :workspaceId! AND user_id = :userId! AND session_id = :sessionId! AND status = 'picking' AND expires_at > now()
 * ```
 */
export const pendingFlow = new PreparedQuery<IPendingFlowParams,IPendingFlowResult>(pendingFlowIR);


/** 'ExistingChannelsOf' parameters type */
export interface IExistingChannelsOfParams {
  externalIds: stringArray;
  network: string;
  workspaceId: string;
}

/** 'ExistingChannelsOf' return type */
export interface IExistingChannelsOfResult {
  externalId: string;
  id: string;
  status: string;
}

/** 'ExistingChannelsOf' query type */
export interface IExistingChannelsOfQuery {
  params: IExistingChannelsOfParams;
  result: IExistingChannelsOfResult;
}

const existingChannelsOfIR: any = {"usedParamSet":{"workspaceId":true,"network":true,"externalIds":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":102}]},{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":118,"b":126}]},{"name":"externalIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":150,"b":162}]}],"statement":"SELECT id, external_id AS \"externalId\", status FROM channel_account\n WHERE workspace_id = :workspaceId! AND network = :network! AND external_id = ANY(:externalIds!::text[])                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, external_id AS "externalId", status FROM channel_account
 *  WHERE workspace_id = :workspaceId! AND network = :network! AND external_id = ANY(:externalIds!::text[])                                                                                   
 * ```
 */
export const existingChannelsOf = new PreparedQuery<IExistingChannelsOfParams,IExistingChannelsOfResult>(existingChannelsOfIR);


/** 'LockPickingFlow' parameters type */
export interface ILockPickingFlowParams {
  id: string;
  sessionId: string;
  userId: string;
  workspaceId: string;
}

/** 'LockPickingFlow' return type */
export interface ILockPickingFlowResult {
  accounts: Json;
  credentialsEncrypted: string | null;
  id: string;
  network: string;
}

/** 'LockPickingFlow' query type */
export interface ILockPickingFlowQuery {
  params: ILockPickingFlowParams;
  result: ILockPickingFlowResult;
}

const lockPickingFlowIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"userId":true,"sessionId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":112}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":133,"b":145}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":161,"b":168}]},{"name":"sessionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":187,"b":197}]}],"statement":"SELECT id, network, accounts, credentials_encrypted AS \"credentialsEncrypted\" FROM oauth_connect\n WHERE id = :id! AND workspace_id = :workspaceId! AND user_id = :userId! AND session_id = :sessionId! AND status = 'picking' AND expires_at > now()\n   FOR UPDATE                                                                                                                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, accounts, credentials_encrypted AS "credentialsEncrypted" FROM oauth_connect
 *  WHERE id = :id! AND workspace_id = :workspaceId! AND user_id = :userId! AND session_id = :sessionId! AND status = 'picking' AND expires_at > now()
 *    FOR UPDATE                                                                                                                                                                                                     
 * ```
 */
export const lockPickingFlow = new PreparedQuery<ILockPickingFlowParams,ILockPickingFlowResult>(lockPickingFlowIR);


/** 'UpsertPickedChannel' parameters type */
export interface IUpsertPickedChannelParams {
  credentialsEncrypted: string;
  credentialsExpireAt?: DateOrString | null | void;
  displayName: string;
  externalId: string;
  handle?: string | null | void;
  network: string;
  workspaceId: string;
}

/** 'UpsertPickedChannel' return type */
export interface IUpsertPickedChannelResult {
  id: string;
  inserted: boolean;
}

/** 'UpsertPickedChannel' query type */
export interface IUpsertPickedChannelQuery {
  params: IUpsertPickedChannelParams;
  result: IUpsertPickedChannelResult;
}

const upsertPickedChannelIR: any = {"usedParamSet":{"workspaceId":true,"network":true,"externalId":true,"displayName":true,"handle":true,"credentialsEncrypted":true,"credentialsExpireAt":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":161}]},{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":172}]},{"name":"externalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":186}]},{"name":"displayName","required":true,"transform":{"type":"scalar"},"locs":[{"a":189,"b":201}]},{"name":"handle","required":false,"transform":{"type":"scalar"},"locs":[{"a":204,"b":210}]},{"name":"credentialsEncrypted","required":true,"transform":{"type":"scalar"},"locs":[{"a":226,"b":247}]},{"name":"credentialsExpireAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":250,"b":269}]}],"statement":"INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, credentials_expire_at)\nVALUES (:workspaceId!, :network!, :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, :credentialsExpireAt::timestamptz)\nON CONFLICT (workspace_id, network, external_id) DO UPDATE\n  SET credentials_encrypted = EXCLUDED.credentials_encrypted, credentials_expire_at = EXCLUDED.credentials_expire_at,\n      status = CASE WHEN channel_account.status = 'paused' THEN 'paused' ELSE 'connected' END,\n      consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,\n      handle = COALESCE(EXCLUDED.handle, channel_account.handle), updated_at = now()\nRETURNING id, (xmax = 0) AS \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, credentials_expire_at)
 * VALUES (:workspaceId!, :network!, :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, :credentialsExpireAt::timestamptz)
 * ON CONFLICT (workspace_id, network, external_id) DO UPDATE
 *   SET credentials_encrypted = EXCLUDED.credentials_encrypted, credentials_expire_at = EXCLUDED.credentials_expire_at,
 *       status = CASE WHEN channel_account.status = 'paused' THEN 'paused' ELSE 'connected' END,
 *       consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,
 *       handle = COALESCE(EXCLUDED.handle, channel_account.handle), updated_at = now()
 * RETURNING id, (xmax = 0) AS "inserted!"
 * ```
 */
export const upsertPickedChannel = new PreparedQuery<IUpsertPickedChannelParams,IUpsertPickedChannelResult>(upsertPickedChannelIR);


/** 'FinishFlow' parameters type */
export interface IFinishFlowParams {
  id: string;
}

/** 'FinishFlow' return type */
export type IFinishFlowResult = void;

/** 'FinishFlow' query type */
export interface IFinishFlowQuery {
  params: IFinishFlowParams;
  result: IFinishFlowResult;
}

const finishFlowIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":85}]}],"statement":"UPDATE oauth_connect SET status = 'done', credentials_encrypted = NULL WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET status = 'done', credentials_encrypted = NULL WHERE id = :id!
 * ```
 */
export const finishFlow = new PreparedQuery<IFinishFlowParams,IFinishFlowResult>(finishFlowIR);


