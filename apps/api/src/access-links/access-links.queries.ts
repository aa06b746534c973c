/** Types generated for queries found in "apps/api/src/access-links/access-links.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'DeleteUnusedLinks' parameters type */
export interface IDeleteUnusedLinksParams {
  userId: string;
}

/** 'DeleteUnusedLinks' return type */
export type IDeleteUnusedLinksResult = void;

/** 'DeleteUnusedLinks' query type */
export interface IDeleteUnusedLinksQuery {
  params: IDeleteUnusedLinksParams;
  result: IDeleteUnusedLinksResult;
}

const deleteUnusedLinksIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":52}]}],"statement":"DELETE FROM user_access_link WHERE user_id = :userId! AND used_at IS NULL"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM user_access_link WHERE user_id = :userId! AND used_at IS NULL
 * ```
 */
export const deleteUnusedLinks = new PreparedQuery<IDeleteUnusedLinksParams,IDeleteUnusedLinksResult>(deleteUnusedLinksIR);


/** 'InsertLink' parameters type */
export interface IInsertLinkParams {
  createdBy?: string | null | void;
  days: number;
  purpose: string;
  tokenHash: string;
  userId: string;
  workspaceId: string;
}

/** 'InsertLink' return type */
export interface IInsertLinkResult {
  expiresAt: Date;
}

/** 'InsertLink' query type */
export interface IInsertLinkQuery {
  params: IInsertLinkParams;
  result: IInsertLinkResult;
}

const insertLinkIR: any = {"usedParamSet":{"workspaceId":true,"userId":true,"purpose":true,"tokenHash":true,"createdBy":true,"days":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":106,"b":118}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":128}]},{"name":"purpose","required":true,"transform":{"type":"scalar"},"locs":[{"a":131,"b":139}]},{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":152}]},{"name":"createdBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":155,"b":164}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":197,"b":202}]}],"statement":"INSERT INTO user_access_link (workspace_id, user_id, purpose, token_hash, created_by, expires_at)\nVALUES (:workspaceId!, :userId!, :purpose!, :tokenHash!, :createdBy, now() + make_interval(days => :days!::int))\nRETURNING expires_at AS \"expiresAt\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO user_access_link (workspace_id, user_id, purpose, token_hash, created_by, expires_at)
 * VALUES (:workspaceId!, :userId!, :purpose!, :tokenHash!, :createdBy, now() + make_interval(days => :days!::int))
 * RETURNING expires_at AS "expiresAt"
 * ```
 */
export const insertLink = new PreparedQuery<IInsertLinkParams,IInsertLinkResult>(insertLinkIR);


/** 'FindLink' parameters type */
export interface IFindLinkParams {
  tokenHash: string;
}

/** 'FindLink' return type */
export interface IFindLinkResult {
  email: string;
  expired: boolean;
  expiresAt: Date;
  id: string;
  name: string;
  purpose: string;
  usedAt: Date | null;
  userActive: boolean;
  userId: string;
  workspaceId: string;
}

/** 'FindLink' query type */
export interface IFindLinkQuery {
  params: IFindLinkParams;
  result: IFindLinkResult;
}

