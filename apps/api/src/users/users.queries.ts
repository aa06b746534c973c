/** Types generated for queries found in "apps/api/src/users/users.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ListUsers' parameters type */
export interface IListUsersParams {
  workspaceId: string;
}

/** 'ListUsers' return type */
export interface IListUsersResult {
  active: boolean;
  email: string;
  id: string;
  invitationPending: boolean;
  name: string;
  role: string;
  workspaceId: string;
}

/** 'ListUsers' query type */
export interface IListUsersQuery {
  params: IListUsersParams;
  result: IListUsersResult;
}

const listUsersIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":161}]}],"statement":"SELECT id, email, name, role, active, workspace_id AS \"workspaceId\", password_hash IS NULL AS \"invitationPending!\"\n  FROM users WHERE workspace_id = :workspaceId! ORDER BY name, id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"
 *   FROM users WHERE workspace_id = :workspaceId! ORDER BY name, id
 * ```
 */
export const listUsers = new PreparedQuery<IListUsersParams,IListUsersResult>(listUsersIR);


/** 'FindUser' parameters type */
export interface IFindUserParams {
  id: string;
}

/** 'FindUser' return type */
export interface IFindUserResult {
  active: boolean;
  email: string;
  id: string;
  invitationPending: boolean;
  name: string;
  role: string;
  workspaceId: string;
}

/** 'FindUser' query type */
export interface IFindUserQuery {
  params: IFindUserParams;
  result: IFindUserResult;
}

const findUserIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":142}]}],"statement":"SELECT id, email, name, role, active, workspace_id AS \"workspaceId\", password_hash IS NULL AS \"invitationPending!\"\n  FROM users WHERE id = :id!                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"
 *   FROM users WHERE id = :id!                                                                 
 * ```
 */
export const findUser = new PreparedQuery<IFindUserParams,IFindUserResult>(findUserIR);


/** 'LockUser' parameters type */
export interface ILockUserParams {
  id: string;
  workspaceId: string;
}

/** 'LockUser' return type */
export interface ILockUserResult {
  active: boolean;
  email: string;
  id: string;
  invitationPending: boolean;
  name: string;
  role: string;
  workspaceId: string;
}

/** 'LockUser' query type */
export interface ILockUserQuery {
  params: ILockUserParams;
  result: ILockUserResult;
}

const lockUserIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":142}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":163,"b":175}]}],"statement":"SELECT id, email, name, role, active, workspace_id AS \"workspaceId\", password_hash IS NULL AS \"invitationPending!\"\n  FROM users WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"
 *   FROM users WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE                                                                  
 * ```
 */
export const lockUser = new PreparedQuery<ILockUserParams,ILockUserResult>(lockUserIR);


/** 'FindUserForSignIn' parameters type */
export interface IFindUserForSignInParams {
  email: string;
}

/** 'FindUserForSignIn' return type */
export interface IFindUserForSignInResult {
  active: boolean;
  email: string;
  id: string;
  invitationPending: boolean;
  name: string;
  passwordHash: string | null;
  role: string;
  workspaceId: string;
}

/** 'FindUserForSignIn' query type */
export interface IFindUserForSignInQuery {
  params: IFindUserForSignInParams;
  result: IFindUserForSignInResult;
}

const findUserForSignInIR: any = {"usedParamSet":{"email":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":182,"b":188}]}],"statement":"SELECT id, email, name, role, active, workspace_id AS \"workspaceId\", password_hash IS NULL AS \"invitationPending!\",\n       password_hash AS \"passwordHash\"\n  FROM users WHERE email = :email!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!",
 *        password_hash AS "passwordHash"
 *   FROM users WHERE email = :email!
 * ```
 */
export const findUserForSignIn = new PreparedQuery<IFindUserForSignInParams,IFindUserForSignInResult>(findUserForSignInIR);


/** 'PasswordHashOf' parameters type */
export interface IPasswordHashOfParams {
  id: string;
}

/** 'PasswordHashOf' return type */
export interface IPasswordHashOfResult {
  passwordHash: string | null;
}

/** 'PasswordHashOf' query type */
export interface IPasswordHashOfQuery {
  params: IPasswordHashOfParams;
  result: IPasswordHashOfResult;
}

const passwordHashOfIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":64}]}],"statement":"SELECT password_hash AS \"passwordHash\" FROM users WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT password_hash AS "passwordHash" FROM users WHERE id = :id!
 * ```
 */
export const passwordHashOf = new PreparedQuery<IPasswordHashOfParams,IPasswordHashOfResult>(passwordHashOfIR);


/** 'SetPassword' parameters type */
export interface ISetPasswordParams {
  id: string;
  passwordHash: string;
}

/** 'SetPassword' return type */
export type ISetPasswordResult = void;

/** 'SetPassword' query type */
export interface ISetPasswordQuery {
  params: ISetPasswordParams;
  result: ISetPasswordResult;
}

const setPasswordIR: any = {"usedParamSet":{"passwordHash":true,"id":true},"params":[{"name":"passwordHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":46}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":82}]}],"statement":"UPDATE users SET password_hash = :passwordHash!, updated_at = now() WHERE id = :id!                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE users SET password_hash = :passwordHash!, updated_at = now() WHERE id = :id!                                                                                                     
 * ```
 */
export const setPassword = new PreparedQuery<ISetPasswordParams,ISetPasswordResult>(setPasswordIR);


/** 'InsertUser' parameters type */
export interface IInsertUserParams {
  email: string;
  name: string;
  passwordHash?: string | null | void;
  role: string;
  workspaceId: string;
}

/** 'InsertUser' return type */
export interface IInsertUserResult {
  active: boolean;
  email: string;
  id: string;
  invitationPending: boolean;
  name: string;
  role: string;
  workspaceId: string;
}

/** 'InsertUser' query type */
export interface IInsertUserQuery {
  params: IInsertUserParams;
  result: IInsertUserResult;
}

const insertUserIR: any = {"usedParamSet":{"workspaceId":true,"email":true,"name":true,"role":true,"passwordHash":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":87}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":96}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":104}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":107,"b":112}]},{"name":"passwordHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":115,"b":127}]}],"statement":"INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES (:workspaceId!, :email!, :name!, :role!, :passwordHash)\nON CONFLICT (email) DO NOTHING\nRETURNING id, email, name, role, active, workspace_id AS \"workspaceId\", password_hash IS NULL AS \"invitationPending!\"                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES (:workspaceId!, :email!, :name!, :role!, :passwordHash)
 * ON CONFLICT (email) DO NOTHING
 * RETURNING id, email, name, role, active, workspace_id AS "workspaceId", password_hash IS NULL AS "invitationPending!"                                                                                                       
 * ```
 */
export const insertUser = new PreparedQuery<IInsertUserParams,IInsertUserResult>(insertUserIR);


/** 'UpdateUser' parameters type */
export interface IUpdateUserParams {
  active?: boolean | null | void;
  id: string;
  name?: string | null | void;
  passwordHash?: string | null | void;
  role?: string | null | void;
  workspaceId: string;
}

/** 'UpdateUser' return type */
export interface IUpdateUserResult {
  active: boolean;
  email: string;
  id: string;
  invitationPending: boolean;
  name: string;
  role: string;
  workspaceId: string;
}

/** 'UpdateUser' query type */
export interface IUpdateUserQuery {
  params: IUpdateUserParams;
  result: IUpdateUserResult;
}

const updateUserIR: any = {"usedParamSet":{"name":true,"role":true,"active":true,"passwordHash":true,"id":true,"workspaceId":true},"params":[{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":47,"b":51}]},{"name":"role","required":false,"transform":{"type":"scalar"},"locs":[{"a":83,"b":87}]},{"name":"active","required":false,"transform":{"type":"scalar"},"locs":[{"a":121,"b":127}]},{"name":"passwordHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":192,"b":204}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":262,"b":265}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":286,"b":298}]}],"statement":"WITH u AS (\n  UPDATE users SET name = COALESCE(:name::text, name), role = COALESCE(:role::text, role), active = COALESCE(:active::boolean, active),\n                   password_hash = COALESCE(:passwordHash::text, password_hash), updated_at = now()\n   WHERE id = :id! AND workspace_id = :workspaceId! RETURNING *\n)\nSELECT id AS \"id!\", email AS \"email!\", name AS \"name!\", role AS \"role!\", active AS \"active!\", workspace_id AS \"workspaceId!\",\n       password_hash IS NULL AS \"invitationPending!\"\n  FROM u"};

/**
 * Query generated from SQL:
 * ```
 * WITH u AS (
 *   UPDATE users SET name = COALESCE(:name::text, name), role = COALESCE(:role::text, role), active = COALESCE(:active::boolean, active),
 *                    password_hash = COALESCE(:passwordHash::text, password_hash), updated_at = now()
 *    WHERE id = :id! AND workspace_id = :workspaceId! RETURNING *
 * )
 * SELECT id AS "id!", email AS "email!", name AS "name!", role AS "role!", active AS "active!", workspace_id AS "workspaceId!",
 *        password_hash IS NULL AS "invitationPending!"
 *   FROM u
 * ```
 */
export const updateUser = new PreparedQuery<IUpdateUserParams,IUpdateUserResult>(updateUserIR);


