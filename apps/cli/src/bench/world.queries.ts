/** Types generated for queries found in "apps/cli/src/bench/world.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'InsertBenchWorkspace' parameters type */
export interface IInsertBenchWorkspaceParams {
  businessHours: Json;
}

/** 'InsertBenchWorkspace' return type */
export interface IInsertBenchWorkspaceResult {
  id: string;
}

/** 'InsertBenchWorkspace' query type */
export interface IInsertBenchWorkspaceQuery {
  params: IInsertBenchWorkspaceParams;
  result: IInsertBenchWorkspaceResult;
}

const insertBenchWorkspaceIR: any = {"usedParamSet":{"businessHours":true},"params":[{"name":"businessHours","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":123}]}],"statement":"INSERT INTO workspace (name, slug, timezone, business_hours)\nVALUES ('Bench GmbH', 'bench', 'Europe/Berlin', :businessHours!::jsonb) RETURNING id                                                    "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO workspace (name, slug, timezone, business_hours)
 * VALUES ('Bench GmbH', 'bench', 'Europe/Berlin', :businessHours!::jsonb) RETURNING id                                                    
 * ```
 */
export const insertBenchWorkspace = new PreparedQuery<IInsertBenchWorkspaceParams,IInsertBenchWorkspaceResult>(insertBenchWorkspaceIR);


/** 'InsertBenchUsers' parameters type */
export interface IInsertBenchUsersParams {
  passwordHash: string;
  users: Json;
  workspaceId: string;
}

/** 'InsertBenchUsers' return type */
export interface IInsertBenchUsersResult {
  id: string;
  role: string;
}

/** 'InsertBenchUsers' query type */
export interface IInsertBenchUsersQuery {
  params: IInsertBenchUsersParams;
  result: IInsertBenchUsersResult;
}

const insertBenchUsersIR: any = {"usedParamSet":{"workspaceId":true,"passwordHash":true,"users":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":86}]},{"name":"passwordHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":114,"b":127}]},{"name":"users","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":158}]}],"statement":"INSERT INTO users (workspace_id, email, name, role, password_hash)\nSELECT :workspaceId!, e.email, e.name, e.role, :passwordHash! FROM json_to_recordset(:users!::json) AS e(email text, name text, role text)\nRETURNING id, role                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO users (workspace_id, email, name, role, password_hash)
 * SELECT :workspaceId!, e.email, e.name, e.role, :passwordHash! FROM json_to_recordset(:users!::json) AS e(email text, name text, role text)
 * RETURNING id, role                                                                         
 * ```
 */
export const insertBenchUsers = new PreparedQuery<IInsertBenchUsersParams,IInsertBenchUsersResult>(insertBenchUsersIR);


/** 'InsertBulkChannels' parameters type */
export interface IInsertBulkChannelsParams {
  networks: stringArray;
  workspaceId: string;
}

/** 'InsertBulkChannels' return type */
export interface IInsertBulkChannelsResult {
  id: string;
  network: string;
}

/** 'InsertBulkChannels' query type */
export interface IInsertBulkChannelsQuery {
  params: IInsertBulkChannelsParams;
  result: IInsertBulkChannelsResult;
}

const insertBulkChannelsIR: any = {"usedParamSet":{"workspaceId":true,"networks":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":113,"b":125}]},{"name":"networks","required":true,"transform":{"type":"scalar"},"locs":[{"a":204,"b":213}]}],"statement":"INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, followers)\nSELECT :workspaceId!, n, 'bench-' || n, 'Bench ' || n, 'bench_' || n, 'paused', 50000 FROM unnest(:networks!::text[]) AS n\nRETURNING id, network                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, followers)
 * SELECT :workspaceId!, n, 'bench-' || n, 'Bench ' || n, 'bench_' || n, 'paused', 50000 FROM unnest(:networks!::text[]) AS n
 * RETURNING id, network                                                                   
 * ```
 */
export const insertBulkChannels = new PreparedQuery<IInsertBulkChannelsParams,IInsertBulkChannelsResult>(insertBulkChannelsIR);


/** 'InsertLiveChannel' parameters type */
export interface IInsertLiveChannelParams {
  credentialsEncrypted: string;
  displayName: string;
  externalId: string;
  handle?: string | null | void;
  workspaceId: string;
}

/** 'InsertLiveChannel' return type */
export interface IInsertLiveChannelResult {
  id: string;
}

/** 'InsertLiveChannel' query type */
export interface IInsertLiveChannelQuery {
  params: IInsertLiveChannelParams;
  result: IInsertLiveChannelResult;
}

const insertLiveChannelIR: any = {"usedParamSet":{"workspaceId":true,"externalId":true,"displayName":true,"handle":true,"credentialsEncrypted":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":149}]},{"name":"externalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":175}]},{"name":"displayName","required":true,"transform":{"type":"scalar"},"locs":[{"a":178,"b":190}]},{"name":"handle","required":false,"transform":{"type":"scalar"},"locs":[{"a":193,"b":199}]},{"name":"credentialsEncrypted","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":236}]}],"statement":"INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)\nVALUES (:workspaceId!, 'facebook', :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, 50000) RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)
 * VALUES (:workspaceId!, 'facebook', :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, 50000) RETURNING id
 * ```
 */
export const insertLiveChannel = new PreparedQuery<IInsertLiveChannelParams,IInsertLiveChannelResult>(insertLiveChannelIR);


/** 'InsertRawUpsertChannel' parameters type */
export interface IInsertRawUpsertChannelParams {
  workspaceId: string;
}

/** 'InsertRawUpsertChannel' return type */
export interface IInsertRawUpsertChannelResult {
  id: string;
}

/** 'InsertRawUpsertChannel' query type */
export interface IInsertRawUpsertChannelQuery {
  params: IInsertRawUpsertChannelParams;
  result: IInsertRawUpsertChannelResult;
}

const insertRawUpsertChannelIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":95,"b":107}]}],"statement":"INSERT INTO channel_account (workspace_id, network, external_id, display_name, status)\nVALUES (:workspaceId!, 'facebook', 'bench-raw-upsert', 'Bench raw upsert', 'paused') RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO channel_account (workspace_id, network, external_id, display_name, status)
 * VALUES (:workspaceId!, 'facebook', 'bench-raw-upsert', 'Bench raw upsert', 'paused') RETURNING id
 * ```
 */
export const insertRawUpsertChannel = new PreparedQuery<IInsertRawUpsertChannelParams,IInsertRawUpsertChannelResult>(insertRawUpsertChannelIR);


