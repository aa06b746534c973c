/** Types generated for queries found in "apps/worker/src/ingest/channel-rows.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

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

const channelStatusIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":49}]}],"statement":"SELECT status FROM channel_account WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT status FROM channel_account WHERE id = :id!
 * ```
 */
export const channelStatus = new PreparedQuery<IChannelStatusParams,IChannelStatusResult>(channelStatusIR);


