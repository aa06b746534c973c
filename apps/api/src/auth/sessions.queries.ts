/** Types generated for queries found in "apps/api/src/auth/sessions.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'InsertSession' parameters type */
export interface IInsertSessionParams {
  csrfToken: string;
  id: string;
  idleMs: number;
  ip?: string | null | void;
  userAgent?: string | null | void;
  userId: string;
  workspaceId: string;
}

/** 'InsertSession' return type */
export type IInsertSessionResult = void;

/** 'InsertSession' query type */
export interface IInsertSessionQuery {
  params: IInsertSessionParams;
  result: IInsertSessionResult;
}

const insertSessionIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"userId":true,"csrfToken":true,"idleMs":true,"userAgent":true,"ip":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":99}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":102,"b":114}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":117,"b":124}]},{"name":"csrfToken","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":137}]},{"name":"idleMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":148,"b":155}]},{"name":"userAgent","required":false,"transform":{"type":"scalar"},"locs":[{"a":193,"b":202}]},{"name":"ip","required":false,"transform":{"type":"scalar"},"locs":[{"a":205,"b":207}]}],"statement":"INSERT INTO session (id, workspace_id, user_id, csrf_token, expires_at, user_agent, ip)\nVALUES (:id!, :workspaceId!, :userId!, :csrfToken!, now() + :idleMs!::float8 * interval '1 millisecond', :userAgent, :ip)                                                                                                                                                                                                                                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO session (id, workspace_id, user_id, csrf_token, expires_at, user_agent, ip)
 * VALUES (:id!, :workspaceId!, :userId!, :csrfToken!, now() + :idleMs!::float8 * interval '1 millisecond', :userAgent, :ip)                                                                                                                                                                                                                                                                                                                                                                
 * ```
 */
export const insertSession = new PreparedQuery<IInsertSessionParams,IInsertSessionResult>(insertSessionIR);


/** 'ResolveSession' parameters type */
export interface IResolveSessionParams {
  id: string;
  idleMs: number;
  maxMs: number;
}

/** 'ResolveSession' return type */
export interface IResolveSessionResult {
  csrf_token: string;
  email: string;
  expires_in_ms: number;
  name: string;
  role: string;
  session_id: string;
  user_id: string;
  workspace_id: string;
}

/** 'ResolveSession' query type */
export interface IResolveSessionQuery {
  params: IResolveSessionParams;
  result: IResolveSessionResult;
}

const resolveSessionIR: any = {"usedParamSet":{"id":true,"idleMs":true,"maxMs":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":291,"b":294},{"a":543,"b":546}]},{"name":"idleMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":427,"b":434}]},{"name":"maxMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":485,"b":491}]}],"statement":"WITH s AS (\n  SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.workspace_id, u.email, u.name, u.role,\n         extract(epoch FROM s.expires_at - now()) * 1000 AS expires_in_ms\n    FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id\n   WHERE s.id = :id! AND s.expires_at > now() AND u.active\n), touch AS (\n  UPDATE session SET last_seen_at = now(),\n         expires_at = least(now() + :idleMs!::float8 * interval '1 millisecond', created_at + :maxMs!::float8 * interval '1 millisecond')\n   WHERE id = :id! AND last_seen_at < now() - interval '5 minutes' AND EXISTS (SELECT 1 FROM s)\n)\nSELECT session_id AS \"session_id!\", csrf_token AS \"csrf_token!\", user_id AS \"user_id!\", workspace_id AS \"workspace_id!\",\n       email AS \"email!\", name AS \"name!\", role AS \"role!\", expires_in_ms::float8 AS \"expires_in_ms!\"\n  FROM s"};

/**
 * Query generated from SQL:
 * ```
 * WITH s AS (
 *   SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.workspace_id, u.email, u.name, u.role,
 *          extract(epoch FROM s.expires_at - now()) * 1000 AS expires_in_ms
 *     FROM session s JOIN users u ON u.id = s.user_id AND u.workspace_id = s.workspace_id
 *    WHERE s.id = :id! AND s.expires_at > now() AND u.active
 * ), touch AS (
 *   UPDATE session SET last_seen_at = now(),
 *          expires_at = least(now() + :idleMs!::float8 * interval '1 millisecond', created_at + :maxMs!::float8 * interval '1 millisecond')
 *    WHERE id = :id! AND last_seen_at < now() - interval '5 minutes' AND EXISTS (SELECT 1 FROM s)
 * )
 * SELECT session_id AS "session_id!", csrf_token AS "csrf_token!", user_id AS "user_id!", workspace_id AS "workspace_id!",
 *        email AS "email!", name AS "name!", role AS "role!", expires_in_ms::float8 AS "expires_in_ms!"
 *   FROM s
 * ```
 */
export const resolveSession = new PreparedQuery<IResolveSessionParams,IResolveSessionResult>(resolveSessionIR);


/** 'DeleteSession' parameters type */
export interface IDeleteSessionParams {
  id: string;
}

/** 'DeleteSession' return type */
export type IDeleteSessionResult = void;

/** 'DeleteSession' query type */
export interface IDeleteSessionQuery {
  params: IDeleteSessionParams;
  result: IDeleteSessionResult;
}

const deleteSessionIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":31,"b":34}]}],"statement":"DELETE FROM session WHERE id = :id!                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM session WHERE id = :id!                                                                   
 * ```
 */
export const deleteSession = new PreparedQuery<IDeleteSessionParams,IDeleteSessionResult>(deleteSessionIR);


/** 'DeleteUserSessions' parameters type */
export interface IDeleteUserSessionsParams {
  exceptId?: string | null | void;
  userId: string;
}

/** 'DeleteUserSessions' return type */
export type IDeleteUserSessionsResult = void;

/** 'DeleteUserSessions' query type */
export interface IDeleteUserSessionsQuery {
  params: IDeleteUserSessionsParams;
  result: IDeleteUserSessionsResult;
}

const deleteUserSessionsIR: any = {"usedParamSet":{"userId":true,"exceptId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":43}]},{"name":"exceptId","required":false,"transform":{"type":"scalar"},"locs":[{"a":69,"b":77}]}],"statement":"DELETE FROM session WHERE user_id = :userId! AND id IS DISTINCT FROM :exceptId::text"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM session WHERE user_id = :userId! AND id IS DISTINCT FROM :exceptId::text
 * ```
 */
export const deleteUserSessions = new PreparedQuery<IDeleteUserSessionsParams,IDeleteUserSessionsResult>(deleteUserSessionsIR);


