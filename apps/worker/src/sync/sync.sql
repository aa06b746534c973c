/* The channel rows of sync runs and their schedules (sync-runner.ts, sync-scheduler.ts; typed into sync.queries.ts). */

/* @name ChannelSchedules */
SELECT id, network, status, (sync_state->>'intervalMs')::int AS interval_ms, last_synced_at FROM channel_account;

/* @name SetChannelNotice */
UPDATE channel_account SET last_error = :message!, last_error_at = now() WHERE id = :id!;

/* @name RenewLease */
UPDATE channel_account SET sync_state = jsonb_set(sync_state, '{lease,until}', to_jsonb(now() + :leaseMs! * interval '1 millisecond'))
        WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!;

/*
 * Starts a run in one statement: takes the channel's lease when it is connected and no other run
 * holds it, and returns the channel with its credentials either way ("leased" says whether this
 * run has it). Returned from the UPDATE when taken, so the run starts from the row as it locked
 * it (the cursors and interval a run that just ended left), else as read.
 */
/* @name ClaimRun */
WITH claimed AS (
  UPDATE channel_account
     SET sync_state = jsonb_set(sync_state, '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))
   WHERE id = :id! AND status = 'connected'
     AND (sync_state->'lease' IS NULL OR (sync_state->'lease'->>'until')::timestamptz < now())
  RETURNING id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures, credentials_encrypted
)
SELECT id AS "id!", workspace_id AS "workspace_id!", network AS "network!", external_id AS "external_id!", status AS "status!",
       sync_state AS "sync_state!", rate_budget AS "rate_budget!", last_synced_at, consecutive_auth_failures AS "consecutive_auth_failures!",
       credentials_encrypted, true AS "leased!"
  FROM claimed
UNION ALL
SELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures, credentials_encrypted, false
  FROM channel_account
 WHERE id = :id! AND NOT EXISTS (SELECT 1 FROM claimed);

/* A run that took the lease and then found nothing to do (its network's budget paused it) gives it back. */
/* @name ReleaseLease */
UPDATE channel_account SET sync_state = sync_state - 'lease' WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!;

/* Saves a page's cursors and renews the lease, inside the page's transaction; no row: the lease is lost. */
/* @name CommitStreams */
UPDATE channel_account
          SET sync_state = jsonb_set(
                jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb),
                '{lease}', jsonb_build_object('owner', :owner!::text, 'until', now() + :leaseMs! * interval '1 millisecond'))
        WHERE id = :id! AND sync_state->'lease'->>'owner' = :owner!
        RETURNING id;

/* Merged into the stored state, so fields a connector keeps there (YouTube's unit count) survive the pause. */
/* @name PauseBudget */
UPDATE channel_account SET rate_budget = jsonb_set(COALESCE(rate_budget, '{}'::jsonb), '{state}', COALESCE(rate_budget->'state', '{}'::jsonb) || :state!::jsonb) WHERE id = :id!;

/*
 * Ends a run in one statement: the lease released, the cursors of the run's pages that had
 * nothing to store (:streams, merged as CommitStreams does; '{}' when none), the interval the
 * schedule now has, when this run ended and how many runs in a row failed (the channel's card
 * computes the next sync and says "backing off" from them). The cursors are saved only while the
 * run still holds the lease. A run that succeeded (:ok) also ends the auth failure streak, stores
 * the budget the network reported (:rateBudget) and shows the connector's notice, or no error
 * (:notice null) — what CallSucceeded and SetChannelNotice did in two statements of their own.
 */
/* @name FinishRun */
UPDATE channel_account
          SET sync_state = (CASE WHEN sync_state->'lease'->>'owner' = :owner!
                                 THEN jsonb_set(sync_state, '{streams}', COALESCE(sync_state->'streams', '{}'::jsonb) || :streams!::jsonb) - 'lease'
                                 ELSE sync_state END)
                           || jsonb_build_object('intervalMs', :intervalMs!::int, 'lastRunAt', now(),
                                                 'failures', CASE WHEN :ok!::boolean THEN 0 ELSE COALESCE((sync_state->>'failures')::int, 0) + 1 END),
              last_synced_at = CASE WHEN :ok!::boolean THEN now() ELSE last_synced_at END,
              consecutive_auth_failures = CASE WHEN :ok!::boolean THEN 0 ELSE consecutive_auth_failures END,
              last_error = CASE WHEN :ok!::boolean THEN :notice ELSE last_error END,
              last_error_at = CASE WHEN NOT :ok!::boolean THEN last_error_at WHEN :notice::text IS NULL THEN NULL ELSE now() END,
              rate_budget = CASE WHEN :ok!::boolean THEN :rateBudget!::jsonb ELSE rate_budget END,
              updated_at = now()
        WHERE id = :id!;
