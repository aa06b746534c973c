/** Types generated for queries found in "apps/worker/src/rollup/post-topics.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

export type stringArray = (string)[];

/** 'PendingPostTopics' parameters type */
export interface IPendingPostTopicsParams {
  limit: NumberOrString;
}

/** 'PendingPostTopics' return type */
export interface IPendingPostTopicsResult {
  id: string;
  text: string;
}

/** 'PendingPostTopics' query type */
export interface IPendingPostTopicsQuery {
  params: IPendingPostTopicsParams;
  result: IPendingPostTopicsResult;
}

const pendingPostTopicsIR: any = {"usedParamSet":{"limit":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":85}]}],"statement":"SELECT id::text AS \"id!\", text FROM post WHERE topic IS NULL ORDER BY id LIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", text FROM post WHERE topic IS NULL ORDER BY id LIMIT :limit!
 * ```
 */
export const pendingPostTopics = new PreparedQuery<IPendingPostTopicsParams,IPendingPostTopicsResult>(pendingPostTopicsIR);


/** 'SetPostTopics' parameters type */
export interface ISetPostTopicsParams {
  ids: NumberOrStringArray;
  topics: stringArray;
}

/** 'SetPostTopics' return type */
export type ISetPostTopicsResult = void;

/** 'SetPostTopics' query type */
export interface ISetPostTopicsQuery {
  params: ISetPostTopicsParams;
  result: ISetPostTopicsResult;
}

const setPostTopicsIR: any = {"usedParamSet":{"ids":true,"topics":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":50}]},{"name":"topics","required":true,"transform":{"type":"scalar"},"locs":[{"a":63,"b":70}]}],"statement":"UPDATE post p SET topic = r.topic FROM unnest(:ids!::bigint[], :topics!::text[]) AS r(id, topic) WHERE p.id = r.id AND p.topic IS NULL"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE post p SET topic = r.topic FROM unnest(:ids!::bigint[], :topics!::text[]) AS r(id, topic) WHERE p.id = r.id AND p.topic IS NULL
 * ```
 */
export const setPostTopics = new PreparedQuery<ISetPostTopicsParams,ISetPostTopicsResult>(setPostTopicsIR);


