/** Types generated for queries found in "apps/api/src/data-care/data-care.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'GetRetention' parameters type */
export interface IGetRetentionParams {
  workspaceId: string;
}

/** 'GetRetention' return type */
export interface IGetRetentionResult {
  retentionDays: number | null;
}

/** 'GetRetention' query type */
export interface IGetRetentionQuery {
  params: IGetRetentionParams;
  result: IGetRetentionResult;
}

const getRetentionIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":67,"b":79}]}],"statement":"SELECT retention_days AS \"retentionDays\" FROM workspace WHERE id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT retention_days AS "retentionDays" FROM workspace WHERE id = :workspaceId!
 * ```
 */
export const getRetention = new PreparedQuery<IGetRetentionParams,IGetRetentionResult>(getRetentionIR);


/** 'SetRetention' parameters type */
export interface ISetRetentionParams {
  retentionDays?: number | null | void;
  workspaceId: string;
}

/** 'SetRetention' return type */
export type ISetRetentionResult = void;

/** 'SetRetention' query type */
export interface ISetRetentionQuery {
  params: ISetRetentionParams;
  result: ISetRetentionResult;
}

const setRetentionIR: any = {"usedParamSet":{"retentionDays":true,"workspaceId":true},"params":[{"name":"retentionDays","required":false,"transform":{"type":"scalar"},"locs":[{"a":38,"b":51}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":101}]}],"statement":"UPDATE workspace SET retention_days = :retentionDays::int, updated_at = now() WHERE id = :workspaceId!                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE workspace SET retention_days = :retentionDays::int, updated_at = now() WHERE id = :workspaceId!                                                                              
 * ```
 */
export const setRetention = new PreparedQuery<ISetRetentionParams,ISetRetentionResult>(setRetentionIR);


/** 'LockContact' parameters type */
export interface ILockContactParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'LockContact' return type */
export interface ILockContactResult {
  id: string;
}

/** 'LockContact' query type */
export interface ILockContactQuery {
  params: ILockContactParams;
  result: ILockContactResult;
}

const lockContactIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":49,"b":52}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":85}]}],"statement":"SELECT id::text AS \"id!\" FROM contact WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM contact WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE                                                                                             
 * ```
 */
export const lockContact = new PreparedQuery<ILockContactParams,ILockContactResult>(lockContactIR);


/** 'DeleteContactThreads' parameters type */
export interface IDeleteContactThreadsParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'DeleteContactThreads' return type */
export interface IDeleteContactThreadsResult {
  n: number;
}

/** 'DeleteContactThreads' query type */
export interface IDeleteContactThreadsQuery {
  params: IDeleteContactThreadsParams;
  result: IDeleteContactThreadsResult;
}

const deleteContactThreadsIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":49,"b":52}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":85}]}],"statement":"WITH d AS (DELETE FROM thread WHERE contact_id = :id! AND workspace_id = :workspaceId! RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d"};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM thread WHERE contact_id = :id! AND workspace_id = :workspaceId! RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d
 * ```
 */
export const deleteContactThreads = new PreparedQuery<IDeleteContactThreadsParams,IDeleteContactThreadsResult>(deleteContactThreadsIR);


/** 'DeleteContactMessages' parameters type */
export interface IDeleteContactMessagesParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'DeleteContactMessages' return type */
export interface IDeleteContactMessagesResult {
  n: number;
}

/** 'DeleteContactMessages' query type */
export interface IDeleteContactMessagesQuery {
  params: IDeleteContactMessagesParams;
  result: IDeleteContactMessagesResult;
}

const deleteContactMessagesIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":57,"b":60}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":93}]}],"statement":"WITH d AS (DELETE FROM message WHERE author_contact_id = :id! AND workspace_id = :workspaceId! RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d"};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM message WHERE author_contact_id = :id! AND workspace_id = :workspaceId! RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d
 * ```
 */
export const deleteContactMessages = new PreparedQuery<IDeleteContactMessagesParams,IDeleteContactMessagesResult>(deleteContactMessagesIR);


/** 'DeleteContact' parameters type */
export interface IDeleteContactParams {
  id: NumberOrString;
}

/** 'DeleteContact' return type */
export type IDeleteContactResult = void;

/** 'DeleteContact' query type */
export interface IDeleteContactQuery {
  params: IDeleteContactParams;
  result: IDeleteContactResult;
}

const deleteContactIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":31,"b":34}]}],"statement":"DELETE FROM contact WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM contact WHERE id = :id!
 * ```
 */
export const deleteContact = new PreparedQuery<IDeleteContactParams,IDeleteContactResult>(deleteContactIR);


