/** Types generated for queries found in "apps/worker/src/retention/retention.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'WorkspacesWithRetention' parameters type */
export type IWorkspacesWithRetentionParams = void;

/** 'WorkspacesWithRetention' return type */
export interface IWorkspacesWithRetentionResult {
  id: string;
  retention_days: number;
}

/** 'WorkspacesWithRetention' query type */
export interface IWorkspacesWithRetentionQuery {
  params: IWorkspacesWithRetentionParams;
  result: IWorkspacesWithRetentionResult;
}

const workspacesWithRetentionIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT id, retention_days AS \"retention_days!\" FROM workspace WHERE retention_days IS NOT NULL                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, retention_days AS "retention_days!" FROM workspace WHERE retention_days IS NOT NULL                                                                                                               
 * ```
 */
export const workspacesWithRetention = new PreparedQuery<IWorkspacesWithRetentionParams,IWorkspacesWithRetentionResult>(workspacesWithRetentionIR);


/** 'DeleteExpiredMessages' parameters type */
export interface IDeleteExpiredMessagesParams {
  batch: NumberOrString;
  retentionDays: number;
  workspaceId: string;
}

/** 'DeleteExpiredMessages' return type */
export interface IDeleteExpiredMessagesResult {
  n: number;
}

/** 'DeleteExpiredMessages' query type */
export interface IDeleteExpiredMessagesQuery {
  params: IDeleteExpiredMessagesParams;
  result: IDeleteExpiredMessagesResult;
}

const deleteExpiredMessagesIR: any = {"usedParamSet":{"workspaceId":true,"retentionDays":true,"batch":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":93,"b":105}]},{"name":"retentionDays","required":true,"transform":{"type":"scalar"},"locs":[{"a":132,"b":146}]},{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":173,"b":179}]}],"statement":"WITH d AS (DELETE FROM message WHERE id IN (\n    SELECT id FROM message WHERE workspace_id = :workspaceId! AND created_at < now() - :retentionDays! * interval '1 day' LIMIT :batch!)\n  RETURNING 1) SELECT count(*)::int AS \"n!\" FROM d"};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM message WHERE id IN (
 *     SELECT id FROM message WHERE workspace_id = :workspaceId! AND created_at < now() - :retentionDays! * interval '1 day' LIMIT :batch!)
 *   RETURNING 1) SELECT count(*)::int AS "n!" FROM d
 * ```
 */
export const deleteExpiredMessages = new PreparedQuery<IDeleteExpiredMessagesParams,IDeleteExpiredMessagesResult>(deleteExpiredMessagesIR);


/** 'DeleteEmptiedThreads' parameters type */
export interface IDeleteEmptiedThreadsParams {
  workspaceId: string;
}

/** 'DeleteEmptiedThreads' return type */
export interface IDeleteEmptiedThreadsResult {
  n: number;
}

/** 'DeleteEmptiedThreads' query type */
export interface IDeleteEmptiedThreadsQuery {
  params: IDeleteEmptiedThreadsParams;
  result: IDeleteEmptiedThreadsResult;
}

const deleteEmptiedThreadsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":67}]}],"statement":"WITH d AS (DELETE FROM thread t WHERE t.workspace_id = :workspaceId! AND NOT EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id) RETURNING 1)\nSELECT count(*)::int AS \"n!\" FROM d"};

/**
 * Query generated from SQL:
 * ```
 * WITH d AS (DELETE FROM thread t WHERE t.workspace_id = :workspaceId! AND NOT EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id) RETURNING 1)
 * SELECT count(*)::int AS "n!" FROM d
 * ```
 */
export const deleteEmptiedThreads = new PreparedQuery<IDeleteEmptiedThreadsParams,IDeleteEmptiedThreadsResult>(deleteEmptiedThreadsIR);


