/* The SQL of channel accounts as the dashboard sees them (channels.repository.ts runs it; `npm run gen:sql` types it). */
/* Never the credentials: every column list is explicit (the connect flow answers with it too). budgetUsed: the share
   of the network's rate budget used in its window (0…1), once the connector has read one. The sync columns (interval, last
   run, failures in a row, pause, budget reset) are what the sync runner and the connectors keep in sync_state and rate_budget;
   channel-view.ts turns them into the card's next sync, lag and pacing. */

/* @name ListChannels */
SELECT id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
       last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
       credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed",
       (sync_state->>'intervalMs')::int AS "intervalMs", (sync_state->>'lastRunAt')::timestamptz AS "lastRunAt",
       COALESCE((sync_state->>'failures')::int, 0) AS "failures!",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"
  FROM channel_account WHERE workspace_id = :workspaceId! ORDER BY network, display_name, id;

/* @name ChannelsByIds */
SELECT id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
       last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
       credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed",
       (sync_state->>'intervalMs')::int AS "intervalMs", (sync_state->>'lastRunAt')::timestamptz AS "lastRunAt",
       COALESCE((sync_state->>'failures')::int, 0) AS "failures!",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"
  FROM channel_account WHERE id = ANY(:ids!::uuid[]) ORDER BY display_name, id;

/* Rename and/or pause/resume; a NULL parameter leaves its column as it is. */
/* @name UpdateChannel */
UPDATE channel_account SET display_name = COALESCE(:displayName::text, display_name), status = COALESCE(:status::text, status), updated_at = now()
 WHERE id = :id! AND workspace_id = :workspaceId!
RETURNING id, network, external_id AS "externalId", display_name AS "displayName", handle, status,
          last_synced_at AS "lastSyncedAt", last_error AS "lastError", last_error_at AS "lastErrorAt",
          credentials_expire_at AS "credentialsExpireAt", followers, created_at AS "createdAt",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 / 100 END AS "budgetUsed",
       (sync_state->>'intervalMs')::int AS "intervalMs", (sync_state->>'lastRunAt')::timestamptz AS "lastRunAt",
       COALESCE((sync_state->>'failures')::int, 0) AS "failures!",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt";

/* The channel as "sync now" needs it: whether it is synced, and its budget's pause and use. */
/* @name ChannelForSyncNow */
SELECT id, network, status,
       CASE WHEN jsonb_typeof(rate_budget #> '{state,pausedUntil}') = 'number' THEN to_timestamp((rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END AS "pausedUntil",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,usedPercent}') = 'number' THEN (rate_budget #>> '{state,usedPercent}')::float8 END AS "usedPercent",
       CASE WHEN jsonb_typeof(rate_budget #> '{state,resetsAt}') = 'number' THEN to_timestamp((rate_budget #>> '{state,resetsAt}')::float8 / 1000) END AS "budgetResetsAt"
  FROM channel_account WHERE id = :id! AND workspace_id = :workspaceId!;
