/** Types generated for queries found in "apps/api/src/auth/login-throttle.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type numberArray = (number)[];

export type stringArray = (string)[];

/** 'LockCounters' parameters type */
export interface ILockCountersParams {
  keys: stringArray;
}

/** 'LockCounters' return type */
export interface ILockCountersResult {
  failures: number;
  key: string;
  now: Date;
  started_at: Date;
}

/** 'LockCounters' query type */
export interface ILockCountersQuery {
  params: ILockCountersParams;
  result: ILockCountersResult;
}

const lockCountersIR: any = {"usedParamSet":{"keys":true},"params":[{"name":"keys","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":103}]}],"statement":"INSERT INTO login_throttle AS t (key, failures, window_started_at)\nSELECT k, 0, now() FROM unnest(:keys!::text[]) AS k ORDER BY k\nON CONFLICT (key) DO UPDATE SET failures = t.failures\nRETURNING t.key, t.failures, t.window_started_at AS started_at, now() AS \"now!\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO login_throttle AS t (key, failures, window_started_at)
 * SELECT k, 0, now() FROM unnest(:keys!::text[]) AS k ORDER BY k
 * ON CONFLICT (key) DO UPDATE SET failures = t.failures
 * RETURNING t.key, t.failures, t.window_started_at AS started_at, now() AS "now!"
 * ```
 */
export const lockCounters = new PreparedQuery<ILockCountersParams,ILockCountersResult>(lockCountersIR);


/** 'SetCounters' parameters type */
export interface ISetCountersParams {
  failures: numberArray;
  keys: stringArray;
  startedMs: numberArray;
}

/** 'SetCounters' return type */
export type ISetCountersResult = void;

/** 'SetCounters' query type */
export interface ISetCountersQuery {
  params: ISetCountersParams;
  result: ISetCountersResult;
}

const setCountersIR: any = {"usedParamSet":{"keys":true,"failures":true,"startedMs":true},"params":[{"name":"keys","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":126}]},{"name":"failures","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":146}]},{"name":"startedMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":156,"b":166}]}],"statement":"UPDATE login_throttle t SET failures = n.failures, window_started_at = to_timestamp(n.started_ms / 1000.0)\n  FROM unnest(:keys!::text[], :failures!::int[], :startedMs!::float8[]) AS n(key, failures, started_ms)\n WHERE t.key = n.key"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE login_throttle t SET failures = n.failures, window_started_at = to_timestamp(n.started_ms / 1000.0)
 *   FROM unnest(:keys!::text[], :failures!::int[], :startedMs!::float8[]) AS n(key, failures, started_ms)
 *  WHERE t.key = n.key
 * ```
 */
export const setCounters = new PreparedQuery<ISetCountersParams,ISetCountersResult>(setCountersIR);


/** 'ReleaseAttempt' parameters type */
export interface IReleaseAttemptParams {
  keys: stringArray;
}

/** 'ReleaseAttempt' return type */
export type IReleaseAttemptResult = void;

/** 'ReleaseAttempt' query type */
export interface IReleaseAttemptQuery {
  params: IReleaseAttemptParams;
  result: IReleaseAttemptResult;
}

const releaseAttemptIR: any = {"usedParamSet":{"keys":true},"params":[{"name":"keys","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":84}]}],"statement":"UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ANY(:keys!::text[])"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = ANY(:keys!::text[])
 * ```
 */
export const releaseAttempt = new PreparedQuery<IReleaseAttemptParams,IReleaseAttemptResult>(releaseAttemptIR);


/** 'DeleteCounters' parameters type */
export interface IDeleteCountersParams {
  keys: stringArray;
}

/** 'DeleteCounters' return type */
export type IDeleteCountersResult = void;

/** 'DeleteCounters' query type */
export interface IDeleteCountersQuery {
  params: IDeleteCountersParams;
  result: IDeleteCountersResult;
}

const deleteCountersIR: any = {"usedParamSet":{"keys":true},"params":[{"name":"keys","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":48}]}],"statement":"DELETE FROM login_throttle WHERE key = ANY(:keys!::text[])"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM login_throttle WHERE key = ANY(:keys!::text[])
 * ```
 */
export const deleteCounters = new PreparedQuery<IDeleteCountersParams,IDeleteCountersResult>(deleteCountersIR);


