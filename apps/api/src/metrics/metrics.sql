/*
  Operators' gauges over every workspace: an installation's metrics are read by whoever runs it,
  not by a tenant, so these two queries alone are not scoped by workspace_id. They name channels by
  id only (no display names, handles or workspace names leave through /metrics).
*/

/* Sync lag and budget of every connected channel: lag = seconds since its last successful sync. */
/* @name ConnectedChannelGauges */
SELECT ca.id::text AS "channel!", ca.network AS "network!",
       CASE WHEN ca.last_synced_at IS NOT NULL THEN extract(epoch FROM now() - ca.last_synced_at)::float8 END AS lag_seconds,
       CASE WHEN ca.rate_budget #>> '{state,usedPercent}' ~ '^\d+(\.\d+)?$' THEN (ca.rate_budget #>> '{state,usedPercent}')::float8 END AS budget_used_percent
  FROM channel_account ca
 WHERE ca.status = 'connected';

/* Channels per network and status. */
/* @name ChannelStatusCounts */
SELECT network AS "network!", status AS "status!", count(*)::int AS "channels!"
  FROM channel_account
 GROUP BY network, status;
