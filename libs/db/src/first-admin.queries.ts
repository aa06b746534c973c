/** Types generated for queries found in "libs/db/src/first-admin.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'LockUsers' parameters type */
export type ILockUsersParams = void;

/** 'LockUsers' return type */
export type ILockUsersResult = void;

/** 'LockUsers' query type */
export interface ILockUsersQuery {
  params: ILockUsersParams;
  result: ILockUsersResult;
}

const lockUsersIR: any = {"usedParamSet":{},"params":[],"statement":"LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"};

/**
 * Query generated from SQL:
 * ```
 * LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE
 * ```
 */
export const lockUsers = new PreparedQuery<ILockUsersParams,ILockUsersResult>(lockUsersIR);


/** 'AdminByEmail' parameters type */
export interface IAdminByEmailParams {
  email: string;
}

/** 'AdminByEmail' return type */
export interface IAdminByEmailResult {
  id: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
}

/** 'AdminByEmail' query type */
export interface IAdminByEmailQuery {
  params: IAdminByEmailParams;
  result: IAdminByEmailResult;
}

const adminByEmailIR: any = {"usedParamSet":{"email":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":166}]}],"statement":"SELECT u.id, u.workspace_id AS \"workspaceId\", u.name, w.name AS \"workspaceName\"\n         FROM users u JOIN workspace w ON w.id = u.workspace_id WHERE u.email = :email! AND u.role = 'admin'"};

/**
 * Query generated from SQL:
 * ```
 * SELECT u.id, u.workspace_id AS "workspaceId", u.name, w.name AS "workspaceName"
 *          FROM users u JOIN workspace w ON w.id = u.workspace_id WHERE u.email = :email! AND u.role = 'admin'
 * ```
 */
export const adminByEmail = new PreparedQuery<IAdminByEmailParams,IAdminByEmailResult>(adminByEmailIR);


/** 'CountUsers' parameters type */
export type ICountUsersParams = void;

/** 'CountUsers' return type */
export interface ICountUsersResult {
  count: number;
}

/** 'CountUsers' query type */
export interface ICountUsersQuery {
  params: ICountUsersParams;
  result: ICountUsersResult;
}

const countUsersIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT count(*)::int AS \"count!\" FROM users"};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "count!" FROM users
 * ```
 */
export const countUsers = new PreparedQuery<ICountUsersParams,ICountUsersResult>(countUsersIR);


/** 'FirstAdmins' parameters type */
export type IFirstAdminsParams = void;

/** 'FirstAdmins' return type */
export interface IFirstAdminsResult {
  email: string;
}

/** 'FirstAdmins' query type */
export interface IFirstAdminsQuery {
  params: IFirstAdminsParams;
  result: IFirstAdminsResult;
}

const firstAdminsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT email FROM users WHERE role = 'admin' ORDER BY created_at, email LIMIT 5"};

/**
 * Query generated from SQL:
 * ```
 * SELECT email FROM users WHERE role = 'admin' ORDER BY created_at, email LIMIT 5
 * ```
 */
export const firstAdmins = new PreparedQuery<IFirstAdminsParams,IFirstAdminsResult>(firstAdminsIR);


/** 'InsertFirstAdmin' parameters type */
export interface IInsertFirstAdminParams {
  email: string;
  name: string;
  passwordHash: string;
  workspaceId: string;
}

/** 'InsertFirstAdmin' return type */
export interface IInsertFirstAdminResult {
  id: string;
}

/** 'InsertFirstAdmin' query type */
export interface IInsertFirstAdminQuery {
  params: IInsertFirstAdminParams;
  result: IInsertFirstAdminResult;
}

const insertFirstAdminIR: any = {"usedParamSet":{"workspaceId":true,"email":true,"name":true,"passwordHash":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":87}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":96}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":104}]},{"name":"passwordHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":129}]}],"statement":"INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES (:workspaceId!, :email!, :name!, 'admin', :passwordHash!) RETURNING id                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES (:workspaceId!, :email!, :name!, 'admin', :passwordHash!) RETURNING id                                                                                       
 * ```
 */
export const insertFirstAdmin = new PreparedQuery<IInsertFirstAdminParams,IInsertFirstAdminResult>(insertFirstAdminIR);


/** 'AuditFirstAdmin' parameters type */
export interface IAuditFirstAdminParams {
  data: Json;
  targetId: string;
  userId: string;
  workspaceId: string;
}

/** 'AuditFirstAdmin' return type */
export type IAuditFirstAdminResult = void;

/** 'AuditFirstAdmin' query type */
export interface IAuditFirstAdminQuery {
  params: IAuditFirstAdminParams;
  result: IAuditFirstAdminResult;
}

const auditFirstAdminIR: any = {"usedParamSet":{"workspaceId":true,"userId":true,"targetId":true,"data":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":112}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":122}]},{"name":"targetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":163,"b":172}]},{"name":"data","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":180}]}],"statement":"INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data) VALUES (:workspaceId!, :userId!, 'workspace.first_admin', 'workspace', :targetId!, :data!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data) VALUES (:workspaceId!, :userId!, 'workspace.first_admin', 'workspace', :targetId!, :data!)
 * ```
 */
export const auditFirstAdmin = new PreparedQuery<IAuditFirstAdminParams,IAuditFirstAdminResult>(auditFirstAdminIR);


/** 'InsertWorkspace' parameters type */
export interface IInsertWorkspaceParams {
  name: string;
  slug: string;
}

/** 'InsertWorkspace' return type */
export interface IInsertWorkspaceResult {
  id: string;
}

/** 'InsertWorkspace' query type */
export interface IInsertWorkspaceQuery {
  params: IInsertWorkspaceParams;
  result: IInsertWorkspaceResult;
}

const insertWorkspaceIR: any = {"usedParamSet":{"name":true,"slug":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":48}]},{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":56}]}],"statement":"INSERT INTO workspace (name, slug) VALUES (:name!, :slug!) ON CONFLICT (slug) DO NOTHING RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO workspace (name, slug) VALUES (:name!, :slug!) ON CONFLICT (slug) DO NOTHING RETURNING id
 * ```
 */
export const insertWorkspace = new PreparedQuery<IInsertWorkspaceParams,IInsertWorkspaceResult>(insertWorkspaceIR);