const findLinkIR: any = {"usedParamSet":{"tokenHash":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":324}]}],"statement":"SELECT l.id::text AS \"id!\", l.purpose, l.workspace_id AS \"workspaceId\", l.user_id AS \"userId\", u.email, u.name, u.active AS \"userActive\",\n       l.expires_at AS \"expiresAt\", l.used_at AS \"usedAt\", l.expires_at <= now() AS \"expired!\"\n  FROM user_access_link l JOIN users u ON u.id = l.user_id\n WHERE l.token_hash = :tokenHash!                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT l.id::text AS "id!", l.purpose, l.workspace_id AS "workspaceId", l.user_id AS "userId", u.email, u.name, u.active AS "userActive",
 *        l.expires_at AS "expiresAt", l.used_at AS "usedAt", l.expires_at <= now() AS "expired!"
 *   FROM user_access_link l JOIN users u ON u.id = l.user_id
 *  WHERE l.token_hash = :tokenHash!                                                                              
 * ```
 */
export const findLink = new PreparedQuery<IFindLinkParams,IFindLinkResult>(findLinkIR);


/** 'LockLink' parameters type */
export interface ILockLinkParams {
  tokenHash: string;
}

/** 'LockLink' return type */
export interface ILockLinkResult {
  email: string;
  expired: boolean;
  expiresAt: Date;
  id: string;
  name: string;
  purpose: string;
  usedAt: Date | null;
  userActive: boolean;
  userId: string;
  workspaceId: string;
}

/** 'LockLink' query type */
export interface ILockLinkQuery {
  params: ILockLinkParams;
  result: ILockLinkResult;
}

const lockLinkIR: any = {"usedParamSet":{"tokenHash":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":324}]}],"statement":"SELECT l.id::text AS \"id!\", l.purpose, l.workspace_id AS \"workspaceId\", l.user_id AS \"userId\", u.email, u.name, u.active AS \"userActive\",\n       l.expires_at AS \"expiresAt\", l.used_at AS \"usedAt\", l.expires_at <= now() AS \"expired!\"\n  FROM user_access_link l JOIN users u ON u.id = l.user_id\n WHERE l.token_hash = :tokenHash! FOR UPDATE OF l"};

/**
 * Query generated from SQL:
 * ```
 * SELECT l.id::text AS "id!", l.purpose, l.workspace_id AS "workspaceId", l.user_id AS "userId", u.email, u.name, u.active AS "userActive",
 *        l.expires_at AS "expiresAt", l.used_at AS "usedAt", l.expires_at <= now() AS "expired!"
 *   FROM user_access_link l JOIN users u ON u.id = l.user_id
 *  WHERE l.token_hash = :tokenHash! FOR UPDATE OF l
 * ```
 */
export const lockLink = new PreparedQuery<ILockLinkParams,ILockLinkResult>(lockLinkIR);


/** 'SetLinkPassword' parameters type */
export interface ISetLinkPasswordParams {
  passwordHash: string;
  userId: string;
}

/** 'SetLinkPassword' return type */
export type ISetLinkPasswordResult = void;

/** 'SetLinkPassword' query type */
export interface ISetLinkPasswordQuery {
  params: ISetLinkPasswordParams;
  result: ISetLinkPasswordResult;
}

const setLinkPasswordIR: any = {"usedParamSet":{"passwordHash":true,"userId":true},"params":[{"name":"passwordHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":46}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":86}]}],"statement":"UPDATE users SET password_hash = :passwordHash!, updated_at = now() WHERE id = :userId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE users SET password_hash = :passwordHash!, updated_at = now() WHERE id = :userId!
 * ```
 */
export const setLinkPassword = new PreparedQuery<ISetLinkPasswordParams,ISetLinkPasswordResult>(setLinkPasswordIR);


/** 'UseLink' parameters type */
export interface IUseLinkParams {
  id: string;
}

/** 'UseLink' return type */
export type IUseLinkResult = void;

/** 'UseLink' query type */
export interface IUseLinkQuery {
  params: IUseLinkParams;
  result: IUseLinkResult;
}

const useLinkIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":58}]}],"statement":"UPDATE user_access_link SET used_at = now() WHERE id = :id!                                                        "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE user_access_link SET used_at = now() WHERE id = :id!                                                        
 * ```
 */
export const useLink = new PreparedQuery<IUseLinkParams,IUseLinkResult>(useLinkIR);


/** 'EndUserSessions' parameters type */
export interface IEndUserSessionsParams {
  userId: string;
}

/** 'EndUserSessions' return type */
export type IEndUserSessionsResult = void;

/** 'EndUserSessions' query type */
export interface IEndUserSessionsQuery {
  params: IEndUserSessionsParams;
  result: IEndUserSessionsResult;
}

const endUserSessionsIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":43}]}],"statement":"DELETE FROM session WHERE user_id = :userId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM session WHERE user_id = :userId!
 * ```
 */
export const endUserSessions = new PreparedQuery<IEndUserSessionsParams,IEndUserSessionsResult>(endUserSessionsIR);


