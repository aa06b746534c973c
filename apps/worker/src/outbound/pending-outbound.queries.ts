/** Types generated for queries found in "apps/worker/src/outbound/pending-outbound.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'StalePendingReplies' parameters type */
export interface IStalePendingRepliesParams {
  afterId: NumberOrString;
  limit: NumberOrString;
  olderThanMs: number;
}

/** 'StalePendingReplies' return type */
export interface IStalePendingRepliesResult {
  id: string;
}

/** 'StalePendingReplies' query type */
export interface IStalePendingRepliesQuery {
  params: IStalePendingRepliesParams;
  result: IStalePendingRepliesResult;
}

const stalePendingRepliesIR: any = {"usedParamSet":{"afterId":true,"olderThanMs":true,"limit":true},"params":[{"name":"afterId","required":true,"transform":{"type":"scalar"},"locs":[{"a":93,"b":101}]},{"name":"olderThanMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":148}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":215}]}],"statement":"SELECT id::text AS \"id!\" FROM message\n      WHERE delivery IN ('queued', 'sending') AND id > :afterId!::bigint AND created_at < now() - :olderThanMs! * interval '1 millisecond'\n      ORDER BY message.id LIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM message
 *       WHERE delivery IN ('queued', 'sending') AND id > :afterId!::bigint AND created_at < now() - :olderThanMs! * interval '1 millisecond'
 *       ORDER BY message.id LIMIT :limit!
 * ```
 */
export const stalePendingReplies = new PreparedQuery<IStalePendingRepliesParams,IStalePendingRepliesResult>(stalePendingRepliesIR);


/** 'StalePendingActions' parameters type */
export interface IStalePendingActionsParams {
  afterId: NumberOrString;
  limit: NumberOrString;
  olderThanMs: number;
}

/** 'StalePendingActions' return type */
export interface IStalePendingActionsResult {
  id: string;
}

/** 'StalePendingActions' query type */
export interface IStalePendingActionsQuery {
  params: IStalePendingActionsParams;
  result: IStalePendingActionsResult;
}

const stalePendingActionsIR: any = {"usedParamSet":{"afterId":true,"olderThanMs":true,"limit":true},"params":[{"name":"afterId","required":true,"transform":{"type":"scalar"},"locs":[{"a":83,"b":91}]},{"name":"olderThanMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":126,"b":138}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":206,"b":212}]}],"statement":"SELECT id::text AS \"id!\" FROM message_action\n      WHERE state = 'queued' AND id > :afterId!::bigint AND created_at < now() - :olderThanMs! * interval '1 millisecond'\n      ORDER BY message_action.id LIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM message_action
 *       WHERE state = 'queued' AND id > :afterId!::bigint AND created_at < now() - :olderThanMs! * interval '1 millisecond'
 *       ORDER BY message_action.id LIMIT :limit!
 * ```
 */
export const stalePendingActions = new PreparedQuery<IStalePendingActionsParams,IStalePendingActionsResult>(stalePendingActionsIR);


