/** Types generated for queries found in "apps/cli/src/bench/agents/agents.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'InsertAgents' parameters type */
export interface IInsertAgentsParams {
  count: number;
  passwordHash: string;
  workspaceId: string;
}

/** 'InsertAgents' return type */
export interface IInsertAgentsResult {
  email: string;
}

/** 'InsertAgents' query type */
export interface IInsertAgentsQuery {
  params: IInsertAgentsParams;
  result: IInsertAgentsResult;
}

const insertAgentsIR: any = {"usedParamSet":{"workspaceId":true,"passwordHash":true,"count":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":86}]},{"name":"passwordHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":155,"b":168}]},{"name":"count","required":true,"transform":{"type":"scalar"},"locs":[{"a":196,"b":202}]}],"statement":"INSERT INTO users (workspace_id, email, name, role, password_hash)\nSELECT :workspaceId!, 'live-agent' || i || '@bench.local', 'Live agent ' || i, 'agent', :passwordHash!\n  FROM generate_series(1, :count!::int) AS i\nRETURNING email                                                               "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO users (workspace_id, email, name, role, password_hash)
 * SELECT :workspaceId!, 'live-agent' || i || '@bench.local', 'Live agent ' || i, 'agent', :passwordHash!
 *   FROM generate_series(1, :count!::int) AS i
 * RETURNING email                                                               
 * ```
 */
export const insertAgents = new PreparedQuery<IInsertAgentsParams,IInsertAgentsResult>(insertAgentsIR);


/** 'CountLiveMessages' parameters type */
export interface ICountLiveMessagesParams {
  channelId: string;
}

/** 'CountLiveMessages' return type */
export interface ICountLiveMessagesResult {
  n: number;
}

/** 'CountLiveMessages' query type */
export interface ICountLiveMessagesQuery {
  params: ICountLiveMessagesParams;
  result: ICountLiveMessagesResult;
}

const countLiveMessagesIR: any = {"usedParamSet":{"channelId":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":79}]}],"statement":"SELECT count(*)::int AS \"n!\" FROM message WHERE channel_account_id = :channelId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "n!" FROM message WHERE channel_account_id = :channelId!
 * ```
 */
export const countLiveMessages = new PreparedQuery<ICountLiveMessagesParams,ICountLiveMessagesResult>(countLiveMessagesIR);


