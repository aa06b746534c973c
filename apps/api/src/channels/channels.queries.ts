/** Types generated for queries found in "apps/api/src/channels/channels.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'ListChannels' parameters type */
export interface IListChannelsParams {
  workspaceId: string;
}

/** 'ListChannels' return type */
export interface IListChannelsResult {
  budgetResetsAt: Date | null;
  budgetUsed: number | null;
  createdAt: Date;
  credentialsExpireAt: Date | null;
  displayName: string;
  externalId: string;
  failures: number;
  followers: number | null;
  handle: string | null;
  id: string;
  intervalMs: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastRunAt: Date | null;
  lastSyncedAt: Date | null;
  network: string;
  pausedUntil: Date | null;
  status: string;
}

/** 'ListChannels' query type */
export interface IListChannelsQuery {
  params: IListChannelsParams;
  result: IListChannelsResult;
}

const listChannelsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1018,"b":1030}]}],"statement":"SELECT id, network, external_id AS \"externalId\", display_name AS \"displayName\", handle, status,\n       last_synced_at AS \"lastSyncedAt\", last_error AS \"lastError\", last_error_at AS \"lastErrorAt\",\n       credentials_expire_at AS \"credentialsExpireAt\", followers, created_at AS \"createdAt\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS \"budgetUsed\",\n       (sync_state->>'intervalMs')::int AS \"intervalMs\", (sync_state->>'lastRunAt')::timestamptz AS \"lastRunAt\",\n       COALESCE((sync_state->>'failures')::int, 0) AS \"failures!\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS \"pausedUntil\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS \"budgetResetsAt\"\n  FROM channel_account WHERE workspace_id = :workspaceId! ORDER BY network, display_name, id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
 *        last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
 *        credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed",
 *        (sync_state->>'intervalMs')::int AS "intervalMs", (sync_state->>'lastRunAt')::timestamptz AS "lastRunAt",
 *        COALESCE((sync_state->>'failures')::int, 0) AS "failures!",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"
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
  budgetResetsAt: Date | null;
  budgetUsed: number | null;
  createdAt: Date;
  credentialsExpireAt: Date | null;
  displayName: string;
  externalId: string;
  failures: number;
  followers: number | null;
  handle: string | null;
  id: string;
  intervalMs: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastRunAt: Date | null;
  lastSyncedAt: Date | null;
  network: string;
  pausedUntil: Date | null;
  status: string;
}

/** 'ChannelsByIds' query type */
export interface IChannelsByIdsQuery {
  params: IChannelsByIdsParams;
  result: IChannelsByIdsResult;
}

const channelsByIdsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":1012,"b":1016}]}],"statement":"SELECT id, network, external_id AS \"externalId\", display_name AS \"displayName\", handle, status,\n       last_synced_at AS \"lastSyncedAt\", last_error AS \"lastError\", last_error_at AS \"lastErrorAt\",\n       credentials_expire_at AS \"credentialsExpireAt\", followers, created_at AS \"createdAt\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS \"budgetUsed\",\n       (sync_state->>'intervalMs')::int AS \"intervalMs\", (sync_state->>'lastRunAt')::timestamptz AS \"lastRunAt\",\n       COALESCE((sync_state->>'failures')::int, 0) AS \"failures!\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS \"pausedUntil\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS \"budgetResetsAt\"\n  FROM channel_account WHERE id = ANY(:ids!::uuid[]) ORDER BY display_name, id                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
 *        last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
 *        credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed",
 *        (sync_state->>'intervalMs')::int AS "intervalMs", (sync_state->>'lastRunAt')::timestamptz AS "lastRunAt",
 *        COALESCE((sync_state->>'failures')::int, 0) AS "failures!",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"
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
  budgetResetsAt: Date | null;
  budgetUsed: number | null;
  createdAt: Date;
  credentialsExpireAt: Date | null;
  displayName: string;
  externalId: string;
  failures: number;
  followers: number | null;
  handle: string | null;
  id: string;
  intervalMs: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastRunAt: Date | null;
  lastSyncedAt: Date | null;
  network: string;
  pausedUntil: Date | null;
  status: string;
}

/** 'UpdateChannel' query type */
export interface IUpdateChannelQuery {
  params: IUpdateChannelParams;
  result: IUpdateChannelResult;
}

const updateChannelIR: any = {"usedParamSet":{"displayName":true,"status":true,"id":true,"workspaceId":true},"params":[{"name":"displayName","required":false,"transform":{"type":"scalar"},"locs":[{"a":51,"b":62}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":104,"b":110}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":162}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":195}]}],"statement":"UPDATE channel_account SET display_name = COALESCE(:displayName::text, display_name), status = COALESCE(:status::text, status), updated_at = now()\n WHERE id = :id! AND workspace_id = :workspaceId!\nRETURNING id, network, external_id AS \"externalId\", display_name AS \"displayName\", handle, status,\n          last_synced_at AS \"lastSyncedAt\", last_error AS \"lastError\", last_error_at AS \"lastErrorAt\",\n          credentials_expire_at AS \"credentialsExpireAt\", followers, created_at AS \"createdAt\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS \"budgetUsed\",\n       (sync_state->>'intervalMs')::int AS \"intervalMs\", (sync_state->>'lastRunAt')::timestamptz AS \"lastRunAt\",\n       COALESCE((sync_state->>'failures')::int, 0) AS \"failures!\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS \"pausedUntil\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS \"budgetResetsAt\"                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET display_name = COALESCE(:displayName::text, display_name), status = COALESCE(:status::text, status), updated_at = now()
 *  WHERE id = :id! AND workspace_id = :workspaceId!
 * RETURNING id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
 *           last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
 *           credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed",
 *        (sync_state->>'intervalMs')::int AS "intervalMs", (sync_state->>'lastRunAt')::timestamptz AS "lastRunAt",
 *        COALESCE((sync_state->>'failures')::int, 0) AS "failures!",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"                                                                                               
 * ```
 */
export const updateChannel = new PreparedQuery<IUpdateChannelParams,IUpdateChannelResult>(updateChannelIR);


/** 'ChannelForSyncNow' parameters type */
export interface IChannelForSyncNowParams {
  id: string;
  workspaceId: string;
}

/** 'ChannelForSyncNow' return type */
export interface IChannelForSyncNowResult {
  budgetResetsAt: Date | null;
  id: string;
  network: string;
  pausedUntil: Date | null;
  status: string;
  usedPercent: number | null;
}

/** 'ChannelForSyncNow' query type */
export interface IChannelForSyncNowQuery {
  params: IChannelForSyncNowParams;
  result: IChannelForSyncNowResult;
}

const channelForSyncNowIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":562,"b":565}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":586,"b":598}]}],"statement":"SELECT id, network, status,\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS \"pausedUntil\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 END AS \"usedPercent\",\n       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS \"budgetResetsAt\"\n  FROM channel_account WHERE id = :id! AND workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, network, status,
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 END AS "usedPercent",
 *        CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"
 *   FROM channel_account WHERE id = :id! AND workspace_id = :workspaceId!
 * ```
 */
export const channelForSyncNow = new PreparedQuery<IChannelForSyncNowParams,IChannelForSyncNowResult>(channelForSyncNowIR);


