/** Types generated for queries found in "apps/cli/src/bench/fleet/fleet.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'InsertFleet' parameters type */
export interface IInsertFleetParams {
  credentials: stringArray;
  externalIds: stringArray;
  networks: stringArray;
  workspaces: number;
}

/** 'InsertFleet' return type */
export interface IInsertFleetResult {
  id: string;
}

/** 'InsertFleet' query type */
export interface IInsertFleetQuery {
  params: IInsertFleetParams;
  result: IInsertFleetResult;
}

const insertFleetIR: any = {"usedParamSet":{"workspaces":true,"networks":true,"externalIds":true,"credentials":true},"params":[{"name":"workspaces","required":true,"transform":{"type":"scalar"},"locs":[{"a":112,"b":123}]},{"name":"networks","required":true,"transform":{"type":"scalar"},"locs":[{"a":398,"b":407}]},{"name":"externalIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":418,"b":430}]},{"name":"credentials","required":true,"transform":{"type":"scalar"},"locs":[{"a":441,"b":453}]}],"statement":"WITH ws AS (\n  INSERT INTO workspace (name, slug)\n  SELECT 'Fleet ' || i, 'fleet-' || i FROM generate_series(1, :workspaces!::int) AS i\n  RETURNING id\n)\nINSERT INTO channel_account (workspace_id, network, external_id, display_name, status, credentials_encrypted, followers)\nSELECT ws.id, a.network, a.external_id, 'Fleet ' || a.network, 'connected', a.credentials, 1000\n  FROM ws CROSS JOIN unnest(:networks!::text[], :externalIds!::text[], :credentials!::text[]) AS a(network, external_id, credentials)\nRETURNING id                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * WITH ws AS (
 *   INSERT INTO workspace (name, slug)
 *   SELECT 'Fleet ' || i, 'fleet-' || i FROM generate_series(1, :workspaces!::int) AS i
 *   RETURNING id
 * )
 * INSERT INTO channel_account (workspace_id, network, external_id, display_name, status, credentials_encrypted, followers)
 * SELECT ws.id, a.network, a.external_id, 'Fleet ' || a.network, 'connected', a.credentials, 1000
 *   FROM ws CROSS JOIN unnest(:networks!::text[], :externalIds!::text[], :credentials!::text[]) AS a(network, external_id, credentials)
 * RETURNING id                                                                                                                                                                                            
 * ```
 */
export const insertFleet = new PreparedQuery<IInsertFleetParams,IInsertFleetResult>(insertFleetIR);


/** 'ProductConnections' parameters type */
export interface IProductConnectionsParams {
  benchApplication: string;
}

/** 'ProductConnections' return type */
export interface IProductConnectionsResult {
  pid: number;
}

/** 'ProductConnections' query type */
export interface IProductConnectionsQuery {
  params: IProductConnectionsParams;
  result: IProductConnectionsResult;
}

const productConnectionsIR: any = {"usedParamSet":{"benchApplication":true},"params":[{"name":"benchApplication","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":147}]}],"statement":"SELECT pid AS \"pid!\" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> :benchApplication!                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT pid AS "pid!" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> :benchApplication!                                                   
 * ```
 */
export const productConnections = new PreparedQuery<IProductConnectionsParams,IProductConnectionsResult>(productConnectionsIR);


/** 'SyncedChannels' parameters type */
export type ISyncedChannelsParams = void;

/** 'SyncedChannels' return type */
export interface ISyncedChannelsResult {
  n: number;
}

/** 'SyncedChannels' query type */
export interface ISyncedChannelsQuery {
  params: ISyncedChannelsParams;
  result: ISyncedChannelsResult;
}

const syncedChannelsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT count(*)::int AS \"n!\" FROM channel_account WHERE last_synced_at IS NOT NULL                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "n!" FROM channel_account WHERE last_synced_at IS NOT NULL                                                                                                        
 * ```
 */
export const syncedChannels = new PreparedQuery<ISyncedChannelsParams,ISyncedChannelsResult>(syncedChannelsIR);


/** 'DatabaseCommits' parameters type */
export type IDatabaseCommitsParams = void;

/** 'DatabaseCommits' return type */
export interface IDatabaseCommitsResult {
  n: string;
}

/** 'DatabaseCommits' query type */
export interface IDatabaseCommitsQuery {
  params: IDatabaseCommitsParams;
  result: IDatabaseCommitsResult;
}

const databaseCommitsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT xact_commit::bigint AS \"n!\" FROM pg_stat_database WHERE datname = current_database()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT xact_commit::bigint AS "n!" FROM pg_stat_database WHERE datname = current_database()
 * ```
 */
export const databaseCommits = new PreparedQuery<IDatabaseCommitsParams,IDatabaseCommitsResult>(databaseCommitsIR);


