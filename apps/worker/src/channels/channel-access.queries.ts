/** Types generated for queries found in "apps/worker/src/channels/channel-access.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ChannelForRun' parameters type */
export interface IChannelForRunParams {
  id: string;
}

/** 'ChannelForRun' return type */
export interface IChannelForRunResult {
  consecutive_auth_failures: number;
  external_id: string;
  id: string;
  last_synced_at: Date | null;
  network: string;
  rate_budget: Json;
  status: string;
  sync_state: Json;
  workspace_id: string;
}

/** 'ChannelForRun' query type */
export interface IChannelForRunQuery {
  params: IChannelForRunParams;
  result: IChannelForRunResult;
}

const channelForRunIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":157}]}],"statement":"SELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures FROM channel_account WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures FROM channel_account WHERE id = :id!
 * ```
 */
export const channelForRun = new PreparedQuery<IChannelForRunParams,IChannelForRunResult>(channelForRunIR);


/** 'ChannelCredentials' parameters type */
export interface IChannelCredentialsParams {
  id: string;
}

/** 'ChannelCredentials' return type */
export interface IChannelCredentialsResult {
  credentials_encrypted: string | null;
}

/** 'ChannelCredentials' query type */
export interface IChannelCredentialsQuery {
  params: IChannelCredentialsParams;
  result: IChannelCredentialsResult;
}

const channelCredentialsIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":64}]}],"statement":"SELECT credentials_encrypted FROM channel_account WHERE id = :id!                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * SELECT credentials_encrypted FROM channel_account WHERE id = :id!                                                                                             
 * ```
 */
export const channelCredentials = new PreparedQuery<IChannelCredentialsParams,IChannelCredentialsResult>(channelCredentialsIR);


/** 'LockRefresh' parameters type */
export interface ILockRefreshParams {
  key: string;
}

/** 'LockRefresh' return type */
export interface ILockRefreshResult {
  locked: undefined | null;
}

/** 'LockRefresh' query type */
export interface ILockRefreshQuery {
  params: ILockRefreshParams;
  result: ILockRefreshResult;
}

const lockRefreshIR: any = {"usedParamSet":{"key":true},"params":[{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":50}]}],"statement":"SELECT pg_advisory_xact_lock(hashtextextended(:key!, 7)) AS \"locked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_advisory_xact_lock(hashtextextended(:key!, 7)) AS "locked"
 * ```
 */
export const lockRefresh = new PreparedQuery<ILockRefreshParams,ILockRefreshResult>(lockRefreshIR);


/** 'SaveCredentials' parameters type */
export interface ISaveCredentialsParams {
  credentials: string;
  expiresAt?: DateOrString | null | void;
  id: string;
}

/** 'SaveCredentials' return type */
export type ISaveCredentialsResult = void;

/** 'SaveCredentials' query type */
export interface ISaveCredentialsQuery {
  params: ISaveCredentialsParams;
  result: ISaveCredentialsResult;
}

const saveCredentialsIR: any = {"usedParamSet":{"credentials":true,"expiresAt":true,"id":true},"params":[{"name":"credentials","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":63}]},{"name":"expiresAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":90,"b":99}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":132,"b":135}]}],"statement":"UPDATE channel_account SET credentials_encrypted = :credentials!, credentials_expire_at = :expiresAt, updated_at = now() WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET credentials_encrypted = :credentials!, credentials_expire_at = :expiresAt, updated_at = now() WHERE id = :id!
 * ```
 */
export const saveCredentials = new PreparedQuery<ISaveCredentialsParams,ISaveCredentialsResult>(saveCredentialsIR);


/** 'CallSucceeded' parameters type */
export interface ICallSucceededParams {
  id: string;
  rateBudget: Json;
}

/** 'CallSucceeded' return type */
export type ICallSucceededResult = void;

/** 'CallSucceeded' query type */
export interface ICallSucceededQuery {
  params: ICallSucceededParams;
  result: ICallSucceededResult;
}

const callSucceededIR: any = {"usedParamSet":{"rateBudget":true,"id":true},"params":[{"name":"rateBudget","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":138}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":186,"b":189}]}],"statement":"UPDATE channel_account SET consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,\n              rate_budget = :rateBudget!::jsonb, updated_at = now()\n        WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,
 *               rate_budget = :rateBudget!::jsonb, updated_at = now()
 *         WHERE id = :id!
 * ```
 */
export const callSucceeded = new PreparedQuery<ICallSucceededParams,ICallSucceededResult>(callSucceededIR);


/** 'CallFailed' parameters type */
export interface ICallFailedParams {
  auth: boolean;
  error: string;
  id: string;
  rateBudget: Json;
}

/** 'CallFailed' return type */
export interface ICallFailedResult {
  consecutive_auth_failures: number;
}

/** 'CallFailed' query type */
export interface ICallFailedQuery {
  params: ICallFailedParams;
  result: ICallFailedResult;
}

const callFailedIR: any = {"usedParamSet":{"auth":true,"error":true,"rateBudget":true,"id":true},"params":[{"name":"auth","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":79}]},{"name":"error","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":189}]},{"name":"rateBudget","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":240}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":287,"b":290}]}],"statement":"UPDATE channel_account SET\n         consecutive_auth_failures = CASE WHEN :auth!::boolean THEN consecutive_auth_failures + 1 ELSE consecutive_auth_failures END,\n         last_error = :error!, last_error_at = now(), rate_budget = :rateBudget!::jsonb, updated_at = now()\n       WHERE id = :id! RETURNING consecutive_auth_failures"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET
 *          consecutive_auth_failures = CASE WHEN :auth!::boolean THEN consecutive_auth_failures + 1 ELSE consecutive_auth_failures END,
 *          last_error = :error!, last_error_at = now(), rate_budget = :rateBudget!::jsonb, updated_at = now()
 *        WHERE id = :id! RETURNING consecutive_auth_failures
 * ```
 */
export const callFailed = new PreparedQuery<ICallFailedParams,ICallFailedResult>(callFailedIR);


/** 'SetChannelStatus' parameters type */
export interface ISetChannelStatusParams {
  id: string;
  status: string;
}

/** 'SetChannelStatus' return type */
export type ISetChannelStatusResult = void;

/** 'SetChannelStatus' query type */
export interface ISetChannelStatusQuery {
  params: ISetChannelStatusParams;
  result: ISetChannelStatusResult;
}

const setChannelStatusIR: any = {"usedParamSet":{"status":true,"id":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":43}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":79}]}],"statement":"UPDATE channel_account SET status = :status!, updated_at = now() WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET status = :status!, updated_at = now() WHERE id = :id!
 * ```
 */
export const setChannelStatus = new PreparedQuery<ISetChannelStatusParams,ISetChannelStatusResult>(setChannelStatusIR);


