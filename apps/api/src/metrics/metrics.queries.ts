/** Types generated for queries found in "apps/api/src/metrics/metrics.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ConnectedChannelGauges' parameters type */
export type IConnectedChannelGaugesParams = void;

/** 'ConnectedChannelGauges' return type */
export interface IConnectedChannelGaugesResult {
  budget_used_percent: number | null;
  channel: string;
  lag_seconds: number | null;
  network: string;
}

/** 'ConnectedChannelGauges' query type */
export interface IConnectedChannelGaugesQuery {
  params: IConnectedChannelGaugesParams;
  result: IConnectedChannelGaugesResult;
}

const connectedChannelGaugesIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT ca.id::text AS \"channel!\", ca.network AS \"network!\",\n       CASE WHEN ca.last_synced_at IS NOT NULL THEN extract(epoch FROM now() - ca.last_synced_at)::float8 END AS lag_seconds,\n       CASE WHEN ca.rate_budget #>> '{state,usedPercent}' ~ '^\\d+(\\.\\d+)?$' THEN (ca.rate_budget #>> '{state,usedPercent}')::float8 END AS budget_used_percent\n  FROM channel_account ca\n WHERE ca.status = 'connected'                                      "};

/**
 * Query generated from SQL:
 * ```
 * SELECT ca.id::text AS "channel!", ca.network AS "network!",
 *        CASE WHEN ca.last_synced_at IS NOT NULL THEN extract(epoch FROM now() - ca.last_synced_at)::float8 END AS lag_seconds,
 *        CASE WHEN ca.rate_budget #>> '{state,usedPercent}' ~ '^\d+(\.\d+)?$' THEN (ca.rate_budget #>> '{state,usedPercent}')::float8 END AS budget_used_percent
 *   FROM channel_account ca
 *  WHERE ca.status = 'connected'                                      
 * ```
 */
export const connectedChannelGauges = new PreparedQuery<IConnectedChannelGaugesParams,IConnectedChannelGaugesResult>(connectedChannelGaugesIR);


/** 'ChannelStatusCounts' parameters type */
export type IChannelStatusCountsParams = void;

/** 'ChannelStatusCounts' return type */
export interface IChannelStatusCountsResult {
  channels: number;
  network: string;
  status: string;
}

/** 'ChannelStatusCounts' query type */
export interface IChannelStatusCountsQuery {
  params: IChannelStatusCountsParams;
  result: IChannelStatusCountsResult;
}

const channelStatusCountsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT network AS \"network!\", status AS \"status!\", count(*)::int AS \"channels!\"\n  FROM channel_account\n GROUP BY network, status"};

/**
 * Query generated from SQL:
 * ```
 * SELECT network AS "network!", status AS "status!", count(*)::int AS "channels!"
 *   FROM channel_account
 *  GROUP BY network, status
 * ```
 */
export const channelStatusCounts = new PreparedQuery<IChannelStatusCountsParams,IChannelStatusCountsResult>(channelStatusCountsIR);


