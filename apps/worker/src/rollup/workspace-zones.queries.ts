/** Types generated for queries found in "apps/worker/src/rollup/workspace-zones.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'StoredZones' parameters type */
export type IStoredZonesParams = void;

/** 'StoredZones' return type */
export interface IStoredZonesResult {
  timezone: string;
}

/** 'StoredZones' query type */
export interface IStoredZonesQuery {
  params: IStoredZonesParams;
  result: IStoredZonesResult;
}

const storedZonesIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT DISTINCT timezone FROM workspace"};

/**
 * Query generated from SQL:
 * ```
 * SELECT DISTINCT timezone FROM workspace
 * ```
 */
export const storedZones = new PreparedQuery<IStoredZonesParams,IStoredZonesResult>(storedZonesIR);


/** 'PostgresZoneNames' parameters type */
export type IPostgresZoneNamesParams = void;

/** 'PostgresZoneNames' return type */
export interface IPostgresZoneNamesResult {
  name: string;
}

/** 'PostgresZoneNames' query type */
export interface IPostgresZoneNamesQuery {
  params: IPostgresZoneNamesParams;
  result: IPostgresZoneNamesResult;
}

const postgresZoneNamesIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT name AS \"name!\" FROM pg_timezone_names"};

/**
 * Query generated from SQL:
 * ```
 * SELECT name AS "name!" FROM pg_timezone_names
 * ```
 */
export const postgresZoneNames = new PreparedQuery<IPostgresZoneNamesParams,IPostgresZoneNamesResult>(postgresZoneNamesIR);


/** 'WorkspacesInZones' parameters type */
export interface IWorkspacesInZonesParams {
  zones: stringArray;
}

/** 'WorkspacesInZones' return type */
export interface IWorkspacesInZonesResult {
  id: string;
  timezone: string;
}

/** 'WorkspacesInZones' query type */
export interface IWorkspacesInZonesQuery {
  params: IWorkspacesInZonesParams;
  result: IWorkspacesInZonesResult;
}

const workspacesInZonesIR: any = {"usedParamSet":{"zones":true},"params":[{"name":"zones","required":true,"transform":{"type":"scalar"},"locs":[{"a":56,"b":62}]}],"statement":"SELECT id, timezone FROM workspace WHERE timezone = ANY(:zones!::text[])"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, timezone FROM workspace WHERE timezone = ANY(:zones!::text[])
 * ```
 */
export const workspacesInZones = new PreparedQuery<IWorkspacesInZonesParams,IWorkspacesInZonesResult>(workspacesInZonesIR);


