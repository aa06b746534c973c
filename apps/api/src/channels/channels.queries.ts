/** Types generated for queries found in "apps/api/src/channels/channels.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'ListChannels' parameters type */
export interface IListChannelsParams {
  workspaceId: string;
}

/** 'ListChannels' return type */
export interface IListChannelsResult {
  budgetUsed: number | null;
  createdAt: Date;
  credentialsExpireAt: Date | null;
  displayName: string;
  externalId: string;
  followers: number | null;
  handle: string | null;
  id: string;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSyncedAt: Date | null;
  network: string;
  status: string;
}

/** 'ListChannels' query type */
export interface IListChannelsQuery {
  params: IListChannelsParams;
  result: IListChannelsResult;
}

const listChannelsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":491,"b":503}]}],"statement":"SELECT id, network, external_id AS \"externalId\", display_name AS \"displayName\", handle, status,\n       last_synced_at AS \"lastSyncedAt\", last_error AS \"lastError\", last_error_at AS \"lastErrorAt\",\n       credentials_expire_at AS \"credentialsExpireAt\", followers, created_at AS \"createdAt\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS \"budgetUsed\"\n  FROM channel_account WHERE workspace_id = :workspaceId! ORDER BY network, display_name, id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
 *        last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
 *        credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed"
 *   FROM channel_account WHERE workspace_id = :workspaceId! ORDER BY network, display_name, id
 * ```
 */
export const listChannels = new PreparedQuery<IListChannelsParams,IListChannelsResult>(listChannelsIR);


/** 'ChannelsByIds' parameters type */
export interface IChannelsByIdsParams {
  ids: stringArray;
}

/** 'ChannelsByIds' return type */
export interface IChannelsByIdsResult {
  budgetUsed: number | null;
  createdAt: Date;
  credentialsExpireAt: Date | null;
  displayName: string;
  externalId: string;
  followers: number | null;
  handle: string | null;
  id: string;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSyncedAt: Date | null;
  network: string;
  status: string;
}

/** 'ChannelsByIds' query type */
export interface IChannelsByIdsQuery {
  params: IChannelsByIdsParams;
  result: IChannelsByIdsResult;
}

const channelsByIdsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":485,"b":489}]}],"statement":"SELECT id, network, external_id AS \"externalId\", display_name AS \"displayName\", handle, status,\n       last_synced_at AS \"lastSyncedAt\", last_error AS \"lastError\", last_error_at AS \"lastErrorAt\",\n       credentials_expire_at AS \"credentialsExpireAt\", followers, created_at AS \"createdAt\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS \"budgetUsed\"\n  FROM channel_account WHERE id = ANY(:ids!::uuid[]) ORDER BY display_name, id                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
 *        last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
 *        credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed"
 *   FROM channel_account WHERE id = ANY(:ids!::uuid[]) ORDER BY display_name, id                                                                              
 * ```
 */
export const channelsByIds = new PreparedQuery<IChannelsByIdsParams,IChannelsByIdsResult>(channelsByIdsIR);


/** 'UpdateChannel' parameters type */
export interface IUpdateChannelParams {
  displayName?: string | null | void;
  id: string;
  status?: string | null | void;
  workspaceId: string;
}

/** 'UpdateChannel' return type */
export interface IUpdateChannelResult {
  budgetUsed: number | null;
  createdAt: Date;
  credentialsExpireAt: Date | null;
  displayName: string;
  externalId: string;
  followers: number | null;
  handle: string | null;
  id: string;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSyncedAt: Date | null;
  network: string;
  status: string;
}

/** 'UpdateChannel' query type */
export interface IUpdateChannelQuery {
  params: IUpdateChannelParams;
  result: IUpdateChannelResult;
}

const updateChannelIR: any = {"usedParamSet":{"displayName":true,"status":true,"id":true,"workspaceId":true},"params":[{"name":"displayName","required":false,"transform":{"type":"scalar"},"locs":[{"a":51,"b":62}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":104,"b":110}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":162}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":195}]}],"statement":"UPDATE channel_account SET display_name = COALESCE(:displayName::text, display_name), status = COALESCE(:status::text, status), updated_at = now()\n WHERE id = :id! AND workspace_id = :workspaceId!\nRETURNING id, network, external_id AS \"externalId\", display_name AS \"displayName\", handle, status,\n          last_synced_at AS \"lastSyncedAt\", last_error AS \"lastError\", last_error_at AS \"lastErrorAt\",\n          credentials_expire_at AS \"credentialsExpireAt\", followers, created_at AS \"createdAt\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS \"budgetUsed\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET display_name = COALESCE(:displayName::text, display_name), status = COALESCE(:status::text, status), updated_at = now()
 *  WHERE id = :id! AND workspace_id = :workspaceId!
 * RETURNING id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
 *           last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
 *           credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed"
 * ```
 */
export const updateChannel = new PreparedQuery<IUpdateChannelParams,IUpdateChannelResult>(updateChannelIR);


