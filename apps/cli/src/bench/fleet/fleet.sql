/* The fleet scenario's workspaces and channels (fleet-world.ts; `npm run gen:sql` types it into fleet.queries.ts). */

/*
 * :workspaces workspaces, each with one connected channel per network on the sim's account of that
 * network (:networks, :externalIds and :credentials are parallel arrays, one entry per network).
 */
/* @name InsertFleet */
WITH ws AS (
  INSERT INTO workspace (name, slug)
  SELECT 'Fleet ' || i, 'fleet-' || i FROM generate_series(1, :workspaces!::int) AS i
  RETURNING id
)
INSERT INTO channel_account (workspace_id, network, external_id, display_name, status, credentials_encrypted, followers)
SELECT ws.id, a.network, a.external_id, 'Fleet ' || a.network, 'connected', a.credentials, 1000
  FROM ws CROSS JOIN unnest(:networks!::text[], :externalIds!::text[], :credentials!::text[]) AS a(network, external_id, credentials)
RETURNING id;

/*
 * The connections the product's processes hold on the bench database (pg_stat_activity), the
 * bench's own excluded: their count, and their server processes' pids (for their CPU).
 */
/* @name ProductConnections */
SELECT pid AS "pid!" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> :benchApplication!;

/* Channels that finished at least one sync run. */
/* @name SyncedChannels */
SELECT count(*)::int AS "n!" FROM channel_account WHERE last_synced_at IS NOT NULL;

/* Transactions committed in the bench database so far (each statement outside a transaction is one). */
/* @name DatabaseCommits */
SELECT xact_commit::bigint AS "n!" FROM pg_stat_database WHERE datname = current_database();
