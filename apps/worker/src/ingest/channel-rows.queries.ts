/** Types generated for queries found in "apps/worker/src/ingest/channel-rows.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'ChannelIdentity' parameters type */
export interface IChannelIdentityParams {
  id: string;
}

/** 'ChannelIdentity' return type */
export interface IChannelIdentityResult {
  external_id: string;
  id: string;
  network: string;
  workspace_id: string;
}

/** 'ChannelIdentity' query type */
export interface IChannelIdentityQuery {
  params: IChannelIdentityParams;
  result: IChannelIdentityResult;
}

const channelIdentityIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":78,"b":81}]}],"statement":"SELECT id, workspace_id, network, external_id FROM channel_account WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, workspace_id, network, external_id FROM channel_account WHERE id = :id!
 * ```
 */
export const channelIdentity = new PreparedQuery<IChannelIdentityParams,IChannelIdentityResult>(channelIdentityIR);


/** 'ChannelStatus' parameters type */
export interface IChannelStatusParams {
  id: string;
}

/** 'ChannelStatus' return type */
export interface IChannelStatusResult {
  status: string;
}

/** 'ChannelStatus' query type */
export interface IChannelStatusQuery {
  params: IChannelStatusParams;
  result: IChannelStatusResult;
}

const channelStatusIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":49}]}],"statement":"SELECT status FROM channel_account WHERE id = :id!                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT status FROM channel_account WHERE id = :id!                                                                                    
 * ```
 */
export const channelStatus = new PreparedQuery<IChannelStatusParams,IChannelStatusResult>(channelStatusIR);


/** 'WorkspaceOwnDomains' parameters type */
export interface IWorkspaceOwnDomainsParams {
  workspaceId: string;
}

/** 'WorkspaceOwnDomains' return type */
export interface IWorkspaceOwnDomainsResult {
  ownDomains: stringArray;
}

/** 'WorkspaceOwnDomains' query type */
export interface IWorkspaceOwnDomainsQuery {
  params: IWorkspaceOwnDomainsParams;
  result: IWorkspaceOwnDomainsResult;
}

const workspaceOwnDomainsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":62,"b":74}]}],"statement":"SELECT own_domains AS \"ownDomains!\" FROM workspace WHERE id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT own_domains AS "ownDomains!" FROM workspace WHERE id = :workspaceId!
 * ```
 */
export const workspaceOwnDomains = new PreparedQuery<IWorkspaceOwnDomainsParams,IWorkspaceOwnDomainsResult>(workspaceOwnDomainsIR);


