/** Types generated for queries found in "apps/cli/src/commands/rotate-key.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ChannelAccountsWithSecrets' parameters type */
export type IChannelAccountsWithSecretsParams = void;

/** 'ChannelAccountsWithSecrets' return type */
export interface IChannelAccountsWithSecretsResult {
  id: string;
}

/** 'ChannelAccountsWithSecrets' query type */
export interface IChannelAccountsWithSecretsQuery {
  params: IChannelAccountsWithSecretsParams;
  result: IChannelAccountsWithSecretsResult;
}

const channelAccountsWithSecretsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT id::text AS \"id!\" FROM channel_account WHERE credentials_encrypted IS NOT NULL ORDER BY id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM channel_account WHERE credentials_encrypted IS NOT NULL ORDER BY id
 * ```
 */
export const channelAccountsWithSecrets = new PreparedQuery<IChannelAccountsWithSecretsParams,IChannelAccountsWithSecretsResult>(channelAccountsWithSecretsIR);


/** 'LockChannelAccountSecrets' parameters type */
export interface ILockChannelAccountSecretsParams {
  id: string;
}

/** 'LockChannelAccountSecrets' return type */
export interface ILockChannelAccountSecretsResult {
  credentials_encrypted: string | null;
}

/** 'LockChannelAccountSecrets' query type */
export interface ILockChannelAccountSecretsQuery {
  params: ILockChannelAccountSecretsParams;
  result: ILockChannelAccountSecretsResult;
}

const lockChannelAccountSecretsIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":64}]}],"statement":"SELECT credentials_encrypted FROM channel_account WHERE id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT credentials_encrypted FROM channel_account WHERE id = :id! FOR UPDATE
 * ```
 */
export const lockChannelAccountSecrets = new PreparedQuery<ILockChannelAccountSecretsParams,ILockChannelAccountSecretsResult>(lockChannelAccountSecretsIR);


/** 'SetChannelAccountCredentials' parameters type */
export interface ISetChannelAccountCredentialsParams {
  id: string;
  value: string;
}

/** 'SetChannelAccountCredentials' return type */
export type ISetChannelAccountCredentialsResult = void;

/** 'SetChannelAccountCredentials' query type */
export interface ISetChannelAccountCredentialsQuery {
  params: ISetChannelAccountCredentialsParams;
  result: ISetChannelAccountCredentialsResult;
}

const setChannelAccountCredentialsIR: any = {"usedParamSet":{"value":true,"id":true},"params":[{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":57}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":70,"b":73}]}],"statement":"UPDATE channel_account SET credentials_encrypted = :value! WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE channel_account SET credentials_encrypted = :value! WHERE id = :id!
 * ```
 */
export const setChannelAccountCredentials = new PreparedQuery<ISetChannelAccountCredentialsParams,ISetChannelAccountCredentialsResult>(setChannelAccountCredentialsIR);


/** 'OauthConnectsWithSecrets' parameters type */
export type IOauthConnectsWithSecretsParams = void;

/** 'OauthConnectsWithSecrets' return type */
export interface IOauthConnectsWithSecretsResult {
  id: string;
}

/** 'OauthConnectsWithSecrets' query type */
export interface IOauthConnectsWithSecretsQuery {
  params: IOauthConnectsWithSecretsParams;
  result: IOauthConnectsWithSecretsResult;
}

const oauthConnectsWithSecretsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT id::text AS \"id!\" FROM oauth_connect WHERE credentials_encrypted IS NOT NULL OR code_verifier_encrypted IS NOT NULL ORDER BY id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM oauth_connect WHERE credentials_encrypted IS NOT NULL OR code_verifier_encrypted IS NOT NULL ORDER BY id
 * ```
 */
export const oauthConnectsWithSecrets = new PreparedQuery<IOauthConnectsWithSecretsParams,IOauthConnectsWithSecretsResult>(oauthConnectsWithSecretsIR);


/** 'LockOauthConnectSecrets' parameters type */
export interface ILockOauthConnectSecretsParams {
  id: string;
}

/** 'LockOauthConnectSecrets' return type */
export interface ILockOauthConnectSecretsResult {
  code_verifier_encrypted: string | null;
  credentials_encrypted: string | null;
}

/** 'LockOauthConnectSecrets' query type */
export interface ILockOauthConnectSecretsQuery {
  params: ILockOauthConnectSecretsParams;
  result: ILockOauthConnectSecretsResult;
}

const lockOauthConnectSecretsIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":87}]}],"statement":"SELECT credentials_encrypted, code_verifier_encrypted FROM oauth_connect WHERE id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT credentials_encrypted, code_verifier_encrypted FROM oauth_connect WHERE id = :id! FOR UPDATE
 * ```
 */
export const lockOauthConnectSecrets = new PreparedQuery<ILockOauthConnectSecretsParams,ILockOauthConnectSecretsResult>(lockOauthConnectSecretsIR);


/** 'SetOauthConnectCredentials' parameters type */
export interface ISetOauthConnectCredentialsParams {
  id: string;
  value: string;
}

/** 'SetOauthConnectCredentials' return type */
export type ISetOauthConnectCredentialsResult = void;

/** 'SetOauthConnectCredentials' query type */
export interface ISetOauthConnectCredentialsQuery {
  params: ISetOauthConnectCredentialsParams;
  result: ISetOauthConnectCredentialsResult;
}

const setOauthConnectCredentialsIR: any = {"usedParamSet":{"value":true,"id":true},"params":[{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":49,"b":55}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":71}]}],"statement":"UPDATE oauth_connect SET credentials_encrypted = :value! WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET credentials_encrypted = :value! WHERE id = :id!
 * ```
 */
export const setOauthConnectCredentials = new PreparedQuery<ISetOauthConnectCredentialsParams,ISetOauthConnectCredentialsResult>(setOauthConnectCredentialsIR);


/** 'SetOauthConnectCodeVerifier' parameters type */
export interface ISetOauthConnectCodeVerifierParams {
  id: string;
  value: string;
}

/** 'SetOauthConnectCodeVerifier' return type */
export type ISetOauthConnectCodeVerifierResult = void;

/** 'SetOauthConnectCodeVerifier' query type */
export interface ISetOauthConnectCodeVerifierQuery {
  params: ISetOauthConnectCodeVerifierParams;
  result: ISetOauthConnectCodeVerifierResult;
}

const setOauthConnectCodeVerifierIR: any = {"usedParamSet":{"value":true,"id":true},"params":[{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":57}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":70,"b":73}]}],"statement":"UPDATE oauth_connect SET code_verifier_encrypted = :value! WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE oauth_connect SET code_verifier_encrypted = :value! WHERE id = :id!
 * ```
 */
export const setOauthConnectCodeVerifier = new PreparedQuery<ISetOauthConnectCodeVerifierParams,ISetOauthConnectCodeVerifierResult>(setOauthConnectCodeVerifierIR);


