/** Types generated for queries found in "apps/cli/src/bench/freshness-networks.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'InsertNetworkChannel' parameters type */
export interface IInsertNetworkChannelParams {
  credentialsEncrypted: string;
  displayName: string;
  externalId: string;
  handle?: string | null | void;
  network: string;
  workspaceId: string;
}

/** 'InsertNetworkChannel' return type */
export interface IInsertNetworkChannelResult {
  id: string;
}

/** 'InsertNetworkChannel' query type */
export interface IInsertNetworkChannelQuery {
  params: IInsertNetworkChannelParams;
  result: IInsertNetworkChannelResult;
}

const insertNetworkChannelIR: any = {"usedParamSet":{"workspaceId":true,"network":true,"externalId":true,"displayName":true,"handle":true,"credentialsEncrypted":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":149}]},{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":160}]},{"name":"externalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":163,"b":174}]},{"name":"displayName","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":189}]},{"name":"handle","required":false,"transform":{"type":"scalar"},"locs":[{"a":192,"b":198}]},{"name":"credentialsEncrypted","required":true,"transform":{"type":"scalar"},"locs":[{"a":214,"b":235}]}],"statement":"INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)\nVALUES (:workspaceId!, :network!, :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, 1000) RETURNING id                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)
 * VALUES (:workspaceId!, :network!, :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, 1000) RETURNING id                                                                                            
 * ```
 */
export const insertNetworkChannel = new PreparedQuery<IInsertNetworkChannelParams,IInsertNetworkChannelResult>(insertNetworkChannelIR);


/** 'StoredExternalIds' parameters type */
export interface IStoredExternalIdsParams {
  channelId: string;
  externalIds: stringArray;
}

/** 'StoredExternalIds' return type */
export interface IStoredExternalIdsResult {
  externalId: string | null;
}

/** 'StoredExternalIds' query type */
export interface IStoredExternalIdsQuery {
  params: IStoredExternalIdsParams;
  result: IStoredExternalIdsResult;
}

const storedExternalIdsIR: any = {"usedParamSet":{"channelId":true,"externalIds":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":85}]},{"name":"externalIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":121}]}],"statement":"SELECT external_id AS \"externalId\" FROM message WHERE channel_account_id = :channelId! AND external_id = ANY(:externalIds!::text[])                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT external_id AS "externalId" FROM message WHERE channel_account_id = :channelId! AND external_id = ANY(:externalIds!::text[])                                                                                                        
 * ```
 */
export const storedExternalIds = new PreparedQuery<IStoredExternalIdsParams,IStoredExternalIdsResult>(storedExternalIdsIR);


/** 'ChannelIntervals' parameters type */
export interface IChannelIntervalsParams {
  ids: stringArray;
}

/** 'ChannelIntervals' return type */
export interface IChannelIntervalsResult {
  id: string;
  intervalMs: number | null;
}

/** 'ChannelIntervals' query type */
export interface IChannelIntervalsQuery {
  params: IChannelIntervalsParams;
  result: IChannelIntervalsResult;
}

const channelIntervalsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":100}]}],"statement":"SELECT id, (sync_state->>'intervalMs')::int AS \"intervalMs\" FROM channel_account WHERE id = ANY(:ids!::uuid[])                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, (sync_state->>'intervalMs')::int AS "intervalMs" FROM channel_account WHERE id = ANY(:ids!::uuid[])                                                                                                                            
 * ```
 */
export const channelIntervals = new PreparedQuery<IChannelIntervalsParams,IChannelIntervalsResult>(channelIntervalsIR);


/** 'ResetInterval' parameters type */
export interface IResetIntervalParams {
  id: string;
}

/** 'ResetInterval' return type */
export type IResetIntervalResult = void;

/** 'ResetInterval' query type */
export interface IResetIntervalQuery {
  params: IResetIntervalParams;
  result: IResetIntervalResult;
}

const resetIntervalIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":80}]}],"statement":"UPDATE channel_account SET sync_state = sync_state - 'intervalMs' WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET sync_state = sync_state - 'intervalMs' WHERE id = :id!
 * ```
 */
export const resetInterval = new PreparedQuery<IResetIntervalParams,IResetIntervalResult>(resetIntervalIR);


