/** Types generated for queries found in "apps/worker/src/sync/sync.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ChannelSchedules' parameters type */
export type IChannelSchedulesParams = void;

/** 'ChannelSchedules' return type */
export interface IChannelSchedulesResult {
  id: string;
  interval_ms: number | null;
  last_synced_at: Date | null;
  network: string;
  status: string;
}

/** 'ChannelSchedules' query type */
export interface IChannelSchedulesQuery {
  params: IChannelSchedulesParams;
  result: IChannelSchedulesResult;
}

const channelSchedulesIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT id, network, status, (sync_state->>'intervalMs')::int AS interval_ms, last_synced_at FROM channel_account"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, status, (sync_state->>'intervalMs')::int AS interval_ms, last_synced_at FROM channel_account
 * ```
 */
export const channelSchedules = new PreparedQuery<IChannelSchedulesParams,IChannelSchedulesResult>(channelSchedulesIR);


/** 'SetChannelNotice' parameters type */
export interface ISetChannelNoticeParams {
  id: string;
  message: string;
}

/** 'SetChannelNotice' return type */
export type ISetChannelNoticeResult = void;

/** 'SetChannelNotice' query type */
export interface ISetChannelNoticeQuery {
  params: ISetChannelNoticeParams;
  result: ISetChannelNoticeResult;
}

const setChannelNoticeIR: any = {"usedParamSet":{"message":true,"id":true},"params":[{"name":"message","required":true,"transform":{"type":"scalar"},"locs":[{"a":40,"b":48}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":87}]}],"statement":"UPDATE channel_account SET last_error = :message!, last_error_at = now() WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET last_error = :message!, last_error_at = now() WHERE id = :id!
 * ```
 */
export const setChannelNotice = new PreparedQuery<ISetChannelNoticeParams,ISetChannelNoticeResult>(setChannelNoticeIR);


/** 'RenewLease' parameters type */
export interface IRenewLeaseParams {
  id: string;
  leaseMs: number;
  owner: string;
}

/** 'RenewLease' return type */
export type IRenewLeaseResult = void;

/** 'RenewLease' query type */
export interface IRenewLeaseQuery {
  params: IRenewLeaseParams;
  result: IRenewLeaseResult;
}

