/** Types generated for queries found in "apps/api/src/events/events.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'ValidSessions' parameters type */
export interface IValidSessionsParams {
  sessionIds: stringArray;
}

/** 'ValidSessions' return type */
export interface IValidSessionsResult {
  role: string;
  sessionId: string;
}

/** 'ValidSessions' query type */
export interface IValidSessionsQuery {
  params: IValidSessionsParams;
  result: IValidSessionsResult;
}

const validSessionsIR: any = {"usedParamSet":{"sessionIds":true},"params":[{"name":"sessionIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":150}]}],"statement":"SELECT s.id AS \"sessionId\", u.role\n  FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id\n WHERE s.id = ANY(:sessionIds!::text[]) AND s.expires_at > now() AND u.active"};

/**
 * Query generated from SQL:
 * ```
 * SELECT s.id AS "sessionId", u.role
 *   FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id
 *  WHERE s.id = ANY(:sessionIds!::text[]) AND s.expires_at > now() AND u.active
 * ```
 */
export const validSessions = new PreparedQuery<IValidSessionsParams,IValidSessionsResult>(validSessionsIR);


/** 'NotifyChannel' parameters type */
export interface INotifyChannelParams {
  channel: string;
  payload: string;
}

/** 'NotifyChannel' return type */
export interface INotifyChannelResult {
  pg_notify: undefined | null;
}

/** 'NotifyChannel' query type */
export interface INotifyChannelQuery {
  params: INotifyChannelParams;
  result: INotifyChannelResult;
}

const notifyChannelIR: any = {"usedParamSet":{"channel":true,"payload":true},"params":[{"name":"channel","required":true,"transform":{"type":"scalar"},"locs":[{"a":17,"b":25}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":28,"b":36}]}],"statement":"SELECT pg_notify(:channel!, :payload!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_notify(:channel!, :payload!)
 * ```
 */
export const notifyChannel = new PreparedQuery<INotifyChannelParams,INotifyChannelResult>(notifyChannelIR);


