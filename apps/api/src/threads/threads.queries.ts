/** Types generated for queries found in "apps/api/src/threads/threads.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ThreadInWorkspace' parameters type */
export interface IThreadInWorkspaceParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'ThreadInWorkspace' return type */
export interface IThreadInWorkspaceResult {
  found: number;
}

/** 'ThreadInWorkspace' query type */
export interface IThreadInWorkspaceQuery {
  params: IThreadInWorkspaceParams;
  result: IThreadInWorkspaceResult;
}

const threadInWorkspaceIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":47}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":80}]}],"statement":"SELECT 1 AS \"found!\" FROM thread WHERE id = :id! AND workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM thread WHERE id = :id! AND workspace_id = :workspaceId!
 * ```
 */
export const threadInWorkspace = new PreparedQuery<IThreadInWorkspaceParams,IThreadInWorkspaceResult>(threadInWorkspaceIR);