const renewLeaseIR: any = {"usedParamSet":{"leaseMs":true,"id":true,"owner":true},"params":[{"name":"leaseMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":104}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":157}]},{"name":"owner","required":true,"transform":{"type":"scalar"},"locs":[{"a":195,"b":201}]}],"statement":"UPDATE channel_account SET sync_state = jsonb_set(sync_state, '{lease,until}', to_jsonb(now() + :leaseMs! * interval '1 millisecond'))\n        WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!                                                                                                                                                                                                                                                                                                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET sync_state = jsonb_set(sync_state, '{lease,until}', to_jsonb(now() + :leaseMs! * interval '1 millisecond'))
 *         WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!                                                                                                                                                                                                                                                                                                                                                                                     
 * ```
 */
export const renewLease = new PreparedQuery<IRenewLeaseParams,IRenewLeaseResult>(renewLeaseIR);


/** 'ClaimRun' parameters type */
export interface IClaimRunParams {
  id: string;
  leaseMs: number;
  owner: string;
}

/** 'ClaimRun' return type */
export interface IClaimRunResult {
  consecutive_auth_failures: number;
  credentials_encrypted: string | null;
  external_id: string;
  id: string;
  last_synced_at: Date | null;
  leased: boolean;
  network: string;
  rate_budget: Json;
  status: string;
  sync_state: Json;
  workspace_id: string;
}

/** 'ClaimRun' query type */
export interface IClaimRunQuery {
  params: IClaimRunParams;
  result: IClaimRunResult;
}

const claimRunIR: any = {"usedParamSet":{"owner":true,"leaseMs":true,"id":true},"params":[{"name":"owner","required":true,"transform":{"type":"scalar"},"locs":[{"a":126,"b":132}]},{"name":"leaseMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":158,"b":166}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":211,"b":214},{"a":1018,"b":1021}]}],"statement":"WITH claimed AS (\n  UPDATE channel_account\n     SET sync_state = jsonb_set(sync_state, '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))\n   WHERE id = :id! AND status = 'connected'\n     AND (sync_state->'lease' IS NULL OR (sync_state->'lease'->>'until')::timestamptz < now())\n  RETURNING id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures, credentials_encrypted\n)\nSELECT id AS \"id!\", workspace_id AS \"workspace_id!\", network AS \"network!\", external_id AS \"external_id!\", status AS \"status!\",\n       sync_state AS \"sync_state!\", rate_budget AS \"rate_budget!\", last_synced_at, consecutive_auth_failures AS \"consecutive_auth_failures!\",\n       credentials_encrypted, true AS \"leased!\"\n  FROM claimed\nUNION ALL\nSELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures, credentials_encrypted, false\n  FROM channel_account\n WHERE id = :id! AND NOT EXISTS (SELECT 1 FROM claimed)                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * WITH claimed AS (
 *   UPDATE channel_account
 *      SET sync_state = jsonb_set(sync_state, '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))
 *    WHERE id = :id! AND status = 'connected'
 *      AND (sync_state->'lease' IS NULL OR (sync_state->'lease'->>'until')::timestamptz < now())
 *   RETURNING id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures, credentials_encrypted
 * )
 * SELECT id AS "id!", workspace_id AS "workspace_id!", network AS "network!", external_id AS "external_id!", status AS "status!",
 *        sync_state AS "sync_state!", rate_budget AS "rate_budget!", last_synced_at, consecutive_auth_failures AS "consecutive_auth_failures!",
 *        credentials_encrypted, true AS "leased!"
 *   FROM claimed
 * UNION ALL
 * SELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures, credentials_encrypted, false
 *   FROM channel_account
 *  WHERE id = :id! AND NOT EXISTS (SELECT 1 FROM claimed)                                                                                                            
 * ```
 */
export const claimRun = new PreparedQuery<IClaimRunParams,IClaimRunResult>(claimRunIR);


/** 'ReleaseLease' parameters type */
export interface IReleaseLeaseParams {
  id: string;
  owner: string;
}

/** 'ReleaseLease' return type */
export type IReleaseLeaseResult = void;

/** 'ReleaseLease' query type */
export interface IReleaseLeaseQuery {
  params: IReleaseLeaseParams;
  result: IReleaseLeaseResult;
}

const releaseLeaseIR: any = {"usedParamSet":{"id":true,"owner":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":72,"b":75}]},{"name":"owner","required":true,"transform":{"type":"scalar"},"locs":[{"a":113,"b":119}]}],"statement":"UPDATE channel_account SET sync_state = sync_state - 'lease' WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET sync_state = sync_state - 'lease' WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!                                                                                                            
 * ```
 */
export const releaseLease = new PreparedQuery<IReleaseLeaseParams,IReleaseLeaseResult>(releaseLeaseIR);


/** 'CommitStreams' parameters type */
export interface ICommitStreamsParams {
  id: string;
  leaseMs: number;
  owner: string;
  streams: Json;
}

/** 'CommitStreams' return type */
export interface ICommitStreamsResult {
  id: string;
}

/** 'CommitStreams' query type */
export interface ICommitStreamsQuery {
  params: ICommitStreamsParams;
  result: ICommitStreamsResult;
}

const commitStreamsIR: any = {"usedParamSet":{"streams":true,"owner":true,"leaseMs":true,"id":true},"params":[{"name":"streams","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":168}]},{"name":"owner","required":true,"transform":{"type":"scalar"},"locs":[{"a":234,"b":240},{"a":365,"b":371}]},{"name":"leaseMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":266,"b":274}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":327}]}],"statement":"UPDATE channel_account\n          SET sync_state = jsonb_set(\n                jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb),\n                '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))\n        WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!\n        RETURNING id                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account
 *           SET sync_state = jsonb_set(
 *                 jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb),
 *                 '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))
 *         WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!
 *         RETURNING id                                                                                                               
 * ```
 */
export const commitStreams = new PreparedQuery<ICommitStreamsParams,ICommitStreamsResult>(commitStreamsIR);


/** 'PauseBudget' parameters type */
export interface IPauseBudgetParams {
  id: string;
  state: Json;
}

/** 'PauseBudget' return type */
export type IPauseBudgetResult = void;

/** 'PauseBudget' query type */
export interface IPauseBudgetQuery {
  params: IPauseBudgetParams;
  result: IPauseBudgetResult;
}

const pauseBudgetIR: any = {"usedParamSet":{"state":true,"id":true},"params":[{"name":"state","required":true,"transform":{"type":"scalar"},"locs":[{"a":145,"b":151}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":172,"b":175}]}],"statement":"UPDATE channel_account SET rate_budget = jsonb_set(COALESCE(rate_budget, '{}'::jsonb), '{state}', COALESCE(rate_budget->'state', '{}'::jsonb) || :state!::jsonb) WHERE id = :id!                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET rate_budget = jsonb_set(COALESCE(rate_budget, '{}'::jsonb), '{state}', COALESCE(rate_budget->'state', '{}'::jsonb) || :state!::jsonb) WHERE id = :id!                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                    
 * ```
 */
export const pauseBudget = new PreparedQuery<IPauseBudgetParams,IPauseBudgetResult>(pauseBudgetIR);


/** 'FinishRun' parameters type */
export interface IFinishRunParams {
  id: string;
  intervalMs: number;
  notice?: string | null | void;
  ok: boolean;
  owner: string;
  rateBudget: Json;
  streams: Json;
}

/** 'FinishRun' return type */
export type IFinishRunResult = void;

/** 'FinishRun' query type */
export interface IFinishRunQuery {
  params: IFinishRunParams;
  result: IFinishRunResult;
}

const finishRunIR: any = {"usedParamSet":{"owner":true,"streams":true,"intervalMs":true,"ok":true,"notice":true,"rateBudget":true,"id":true},"params":[{"name":"owner","required":true,"transform":{"type":"scalar"},"locs":[{"a":93,"b":99}]},{"name":"streams","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":230}]},{"name":"intervalMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":367,"b":378}]},{"name":"ok","required":true,"transform":{"type":"scalar"},"locs":[{"a":477,"b":480},{"a":598,"b":601},{"a":700,"b":703},{"a":794,"b":797},{"a":886,"b":889},{"a":1010,"b":1013}]},{"name":"notice","required":false,"transform":{"type":"scalar"},"locs":[{"a":813,"b":819},{"a":924,"b":930}]},{"name":"rateBudget","required":true,"transform":{"type":"scalar"},"locs":[{"a":1029,"b":1040}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":1123,"b":1126}]}],"statement":"UPDATE channel_account\n          SET sync_state = (CASE WHEN sync_state->'lease'->>'owner' = :owner!\n                                 THEN jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb) - 'lease'\n                                 ELSE sync_state END)\n                           || jsonb_build_object('intervalMs', :intervalMs!::int, 'lastRunAt', now(),\n                                                 'failures', CASE WHEN :ok!::boolean THEN 0 ELSE COALESCE((sync_state->>'failures')::int, 0) + 1 END),\n              last_synced_at = CASE WHEN :ok!::boolean THEN now() ELSE last_synced_at END,\n              consecutive_auth_failures = CASE WHEN :ok!::boolean THEN 0 ELSE consecutive_auth_failures END,\n              last_error = CASE WHEN :ok!::boolean THEN :notice ELSE last_error END,\n              last_error_at = CASE WHEN NOT :ok!::boolean THEN last_error_at WHEN :notice::text IS NULL THEN NULL ELSE now() END,\n              rate_budget = CASE WHEN :ok!::boolean THEN :rateBudget!::jsonb ELSE rate_budget END,\n              updated_at = now()\n        WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account
 *           SET sync_state = (CASE WHEN sync_state->'lease'->>'owner' = :owner!
 *                                  THEN jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb) - 'lease'
 *                                  ELSE sync_state END)
 *                            || jsonb_build_object('intervalMs', :intervalMs!::int, 'lastRunAt', now(),
 *                                                  'failures', CASE WHEN :ok!::boolean THEN 0 ELSE COALESCE((sync_state->>'failures')::int, 0) + 1 END),
 *               last_synced_at = CASE WHEN :ok!::boolean THEN now() ELSE last_synced_at END,
 *               consecutive_auth_failures = CASE WHEN :ok!::boolean THEN 0 ELSE consecutive_auth_failures END,
 *               last_error = CASE WHEN :ok!::boolean THEN :notice ELSE last_error END,
 *               last_error_at = CASE WHEN NOT :ok!::boolean THEN last_error_at WHEN :notice::text IS NULL THEN NULL ELSE now() END,
 *               rate_budget = CASE WHEN :ok!::boolean THEN :rateBudget!::jsonb ELSE rate_budget END,
 *               updated_at = now()
 *         WHERE id = :id!
 * ```
 */
export const finishRun = new PreparedQuery<IFinishRunParams,IFinishRunResult>(finishRunIR);


